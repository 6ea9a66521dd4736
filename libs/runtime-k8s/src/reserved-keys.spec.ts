import { RESERVED_ANNOTATION_KEYS, RESERVED_LABEL_KEYS } from '@maestro/domain';
import { aScheduler } from '@maestro/testing';
import { namespaceLabels } from './namespace/namespace-ownership';
import { disruptionBudget } from './pdb/disruption-budget';
import { buildPod, DEFAULT_TOPOLOGY_SPREAD } from './pod/pod-builder';

describe("the keys the runtime writes are the domain's reserved keys", () => {
  const scheduler = aScheduler().withName('sched').withLabels(undefined).withAnnotations(undefined).build();
  const pod = buildPod(scheduler, 'sched-abcde', scheduler.spec, { topologySpreadConstraint: DEFAULT_TOPOLOGY_SPREAD });

  it('reserves every label of pods, namespaces and disruption budgets, so that no scheduler can replace one', () => {
    const written = new Set([
      ...Object.keys(pod.metadata?.labels ?? {}),
      ...Object.keys(namespaceLabels('sched')),
      ...Object.keys(disruptionBudget('sched', 1).metadata?.labels ?? {}),
    ]);
    expect([...written].sort()).toEqual([...RESERVED_LABEL_KEYS].sort());
  });

  it('reserves every annotation of pods', () => {
    expect(Object.keys(pod.metadata?.annotations ?? {}).sort()).toEqual([...RESERVED_ANNOTATION_KEYS].sort());
  });
});
