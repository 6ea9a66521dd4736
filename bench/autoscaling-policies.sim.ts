/**
 * Compares autoscaling policies on an evening peak with the simulator (the health controller's own
 * decision function) and prints the Markdown tables of docs/autoscaling.md. Deterministic.
 * Run: node tools/scripts/run.mjs bench/autoscaling-policies.sim.ts
 */
import { type Autoscaling, simulateAutoscaling, type TracePoint } from '@maestro/domain';

const start = Date.UTC(2026, 0, 2, 17, 0, 0);
const minute = 60_000;

/** Occupied rooms from 17:00 to 23:00: 10 at rest, rising from 19:30 to 60 at 20:00, back to 10 by 20:30. */
const trace: TracePoint[] = Array.from({ length: 6 * 12 + 1 }, (_, i) => {
  const hours = (i * 5) / 60;
  const peak = Math.max(0, 1 - Math.abs(hours - 3) / 0.5);
  return { at: new Date(start + i * 5 * minute), occupied: Math.round(10 + 50 * peak) };
});

const limits = { enabled: true, min: 5, max: 200, cooldown: 300 };
const candidates: [string, Autoscaling][] = [
  ['roomOccupancy readyTarget 0.2', { ...limits, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.2, downThreshold: 0.9 } } } }],
  ['roomOccupancy readyTarget 0.4', { ...limits, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.4, downThreshold: 0.9 } } } }],
  ['fixedBuffer amount 5', { ...limits, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5 } } } }],
  ['fixedBuffer amount 15', { ...limits, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 15 } } } }],
  [
    'schedule: 15 from 19:15 for 1h30m, else 5',
    {
      ...limits,
      policy: {
        type: 'schedule',
        parameters: {
          schedule: {
            timezone: 'UTC',
            entries: [{ cron: '15 19 * * *', duration: '1h30m', policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 15 } } } }],
            default: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5 } } },
          },
        },
      },
    },
  ],
  [
    'fixedBuffer 5, allocationBufferMinutes 3',
    { ...limits, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5, allocationBufferMinutes: 3 } } } },
  ],
];

const results = candidates.map(([label, autoscaling]) => ({
  label,
  result: simulateAutoscaling({ autoscaling, roomsReplicas: 0, maxSurge: '25%', maxMatches: 1, trace, intervalMs: minute, startupDelayMs: 3 * minute }),
}));

const lines: string[] = [];
lines.push('| policy | room-hours | shortfall (room-minutes) | minutes without a ready room | scale operations | peak rooms |');
lines.push('|---|---|---|---|---|---|');
for (const { label, result } of results) {
  const s = result.summary;
  lines.push(`| ${label} | ${s.roomHours} | ${s.shortfallRoomMinutes} | ${s.minutesWithoutReadyRoom} | ${s.scaleOperations} | ${s.peakRooms} |`);
}
lines.push('');
lines.push(`| time (UTC) | occupied | ${results.map((r) => `${r.label}: desired`).join(' | ')} |`);
lines.push(`|---|---|${results.map(() => '---').join('|')}|`);
for (let i = 0; i < results[0].result.steps.length; i += 15) {
  const at = results[0].result.steps[i].at.toISOString().slice(11, 16);
  lines.push(`| ${at} | ${results[0].result.steps[i].occupied} | ${results.map((r) => r.result.steps[i].desired).join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
