import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { waitFor } from '../wait-for';

/** A TCP port free at the time of the call (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A `redis-server` of one test's own (from PATH, no persistence), for faults the shared Redis must
 * never see: stopping it, restarting it empty, pausing or killing its clients.
 */
export class PrivateRedis {
  private process?: ChildProcess;
  /** A client of its own, for the faults (CLIENT KILL, CLIENT PAUSE) and checks. */
  private admin?: Redis;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** Starts a server on `port` (a free one by default) and waits until it answers. */
  static async start(port?: number): Promise<PrivateRedis> {
    const redis = new PrivateRedis(port ?? (await freePort()));
    await redis.startServer();
    return redis;
  }

  /** Runs a command on the server (e.g. `CLIENT KILL TYPE normal`). */
  async command(name: string, ...args: (string | number)[]): Promise<unknown> {
    if (!this.admin) {
      this.admin = new Redis(this.url, { maxRetriesPerRequest: 1 });
      this.admin.on('error', () => undefined);
    }
    return this.admin.call(name, ...args.map(String));
  }

  /** Stops the server (SIGKILL: nothing saved) and waits for the process to end. */
  async stop(): Promise<void> {
    this.admin?.disconnect();
    this.admin = undefined;
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await ended;
  }

  /** Stops the server and starts an empty one on the same port. */
  async restartEmpty(): Promise<void> {
    await this.stop();
    await this.startServer();
  }

  private async startServer(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await waitFor(
        async () => {
          if (probe.status !== 'ready') await probe.connect().catch(() => undefined);
          return probe.status === 'ready' && (await probe.ping()) === 'PONG';
        },
        { timeoutMs: 10_000, description: `redis-server on port ${this.port}` },
      );
    } finally {
      probe.disconnect();
    }
  }
}
