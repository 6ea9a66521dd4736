import { waitFor } from '@maestro/testing';
import type { Fault } from './chaos';
import { call } from './workload';

/** Every normal Redis client connection cut, `times` times a second apart. */
export const redisClientsKilled = (times: number): Fault => ({
  name: `Redis client connections killed ${times} times`,
  inject: async ({ system, hold }) => {
    for (let i = 0; i < times; i++) {
      await system.redis.command('CLIENT', 'KILL', 'TYPE', 'normal');
      await hold(1_000);
    }
    await hold(2_000);
  },
});

/** Redis answers nobody for `ms`. */
export const redisPaused = (ms: number): Fault => ({
  name: `Redis paused ${ms} ms`,
  inject: async ({ system, hold }) => {
    await system.redis.command('CLIENT', 'PAUSE', ms, 'ALL');
    await hold(ms + 2_000);
  },
});

/** Redis restarted with nothing in it: rooms come back from the pods within a health cycle. */
export const redisRestartedEmpty: Fault = {
  name: 'Redis restarted empty',
  inject: async ({ system, workload, hold }) => {
    await system.redis.restartEmpty();
    workload.redisErasedAt = Date.now();
    await hold(5_000);
  },
};

/** Every backend of Maestro's database terminated (on the chaos system's own Postgres). */
export const postgresBackendsTerminated: Fault = {
  name: 'every Postgres backend terminated',
  inject: async ({ system, hold }) => {
    await system.postgres.terminateBackends('maestro_chaos');
    await hold(2_000);
  },
};

/** Postgres down for `ms`: the APIs answer 503 meanwhile and recover once it is back, without a restart. */
export const postgresStopped = (ms: number): Fault => ({
  name: `Postgres stopped ${ms / 1000} s`,
  inject: async ({ system, hold, violate }) => {
    system.postgres.stopServer();
    await hold(Math.min(ms, 8_000));
    const listing = await call(system.urls.management, 'GET', '/schedulers');
    if (listing.status !== 503) violate(`GET /schedulers answered ${listing.status} with Postgres down (503 expected)`);
    const ready = await call(system.urls.managementInternal, 'GET', '/readyz');
    if (ready.status !== 503) violate(`management-api /readyz answered ${ready.status} with Postgres down (503 expected)`);
    await hold(Math.max(0, ms - 8_000));
    system.postgres.startServer();
    await waitFor(async () => (await call(system.urls.management, 'GET', '/schedulers')).status === 200, {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'the management API back after Postgres',
    }).catch(() => violate('the management API did not recover within 30 s of Postgres coming back'));
  },
});

/** The Kubernetes API fails a quarter of the requests with `code` for `ms`. */
export const kubernetesErrors = (code: 500 | 429, ms: number): Fault => ({
  name: `Kubernetes API ${code} on 25 % of requests for ${ms / 1000} s`,
  inject: async ({ system, hold }) => {
    await system.sim('/_sim/faults/api', { errorRate: 0.25, errorCode: code });
    await hold(ms);
    await system.sim('/_sim/reset');
  },
});

/** Seconds of latency on every list and watch for `ms`. */
export const kubernetesSlowListWatch = (latencyMs: number, ms: number): Fault => ({
  name: `Kubernetes list and watch ${latencyMs} ms late for ${ms / 1000} s`,
  inject: async ({ system, hold }) => {
    await system.sim('/_sim/faults/api', { latencyMs, verbs: ['list', 'watch'] });
    await hold(ms);
    await system.sim('/_sim/reset');
  },
});

/** The next lists fail, then a new fleet starts: its watchers' first lists fail and must be retried. */
export const kubernetesFirstListFails: Fault = {
  name: 'first pod lists of a new fleet fail',
  inject: async ({ system, workload, hold }) => {
    await system.sim('/_sim/faults/api', { failNext: 4, errorCode: 500, verbs: ['list'] });
    await workload.create(2);
    await hold(5_000);
    await system.sim('/_sim/reset');
  },
};

/** Every open watch cut, three times. */
export const kubernetesWatchesDropped: Fault = {
  name: 'Kubernetes watches dropped 3 times',
  inject: async ({ system, hold }) => {
    for (let i = 0; i < 3; i++) {
      await system.sim('/_sim/faults/drop-watches');
      await hold(1_500);
    }
  },
};

/** A worker SIGKILLed while an operation runs, the other replica running; then started again. */
export const workerKilledMidOperation: Fault = {
  name: 'a worker SIGKILLed mid-operation',
  inject: async ({ system, workload, hold }) => {
    const fleet = [...workload.fleets][0];
    // Slow pod creations keep the add_rooms running long enough to be caught.
    await system.sim('/_sim/faults/api', { latencyMs: 1_000, verbs: ['create'], resources: ['pods'] });
    const scaled = await call(system.urls.management, 'PATCH', `/schedulers/${fleet}`, { roomsReplicas: 4 });
    if (scaled.status === 200) workload.accepted.push({ scheduler: fleet, id: scaled.body.operationId, what: 'scale (kill)', at: Date.now() });
    await waitFor(async () => ((await call(system.urls.management, 'GET', `/schedulers/${fleet}/operations?stage=active`)).body?.operations ?? []).length > 0, {
      timeoutMs: 20_000,
      intervalMs: 100,
      description: 'an operation running',
    }).catch(() => undefined);
    await system.killWorker(0);
    await system.sim('/_sim/reset');
    await hold(3_000);
  },
};

/**
 * A fleet deleted while every namespace deletion fails: its delete operation ends in `error` and
 * the scheduler stays whole, so the fleet is live again and must be back on target.
 */
export const deletionFails: Fault = {
  name: 'a fleet deleted while namespace deletions fail',
  inject: async ({ system, workload, hold, violate }) => {
    const fleet = [...workload.fleets].at(-1);
    if (!fleet) return;
    await system.sim('/_sim/faults/api', { errorRate: 1, errorCode: 500, verbs: ['delete'], resources: ['namespaces'] });
    const deletion = await workload.remove(fleet);
    if (!deletion) violate(`DELETE /schedulers/${fleet} was not accepted`);
    else
      await waitFor(
        async () =>
          ['error', 'finished'].includes((await call(system.urls.management, 'GET', `/schedulers/${fleet}/operations/${deletion.id}`)).body?.operation?.status),
        { timeoutMs: 60_000, intervalMs: 250, description: 'the deletion ended' },
      ).catch(() => violate(`the deletion of ${fleet} did not end within 60 s`));
    await system.sim('/_sim/reset');
    await hold(1_000);
  },
};

/** The forwarder of half the fleets never answers for `ms`. */
export const forwarderHangs = (ms: number): Fault => ({
  name: `forwarder hangs ${ms / 1000} s`,
  inject: async ({ forwarder, hold }) => {
    forwarder.behaviour = { hang: true };
    await hold(ms);
    forwarder.behaviour = {};
  },
});

/** Every fault of issue 12, one after the other (`npm run chaos`). */
export const ALL_FAULTS: Fault[] = [
  redisClientsKilled(3),
  redisPaused(3_000),
  redisRestartedEmpty,
  postgresBackendsTerminated,
  postgresStopped(30_000),
  kubernetesErrors(500, 8_000),
  kubernetesErrors(429, 8_000),
  kubernetesSlowListWatch(2_000, 8_000),
  kubernetesFirstListFails,
  kubernetesWatchesDropped,
  workerKilledMidOperation,
  deletionFails,
  forwarderHangs(8_000),
];

/** The fast cases run by `npm test`. */
export const FAST_FAULTS: Fault[] = [
  redisClientsKilled(2),
  redisRestartedEmpty,
  postgresBackendsTerminated,
  kubernetesWatchesDropped,
  workerKilledMidOperation,
  deletionFails,
];
