import { aFixedBufferAutoscaling, aRoomOccupancyAutoscaling } from '@maestro/testing';
import type { Autoscaling } from '../../../entities/scheduler';
import { type FleetState, plainFleet } from '../../../policies/autoscaling/policy-evaluation';
import { decideScale, type ScaleSituation } from './scale-decision';
import { explainScale } from './scale-reason';

const now = new Date('2026-01-02T10:00:00Z');
const fleet = (ready: number, occupied: number): FleetState => plainFleet(ready + occupied, ready, occupied, 1);
const situation = (autoscaling: Autoscaling | undefined, ready: number, occupied: number, overrides: Partial<ScaleSituation> = {}): ScaleSituation => ({
  scheduler: { roomsReplicas: 4, autoscaling, maxSurge: '25%', lastDownscaleAt: new Date(0) },
  fleet: fleet(ready, occupied),
  available: ready + occupied,
  rolling: false,
  oldVersionRooms: 0,
  now,
  ...overrides,
});
const explained = (s: ScaleSituation) => {
  const decision = decideScale(s);
  return { ...decision, reason: explainScale(decision, s.fleet?.ready ?? 0, s.scheduler.autoscaling) };
};

describe('decideScale, the health controller decision', () => {
  it("clamps a webhook's answer to min and max and names the window of a schedule", () => {
    const fallback = { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1 } } };
    const webhook = aFixedBufferAutoscaling({
      max: 10,
      policy: { type: 'webhook', parameters: { webhook: { url: 'http://hook', timeoutMs: 500, fallback } } },
    });
    expect(explained(situation(webhook, 3, 2, { inputs: { webhook: { rooms: 50 } } })).reason).toBe(
      '3 of 5 rooms ready, webhook answered 50 wants 50, capped by max 10: +5',
    );
    expect(explained(situation(webhook, 3, 2, { inputs: { webhook: { failure: 'status 500' } } })).reason).toBe(
      '3 of 5 rooms ready, webhook failed (status 500), fallback fixedBuffer 1 wants 3: -2',
    );
    const schedule = aFixedBufferAutoscaling({
      policy: {
        type: 'schedule',
        parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '0 9 * * *', duration: '2h', policy: fallback }], default: fallback } },
      },
    });
    expect(explained(situation(schedule, 0, 2)).reason).toBe("0 of 2 rooms ready, schedule window '0 9 * * *' (until 11:00 UTC): fixedBuffer 1 wants 3: +1");
  });

  it('names the max that capped a roomOccupancy target and says why in one sentence', () => {
    const decision = explained(situation(aRoomOccupancyAutoscaling({ max: 12 }), 3, 7));
    expect(decision).toMatchObject({ current: 10, wanted: 14, desired: 12, limitedBy: ['max'], action: { kind: 'add', amount: 2 } });
    expect(decision.reason).toBe('3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2');
  });

  it('raises a small target to min', () => {
    const decision = explained(
      situation(aFixedBufferAutoscaling({ min: 6, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 2 } } } }), 1, 1),
    );
    expect(decision).toMatchObject({ wanted: 3, desired: 6, limitedBy: ['min'], action: { kind: 'add', amount: 4 } });
    expect(decision.reason).toBe('1 of 2 rooms ready, fixedBuffer 2 wants 3, raised to min 6: +4');
  });

  it('keeps the rooms while the cooldown runs and scales down once it is over', () => {
    const autoscaling = aFixedBufferAutoscaling({ cooldown: 60, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1 } } } });
    const inCooldown = situation(autoscaling, 5, 1, {
      scheduler: { roomsReplicas: 0, autoscaling, maxSurge: '1', lastDownscaleAt: new Date(now.getTime() - 30_000) },
    });
    expect(explained(inCooldown)).toMatchObject({
      desired: 6,
      limitedBy: ['cooldown'],
      action: { kind: 'none', amount: 0 },
      downscales: false,
      reason: '5 of 6 rooms ready, fixedBuffer 1 wants 2, cooldown of 60s since the last downscale keeps 6: no change',
    });
    const over = { ...inCooldown, now: new Date(now.getTime() + 30_000) };
    expect(explained(over)).toMatchObject({ desired: 2, limitedBy: [], action: { kind: 'remove', amount: 4 }, downscales: true });
  });

  it('keeps the rooms when the roomOccupancy downThreshold refuses a downscale', () => {
    const autoscaling = aRoomOccupancyAutoscaling({
      max: -1,
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.1 } } },
    });
    expect(explained(situation(autoscaling, 5, 3))).toMatchObject({
      wanted: 6,
      desired: 8,
      limitedBy: ['downscalePolicy'],
      action: { kind: 'none', amount: 0 },
    });
  });

  it('surges during a rolling update, within max, and removes only rooms of the previous version', () => {
    const autoscaling = aFixedBufferAutoscaling({ max: 9, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 4 } } } });
    expect(decideScale(situation(autoscaling, 4, 4, { rolling: true, oldVersionRooms: 8 }))).toMatchObject({
      desired: 9,
      limitedBy: ['max', 'maxSurge'],
      action: { kind: 'add', amount: 1 },
    });
    const surplus = situation(undefined, 6, 0, { rolling: true, oldVersionRooms: 1, available: 12 });
    expect(decideScale(surplus)).toMatchObject({ desired: 4, limitedBy: ['oldVersionRooms'], action: { kind: 'remove', amount: 1 } });
  });

  it('wants roomsReplicas without autoscaling, whatever the fleet', () => {
    expect(explained(situation(undefined, 1, 9, { fleet: undefined }))).toMatchObject({
      wanted: 4,
      desired: 4,
      action: { kind: 'remove', amount: 6 },
      downscales: true,
    });
    expect(explained(situation(undefined, 0, 1, { fleet: undefined })).reason).toBe('0 of 1 rooms ready, roomsReplicas wants 4: +3');
  });

  it('names the add and remove caps of one operation', () => {
    const caps = { add: 3, remove: 2 };
    const growing = situation(undefined, 0, 0, { fleet: undefined, caps });
    const decision = decideScale(growing);
    expect(decision).toMatchObject({ limitedBy: ['addRoomsLimit'], action: { kind: 'add', amount: 4 } });
    expect(explainScale(decision, 0, undefined, caps)).toBe('0 of 0 rooms ready, roomsReplicas wants 4, add_rooms creates at most 3 per run: +4');
    expect(decideScale(situation(undefined, 9, 0, { fleet: undefined, caps })).limitedBy).toEqual(['removeRoomsLimit']);
  });

  it('fails on a policy it cannot evaluate, as Maestro does', () => {
    const broken = aFixedBufferAutoscaling({ policy: { type: 'magic', parameters: {} } });
    expect(() => decideScale(situation(broken, 1, 1))).toThrow('unknown autoscaling policy type magic');
  });
});
