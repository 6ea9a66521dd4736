import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describeCounts, ROOM_SERIES, type RoomCounts } from './room-counts';

/** Rooms by status as one horizontal stacked bar, scaled to `max` rooms. */
export function RoomsBar({ counts, max }: { counts: RoomCounts; max: number }) {
  const text = describeCounts(counts);
  return (
    <div className="rooms-bar" role="img" aria-label={`Rooms: ${text}`} title={text}>
      <ResponsiveContainer width="100%" height={22} initialDimension={{ width: 240, height: 22 }}>
        <BarChart data={[counts]} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <XAxis type="number" hide domain={[0, Math.max(1, max)]} />
          <YAxis type="category" hide />
          <Tooltip cursor={false} wrapperStyle={{ zIndex: 2 }} />
          {ROOM_SERIES.filter((s) => s.key !== 'error').map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="rooms" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
