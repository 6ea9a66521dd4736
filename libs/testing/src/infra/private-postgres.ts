import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './private-redis';

/** The newest Debian Postgres binaries (`/usr/lib/postgresql/<major>/bin`). */
function binaries(): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((name) => /^\d+$/.test(name)) : [];
  if (majors.length === 0) throw new Error(`no Postgres binaries under ${base}`);
  return path.join(base, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * A Postgres cluster of one test's own (Debian's binaries, a temporary directory, its own port), for
 * faults the shared server must never see: stopping it, terminating every backend. Postgres refuses
 * to run as root, so under root it runs as the `postgres` user.
 */
export class PrivatePostgres {
  private readonly bin = binaries();
  private readonly asPostgres = process.getuid?.() === 0;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** URL of `database` on this cluster (user postgres, trust). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates a cluster in a temporary directory and starts it on `port` (a free one by default). */
  static async start(port?: number): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'maestro-pg-'));
    const postgres = new PrivatePostgres(port ?? (await freePort()), dir);
    if (postgres.asPostgres) chownSync(dir, idOf('-u'), idOf('-g'));
    postgres.run('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    postgres.startServer();
    return postgres;
  }

  /** Starts the stopped cluster again and waits until it accepts connections. */
  startServer(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']);
  }

  /** Stops the cluster at once (`immediate`: connections are cut, nothing waits). */
  stopServer(): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  /** Terminates every backend of `database` on this cluster (never another server's). */
  async terminateBackends(database: string): Promise<number> {
    const admin = new Client({ connectionString: this.url() });
    await admin.connect();
    try {
      const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
      return result.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  /** Stops the cluster and removes its directory. */
  destroy(): void {
    try {
      this.stopServer();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const executable = path.join(this.bin, tool);
    if (this.asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', executable, ...args], { stdio: 'ignore' });
    else execFileSync(executable, args, { stdio: 'ignore' });
  }
}

/** The uid (`-u`) or gid (`-g`) of the `postgres` user. */
function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}
