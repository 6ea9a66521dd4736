import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../run';
import { fakeIo, type Routes } from '../testing/fake-io';
import { aRoomJson, anOperationJson } from '../testing/wire-builders';

const env = { MAESTRO_URL: 'http://api.test:8080' };
const example = path.join(__dirname, '../../../../examples/fixed-fleet.json');
const served = () => {
  const file = JSON.parse(readFileSync(example, 'utf8'));
  return { ...file, state: 'in-sync', spec: { ...file.spec, version: 'v1.0.0', restartPolicy: 'Never' }, forwarders: [], annotations: {}, labels: {} };
};
const op = (id: string, definitionName: string, status: string, events: string[] = []) => ({
  body: { operation: anOperationJson(id, definitionName, status, events) },
});
const readyRooms = (version: string, n: number) => ({ body: { rooms: Array.from({ length: n }, (_, i) => aRoomJson(`r${i}`, 'ready', version)) } });

describe('apply', () => {
  it('creates a scheduler that does not exist, and --wait follows create_scheduler and the rooms', async () => {
    let roomsCalls = 0;
    const routes: Routes = {
      'GET /schedulers/fixed-fleet': { status: 404, body: { code: 5, message: 'scheduler fixed-fleet not found' } },
      'POST /schedulers': { body: { scheduler: served() } },
      'GET /schedulers/fixed-fleet/operations?stage=pending': { body: { operations: [{ id: 'c1', definitionName: 'create_scheduler' }] } },
      'GET /schedulers/fixed-fleet/versions': { body: { versions: [] } },
      'GET /schedulers/fixed-fleet/operations/c1': op('c1', 'create_scheduler', 'finished'),
      'GET /schedulers/fixed-fleet/rooms': () => readyRooms('v1.0.0', Math.min(3, roomsCalls++)),
    };
    const run = fakeIo(routes, env);
    const created = served();
    routes['GET /schedulers/fixed-fleet'] = () =>
      run.requests.some((r) => r.method === 'POST') ? { body: { scheduler: created } } : { status: 404, body: { code: 5, message: 'not found' } };
    expect(await runCli(['apply', '-f', example, '--wait'], run.io)).toBe(0);
    expect(run.stdout().split('\n')).toEqual([
      'scheduler fixed-fleet does not exist: it will be created (version v1.0.0, 3 rooms)',
      'scheduler fixed-fleet created',
      'operation create_scheduler c1: finished',
      'rooms ready on v1.0.0: 0/3',
      'rooms ready on v1.0.0: 1/3',
      'rooms ready on v1.0.0: 2/3',
      'rooms ready on v1.0.0: 3/3',
      'scheduler fixed-fleet in sync on v1.0.0',
      '',
    ]);
    expect(run.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ name: 'fixed-fleet', roomsReplicas: 3 });
  });

  it("ends 1 with the operation's error when the new version fails", async () => {
    const file = mkdtempSync(path.join(tmpdir(), 'maestro-apply-'));
    try {
      const yamlFile = path.join(file, 'fleet.yaml');
      writeFileSync(
        yamlFile,
        `name: fixed-fleet\ngame: demo\nroomsReplicas: 3\nmaxSurge: 25%\nportRange: {start: 40000, end: 41000}\nspec:\n  terminationGracePeriod: 5s\n  containers:\n    - name: room\n      image: broken:1\n`,
      );
      const run = fakeIo(
        {
          'GET /schedulers/fixed-fleet': { body: { scheduler: served() } },
          'GET /schedulers/fixed-fleet/versions': { body: { versions: [{ version: 'v1.0.0', isActive: true, createdAt: '' }] } },
          'POST /schedulers/fixed-fleet': { body: { operationId: 'n1' } },
          'GET /schedulers/fixed-fleet/operations/n1': op('n1', 'create_new_scheduler_version', 'error', [
            '1st Got timeout waiting for the GRU',
            'All validation attempts have failed, operation aborted!',
          ]),
        },
        env,
      );
      expect(await runCli(['apply', '-f', yamlFile, '--wait'], run.io)).toBe(1);
      expect(run.stdout()).toContain('major change: the rooms are replaced (new version v2.0.0)');
      expect(run.stderr()).toBe('error: operation create_new_scheduler_version n1 error: All validation attempts have failed, operation aborted!\n');
    } finally {
      rmSync(file, { recursive: true, force: true });
    }
  });

  it('reads the file from stdin with -f -, and diff changes nothing', async () => {
    const run = fakeIo(
      {
        'GET /schedulers/fixed-fleet': { body: { scheduler: served() } },
        'GET /schedulers/fixed-fleet/versions': { body: { versions: [{ version: 'v1.0.0', isActive: true, createdAt: '' }] } },
      },
      env,
      { stdin: JSON.stringify({ ...served(), roomsReplicas: 4 }) },
    );
    expect(await runCli(['diff', '-f', '-'], run.io)).toBe(0);
    expect(run.stdout()).toBe('scheduler fixed-fleet: 1 change\n  ~ roomsReplicas: 3 -> 4\nminor change: the rooms are kept (new version v1.1.0)\n');
    expect(run.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('ends 2 on a file that is not a scheduler', async () => {
    const run = fakeIo({}, env, { stdin: '- a\n- list\n' });
    expect(await runCli(['apply', '-f', '-'], run.io)).toBe(2);
    expect(run.stderr()).toBe('error: stdin: a scheduler must be an object\n');
  });
});

describe('login', () => {
  it('checks the token, then saves the context as the current one', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'maestro-login-'));
    try {
      const run = fakeIo({ 'GET /tokens/current': { body: { token: { id: '1', name: 'ops', role: 'admin', createdAt: '' } } } }, { XDG_CONFIG_HOME: home });
      expect(await runCli(['login', '--url', 'http://maestro.test:8080', '--token', 't0k', '--name', 'test'], run.io)).toBe(0);
      expect(run.stdout()).toBe(`logged in to http://maestro.test:8080 as ops (admin); context test saved in ${home}/maestro/config.yaml\n`);
      expect(run.requests[0].headers.authorization).toBe('Bearer t0k');
      expect(parse(readFileSync(path.join(home, 'maestro', 'config.yaml'), 'utf8'))).toEqual({
        currentContext: 'test',
        contexts: [{ name: 'test', url: 'http://maestro.test:8080', roomsUrl: 'http://maestro.test:8070', token: 't0k' }],
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('accepts an API without tokens, and refuses a token the API rejects', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'maestro-login-'));
    try {
      const open = fakeIo({ 'GET /schedulers': { body: { schedulers: [] } } }, { XDG_CONFIG_HOME: home });
      expect(await runCli(['login', '--url', 'http://open.test:8080'], open.io)).toBe(0);
      expect(open.stdout()).toContain('(this API does not check tokens)');
      const refused = fakeIo({ 'GET /tokens/current': { status: 401, body: { code: 16, message: 'invalid token' } } }, { XDG_CONFIG_HOME: home });
      expect(await runCli(['login', '--url', 'http://closed.test:8080', '--token', 'bad', '--name', 'closed'], refused.io)).toBe(1);
      expect(refused.stderr()).toBe('error: login refused by http://closed.test:8080: invalid token\n');
      expect(readFileSync(path.join(home, 'maestro', 'config.yaml'), 'utf8')).not.toContain('closed');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('get --watch', () => {
  it('prints the table again when the rooms change, not when they only ping', async () => {
    const states = [
      [{ status: 'ready', lastPingAt: '2026-01-02T10:00:00Z' }],
      [{ status: 'ready', lastPingAt: '2026-01-02T10:00:05Z' }],
      [{ status: 'allocated', lastPingAt: '2026-01-02T10:00:05Z' }],
    ];
    let call = 0;
    const run = fakeIo(
      {
        'GET /schedulers/fleet/rooms': () => {
          if (call === states.length) throw new Error('watch stopped');
          const rooms = states[call++].map(({ status, lastPingAt }) => aRoomJson('r1', status, 'v1.0.0', { lastPingAt, createdAt: '2026-01-02T09:00:00Z' }));
          return { body: { rooms } };
        },
      },
      env,
    );
    expect(await runCli(['get', 'rooms', 'fleet', '--watch'], run.io)).toBe(1);
    expect(
      run
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('r1')),
    ).toEqual(['r1     ready    v1.0.0    0         no           0s          60m', 'r1     allocated   v1.0.0    0         no           0s          60m']);
  });
});
