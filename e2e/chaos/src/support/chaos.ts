import { TestForwarderServer, waitFor } from '@maestro/testing';
import Redis from 'ioredis';
import { ChaosSystem } from './chaos-system';
import { describeDeletedFleet, describeFleet } from './fleet-report';
import { call, isFinal, Workload } from './workload';

/** A fault: what it does to the running system, and how long the workload runs under it. */
export interface Fault {
  name: string;
  inject(context: ChaosContext): Promise<void>;
}

export interface ChaosContext {
  system: ChaosSystem;
  workload: Workload;
  forwarder: TestForwarderServer;
  /** Something the fault proved wrong outside the figures (e.g. an API that did not answer 503). */
  violate(what: string): void;
  /** Lets the workload run for `ms` (the fault goes on meanwhile). */
  hold(ms: number): Promise<void>;
}

/** The one line of figures; every one of them must be 0 but `accepted`. */
export interface Figures {
  accepted: number;
  /** Accepted before Redis restarted empty, and erased with it (not a failure: records live in Redis). */
  erasedWithRedis: number;
  lost: number;
  stuck: number;
  fleetsOffTarget: number;
  podsWithoutRoom: number;
  roomsWithoutPod: number;
  processesDied: number;
  foreignNamespacesDeleted: number;
}

export function formatFigures(f: Figures): string {
  return (
    `operations accepted ${f.accepted} (erased with Redis ${f.erasedWithRedis}), lost ${f.lost}, stuck ${f.stuck}; fleets off target ${f.fleetsOffTarget}; ` +
    `pods without a room ${f.podsWithoutRoom}, rooms without a pod ${f.roomsWithoutPod}; processes died ${f.processesDied}; ` +
    `foreign namespaces deleted ${f.foreignNamespacesDeleted}`
  );
}

export const allZero = (f: Figures): boolean =>
  f.lost + f.stuck + f.fleetsOffTarget + f.podsWithoutRoom + f.roomsWithoutPod + f.processesDied + f.foreignNamespacesDeleted === 0;

const FOREIGN_NAMESPACE = 'chaos-foreign';

export interface ChaosOptions {
  faults: Fault[];
  /** Fleets created before the first fault. */
  fleets: number;
  /** Longest wait, after the last fault, for the system to settle before the figures are taken. */
  settleMs: number;
  /** One operator request every so often. */
  workloadPeriodMs: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface ChaosResult {
  figures: Figures;
  violations: string[];
  /** The details behind non-zero figures. */
  details: string[];
  tail: string;
}

/** Starts the system, runs the workload through every fault in turn, lets it settle and takes the figures. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => undefined);
  const system = await ChaosSystem.start();
  // Its Postgres runs detached (pg_ctl): a run stopped by a signal must still stop it.
  const onSignal = () => void system.stop().finally(() => process.exit(1));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const forwarder = await TestForwarderServer.start();
  const workload = new Workload(system.urls.management, forwarder.address, options.workloadPeriodMs);
  const violations: string[] = [];
  try {
    await prepareForeignNamespace(system, workload, violations);
    for (let i = 0; i < options.fleets; i++) await workload.create(2);
    await waitFor(async () => (await fleetProblems(system, workload)).length === 0, {
      timeoutMs: 120_000,
      intervalMs: 1_000,
      description: 'the first fleets ready',
    });
    log(`system up, ${workload.fleets.size} fleets ready`);
    workload.start();
    const context: ChaosContext = {
      system,
      workload,
      forwarder,
      violate: (what) => violations.push(what),
      hold: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
    for (const fault of options.faults) {
      log(`fault: ${fault.name}`);
      await fault.inject(context);
    }
    await workload.stop();
    await system.sim('/_sim/reset');
    forwarder.behaviour = {};
    log('settling');
    const settled = await settle(system, workload, options.settleMs, log);
    const { figures, details } = await takeFigures(system, workload, settled);
    return { figures, violations, details: [...settled.details, ...details], tail: allZero(figures) && violations.length === 0 ? '' : system.tail() };
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await workload.stop();
    await forwarder.stop();
    await system.stop();
  }
}

/** A namespace Maestro did not create, and a scheduler named after it (created, refused, deleted). */
async function prepareForeignNamespace(system: ChaosSystem, workload: Workload, violations: string[]): Promise<void> {
  const created = await call(system.urls.kube, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FOREIGN_NAMESPACE } });
  if (created.status !== 201) violations.push(`foreign namespace not created: ${created.status}`);
  await call(system.urls.management, 'POST', '/schedulers', workload.request(FOREIGN_NAMESPACE, 1));
  await waitFor(async () => (await call(system.urls.management, 'GET', `/schedulers/${FOREIGN_NAMESPACE}`)).status === 404, {
    timeoutMs: 30_000,
    description: 'the scheduler named after a foreign namespace refused',
  }).catch(() => undefined);
  await call(system.urls.management, 'DELETE', `/schedulers/${FOREIGN_NAMESPACE}`);
}

interface Settled {
  erased: number;
  lost: number;
  stuck: number;
  details: string[];
}

/** Waits until every accepted operation is final and every fleet is on target, `settleMs` at most. */
async function settle(system: ChaosSystem, workload: Workload, settleMs: number, log: (line: string) => void): Promise<Settled> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    await keepFailedDeletions(system, workload, log);
    const operations = await operationProblems(system, workload);
    const fleets = await fleetProblems(system, workload);
    if ((operations.stuck === 0 && operations.lost === 0 && fleets.length === 0) || Date.now() > deadline) {
      return { erased: operations.erased, lost: operations.lost, stuck: operations.stuck, details: operations.details };
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/**
 * A deletion may fail under the faults (a Kubernetes 5xx, Postgres gone): its operation ends in
 * `error` and the scheduler stays whole, as in Maestro. Such a fleet is live again and must be on
 * target like the others; a deletion that finished must have taken its namespace.
 */
async function keepFailedDeletions(system: ChaosSystem, workload: Workload, log: (line: string) => void): Promise<void> {
  for (const fleet of [...workload.deleted]) {
    const deletion = workload.accepted.find((op) => op.scheduler === fleet && op.what === 'delete');
    if (!deletion) continue;
    const operation = await call(system.urls.management, 'GET', `/schedulers/${fleet}/operations/${deletion.id}`);
    if (operation.status !== 200 || operation.body?.operation?.status !== 'error') continue;
    workload.deleted.delete(fleet);
    workload.fleets.add(fleet);
    const history = (operation.body.operation.executionHistory as { event: string }[]).map((entry) => entry.event);
    log(`${fleet}: its deletion failed (${history.at(-1) ?? 'no history'}); a live fleet again`);
  }
}

async function operationProblems(system: ChaosSystem, workload: Workload): Promise<{ erased: number; lost: number; stuck: number; details: string[] }> {
  let erased = 0;
  let lost = 0;
  let stuck = 0;
  const details: string[] = [];
  for (const op of workload.accepted) {
    const response = await call(system.urls.management, 'GET', `/schedulers/${op.scheduler}/operations/${op.id}`);
    if (response.status === 404) {
      // A deleted scheduler's operations go with it: only lost when the scheduler is still there.
      const scheduler = await call(system.urls.management, 'GET', `/schedulers/${op.scheduler}`);
      if (scheduler.status === 404 && workload.deleted.has(op.scheduler)) continue;
      if (op.at < workload.redisErasedAt) {
        erased++;
        continue;
      }
      lost++;
      details.push(`lost: ${op.what} ${op.scheduler}/${op.id}`);
    } else if (!isFinal(response.body?.operation?.status)) {
      stuck++;
      details.push(`stuck: ${op.what} ${op.scheduler}/${op.id} ${response.status} ${response.body?.operation?.status}`);
    }
  }
  return { erased, lost, stuck, details };
}

type FleetProblem = { kind: 'offTarget' | 'podWithoutRoom' | 'roomWithoutPod'; detail: string };

interface Pod {
  metadata: { name: string; deletionTimestamp?: string };
}

/**
 * Fleets whose pods or ready rooms differ from their roomsReplicas, and pods and rooms without each
 * other; with `explain`, each fleet off target is described in full (fleet-report.ts).
 */
async function fleetProblems(system: ChaosSystem, workload: Workload, explain = false): Promise<FleetProblem[]> {
  const redis = new Redis(system.redis.url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const problems: FleetProblem[] = [];
  try {
    for (const fleet of workload.fleets) {
      const scheduler = await call(system.urls.management, 'GET', `/schedulers/${fleet}`);
      const pods = await call(system.urls.kube, 'GET', `/api/v1/namespaces/${fleet}/pods`);
      if (scheduler.status !== 200 || pods.status !== 200) {
        problems.push({ kind: 'offTarget', detail: `${fleet}: scheduler ${scheduler.status}, pods ${pods.status}` });
        continue;
      }
      const target = scheduler.body.scheduler.roomsReplicas as number;
      const all = (pods.body.items as Pod[]).map((pod) => pod.metadata);
      const live = all.filter((pod) => !pod.deletionTimestamp).map((pod) => pod.name);
      const rooms = await redis.zrange(`scheduler:${fleet}:status`, 0, -1);
      const ready = await redis.zcount(`scheduler:${fleet}:status`, 2, 2);
      if (live.length !== target || ready !== target) {
        const summary = `${fleet}: ${live.length} pods, ${ready} ready rooms, target ${target}`;
        problems.push({ kind: 'offTarget', detail: explain ? await describeFleet(system.urls.management, system.urls.kube, redis, fleet, summary) : summary });
      }
      const roomSet = new Set(rooms);
      const podSet = new Set(all.map((pod) => pod.name));
      for (const pod of live) if (!roomSet.has(pod)) problems.push({ kind: 'podWithoutRoom', detail: `pod without a room: ${fleet}/${pod}` });
      for (const room of rooms) if (!podSet.has(room)) problems.push({ kind: 'roomWithoutPod', detail: `room without a pod: ${fleet}/${room}` });
    }
    for (const fleet of workload.deleted) {
      const namespace = await call(system.urls.kube, 'GET', `/api/v1/namespaces/${fleet}`);
      if (namespace.status === 200 && !namespace.body.metadata?.deletionTimestamp)
        problems.push({
          kind: 'offTarget',
          detail: explain
            ? await describeDeletedFleet(
                system.urls.management,
                system.urls.kube,
                fleet,
                workload.accepted.find((op) => op.scheduler === fleet && op.what === 'delete')?.id,
              )
            : `${fleet}: deleted, namespace still there`,
        });
    }
  } finally {
    redis.disconnect();
  }
  return problems;
}

/** The figures, and what is behind each fleet problem. */
async function takeFigures(system: ChaosSystem, workload: Workload, settled: Settled): Promise<{ figures: Figures; details: string[] }> {
  const fleets = await fleetProblems(system, workload, true);
  const count = (kind: FleetProblem['kind']) => fleets.filter((p) => p.kind === kind).length;
  const foreign = await call(system.urls.kube, 'GET', `/api/v1/namespaces/${FOREIGN_NAMESPACE}`);
  const figures = {
    accepted: workload.accepted.length,
    erasedWithRedis: settled.erased,
    lost: settled.lost,
    stuck: settled.stuck,
    fleetsOffTarget: count('offTarget'),
    podsWithoutRoom: count('podWithoutRoom'),
    roomsWithoutPod: count('roomWithoutPod'),
    processesDied: system.died.length,
    foreignNamespacesDeleted: foreign.status === 200 && !foreign.body.metadata?.deletionTimestamp ? 0 : 1,
  };
  return { figures, details: fleets.map((p) => p.detail) };
}
