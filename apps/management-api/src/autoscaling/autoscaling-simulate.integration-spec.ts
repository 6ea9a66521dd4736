import { RedisRoomSamples } from '@maestro/storage';
import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

const fixedBuffer = (amount: number, max = 50) => ({
  enabled: true,
  min: 1,
  max,
  cooldown: 0,
  policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } },
});
const t0 = Date.UTC(2026, 0, 2, 18, 0, 0);
const trace = [0, 4, 8, 8, 2].map((occupied, i) => ({ at: new Date(t0 + i * 60_000).toISOString(), occupied }));

describe('POST /schedulers/{schedulerName}/autoscaling/simulate', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
    const body = { ...aSchedulerBody('simulated'), autoscaling: fixedBuffer(2) };
    expect((await api.request('POST', '/schedulers', body)).status).toBe(200);
  });

  afterAll(() => api.stop());

  const simulate = (body: unknown) => api.request('POST', '/schedulers/simulated/autoscaling/simulate', body);

  it("steps the scheduler's own policy over a trace, the same answer twice", async () => {
    const answer = await simulate({ trace, startupDelaySeconds: 0 });
    expect(answer.status).toBe(200);
    // One step per health controller period over the trace's four minutes.
    expect(answer.body.steps).toHaveLength(Math.floor(240_000 / api.config.workers.healthControllerIntervalMs) + 1);
    expect(answer.body.steps[0]).toEqual({ at: trace[0].at, occupied: 0, ready: 2, desired: 2 });
    expect(Object.keys(answer.body.summary)).toEqual(['roomHours', 'shortfallRoomMinutes', 'minutesWithoutReadyRoom', 'scaleOperations', 'peakRooms']);
    expect((await simulate({ trace, startupDelaySeconds: 0 })).body).toEqual(answer.body);
  });

  it('answers candidates side by side, in the order given', async () => {
    const answer = await simulate({ trace, startupDelaySeconds: 60, candidates: [fixedBuffer(1), fixedBuffer(6)] });
    expect(answer.status).toBe(200);
    const [small, large] = answer.body.candidates;
    expect(small.summary.shortfallRoomMinutes).toBeGreaterThan(large.summary.shortfallRoomMinutes);
    expect(small.summary.roomHours).toBeLessThan(large.summary.roomHours);
  });

  it('replays the recorded history of occupied rooms', async () => {
    const samples = new RedisRoomSamples(api.redis.client, api.redis.keyPrefix);
    const now = Date.now();
    for (const [i, occupied] of [3, 5, 5].entries()) {
      await samples.record('simulated', { at: new Date(now - (3 - i) * 60_000), ready: 2, occupied, pending: 0, terminating: 0, error: 0 });
    }
    const answer = await simulate({ since: '1h' });
    expect(answer.status).toBe(200);
    expect(answer.body.steps[0].occupied).toBe(3);
  });

  it('answers 400 naming the field of an invalid candidate', async () => {
    const answer = await simulate({ trace, candidates: [fixedBuffer(1), { ...fixedBuffer(1), min: -3 }] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('Candidates[1].Min');
  });

  it('answers 400 naming a bad trace point or period, 404 for an unknown scheduler', async () => {
    expect((await simulate({ trace: [{ at: 'yesterday', occupied: 1 }] })).body.message).toContain('trace');
    expect((await simulate({ since: 'forever' })).body.message).toContain('since');
    expect((await api.request('POST', '/schedulers/nobody/autoscaling/simulate', { trace })).status).toBe(404);
  });
});
