import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { clockTime } from './chart-time';
import type { Simulation } from './simulation-input';

type Summary = Simulation['summary'];

const METRICS: { key: keyof Summary; label: string }[] = [
  { key: 'roomHours', label: 'Room-hours' },
  { key: 'shortfallRoomMinutes', label: 'Shortfall (room-minutes)' },
  { key: 'minutesWithoutReadyRoom', label: 'Minutes without a ready room' },
  { key: 'scaleOperations', label: 'Scale operations' },
  { key: 'peakRooms', label: 'Peak rooms' },
];

const SERIES = [
  { key: 'occupied', label: 'occupied', color: '#3c6fd1', dash: undefined },
  { key: 'ready', label: 'ready', color: '#2e9d5b', dash: undefined },
  { key: 'desired', label: 'desired', color: '#444a55', dash: '5 3' },
] as const;

const number = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 3 });

/** Each candidate's summary side by side, then its steps as a chart of occupied, ready and desired rooms. */
export function SimulationResults({ labels, results }: { labels: string[]; results: Simulation[] }) {
  return (
    <div className="simulation-results" aria-live="polite">
      <div className="table-scroll">
        <table className="striped summaries">
          <caption className="visually-hidden">Summary of each candidate</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {labels.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRICS.map((metric) => (
              <tr key={metric.key} data-metric={metric.key}>
                <th scope="row">{metric.label}</th>
                {results.map((result, i) => (
                  <td key={labels[i]}>{number(result.summary[metric.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid simulation-charts">
        {results.map((result, i) => (
          <StepsChart key={labels[i]} label={labels[i]} result={result} />
        ))}
      </div>
    </div>
  );
}

function StepsChart({ label, result }: { label: string; result: Simulation }) {
  const steps = result.steps.map((step) => ({ ...step, at: new Date(step.at).getTime() }));
  const peak = Math.max(0, ...result.steps.map((s) => s.desired));
  return (
    <div className="simulation-chart">
      {/* A figure with a figcaption may not be an image for assistive technology: the title stands beside it. */}
      <p className="chart-title">Candidate {label}</p>
      <figure role="img" aria-label={`Candidate ${label}: ${steps.length} steps of occupied, ready and desired rooms; at most ${peak} desired`}>
        <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 500, height: 220 }}>
          <LineChart data={steps} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={clockTime} />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip labelFormatter={(at) => clockTime(Number(at))} />
            <Legend />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="stepAfter"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeDasharray={s.dash}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
