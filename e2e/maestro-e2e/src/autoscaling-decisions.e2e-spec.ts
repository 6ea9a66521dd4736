import { waitFor } from '@maestro/testing';
import { info, management, simulatedScheduler } from './support/maestro-client';

interface Decision {
  at: string;
  desired: number;
  limitedBy: string[];
  action: { kind: string; amount: number; operationId: string | null };
  reason: string;
}

describe('autoscaling decisions and the simulator on the running system (issue 16)', () => {
  const name = 'e2e-decisions';
  const autoscaling = { enabled: true, min: 1, max: 5, cooldown: 0, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5 } } } };
  const decisions = async (): Promise<Decision[]> => (await management('GET', `/schedulers/${name}/autoscaling/decisions?limit=1000`)).body.decisions ?? [];

  it('records decisions with their reasons as rooms get occupied', async () => {
    // Each room pings ready, then occupied 1 s later, and stays occupied.
    const body = simulatedScheduler(name, { autoscaling }, { ROOM_OCCUPY_AFTER_MS: '1000' });
    expect((await management('POST', '/schedulers', body)).status).toBe(200);
    await waitFor(async () => (await info(name))?.roomsOccupied === 5, { timeoutMs: 120_000, description: '5 occupied rooms (max)' });
    const recorded = await decisions();
    const grew = recorded.find((d) => d.action.kind === 'add' && /readyTarget 0\.5 wants \d+/.test(d.reason));
    expect(grew?.action.operationId).toEqual(expect.any(String));
    await waitFor(async () => (await decisions()).some((d) => d.limitedBy.includes('max') && d.reason.includes('capped by max 5')), {
      timeoutMs: 30_000,
      description: 'a decision capped by max',
    });
    const times = recorded.map((d) => Date.parse(d.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('replays the recorded history within one room of what the live fleet decided', async () => {
    const answer = await management('POST', `/schedulers/${name}/autoscaling/simulate`, { since: '1h' });
    expect(answer.status).toBe(200);
    const steps: { desired: number }[] = answer.body.steps;
    const last = (await decisions())[0];
    expect(Math.abs(steps[steps.length - 1].desired - last.desired)).toBeLessThanOrEqual(1);
  });
});
