import { normalizeProtoJsonKeys } from './proto-json';

describe('proto JSON key normalisation', () => {
  it('renames snake_case message fields at every depth', () => {
    expect(normalizeProtoJsonKeys({ max_surge: '10%', spec: { termination_grace_period: '10s', containers: [{ image_pull_policy: 'Always' }] } })).toEqual({
      maxSurge: '10%',
      spec: { terminationGracePeriod: '10s', containers: [{ imagePullPolicy: 'Always' }] },
    });
  });

  it('leaves the keys of free-form maps alone', () => {
    const body = { annotations: { my_key: 'v' }, forwarders: [{ options: { metadata: { room_type: 'x' } } }] };
    expect(normalizeProtoJsonKeys(body)).toEqual(body);
  });

  it('prefers the camelCase spelling when both are present', () => {
    expect(normalizeProtoJsonKeys({ maxSurge: '1', max_surge: '2' })).toEqual({ maxSurge: '1' });
  });

  it('answers a body without snake_case keys as the very same object', () => {
    const body = { status: 'ready', runningMatches: 1, metadata: { room_type: 'x' }, list: [{ a: 1 }] };
    expect(normalizeProtoJsonKeys(body)).toBe(body);
    const nested = { spec: { containers: [{ image_pull_policy: 'Always' }] } };
    expect(normalizeProtoJsonKeys(nested)).not.toBe(nested);
    expect(normalizeProtoJsonKeys(nested)).toEqual({ spec: { containers: [{ imagePullPolicy: 'Always' }] } });
  });
});
