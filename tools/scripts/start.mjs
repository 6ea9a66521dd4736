// `npm start`: runs the whole system on this machine: Postgres and Redis when they do not answer at
// their default URLs (first-run/services.mjs), kube-sim (unless a kubeconfig or in-cluster
// configuration is given), database migrations, management-api, rooms-api and worker. Shows each
// component's URL and readiness; Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDashboardIfNeeded } from './dashboard-build.mjs';
import { servicesOf } from './first-run/defaults.mjs';
import { LocalServices, ServiceError } from './first-run/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env };
// Ctrl-C gives running operations this long to finish (production default: 2m), within STOP_GRACE_MS.
env.MAESTRO_WORKERS_STOPTIMEOUTDURATION ??= '5s';
const STOP_GRACE_MS = 10_000;
// The components write to pipes (prefixed below): on a terminal, ask them for pretty lines as if they wrote to it.
if (process.stdout.isTTY && (env.MAESTRO_LOG_FORMAT ?? 'auto') === 'auto') env.MAESTRO_LOG_FORMAT = 'pretty';
// Components and migrations run as `node -r register.cjs <entry>` directly (not through run.mjs):
// signals, and a forced SIGKILL, reach the process itself and leave no orphan behind.
const register = path.join(root, 'tools', 'scripts', 'register.cjs');
// Ports of the local system (all overridable, e.g. to run the e2e suites beside a dev instance).
const ports = {
  kubeSim: env.KUBE_SIM_PORT ?? '8001',
  management: env.MANAGEMENT_API_PORT ?? '8080',
  rooms: env.ROOMS_API_PORT ?? '8070',
  worker: env.WORKER_INTERNAL_PORT ?? '8051',
};
/** @param {string} port */
const internalOf = (port) => String(Number(port) + 1);
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
// State of the local system (git-ignored): the management API's admin token, the rooms' secret, and
// the data of the Postgres and Redis started here. LOCAL_STATE_DIR puts it elsewhere (tests do).
const stateDir = env.LOCAL_STATE_DIR ? path.resolve(env.LOCAL_STATE_DIR) : path.join(root, '.maestro');
/** @param {string} where a path, relative to the repository when inside it */
const shown = (where) => (path.relative(root, where).startsWith('..') ? where : path.relative(root, where));
const services = new LocalServices({ ...servicesOf(env), stateDir, log });
/** @type {import('node:child_process').ChildProcess | undefined} */
let cluster;
/** When the stop began (ms since the epoch); 0 while running. */
let stopping = 0;

/** @param {string} line */
function log(line) {
  process.stdout.write(`[maestro] ${line}\n`);
}

/**
 * @param {string} name
 * @param {string} entry
 * @param {NodeJS.ProcessEnv} extraEnv
 * @param {string[]} args
 */
function startComponent(name, entry, extraEnv, args = []) {
  const child = spawn(process.execPath, ['-r', register, entry, ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /**
   * @param {import('node:stream').Readable} stream
   * @param {NodeJS.WriteStream} target
   */
  const prefix = (stream, target) =>
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      for (const line of String(chunk).split('\n')) if (line) target.write(`${name.padEnd(15)}| ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return log(`${name} stopped (${signal ?? code}) after ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    log(`${name} exited (${signal ?? code}); stopping everything`);
    stop(1);
  });
  children.push(child);
  return child;
}

/**
 * @param {string} name
 * @param {string} url
 */
async function waitReady(name, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`${name} did not become ready at ${url}`);
  return false;
}

/**
 * Resolves once every child of `list` has exited.
 * @param {import('node:child_process').ChildProcess[]} list
 * @returns {Promise<void>}
 */
async function exited(list) {
  /** @param {import('node:child_process').ChildProcess} child */
  const exitOf = (child) =>
    /** @type {Promise<void>} */ (
      new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())))
    );
  await Promise.all(list.map(exitOf));
}

/**
 * Stops the apps first (the worker drains its operations, which may still need the cluster and the
 * stores), then kube-sim, then the Postgres and Redis started here.
 */
function stop(code = 0) {
  if (stopping) return;
  stopping = Date.now();
  log('stopping');
  const apps = children.filter((child) => child !== cluster);
  for (const child of apps) child.kill('SIGTERM');
  const force = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), STOP_GRACE_MS);
  exited(apps)
    .then(() => {
      cluster?.kill('SIGTERM');
      return exited(children);
    })
    .then(() => services.stop())
    .then(
      () => {
        clearTimeout(force);
        process.exit(code);
      },
      (error) => {
        log(`stop failed: ${error}`);
        children.forEach((child) => child.kill('SIGKILL'));
        services.started.forEach(({ child }) => child.kill('SIGKILL'));
        process.exit(1);
      },
    );
}

/**
 * The value of `variable` when set; else the one kept in `.maestro/<file>`, made (256 random bits)
 * and kept there (readable by the owner only) the first time.
 * @param {string} variable
 * @param {string} file
 * @returns {string}
 */
function credential(variable, file) {
  const given = env[variable];
  if (given) return given;
  const where = path.join(stateDir, file);
  if (!existsSync(where)) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    writeFileSync(where, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    log(`generated ${shown(where)}`);
  }
  return (env[variable] = readFileSync(where, 'utf8').trim());
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** Everything after Postgres and Redis: credentials, kube-sim, migrations, the apps. */
async function run() {
  const apiAuth = env.MAESTRO_API_AUTH_ENABLED !== 'false';
  const generatedToken = apiAuth && !env.MAESTRO_API_AUTH_BOOTSTRAPTOKEN;
  if (apiAuth) credential('MAESTRO_API_AUTH_BOOTSTRAPTOKEN', 'admin-token');
  if (env.MAESTRO_ROOMSAPI_AUTH_ENABLED !== 'false') credential('MAESTRO_ROOMSAPI_AUTH_SECRET', 'rooms-secret');

  const components = [];
  const externalCluster = env.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG || env.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_INCLUSTER === 'true';
  if (!externalCluster) {
    const kubeconfig = env.KUBE_SIM_KUBECONFIG ?? path.join(root, '.kube-sim', 'kubeconfig.yaml');
    env.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG = kubeconfig;
    const port = ports.kubeSim;
    cluster = startComponent('kube-sim', 'tools/kube-sim/src/main.ts', {}, [
      '--port',
      port,
      '--kubeconfig',
      kubeconfig,
      '--rooms-api-url',
      `http://127.0.0.1:${ports.rooms}`,
      // Bigger simulated clusters for experiments, e.g. KUBE_SIM_NODES=10 KUBE_SIM_NODE_PODS=500.
      ...(env.KUBE_SIM_NODES ? ['--nodes', env.KUBE_SIM_NODES] : []),
      ...(env.KUBE_SIM_NODE_PODS ? ['--node-pods', env.KUBE_SIM_NODE_PODS, '--node-cpu', '1000', '--node-memory', '4000Gi'] : []),
    ]);
    components.push({ name: 'kube-sim', url: `http://127.0.0.1:${port}`, ready: `http://127.0.0.1:${port}/version` });
    log(`kubectl works too: kubectl --kubeconfig ${kubeconfig} get pods -A`);
  } else {
    log('using the Kubernetes cluster of the given configuration');
  }

  if (buildDashboardIfNeeded(root, log) === 'failed') log('the dashboard did not build: the management API serves the API without it');

  log('running database migrations');
  const migrate = spawnSync(process.execPath, ['-r', register, 'libs/storage/src/postgres/migrate.cli.ts'], { cwd: root, env, stdio: 'inherit' });
  if (migrate.status !== 0) {
    log('migrations failed');
    stop(1);
  } else {
    const apps = [
      { name: 'management-api', port: ports.management, internal: internalOf(ports.management) },
      { name: 'rooms-api', port: ports.rooms, internal: internalOf(ports.rooms) },
      { name: 'worker', port: undefined, internal: ports.worker },
    ];
    for (const app of apps) {
      startComponent(app.name, `apps/${app.name}/src/main.ts`, {
        ...(app.port ? { MAESTRO_API_PORT: app.port } : {}),
        MAESTRO_INTERNALAPI_PORT: app.internal,
      });
      components.push({
        name: app.name,
        url: app.port ? `http://127.0.0.1:${app.port}` : `http://127.0.0.1:${app.internal}`,
        ready: `http://127.0.0.1:${app.internal}/readyz`,
      });
    }
    const results = await Promise.all(components.map((c) => waitReady(c.name, c.ready)));
    if (!stopping) {
      log('component        url                         ready');
      components.forEach((c, i) => log(`${c.name.padEnd(16)} ${c.url.padEnd(27)} ${results[i] ? 'yes' : 'NO'}`));
      log(`dashboard: http://127.0.0.1:${ports.management}/ui/`);
      log(`API docs: http://127.0.0.1:${ports.management}/docs   metrics: http://127.0.0.1:${internalOf(ports.management)}/metrics`);
      if (generatedToken) {
        const token = shown(path.join(stateDir, 'admin-token'));
        log(`admin token in ${token}: curl -H "authorization: Bearer $(cat ${token})" http://127.0.0.1:${ports.management}/schedulers`);
      } else if (apiAuth) {
        log('the management API takes the admin token of MAESTRO_API_AUTH_BOOTSTRAPTOKEN: -H "authorization: Bearer <token>"');
      }
      log('press Ctrl-C to stop');
    }
  }
}

const provided = await services.provide().then(
  () => true,
  (error) => {
    log(error instanceof ServiceError ? error.message : `Postgres or Redis: ${error}`);
    return false;
  },
);
if (!provided) stop(1);
else if (!stopping) await run();
