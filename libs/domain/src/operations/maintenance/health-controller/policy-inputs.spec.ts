import {
  aFixedBufferAutoscaling,
  aRoomOccupancyAutoscaling,
  aScheduler,
  InMemoryAllocationCounter,
  InMemoryScalingWebhook,
  ManualClock,
} from '@maestro/testing';
import type { Autoscaling, AutoscalingPolicy } from '../../../entities/scheduler';
import { silentLogger } from '../../../ports/logger.port';
import { readPolicyInputs } from './policy-inputs';

const now = new Date('2026-03-01T19:00:30Z');
const buffer = (amount: number, allocationBufferMinutes?: number): AutoscalingPolicy => ({
  type: 'fixedBuffer',
  parameters: { fixedBuffer: { amount, ...(allocationBufferMinutes ? { allocationBufferMinutes } : {}) } },
});
const schedulerWith = (autoscaling: Autoscaling) => aScheduler().withName('fleet').withAutoscaling(autoscaling).build();
const sample = { at: now, ready: 2, occupied: 3, pending: 1, terminating: 0, error: 0 };

describe('the policy inputs of a health controller run', () => {
  let allocations: InMemoryAllocationCounter;
  let scalingWebhook: InMemoryScalingWebhook;
  const ports = () => ({ allocations, scalingWebhook, clock: new ManualClock(now) });

  beforeEach(async () => {
    allocations = new InMemoryAllocationCounter();
    scalingWebhook = new InMemoryScalingWebhook();
    for (const at of ['2026-03-01T18:57:10Z', '2026-03-01T19:00:01Z', '2026-03-01T19:00:02Z']) await allocations.record('fleet', new Date(at));
  });

  it('reads nothing for a policy that uses no input (Maestro behaviour)', async () => {
    expect(await readPolicyInputs(ports(), schedulerWith(aRoomOccupancyAutoscaling()), { sample, current: 6 }, silentLogger)).toEqual({});
  });

  it('reads the last five minutes of allocations for allocationBufferMinutes, even in a schedule window', async () => {
    const expected = { allocationsPerMinute: [0, 1, 0, 0, 2] };
    expect(await readPolicyInputs(ports(), schedulerWith(aFixedBufferAutoscaling({ policy: buffer(2, 3) })), { sample, current: 6 }, silentLogger)).toEqual(
      expected,
    );
    const schedule: AutoscalingPolicy = {
      type: 'schedule',
      parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '0 18 * * *', duration: '1h', policy: buffer(5, 1) }], default: buffer(1) } },
    };
    expect(await readPolicyInputs(ports(), schedulerWith(aFixedBufferAutoscaling({ policy: schedule })), { sample, current: 6 }, silentLogger)).toEqual(
      expected,
    );
  });

  it("asks a webhook policy's endpoint with the scheduler's status", async () => {
    const url = 'http://scaler.local/rooms';
    scalingWebhook.respond(url, { status: 200, body: '{"rooms": 9}' });
    const policy: AutoscalingPolicy = { type: 'webhook', parameters: { webhook: { url, timeoutMs: 500, fallback: buffer(1) } } };
    const scheduler = schedulerWith(aFixedBufferAutoscaling({ min: 2, max: 30, policy }));
    const inputs = await readPolicyInputs(ports(), scheduler, { sample, current: 6 }, silentLogger);
    expect(inputs).toEqual({ allocationsPerMinute: [0, 1, 0, 0, 2], webhook: { rooms: 9 } });
    expect(scalingWebhook.received).toEqual([
      {
        url,
        status: {
          scheduler: 'fleet',
          game: scheduler.game,
          rooms: { ready: 2, occupied: 3, pending: 1, terminating: 0, error: 0 },
          current: 6,
          min: 2,
          max: 30,
          allocationsPerMinute: [0, 1, 0, 0, 2],
        },
      },
    ]);
  });

  it('counts unreadable allocations as none and still asks the webhook', async () => {
    const broken = { record: async () => undefined, recent: async () => Promise.reject(new Error('redis down')) };
    const url = 'http://scaler.local/rooms';
    scalingWebhook.respond(url, { status: 503, body: '' });
    const policy: AutoscalingPolicy = { type: 'webhook', parameters: { webhook: { url, timeoutMs: 500, fallback: buffer(1) } } };
    const inputs = await readPolicyInputs(
      { ...ports(), allocations: broken },
      schedulerWith(aFixedBufferAutoscaling({ policy })),
      { sample, current: 6 },
      silentLogger,
    );
    expect(inputs).toEqual({ allocationsPerMinute: undefined, webhook: { failure: 'status 503' } });
  });
});
