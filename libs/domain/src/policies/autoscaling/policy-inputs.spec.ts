import { aFixedBufferAutoscaling, aRoomOccupancyAutoscaling } from '@maestro/testing';
import type { Autoscaling, AutoscalingPolicy } from '../../entities/scheduler';
import { allocationBufferRooms, describePolicy, plainFleet, policyCanDownscale, policyDesiredRooms } from './policy-evaluation';

const now = new Date('2026-03-01T19:00:00Z');
const buffer = (amount: number): AutoscalingPolicy => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
const occupancy: AutoscalingPolicy = { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 } } };
const withPolicy = (policy: AutoscalingPolicy): Autoscaling => ({ ...aFixedBufferAutoscaling(), policy });
const schedule = withPolicy({
  type: 'schedule',
  parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '0 18 * * *', duration: '4h', policy: occupancy }], default: buffer(2) } },
});
const webhook = withPolicy({ type: 'webhook', parameters: { webhook: { url: 'http://hook.local/scale', timeoutMs: 2000, fallback: buffer(3) } } });
// 4 occupied rooms and 1 ready of 5.
const fleet = plainFleet(5, 1, 4, 1);

describe('policies that read more than the rooms', () => {
  it('evaluates the open window of a schedule and says which one', () => {
    expect(policyDesiredRooms(schedule, fleet, { now })).toBe(8);
    expect(describePolicy(schedule, fleet, { now })).toBe("schedule window '0 18 * * *' (until 22:00 UTC): readyTarget 0.5");
  });

  it('evaluates a schedule default outside its windows', () => {
    const morning = new Date('2026-03-01T09:00:00Z');
    expect(policyDesiredRooms(schedule, fleet, { now: morning })).toBe(6);
    expect(describePolicy(schedule, fleet, { now: morning })).toBe('schedule default: fixedBuffer 2');
  });

  it('needs the time to evaluate a schedule', () => {
    expect(() => policyDesiredRooms(schedule, fleet)).toThrow('the schedule policy needs the time of the run');
  });

  it("applies a webhook's answer and lets it scale down", () => {
    const inputs = { now, webhook: { rooms: 3 } };
    expect(policyDesiredRooms(webhook, fleet, inputs)).toBe(3);
    expect(policyCanDownscale(webhook, fleet, inputs)).toBe(true);
    expect(describePolicy(webhook, fleet, inputs)).toBe('webhook answered 3');
  });

  it('falls back when the webhook failed or was not asked, and says so', () => {
    const failed = { now, webhook: { failure: 'timeout after 2000ms' } };
    expect(policyDesiredRooms(webhook, fleet, failed)).toBe(7);
    expect(describePolicy(webhook, fleet, failed)).toBe('webhook failed (timeout after 2000ms), fallback fixedBuffer 3');
    expect(describePolicy(webhook, fleet, { now })).toBe('webhook not called, fallback fixedBuffer 3');
  });

  it('adds rooms for the allocation rate only when allocationBufferMinutes is set', () => {
    const allocationsPerMinute = [2, 6, 3];
    expect(policyDesiredRooms(aFixedBufferAutoscaling(), fleet, { now, allocationsPerMinute })).toBe(9);
    const buffered = aFixedBufferAutoscaling({ policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5, allocationBufferMinutes: 0.5 } } } });
    expect(policyDesiredRooms(buffered, fleet, { now, allocationsPerMinute })).toBe(12);
    expect(describePolicy(buffered, fleet, { now, allocationsPerMinute })).toBe('fixedBuffer 5 + 3 for 6 allocations/min');
    const occupancyBuffered = aRoomOccupancyAutoscaling({
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99, allocationBufferMinutes: 2 } } },
    });
    expect(policyDesiredRooms(occupancyBuffered, fleet, { now, allocationsPerMinute })).toBe(8 + 12);
  });

  it('adds no rooms without counted allocations', () => {
    expect(allocationBufferRooms({ allocationBufferMinutes: 3 }, undefined)).toBe(0);
    expect(allocationBufferRooms({ allocationBufferMinutes: 3 }, [])).toBe(0);
    expect(allocationBufferRooms({}, [10])).toBe(0);
    expect(allocationBufferRooms({ allocationBufferMinutes: 1.5 }, [0, 1])).toBe(2);
  });
});
