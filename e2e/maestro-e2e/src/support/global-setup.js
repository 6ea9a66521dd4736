// Starts the whole system with `npm start`'s script on its own ports, database and Redis prefix,
// with Maestro's e2e timings (health controller every second), and waits until it is ready.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { startOtlpReceiver } = require('./otlp-receiver');

const root = path.resolve(__dirname, '../../../..');
const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;

module.exports = async function globalSetup() {
  // Every app exports its spans to this receiver (tracing.e2e-spec.ts reads them), in batches of 200 ms.
  const receiver = await startOtlpReceiver(18318);
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    KUBE_SIM_PORT: '18001',
    KUBE_SIM_KUBECONFIG: path.join(root, 'tmp', `e2e-${suffix}`, 'kubeconfig.yaml'),
    MANAGEMENT_API_PORT: '18080',
    ROOMS_API_PORT: '18070',
    WORKER_INTERNAL_PORT: '18051',
    MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: `postgres://postgres@127.0.0.1:5432/maestro_e2e_${suffix}`,
    MAESTRO_ADAPTERS_REDIS_KEYPREFIX: `e2e:${suffix}:`,
    MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
    MAESTRO_WORKERS_STORAGECLENUPINTERVAL: '5s',
    MAESTRO_WORKERS_SYNCINTERVAL: '500ms',
    MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: '2000',
    MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONTIMEOUTMILLIS: '20000',
    MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
    MAESTRO_LOG_LEVEL: 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    // Authentication on, as by default: the suites call as the admin, and rooms with their own token.
    MAESTRO_API_AUTH_BOOTSTRAPTOKEN: randomBytes(32).toString('base64url'),
    MAESTRO_ROOMSAPI_AUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  delete env.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG;
  const child = spawn(process.execPath, [path.join(root, 'tools', 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (/** @type {Buffer} */ chunk) => (output += chunk);
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the system did not start within 90 s:\n${output.slice(-4000)}`)), 90_000);
    child.on('exit', (code) => reject(new Error(`the system exited with ${code}:\n${output.slice(-4000)}`)));
    child.stdout.on('data', () => {
      if (output.includes('press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await ready.catch(async (/** @type {unknown} */ error) => {
    await receiver.close();
    throw error;
  });
  globalThis.__MAESTRO_SYSTEM__ = { child, receiver, databaseUrl: String(env.MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL), output: () => output };
  process.env.E2E_MANAGEMENT_URL = 'http://127.0.0.1:18080';
  process.env.E2E_ROOMS_URL = 'http://127.0.0.1:18070';
  process.env.E2E_KUBE_URL = 'http://127.0.0.1:18001';
  process.env.E2E_WORKER_INTERNAL_URL = 'http://127.0.0.1:18051';
  process.env.E2E_OTLP_URL = receiver.url;
  process.env.E2E_REDIS_PREFIX = env.MAESTRO_ADAPTERS_REDIS_KEYPREFIX;
  process.env.E2E_ADMIN_TOKEN = env.MAESTRO_API_AUTH_BOOTSTRAPTOKEN;
  process.env.E2E_ROOMS_SECRET = env.MAESTRO_ROOMSAPI_AUTH_SECRET;
};
