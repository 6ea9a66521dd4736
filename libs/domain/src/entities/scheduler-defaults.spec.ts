import { aForwarder, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import { applySchedulerDefaults, normalizeAutoscaling } from './scheduler-defaults';
import type { Scheduler } from './scheduler';

const request = (): Scheduler =>
  aScheduler()
    .with({ state: '' as Scheduler['state'] })
    .withSpec({ version: '', restartPolicy: '' })
    .build();

describe('applySchedulerDefaults (management-api.md 4.4)', () => {
  it('sets state creating, version v1.0.0 and restart policy Never', () => {
    const s = applySchedulerDefaults(request());
    expect(s.state).toBe('creating');
    expect(s.spec.version).toBe('v1.0.0');
    expect(s.spec.restartPolicy).toBe('Never');
  });

  it('keeps a restart policy given by the request', () => {
    expect(applySchedulerDefaults(aScheduler().withSpec({ restartPolicy: 'Always' }).build()).spec.restartPolicy).toBe('Always');
  });

  it('defaults matchAllocation to one match only when it is absent', () => {
    const absent = { ...request(), matchAllocation: undefined } as unknown as Scheduler;
    expect(applySchedulerDefaults(absent).matchAllocation).toEqual({ maxMatches: 1 });
    expect(applySchedulerDefaults(aScheduler().withMaxMatches(0).build()).matchAllocation).toEqual({ maxMatches: 0 });
  });

  it('gives forwarders without options a 1000 ms timeout and empty metadata, and keeps given options', () => {
    const s = aScheduler()
      .withForwarders(aForwarder({ options: undefined }), aForwarder({ options: { timeoutMs: 5, metadata: { a: 1 } } }))
      .build();
    expect(applySchedulerDefaults(s).forwarders.map((f) => f.options)).toEqual([
      { timeoutMs: 1000, metadata: {} },
      { timeoutMs: 5, metadata: { a: 1 } },
    ]);
  });

  it('replaces a 0 downThreshold by 0.99 and rounds the parameters to 32-bit floats', () => {
    const autoscaling = aRoomOccupancyAutoscaling({
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.3, downThreshold: 0 } } },
    });
    const occupancy = applySchedulerDefaults(aScheduler().withAutoscaling(autoscaling).build()).autoscaling?.policy.parameters.roomOccupancy;
    expect(occupancy).toEqual({ readyTarget: 0.30000001192092896, downThreshold: 0.99 });
  });

  it('rounds a given downThreshold (0.7 -> 0.699999988...) and is idempotent', () => {
    const autoscaling = aRoomOccupancyAutoscaling({
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.7 } } },
    });
    const once = normalizeAutoscaling(autoscaling);
    expect(once.policy.parameters.roomOccupancy?.downThreshold).toBe(0.699999988079071);
    expect(normalizeAutoscaling(once)).toEqual(once);
  });

  it('leaves schedulers without autoscaling or with fixedBuffer untouched', () => {
    expect(applySchedulerDefaults(aScheduler().build()).autoscaling).toBeUndefined();
    const fixed = { enabled: true, min: 1, max: 2, cooldown: 0, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 3 } } } };
    expect(normalizeAutoscaling(fixed)).toEqual(fixed);
  });
});
