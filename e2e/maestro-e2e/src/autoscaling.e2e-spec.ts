import { waitFor } from '@maestro/testing';
import { info, management, simulatedScheduler } from './support/maestro-client';

describe('autoscaling (autoscaling_test: roomOccupancy full scale up, then disabled)', () => {
  const name = 'e2e-autoscaling';
  const autoscaling = { enabled: true, min: 1, max: 6, cooldown: 0, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5 } } } };

  it('grows the fleet as rooms become occupied, never above max', async () => {
    // Each room pings ready, then occupied 1 s later, and stays occupied.
    const body = simulatedScheduler(name, { autoscaling }, { ROOM_OCCUPY_AFTER_MS: '1000' });
    expect((await management('POST', '/schedulers', body)).status).toBe(200);
    let highest = 0;
    await waitFor(
      async () => {
        const counters = await info(name);
        const total = (counters?.roomsReady ?? 0) + (counters?.roomsOccupied ?? 0) + (counters?.roomsPending ?? 0);
        highest = Math.max(highest, total);
        return counters?.roomsOccupied === 6;
      },
      { timeoutMs: 120_000, description: '6 occupied rooms (max)' },
    );
    expect(highest).toBeLessThanOrEqual(6);
    const scheduler = (await management('GET', '/schedulers/info?game=e2e')).body.schedulers.find((s: { name: string }) => s.name === name);
    expect(scheduler.autoscaling).toEqual({ enabled: true, min: 1, max: 6, cooldown: 0 });
  });

  it('follows roomsReplicas again once autoscaling is disabled', async () => {
    expect((await management('PATCH', `/schedulers/${name}`, { roomsReplicas: 2, autoscaling: { enabled: false } })).status).toBe(200);
    await waitFor(
      async () => {
        const counters = await info(name);
        return counters && counters.roomsReady + counters.roomsOccupied + counters.roomsPending === 2;
      },
      { timeoutMs: 120_000, description: 'back to 2 rooms' },
    );
  });
});
