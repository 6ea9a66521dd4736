import type { K8sObject } from '../store/k8s-object';
import { eventIssues } from './events';

const event = (namespace: string, fields: Record<string, unknown>): K8sObject => ({ metadata: { name: 'e', namespace }, ...fields });
const fields = (e: K8sObject) => eventIssues(e).map((c) => `${c.field}: ${c.message}`);

describe('core/v1 event validation', () => {
  it("needs the involved object's namespace to be the event's", () => {
    expect(fields(event('game', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'game' } }))).toEqual([]);
    expect(fields(event('game', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } }))).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
    expect(fields(event('game', {}))).toEqual(['involvedObject.namespace: Invalid value: "": does not match event.namespace']);
    expect(fields(event('default', {}))).toEqual([]);
  });

  it('needs the reporting fields and action on events with an eventTime', () => {
    const recent = { eventTime: '2026-01-01T00:00:00.000000Z', involvedObject: { namespace: 'game' } };
    expect(fields(event('game', recent))).toEqual(['reportingComponent: Required value', 'reportingInstance: Required value', 'action: Required value']);
    expect(fields(event('game', { ...recent, reportingComponent: 'maestro', reportingInstance: 'worker-1', action: 'Delete' }))).toEqual([]);
    expect(fields(event('kube-system', { ...recent, involvedObject: {}, reportingComponent: 'c', reportingInstance: 'i', action: 'a' }))).toEqual([]);
  });
});
