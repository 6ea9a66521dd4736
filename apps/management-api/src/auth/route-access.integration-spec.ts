import type { Role } from '@maestro/domain';
import { routesOf } from '@maestro/testing';
import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';
import { MANAGEMENT_ROUTE_ACCESS } from './route-access';

/**
 * Which roles each management route lets in, written out here (not derived from the table) so that a
 * wrong rule fails. Every route of the OpenAPI document must be listed, and every listed route served.
 */
const ALLOWED: Record<string, readonly Role[]> = {
  'GET /schedulers': ['admin', 'operator', 'viewer'],
  'GET /schedulers/info': ['admin', 'operator', 'viewer'],
  'GET /schedulers/:schedulerName': ['admin', 'operator', 'viewer'],
  'POST /schedulers': ['admin', 'operator'],
  'POST /schedulers/:name': ['admin', 'operator'],
  'PATCH /schedulers/:name': ['admin', 'operator'],
  'PUT /schedulers/:schedulerName': ['admin', 'operator'],
  'GET /schedulers/:schedulerName/versions': ['admin', 'operator', 'viewer'],
  'DELETE /schedulers/:schedulerName': ['admin', 'operator'],
  'POST /schedulers/:name/add-rooms': ['admin', 'operator'],
  'POST /schedulers/:name/remove-rooms': ['admin', 'operator'],
  'GET /schedulers/:schedulerName/rooms': ['admin', 'operator', 'viewer'],
  'GET /schedulers/:schedulerName/rooms/history': ['admin', 'operator', 'viewer'],
  'GET /schedulers/:schedulerName/autoscaling/decisions': ['admin', 'operator', 'viewer'],
  'POST /schedulers/:schedulerName/autoscaling/simulate': ['admin', 'operator', 'viewer'],
  'GET /schedulers/:schedulerName/operations': ['admin', 'operator', 'viewer'],
  'GET /schedulers/:schedulerName/operations/:operationId': ['admin', 'operator', 'viewer'],
  'POST /schedulers/:schedulerName/operations/:operationId/cancel': ['admin', 'operator'],
  'POST /tokens': ['admin'],
  'GET /tokens': ['admin'],
  'DELETE /tokens/:id': ['admin'],
  'GET /tokens/current': ['admin', 'operator', 'viewer', 'matchmaker'],
};
/** Routes whose game is not the scheduler's: tokens (no game) and listings (filtered, never refused). */
const GAMELESS = ['GET /schedulers', 'GET /schedulers/info', 'POST /tokens', 'GET /tokens', 'DELETE /tokens/:id', 'GET /tokens/current'];
const ROLES: Role[] = ['admin', 'operator', 'viewer', 'matchmaker'];
const SCOPES = { every: ['*'], own: ['game-a'], other: ['game-b'] } as const;
type Scope = keyof typeof SCOPES;

/** A request that reaches the route's handler but changes nothing (invalid body or unknown id). */
function requestOf(key: string): { method: string; url: string; body?: unknown } {
  const [method, template] = key.split(' ');
  const url = template
    .replace(':schedulerName', 'sched-a')
    .replace(':name', 'sched-a')
    .replace(':operationId', 'no-such-operation')
    .replace(':id', '00000000-0000-4000-8000-000000000000');
  const body = method === 'GET' || method === 'DELETE' ? undefined : template === '/schedulers' ? { game: 'game-a' } : { version: 'v9.9.9', amount: -1 };
  return { method, url: url + (key === 'GET /schedulers/:schedulerName/operations' ? '?stage=final' : ''), body };
}

describe('management API authentication', () => {
  let api: ManagementApiHarness;
  const secrets = new Map<string, string>();
  const tokenName = (role: Role, scope: Scope) => `${role}-${scope}`;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
    for (const [name, game] of [
      ['sched-a', 'game-a'],
      ['sched-b', 'game-b'],
    ]) {
      expect((await api.request('POST', '/schedulers', { ...aSchedulerBody(name), game })).status).toBe(200);
    }
    for (const role of ROLES) {
      for (const scope of Object.keys(SCOPES) as Scope[]) {
        const created = await api.request('POST', '/tokens', { name: tokenName(role, scope), role, games: SCOPES[scope] });
        expect(created.status).toBe(200);
        secrets.set(tokenName(role, scope), created.body.secret);
      }
    }
  });

  afterAll(() => api.stop());

  it('has a rule for every route the API serves, and the matrix below names each of them', async () => {
    const document = (await api.request('GET', '/docs-json', undefined, { token: null })).body;
    // `{param}` of the document as `:param` of the route templates.
    const served = routesOf(document).map((route) => route.replace(/\{([^}]+)\}/g, ':$1'));
    expect(served.sort()).toEqual(Object.keys(MANAGEMENT_ROUTE_ACCESS).sort());
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(MANAGEMENT_ROUTE_ACCESS).sort());
  });

  it('documents the bearer scheme and the 401, 403 and 429 answers of every route', async () => {
    const document = (await api.request('GET', '/docs-json', undefined, { token: null })).body;
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths['/tokens'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '429', 'default']));
  });

  const cases = Object.keys(ALLOWED).flatMap((key) => ROLES.flatMap((role) => (Object.keys(SCOPES) as Scope[]).map((scope) => [key, role, scope] as const)));

  it.each(cases)('%s as %s of %s games', async (key, role, scope) => {
    const { method, url, body } = requestOf(key);
    const response = await api.request(method as 'GET', url, body, { token: secrets.get(tokenName(role, scope)) });
    const allowed = ALLOWED[key].includes(role) && (scope !== 'other' || GAMELESS.includes(key));
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 7, details: [] });
    }
  });

  it.each(Object.keys(ALLOWED))('%s answers 401 with code 16 without a token or with an unknown one', async (key) => {
    const { method, url, body } = requestOf(key);
    for (const token of [null, 'not-a-token', '']) {
      const response = await api.request(method as 'GET', url, body, { token, remoteAddress: `10.1.${Object.keys(ALLOWED).indexOf(key)}.1` });
      expect(response).toEqual({ status: 401, body: { code: 16, message: 'missing or unknown bearer token', details: [] } });
    }
  });

  it('lists only the schedulers and infos of the games of the token', async () => {
    const names = async (url: string, token?: string) =>
      (await api.request('GET', url, undefined, { token })).body.schedulers.map((s: { name: string }) => s.name).sort();
    expect(await names('/schedulers?game=game-a', secrets.get('viewer-own'))).toEqual(['sched-a']);
    expect(await names('/schedulers?game=game-b', secrets.get('viewer-own'))).toEqual([]);
    expect(await names('/schedulers/info?game=game-b', secrets.get('viewer-other'))).toEqual(['sched-b']);
    expect(await names('/schedulers?game=game-b', secrets.get('viewer-every'))).toEqual(['sched-b']);
    expect(await names('/schedulers/info', secrets.get('matchmaker-every')).catch(() => 'refused')).toBe('refused');
  });

  it('records the name of the token that asked for each operation', async () => {
    expect((await api.request('POST', '/schedulers', { ...aSchedulerBody('sched-c'), game: 'game-a' })).status).toBe(200);
    const added = await api.request('POST', '/schedulers/sched-c/add-rooms', { amount: 1 }, { token: secrets.get('operator-own') });
    expect(added.status).toBe(200);
    const operation = await api.request('GET', `/schedulers/sched-c/operations/${added.body.operationId}`);
    expect(operation.body.operation.requestedBy).toBe('operator-own');
    const listed = await api.request('GET', '/schedulers/sched-c/operations?stage=pending');
    expect(listed.body.operations.find((op: { id: string }) => op.id === added.body.operationId).requestedBy).toBe('operator-own');
    const created = (await api.request('GET', '/schedulers/sched-b/operations?stage=pending')).body.operations[0];
    expect(created.requestedBy).toBe('bootstrap');
  });

  it('creates, shows, lists and revokes tokens; the secret is shown once and never listed', async () => {
    const created = await api.request('POST', '/tokens', { name: 'ci', role: 'viewer', games: ['game-a'] });
    expect(created.body).toEqual({
      token: { id: expect.any(String), name: 'ci', role: 'viewer', games: ['game-a'], createdAt: expect.any(String) },
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const current = await api.request('GET', '/tokens/current', undefined, { token: created.body.secret });
    expect(current).toEqual({ status: 200, body: { token: created.body.token } });
    const listed = await api.request('GET', '/tokens');
    expect(listed.body.tokens).toContainEqual(created.body.token);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await api.request('DELETE', `/tokens/${created.body.token.id}`)).status).toBe(200);
    expect((await api.request('GET', '/tokens/current', undefined, { token: created.body.secret })).status).toBe(401);
    expect((await api.request('DELETE', `/tokens/${created.body.token.id}`)).status).toBe(404);
  });

  it('refuses a bad token request naming the field, and a name taken', async () => {
    const bad = await api.request('POST', '/tokens', { name: 'x', role: 'root', games: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('role must be one of admin, operator, viewer, matchmaker');
    expect(bad.body.message).toContain('games must be a list');
    expect((await api.request('POST', '/tokens', { name: 'viewer-own', role: 'viewer', games: ['*'] })).status).toBe(409);
    expect((await api.request('POST', '/tokens', { name: 'bootstrap', role: 'viewer', games: ['*'] })).status).toBe(409);
  });

  it("shows the bootstrap token as the caller's own", async () => {
    const current = await api.request('GET', '/tokens/current');
    expect(current.body.token).toMatchObject({ id: 'bootstrap', name: 'bootstrap', role: 'admin', games: ['*'] });
  });
});

describe('management API tokens across replicas', () => {
  let first: ManagementApiHarness;
  let second: ManagementApiHarness;

  beforeAll(async () => {
    first = await ManagementApiHarness.start();
    second = await ManagementApiHarness.start({}, first);
  });

  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  it('a token revoked on one replica is refused by the other on its next call', async () => {
    const { token, secret } = (await first.request('POST', '/tokens', { name: 'matchmaker', role: 'matchmaker', games: ['*'] })).body;
    for (let call = 0; call < 3; call++) expect((await second.request('GET', '/tokens/current', undefined, { token: secret })).status).toBe(200);
    expect((await first.request('DELETE', `/tokens/${token.id}`)).status).toBe(200);
    expect(await second.request('GET', '/tokens/current', undefined, { token: secret })).toMatchObject({ status: 401, body: { code: 16 } });
  });
});

describe('management API authentication failures', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start({ MAESTRO_API_AUTH_FAILURELIMIT: '2' });
  });

  afterAll(() => api.stop());

  it('answers 429 with code 8 to an address after its failures, even with a good token, and not to other addresses', async () => {
    const from = (remoteAddress: string, token?: string | null) => api.request('GET', '/schedulers', undefined, { token, remoteAddress });
    expect((await from('10.9.9.9', 'guess-1')).status).toBe(401);
    expect((await from('10.9.9.9', 'guess-2')).status).toBe(401);
    const limited = await from('10.9.9.9', 'guess-3');
    expect(limited).toEqual({ status: 429, body: { code: 8, message: 'too many authentication failures from this address, retry later', details: [] } });
    expect((await from('10.9.9.9')).status).toBe(429);
    expect((await from('10.9.9.10')).status).toBe(200);
  });
});

describe('management API with authentication off', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start({ MAESTRO_API_AUTH_ENABLED: 'false' });
  });

  afterAll(() => api.stop());

  it("is Maestro's open API: no token needed, operations name nobody, the caller is an anonymous admin", async () => {
    const created = await api.request('POST', '/schedulers', aSchedulerBody('open'), { token: null });
    expect(created.status).toBe(200);
    const [operation] = (await api.request('GET', '/schedulers/open/operations?stage=pending', undefined, { token: null })).body.operations;
    expect(operation).not.toHaveProperty('requestedBy');
    expect((await api.request('GET', '/schedulers', undefined, { token: 'anything' })).status).toBe(200);
    const current = await api.request('GET', '/tokens/current', undefined, { token: null });
    expect(current.body.token).toMatchObject({ id: 'anonymous', role: 'admin', games: ['*'] });
  });
});
