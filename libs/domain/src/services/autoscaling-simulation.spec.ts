import { aFixedBufferAutoscaling, aRoomOccupancyAutoscaling, aScheduler, InMemoryRoomSamples, InMemorySchedulerStorage, ManualClock } from '@maestro/testing';
import { simulateAutoscaling, type SimulationInput } from './autoscaling-simulation';
import { AutoscalingSimulator, measureStartupDelay } from './autoscaling-simulator';

const t0 = Date.UTC(2026, 0, 2, 18, 0, 0);
const minute = 60_000;
const trace = (...occupied: number[]) => occupied.map((n, i) => ({ at: new Date(t0 + i * minute), occupied: n }));
const input = (overrides: Partial<SimulationInput>): SimulationInput => ({
  autoscaling: aFixedBufferAutoscaling({ min: 1, max: 20, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 2 } } } }),
  roomsReplicas: 0,
  maxSurge: '25%',
  maxMatches: 1,
  trace: trace(0, 0, 4, 4, 4, 0),
  intervalMs: minute,
  startupDelayMs: 0,
  ...overrides,
});

describe('simulateAutoscaling', () => {
  it('steps the fixedBuffer decision each interval and sums cost and shortfall', () => {
    const result = simulateAutoscaling(input({ startupDelayMs: 2 * minute }));
    // The policy sees the rooms occupied so far; rooms asked at 18:02 are ready at 18:04.
    expect(result.steps.map(({ occupied, ready, desired }) => [occupied, ready, desired])).toEqual([
      [0, 2, 2],
      [0, 2, 2],
      [2, 0, 4],
      [2, 0, 4],
      [4, 0, 6],
      [0, 4, 2],
    ]);
    expect(result.summary).toEqual({ roomHours: 0.333, shortfallRoomMinutes: 4, minutesWithoutReadyRoom: 3, scaleOperations: 3, peakRooms: 6 });
  });

  it('opens a schedule window by the simulated clock', () => {
    const buffer = (amount: number) => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
    const schedule = aFixedBufferAutoscaling({
      min: 1,
      max: 20,
      policy: {
        type: 'schedule',
        parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '2 18 * * *', duration: '2m', policy: buffer(5) }], default: buffer(1) } },
      },
    });
    const result = simulateAutoscaling(input({ autoscaling: schedule, trace: trace(0, 0, 0, 0, 0, 0) }));
    expect(result.steps.map((step) => step.desired)).toEqual([1, 1, 5, 5, 1, 1]);
  });

  it("applies a webhook policy's fallback, the webhook not being called", () => {
    const webhook = aFixedBufferAutoscaling({
      min: 1,
      max: 20,
      policy: {
        type: 'webhook',
        parameters: { webhook: { url: 'http://scaler/rooms', timeoutMs: 500, fallback: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 3 } } } } },
      },
    });
    expect(simulateAutoscaling(input({ autoscaling: webhook, trace: trace(0, 0) })).steps.map((step) => step.desired)).toEqual([3, 3]);
  });

  it('counts newly occupied rooms as allocations for allocationBufferMinutes', () => {
    const buffered = aFixedBufferAutoscaling({
      min: 1,
      max: 20,
      policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1, allocationBufferMinutes: 1 } } },
    });
    // One room ready for a demand of 3 at 18:01, the two others occupied at 18:02: the peak minute (2)
    // keeps 2 more rooms until it leaves the five minutes read, at 18:07.
    const result = simulateAutoscaling(input({ autoscaling: buffered, trace: trace(0, 3, 3, 3, 3, 3, 3, 3) }));
    expect(result.steps.map((step) => step.desired)).toEqual([1, 3, 6, 6, 6, 6, 6, 4]);
  });

  it('answers the same for the same input', () => {
    const once = simulateAutoscaling(input({ autoscaling: aRoomOccupancyAutoscaling({ max: -1 }) }));
    expect(simulateAutoscaling(input({ autoscaling: aRoomOccupancyAutoscaling({ max: -1 }) }))).toEqual(once);
  });

  it('keeps the occupied rooms when max is below the demand', () => {
    const capped = simulateAutoscaling(input({ autoscaling: aFixedBufferAutoscaling({ max: 3 }), trace: trace(5, 5) }));
    expect(capped.summary).toMatchObject({ peakRooms: 5, shortfallRoomMinutes: 0 });
    expect(capped.steps[1]).toMatchObject({ desired: 5 });
  });
});

describe('AutoscalingSimulator', () => {
  const setup = async () => {
    const schedulers = new InMemorySchedulerStorage();
    await schedulers.createScheduler(aScheduler().withName('fleet').withAutoscaling(aFixedBufferAutoscaling()).build());
    const roomSamples = new InMemoryRoomSamples();
    const simulator = new AutoscalingSimulator(
      { schedulers, roomSamples, clock: new ManualClock(new Date(t0 + 10 * minute)) },
      { healthControllerIntervalMs: minute },
    );
    return { simulator, roomSamples };
  };

  it('answers each candidate in the order given', async () => {
    const { simulator } = await setup();
    const candidates = [aFixedBufferAutoscaling(), aRoomOccupancyAutoscaling()];
    const results = await simulator.simulate('fleet', { candidates, trace: trace(3, 6, 2), startupDelaySeconds: 0 });
    expect(results).toHaveLength(2);
    expect(results[0].steps[0].desired).toBe(8);
    expect(results[1].steps[0].desired).toBe(6);
  });

  it('replays the recorded history and measures the start-up delay from it', async () => {
    const { simulator, roomSamples } = await setup();
    for (const [i, occupied, pending] of [
      [0, 1, 0],
      [1, 2, 2],
      [2, 2, 0],
    ]) {
      await roomSamples.record('fleet', { at: new Date(t0 + i * minute), ready: 5, occupied, pending, terminating: 0, error: 0 });
    }
    const [result] = await simulator.simulate('fleet', { since: '1h' });
    expect(result.steps.map((s) => s.occupied)).toEqual([1, 2, 2]);
  });

  it('names the field of an invalid candidate, trace or period', async () => {
    const { simulator } = await setup();
    const bad = { ...aFixedBufferAutoscaling(), min: -1 };
    await expect(simulator.simulate('fleet', { candidates: [aFixedBufferAutoscaling(), bad], trace: trace(1) })).rejects.toThrow('Candidates[1].Min');
    await expect(simulator.simulate('fleet', { trace: [{ at: new Date(t0), occupied: -2 }] })).rejects.toThrow('trace[0].occupied');
    await expect(simulator.simulate('fleet', { since: 'forever' })).rejects.toThrow('since');
  });

  it("measures the start-up delay by Little's law", () => {
    const sample = (i: number, ready: number, pending: number) => ({ at: new Date(t0 + i * minute), ready, occupied: 0, pending, terminating: 0, error: 0 });
    // 4 rooms created over 2 minutes, 1 pending on average: 30 s each.
    expect(measureStartupDelay([sample(0, 0, 0), sample(1, 0, 2), sample(2, 3, 1)])).toBe(30_000);
  });
});
