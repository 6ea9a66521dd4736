// `npm run services`: only Postgres and Redis, found or started as `npm start` does (defaults.mjs,
// services.mjs), until Ctrl-C; e.g. for `npm test`, which needs them on their default ports.
//   node tools/scripts/first-run/services.cli.mjs [--postgres-url URL] [--redis-url URL] [--state-dir DIR]
// A URL given as an option is started when it does not answer, as a default one is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { servicesOf } from './defaults.mjs';
import { LocalServices, ServiceError } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: { 'postgres-url': { type: 'string' }, 'redis-url': { type: 'string' }, 'state-dir': { type: 'string' } },
});
const configured = servicesOf(process.env);
const postgresUrl = values['postgres-url'];
const redisUrl = values['redis-url'];
/** @param {string} line */
const log = (line) => process.stdout.write(`[services] ${line}\n`);
const services = new LocalServices({
  postgres: postgresUrl ? { url: postgresUrl, mayStart: true } : configured.postgres,
  redis: redisUrl ? { urls: [redisUrl], mayStart: true } : configured.redis,
  stateDir: path.resolve(values['state-dir'] ?? path.join(root, '.maestro')),
  log,
});

/** @param {number} code */
const stop = (code) =>
  services.stop().then(
    () => process.exit(code),
    () => process.exit(1),
  );
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await services.provide();
  log('ready; press Ctrl-C to stop');
} catch (error) {
  log(error instanceof ServiceError ? error.message : String(error));
  await stop(1);
}
