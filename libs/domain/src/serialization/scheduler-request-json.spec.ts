import { schedulerFromRequestJson } from './scheduler-request-json';

const context = { name: 'from-path', createdAt: new Date('2026-01-02T10:00:00Z'), terminationGracePeriodNs: 5e9 };

describe('schedulerFromRequestJson (management-api.md 3.1 and 4.4)', () => {
  it("gives an empty request Maestro's defaults, the context's name, time and grace period", () => {
    const scheduler = schedulerFromRequestJson({ name: 'from-body' }, context);
    expect(scheduler).toMatchObject({
      name: 'from-path',
      state: 'creating',
      createdAt: context.createdAt,
      spec: { version: 'v1.0.0', restartPolicy: 'Never', terminationGracePeriodNs: 5e9, containers: [] },
      forwarders: [],
      matchAllocation: { maxMatches: 1 },
    });
    expect(scheduler.portRange).toBeUndefined();
    expect(scheduler.autoscaling).toBeUndefined();
  });

  it('keeps a present value over valueFrom, and secretKeyRef over fieldRef', () => {
    const env = [
      { name: 'A', value: '', valueFrom: { fieldRef: { fieldPath: 'x' } } },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: 'x' }, secretKeyRef: { name: 's', key: 'k' } } },
      { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ];
    const scheduler = schedulerFromRequestJson({ spec: { containers: [{ name: 'c', environment: env }] } }, context);
    expect(scheduler.spec.containers[0].environment).toEqual([
      { name: 'A', value: '' },
      { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
  });

  it('reads forwarder timeouts given as int64 strings, and a matchAllocation without maxMatches as 0', () => {
    const scheduler = schedulerFromRequestJson(
      { forwarders: [{ name: 'f', enable: true, type: 'gRPC', address: 'm:80', options: { timeout: '250' } }], matchAllocation: {} },
      context,
    );
    expect(scheduler.forwarders).toEqual([{ name: 'f', enabled: true, forwardType: 'gRPC', address: 'm:80', options: { timeoutMs: 250, metadata: {} } }]);
    expect(scheduler.matchAllocation).toEqual({ maxMatches: 0 });
  });
});
