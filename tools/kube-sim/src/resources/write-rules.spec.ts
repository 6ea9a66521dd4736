import type { K8sObject } from '../store/k8s-object';
import { ownerReferenceIssues, prepareForCreate, prepareForUpdate } from './write-rules';

describe('registry write rules', () => {
  it('needs apiVersion, kind, name and uid in every owner reference', () => {
    const owned: K8sObject = {
      metadata: {
        name: 'p',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Pod', name: 'a', uid: 'u' },
          { kind: 'Pod', name: 'b' },
        ],
      },
    };
    expect(ownerReferenceIssues(owned).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
  });

  it('starts a PodDisruptionBudget with an empty status whatever the client sent', () => {
    const pdb: K8sObject = { metadata: { name: 'p' }, spec: { minAvailable: 1 }, status: { disruptionsAllowed: 5 } };
    prepareForCreate('poddisruptionbudgets', pdb);
    expect(pdb.status).toEqual({});
    const pod: K8sObject = { metadata: { name: 'p' }, status: { phase: 'Running' } };
    prepareForCreate('nodes', pod);
    expect(pod.status).toEqual({ phase: 'Running' });
  });

  it('keeps the status on writes of the resource and the spec on writes of /status', () => {
    const current: K8sObject = { metadata: { name: 'p' }, spec: { minAvailable: 1 }, status: { expectedPods: 3 } };
    const main: K8sObject = { metadata: { name: 'p' }, spec: { minAvailable: 2 }, status: { expectedPods: 9 } };
    prepareForUpdate('poddisruptionbudgets', undefined, main, current);
    expect(main).toMatchObject({ spec: { minAvailable: 2 }, status: { expectedPods: 3 } });
    const status: K8sObject = { metadata: { name: 'p' }, spec: { minAvailable: 2 }, status: { expectedPods: 9 } };
    prepareForUpdate('poddisruptionbudgets', 'status', status, current);
    expect(status).toMatchObject({ spec: { minAvailable: 1 }, status: { expectedPods: 9 } });
    const event: K8sObject = { metadata: { name: 'e' }, reason: 'x' };
    prepareForUpdate('events', undefined, event, { metadata: { name: 'e' } });
    expect(event).toEqual({ metadata: { name: 'e' }, reason: 'x' });
  });
});
