import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrivatePostgres, PrivateRedis, waitFor } from '@maestro/testing';
import { Client } from 'pg';
import { CHAOS_ADMIN_TOKEN } from './workload';

/** The secret the rooms' tokens are signed with (the worker injects each room's, kube-sim's rooms send it). */
const ROOMS_SECRET = randomBytes(32).toString('base64url');

const ROOT = path.resolve(__dirname, '../../../..');
const REGISTER = path.join(ROOT, 'tools', 'scripts', 'register.cjs');
const DATABASE = 'maestro_chaos';

/** Fixed ports of the chaos system: 19xxx, away from the e2e suite's 18xxx and npm start's 8xxx. */
export const CHAOS_PORTS = {
  kubeSim: 19001,
  management: 19080,
  rooms: 19070,
  workers: [19051, 19053],
  redis: 19379,
  postgres: 19432,
} as const;

const REDIS_ADAPTERS = ['ROOMSTORAGE', 'INSTANCESTORAGE', 'OPERATIONSTORAGE', 'OPERATIONLEASESTORAGE', 'OPERATIONFLOW', 'SCHEDULERCACHE'];

/** A component process and whether its end was asked for. */
interface Component {
  name: string;
  child: ChildProcess;
  stopping: boolean;
}

/**
 * The whole system as `npm start` runs it (kube-sim, migrations, management-api, rooms-api, here two
 * worker replicas), each component a `node -r register.cjs <entry>` process, on a Redis and a
 * Postgres of its own (child processes of this one): their faults touch nothing shared.
 */
export class ChaosSystem {
  private readonly components: Component[] = [];
  /** Components that ended without being asked to (crashes). */
  readonly died: string[] = [];
  private output = '';

  private constructor(
    readonly redis: PrivateRedis,
    readonly postgres: PrivatePostgres,
  ) {}

  readonly urls = {
    management: `http://127.0.0.1:${CHAOS_PORTS.management}`,
    managementInternal: `http://127.0.0.1:${CHAOS_PORTS.management + 1}`,
    rooms: `http://127.0.0.1:${CHAOS_PORTS.rooms}`,
    roomsInternal: `http://127.0.0.1:${CHAOS_PORTS.rooms + 1}`,
    kube: `http://127.0.0.1:${CHAOS_PORTS.kubeSim}`,
  };

  static async start(): Promise<ChaosSystem> {
    const [redis, postgres] = await Promise.all([PrivateRedis.start(CHAOS_PORTS.redis), PrivatePostgres.start(CHAOS_PORTS.postgres)]);
    const admin = new Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const system = new ChaosSystem(redis, postgres);
    try {
      await system.startComponents();
    } catch (error) {
      await system.stop();
      throw new Error(`${String(error)}\n${system.output.slice(-4000)}`);
    }
    return system;
  }

  /** The last lines the components wrote (for a failure report). */
  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }

  private env(): NodeJS.ProcessEnv {
    const redisUrl = this.redis.url;
    return {
      ...process.env,
      MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: this.postgres.url(DATABASE),
      ...Object.fromEntries(REDIS_ADAPTERS.map((adapter) => [`MAESTRO_ADAPTERS_${adapter}_REDIS_URL`, redisUrl])),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: path.join(ROOT, 'tmp', 'chaos', 'kubeconfig.yaml'),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
      MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
      MAESTRO_WORKERS_STORAGECLENUPINTERVAL: '5s',
      MAESTRO_WORKERS_SYNCINTERVAL: '500ms',
      MAESTRO_WORKERS_STOPTIMEOUTDURATION: '5s',
      MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: '2000',
      MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONTIMEOUTMILLIS: '20000',
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_REQUESTTIMEOUT: '5s',
      MAESTRO_LOG_LEVEL: 'warn',
      MAESTRO_API_AUTH_BOOTSTRAPTOKEN: CHAOS_ADMIN_TOKEN,
      MAESTRO_ROOMSAPI_AUTH_SECRET: ROOMS_SECRET,
    };
  }

  private async startComponents(): Promise<void> {
    mkdirSync(path.join(ROOT, 'tmp', 'chaos'), { recursive: true });
    const env = this.env();
    this.spawn('kube-sim', 'tools/kube-sim/src/main.ts', {}, [
      '--port',
      String(CHAOS_PORTS.kubeSim),
      '--kubeconfig',
      String(env.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG),
      '--rooms-api-url',
      this.urls.rooms,
    ]);
    await this.ready('kube-sim', `${this.urls.kube}/version`);
    const migrate = spawnSync(process.execPath, ['-r', REGISTER, 'libs/storage/src/postgres/migrate.cli.ts'], { cwd: ROOT, env, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
    this.spawn('management-api', 'apps/management-api/src/main.ts', {
      MAESTRO_API_PORT: String(CHAOS_PORTS.management),
      MAESTRO_INTERNALAPI_PORT: String(CHAOS_PORTS.management + 1),
    });
    this.spawn('rooms-api', 'apps/rooms-api/src/main.ts', {
      MAESTRO_API_PORT: String(CHAOS_PORTS.rooms),
      MAESTRO_INTERNALAPI_PORT: String(CHAOS_PORTS.rooms + 1),
    });
    CHAOS_PORTS.workers.forEach((port, i) => this.spawnWorker(i, port));
    await Promise.all([
      this.ready('management-api', `${this.urls.managementInternal}/readyz`),
      this.ready('rooms-api', `${this.urls.roomsInternal}/readyz`),
      ...CHAOS_PORTS.workers.map((port, i) => this.ready(`worker-${i + 1}`, `http://127.0.0.1:${port}/readyz`)),
    ]);
  }

  private spawnWorker(index: number, port: number): void {
    this.spawn(`worker-${index + 1}`, 'apps/worker/src/main.ts', { MAESTRO_INTERNALAPI_PORT: String(port) });
  }

  private spawn(name: string, entry: string, extraEnv: NodeJS.ProcessEnv, args: string[] = []): void {
    const child = spawn(process.execPath, ['-r', REGISTER, entry, ...args], {
      cwd: ROOT,
      env: { ...this.env(), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const component: Component = { name, child, stopping: false };
    const collect = (chunk: Buffer) => {
      for (const line of String(chunk).split('\n')) if (line) this.output += `${name.padEnd(15)}| ${line}\n`;
      if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code, signal) => {
      if (!component.stopping) this.died.push(`${name} (${signal ?? code})`);
    });
    this.components.push(component);
  }

  private async ready(name: string, url: string): Promise<void> {
    await waitFor(async () => (await fetch(url)).ok, { timeoutMs: 90_000, intervalMs: 250, description: `${name} ready at ${url}` });
  }

  /** SIGKILLs a worker replica (index 0 or 1), then starts it again once it is gone. */
  async killWorker(index: number): Promise<void> {
    const name = `worker-${index + 1}`;
    const component = this.components.find((c) => c.name === name && c.child.exitCode === null && c.child.signalCode === null);
    if (!component) throw new Error(`${name} is not running`);
    component.stopping = true;
    const exited = new Promise<void>((resolve) => component.child.once('exit', () => resolve()));
    component.child.kill('SIGKILL');
    await exited;
    this.spawnWorker(index, CHAOS_PORTS.workers[index]);
    await this.ready(name, `http://127.0.0.1:${CHAOS_PORTS.workers[index]}/readyz`);
  }

  /** POST to kube-sim's fault endpoint (`/_sim/...`). */
  async sim(pathname: string, body: unknown = {}): Promise<void> {
    const response = await fetch(`${this.urls.kube}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  }

  /** Stops the apps (SIGTERM, SIGKILL after 15 s), kube-sim, then Redis and Postgres. */
  async stop(): Promise<void> {
    const running = this.components.filter((c) => c.child.exitCode === null && c.child.signalCode === null);
    const exited = (c: Component) =>
      new Promise<void>((resolve) => (c.child.exitCode !== null || c.child.signalCode !== null ? resolve() : c.child.once('exit', () => resolve())));
    const apps = running.filter((c) => c.name !== 'kube-sim');
    const stopAll = async (list: Component[]) => {
      list.forEach((c) => {
        c.stopping = true;
        c.child.kill('SIGTERM');
      });
      const force = setTimeout(() => list.forEach((c) => c.child.kill('SIGKILL')), 15_000);
      await Promise.all(list.map(exited));
      clearTimeout(force);
    };
    await stopAll(apps);
    await stopAll(running.filter((c) => c.name === 'kube-sim'));
    await this.redis.stop();
    this.postgres.destroy();
  }
}
