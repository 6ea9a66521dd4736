import { aContainer, aForwarder, aPort, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import type { Scheduler } from '../entities/scheduler';
import { AlreadyExistsError } from '../errors/domain-error';
import { applySchedulerPatch, isEmptyPatch } from './scheduler-patch';

const sidecar = aContainer({ name: 'sidecar', image: 'sidecar:1', ports: [] });
const current: Scheduler = aScheduler()
  .withContainers(aContainer(), sidecar)
  .withForwarders(aForwarder())
  .withAnnotations({ a: '1' })
  .withLabels({ l: '1' })
  .withSpec({ restartPolicy: '', toleration: 'tol', affinity: 'aff' })
  .build();

describe('applySchedulerPatch (management-api.md 4.6)', () => {
  it('refuses a patch without any present field', () => {
    expect(() => applySchedulerPatch(current, {})).toThrow(new AlreadyExistsError('no change found to scheduler my-scheduler'));
    expect(() => applySchedulerPatch(current, { containers: [], forwarders: [] })).toThrow(AlreadyExistsError);
  });

  it('counts present scalars, objects and maps, even empty or equal to the current values', () => {
    expect(isEmptyPatch({ annotations: {} })).toBe(false);
    expect(isEmptyPatch({ autoscaling: {} })).toBe(false);
    expect(isEmptyPatch({ roomsReplicas: 0 })).toBe(false);
    expect(applySchedulerPatch(current, { maxSurge: current.maxSurge })).toEqual(current);
  });

  it('replaces top-level fields and leaves the others alone', () => {
    const patched = applySchedulerPatch(current, {
      portRange: { start: 1000, end: 2000 },
      maxSurge: '3',
      roomsReplicas: 4,
      matchAllocation: { maxMatches: 2 },
    });
    expect(patched).toEqual({ ...current, portRange: { start: 1000, end: 2000 }, maxSurge: '3', roomsReplicas: 4, matchAllocation: { maxMatches: 2 } });
  });

  it('replaces spec scalars without touching the version or the restart policy', () => {
    const patched = applySchedulerPatch(current, { terminationGracePeriodNs: 5, toleration: '', affinity: 'x' });
    expect(patched.spec).toEqual({ ...current.spec, terminationGracePeriodNs: 5, toleration: '', affinity: 'x' });
    expect(patched.spec.restartPolicy).toBe('');
    expect(patched.spec.version).toBe('v1.0.0');
  });

  it('merges containers by index, field by field', () => {
    const patched = applySchedulerPatch(current, { containers: [{ image: 'game:2', requests: { memory: '1Gi', cpu: '1' } }] });
    expect(patched.spec.containers).toEqual([{ ...current.spec.containers[0], image: 'game:2', requests: { memory: '1Gi', cpu: '1' } }, sidecar]);
  });

  it('replaces whole lists of a container when they are non-empty, never clears them', () => {
    const ports = [aPort({ name: 'tcp', protocol: 'tcp', port: 80 })];
    const patched = applySchedulerPatch(current, { containers: [{ command: ['./new'], ports, environment: [] }, { command: [] }] });
    expect(patched.spec.containers[0]).toEqual({ ...current.spec.containers[0], command: ['./new'], ports });
    expect(patched.spec.containers[1]).toEqual(sidecar);
  });

  it('appends extra patch elements starting from an empty container', () => {
    const patched = applySchedulerPatch(current, { containers: [{}, {}, { name: 'third', image: 'third:1' }] });
    expect(patched.spec.containers).toHaveLength(3);
    expect(patched.spec.containers[2]).toEqual({
      name: 'third',
      image: 'third:1',
      imagePullPolicy: '',
      command: [],
      environment: [],
      requests: { memory: '', cpu: '' },
      limits: { memory: '', cpu: '' },
      ports: [],
    });
  });

  it('replaces the whole forwarder list (with default options) and never clears it', () => {
    const patched = applySchedulerPatch(current, { forwarders: [aForwarder({ name: 'other', options: undefined })] });
    expect(patched.forwarders).toEqual([aForwarder({ name: 'other', options: { timeoutMs: 1000, metadata: {} } })]);
    expect(applySchedulerPatch(current, { forwarders: [], roomsReplicas: 1 }).forwarders).toEqual(current.forwarders);
  });

  it('replaces maps and can empty them', () => {
    const patched = applySchedulerPatch(current, { annotations: {}, labels: { x: 'y' } });
    expect(patched.annotations).toEqual({});
    expect(patched.labels).toEqual({ x: 'y' });
  });

  it('starts the autoscaling from zero values when the scheduler had none', () => {
    expect(applySchedulerPatch(current, { autoscaling: { enabled: true } }).autoscaling).toEqual({
      enabled: true,
      min: 0,
      max: 0,
      cooldown: 0,
      policy: { type: '', parameters: {} },
    });
  });

  it('patches present autoscaling fields, replaces the whole policy and applies the request defaults', () => {
    const withAutoscaling = { ...current, autoscaling: aRoomOccupancyAutoscaling({ min: 2, max: 9, cooldown: 30 }) };
    const patched = applySchedulerPatch(withAutoscaling, {
      autoscaling: { max: 20, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.3, downThreshold: 0 } } } },
    });
    expect(patched.autoscaling).toEqual({
      enabled: true,
      min: 2,
      max: 20,
      cooldown: 30,
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: Math.fround(0.3), downThreshold: 0.99 } } },
    });
  });

  it('does not modify the current scheduler', () => {
    const before = structuredClone(current);
    applySchedulerPatch(current, { containers: [{ image: 'x' }], annotations: {} });
    expect(current).toEqual(before);
  });
});
