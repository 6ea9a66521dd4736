import { aContainer, aScheduler } from '@maestro/testing';
import { buildPod, DEFAULT_TOPOLOGY_SPREAD, restartPolicy, topologySpreadConstraint, type TopologySpreadOptions } from './pod-builder';

const spread = (overrides: Partial<TopologySpreadOptions> = {}) => ({ topologySpreadConstraint: { ...DEFAULT_TOPOLOGY_SPREAD, ...overrides } });

describe('scheduler spec -> pod (runtime-kubernetes.md 3.2)', () => {
  const scheduler = aScheduler().withName('sched').build();
  const build = (specOverrides: Partial<typeof scheduler.spec> = {}, options = spread(), s = scheduler) =>
    buildPod(s, 'sched-abcde', { ...scheduler.spec, ...specOverrides }, options);

  it('names the pod after the room, in the scheduler namespace', () => {
    const pod = build();
    expect(pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sched-abcde', namespace: 'sched' } });
  });

  it('labels heritage, scheduler and version, with the scheduler labels merged on top (overrides included)', () => {
    expect(build({ version: 'v1.2.0' }).metadata?.labels).toEqual({ heritage: 'maestro', 'maestro-scheduler': 'sched', version: 'v1.2.0' });
    const labelled = aScheduler()
      .withName('sched')
      .with({ labels: { team: 'a', heritage: 'overridden' } })
      .build();
    expect(build({}, spread(), labelled).metadata?.labels).toEqual({ heritage: 'overridden', 'maestro-scheduler': 'sched', version: 'v1.0.0', team: 'a' });
  });

  it('annotates safe-to-evict, with the scheduler annotations merged on top', () => {
    expect(build().metadata?.annotations).toEqual({ 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' });
    const annotated = aScheduler()
      .withName('sched')
      .with({ annotations: { note: 'x', 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' } })
      .build();
    expect(build({}, spread(), annotated).metadata?.annotations).toEqual({ 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false', note: 'x' });
  });

  it.each([
    [100e9, 100],
    [1_999_999_999, 1],
    [15, undefined],
    [0, undefined],
  ])('grace period %d ns -> terminationGracePeriodSeconds %s', (ns, seconds) => {
    const spec = build({ terminationGracePeriodNs: ns }).spec!;
    expect(spec.terminationGracePeriodSeconds).toBe(seconds);
    if (seconds === undefined) expect(spec).not.toHaveProperty('terminationGracePeriodSeconds');
  });

  it.each([
    ['Always', 'Always'],
    ['OnFailure', 'OnFailure'],
    ['Never', 'Never'],
    ['', 'Never'],
    ['always', 'Never'],
    ['Sometimes', 'Never'],
  ])('restart policy %j -> %s', (given, expected) => {
    expect(restartPolicy(given)).toBe(expected);
    expect(build({ restartPolicy: given }).spec!.restartPolicy).toBe(expected);
  });

  it('tolerates the dedicated taint only when a toleration is set', () => {
    expect(build({ toleration: '' }).spec!.tolerations).toEqual([]);
    expect(build({ toleration: 'game' }).spec!.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'game', effect: 'NoSchedule' }]);
  });

  it('requires the affinity label only when set', () => {
    expect(build({ affinity: '' }).spec).not.toHaveProperty('affinity');
    expect(build({ affinity: 'game-node' }).spec!.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'game-node', operator: 'In', values: ['true'] }] }] },
      },
    });
  });

  it('adds the topology spread constraint only when enabled', () => {
    expect(build({}, spread({ enabled: false })).spec).not.toHaveProperty('topologySpreadConstraints');
    expect(build().spec!.topologySpreadConstraints).toEqual([
      {
        maxSkew: 5,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { 'maestro-scheduler': 'sched' } },
      },
    ]);
  });

  it.each<[Partial<TopologySpreadOptions>, object]>([
    [{ maxSkew: 0 }, { maxSkew: 5 }],
    [{ maxSkew: -3 }, { maxSkew: 5 }],
    [{ maxSkew: 2 }, { maxSkew: 2 }],
    [{ topologyKey: '' }, { topologyKey: 'topology.kubernetes.io/zone' }],
    [{ topologyKey: 'kubernetes.io/hostname' }, { topologyKey: 'kubernetes.io/hostname' }],
    [{ scheduleAnyway: true }, { whenUnsatisfiable: 'ScheduleAnyway' }],
    [{ scheduleAnyway: false }, { whenUnsatisfiable: 'DoNotSchedule' }],
  ])('spread options %j -> %j', (options, expected) => {
    expect(topologySpreadConstraint('sched', { ...DEFAULT_TOPOLOGY_SPREAD, ...options })).toMatchObject(expected);
  });

  it('has one container per spec container, in order, and nothing else', () => {
    const pod = build({ containers: [aContainer({ name: 'a', ports: [] }), aContainer({ name: 'b', ports: [] })] });
    expect(pod.spec!.containers.map((c) => c.name)).toEqual(['a', 'b']);
    expect(Object.keys(pod.spec!).sort()).toEqual(['containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints']);
  });
});
