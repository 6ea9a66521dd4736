import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { WORKSPACE_ROOT } from './production-runtime';

export const ENTRYPOINT = path.join(WORKSPACE_ROOT, 'docker', 'entrypoint.sh');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One component started as the image starts it: `maestro <component> [args]` (docker/entrypoint.sh,
 * which execs node on the compiled file), with nothing of this process's environment but PATH:
 * no NODE_PATH, no NODE_OPTIONS, no register hook.
 */
export class ComponentProcess {
  readonly exited: Promise<Exit>;
  private output = '';

  private constructor(
    readonly component: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(appDir: string, component: string, args: string[] = [], env: Record<string, string> = {}): ComponentProcess {
    const child = spawn('sh', [ENTRYPOINT, component, ...args], {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', MAESTRO_APP_DIR: appDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own, which kill() ends whole, even if node outlived the shell.
      detached: true,
    });
    return new ComponentProcess(component, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the component wrote to stdout and stderr so far. */
  log(): string {
    return this.output;
  }

  /** SIGTERM, as `docker stop` sends it, then the exit. */
  async stop(): Promise<Exit> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** For clean-up after a failed test: SIGKILL to the component's process group. */
  kill(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
