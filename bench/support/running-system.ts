/** The whole system (kube-sim and the three apps, via tools/scripts/start.mjs) for the benchmarks. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { simulatedSchedulerRequest } from '@maestro/testing';

const root = path.resolve(__dirname, '../..');

/** Polls `probe` until it returns a value; throws after `timeoutMs`. Probe errors count as "not yet". */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, pollMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export interface SystemOptions {
  /** Ports are base + 1 (kube-sim), + 80 (management API), + 70 (rooms API), + 51 (worker internal). */
  portBase: number;
  /** Simulated nodes and how many pods each takes. */
  nodes: number;
  podsPerNode: number;
  /** Extra MAESTRO_* settings. */
  env?: Record<string, string>;
}

export interface RunningSystem {
  /** Management API URL. */
  api: string;
  /** kube-sim URL. */
  kube: string;
  /** Redis key prefix of this run (its own database and prefix: runs never mix). */
  redisPrefix: string;
  /** `Authorization` header of the admin (the bootstrap token the system was started with). */
  authorization: string;
  /** Process id of the start script (the apps are its children). */
  pid: number;
  /** The environment the apps were started with (for another replica of one of them). */
  env: NodeJS.ProcessEnv;
  /** Stops every part; resolves once the start script has exited. */
  stop(): Promise<void>;
}

/** Starts the system on its own ports, database and Redis prefix; resolves once every part is ready. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const suffix = randomBytes(3).toString('hex');
  const port = (offset: number) => String(options.portBase + offset);
  const redisPrefix = `bench:${suffix}:`;
  const adminToken = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KUBE_SIM_PORT: port(1),
    KUBE_SIM_KUBECONFIG: path.join(root, 'tmp', `bench-${suffix}`, 'kubeconfig.yaml'),
    KUBE_SIM_NODES: String(options.nodes),
    KUBE_SIM_NODE_PODS: String(options.podsPerNode),
    MANAGEMENT_API_PORT: port(80),
    ROOMS_API_PORT: port(70),
    WORKER_INTERNAL_PORT: port(51),
    MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: `postgres://postgres@127.0.0.1:5432/maestro_bench_${suffix}`,
    MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redisPrefix,
    MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
    MAESTRO_LOG_LEVEL: 'warn',
    // Authentication on, as by default; the benchmarks call the management API as this admin.
    MAESTRO_API_AUTH_BOOTSTRAPTOKEN: adminToken,
    MAESTRO_ROOMSAPI_AUTH_SECRET: randomBytes(32).toString('base64url'),
    ...options.env,
  };
  const system: ChildProcess = spawn(process.execPath, [path.join(root, 'tools/scripts/start.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
  let output = '';
  system.stdout?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => system.once('exit', () => resolve()));
  const stop = () => {
    system.kill('SIGINT');
    return exited;
  };
  try {
    await until(async () => (output.includes('press Ctrl-C to stop') ? true : undefined), 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    api: `http://127.0.0.1:${port(80)}`,
    kube: `http://127.0.0.1:${port(1)}`,
    redisPrefix,
    authorization: `Bearer ${adminToken}`,
    pid: system.pid ?? 0,
    env,
    stop,
  };
}

/** A scheduler of simulated rooms (kube-sim's room simulator) with tiny resources, so thousands fit. */
export function simulatedScheduler(name: string, game: string, rooms: number, environment: Record<string, string>): Record<string, unknown> {
  return simulatedSchedulerRequest(name, {
    game,
    maxSurge: '10%',
    roomsReplicas: rooms,
    portRange: { start: 20000, end: 60000 },
    environment,
    resources: { requests: { memory: '1Mi', cpu: '1m' }, limits: { memory: '2Mi', cpu: '2m' } },
  });
}

/** POSTs a scheduler to the management API as `authorization`; throws on a non-2xx answer. */
export async function createScheduler(api: string, authorization: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${api}/schedulers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /schedulers answered ${response.status}: ${await response.text()}`);
}

/** A child process of `parent` whose command line contains `text` (an app under the start script). */
export function childProcess(parent: number, text: string): number | undefined {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  for (const line of table.split('\n')) {
    const [pid, ppid, ...args] = line.trim().split(/\s+/);
    if (Number(ppid) === parent && args.join(' ').includes(text)) return Number(pid);
  }
  return undefined;
}

/** Resident memory of a process, in bytes (from /proc). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** TCP connections a process holds to `port` (its sockets matched against /proc/net/tcp{,6}). */
export function connectionsTo(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address, remote address, state (01: established), ..., inode (field 9)
      if (fields.length > 9 && fields[2]?.endsWith(`:${hexPort}`) && fields[3] === '01' && inodes.has(fields[9])) count++;
    }
  }
  return count;
}
