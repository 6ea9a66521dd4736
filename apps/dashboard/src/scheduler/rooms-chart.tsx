import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { clockTime } from './chart-time';
import { unwrap } from '../api/client';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';
import { describeCounts, ROOM_SERIES } from '../overview/room-counts';

/** Rooms by status over the last hour, from the samples each health controller run records. */
export function RoomsChart({ scheduler }: { scheduler: string }) {
  const { client } = useApp();
  const history = usePolling(
    async () =>
      unwrap(await client.GET('/schedulers/{schedulerName}/rooms/history', { params: { path: { schedulerName: scheduler }, query: { since: '1h' } } })),
    5_000,
    [client, scheduler],
  );
  const samples = (history.data?.samples ?? []).map((s) => ({ ...s, at: new Date(s.at).getTime() }));
  const latest = samples[samples.length - 1];
  return (
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">Rooms over the last hour</h2>
      <ErrorNotice error={history.error} />
      {history.data && samples.length === 0 && <p>No samples yet: the health controller records one per run.</p>}
      {samples.length > 0 && (
        <figure role="img" aria-label={`Rooms over the last hour, ${samples.length} samples; latest: ${latest ? describeCounts(latest) : ''}`}>
          <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 600, height: 240 }}>
            <AreaChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={clockTime} />
              <YAxis allowDecimals={false} width={36} />
              <Tooltip labelFormatter={(at) => clockTime(Number(at))} />
              <Legend />
              {ROOM_SERIES.map((s) => (
                <Area
                  key={s.key}
                  type="stepAfter"
                  dataKey={s.key}
                  name={s.label}
                  stackId="rooms"
                  stroke="none"
                  fill={s.color}
                  fillOpacity={0.85}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </figure>
      )}
    </section>
  );
}
