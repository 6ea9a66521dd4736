import { TestApp } from '@maestro/testing';
import { MANAGEMENT_API_BODY_LIMIT_BYTES, ManagementApiRoot } from '../management-api.root';
import { aSchedulerBody } from '../testing/management-api.harness';

describe('management API input bounds over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await TestApp.start({
      component: 'management-api',
      root: (env, config) => ManagementApiRoot.forConfig(env, config),
      env: { MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES: 'matchmaker.games.svc, 10.0.0.0/8' },
    });
    expect((await api.request('POST', '/schedulers', aSchedulerBody('bounded'))).status).toBe(200);
  });

  afterAll(() => api.stop());

  const forwarder = (address: string) => ({ name: 'mm', enable: true, type: 'gRPC', address, options: { timeout: 1000 } });

  it('answers a body past the limit 413 with Maestro error body naming the limit', async () => {
    const body = JSON.stringify({ ...aSchedulerBody('huge'), game: 'g'.repeat(MANAGEMENT_API_BODY_LIMIT_BYTES) });
    const response = await api.request('POST', '/schedulers', body);
    expect(response).toEqual({
      status: 413,
      body: { code: 3, message: `request body too large: this API accepts at most ${MANAGEMENT_API_BODY_LIMIT_BYTES} bytes`, details: [] },
    });
  });

  it('answers a bound exceeded 400 naming the field', async () => {
    const body = aSchedulerBody('too-many');
    body.spec.containers = Array.from({ length: 11 }, (_, i) => ({ ...body.spec.containers[0], name: `c${i}` }));
    body.labels = { heritage: 'mine' };
    const response = await api.request('POST', '/schedulers', body);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      [
        'Validation Error:',
        'Scheduler.Spec.Containers: Containers must contain at maximum 10 items',
        'Scheduler.Labels[heritage]: Labels[heritage] uses a key Maestro sets itself',
      ].join('\n'),
    );
  });

  it('refuses a forwarder outside the allowed addresses on create, new version and patch', async () => {
    const denied = [forwarder('169.254.169.254:80')];
    const line = 'Scheduler.Forwarders[0].Address: Address must be a host or network allowed for forwarders';
    const created = await api.request('POST', '/schedulers', { ...aSchedulerBody('fwd'), forwarders: denied });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain(line);
    const version = await api.request('POST', '/schedulers/bounded', { ...aSchedulerBody('bounded'), forwarders: denied });
    expect(version.status).toBe(400);
    expect(version.body.message).toContain(line);
    const patched = await api.request('PATCH', '/schedulers/bounded', { forwarders: denied });
    expect(patched.status).toBe(400);
    expect(patched.body.message).toContain("Key: 'Scheduler.Forwarders[0].Address' Error:Field validation for 'Address' failed on the 'allowed_address' tag");
    const allowed = await api.request('POST', '/schedulers', { ...aSchedulerBody('fwd-ok'), forwarders: [forwarder('matchmaker.games.svc:9090')] });
    expect(allowed.status).toBe(200);
  });

  it('answers PUT on an unknown scheduler 404 and queues nothing', async () => {
    const response = await api.request('PUT', '/schedulers/nobody', { version: 'v1.0.0' });
    expect(response).toEqual({
      status: 404,
      body: { code: 5, message: 'no scheduler found, can not switch active version of nonexistent scheduler: scheduler nobody not found', details: [] },
    });
    const pending = await api.request('GET', '/schedulers/nobody/operations?stage=pending');
    expect(pending.body).toMatchObject({ total: 0, operations: [] });
  });
});
