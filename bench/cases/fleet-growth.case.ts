/**
 * One scheduler of simulated rooms grown from 0 to N rooms on the whole running system (kube-sim and
 * the three apps), the Kubernetes client at a given QPS (burst at its default). A watch of the
 * scheduler's pods counts the pods alive at every moment: pods/s from the first pod to the N-th,
 * against the QPS, and the most pods seen, which must never pass N + maxSurge.
 */
import { parseMaxSurge } from '@maestro/domain';
import type { Row } from '../support/report';
import { childProcess, createScheduler, simulatedScheduler, startSystem, until } from '../support/running-system';

export interface FleetGrowthOptions {
  rooms: number;
  qps: number;
  portBase: number;
}

const MAX_SURGE = '10%';

/** Pods alive in a namespace, from a watch of every pod of kube-sim (ADDED / DELETED events). */
class PodCount {
  alive = new Set<string>();
  addedAt: number[] = [];
  max = 0;
  firstAt = 0;
  private readonly abort = new AbortController();

  private constructor(private readonly namespace: string) {}

  static async start(kube: string, namespace: string): Promise<PodCount> {
    const count = new PodCount(namespace);
    const response = await fetch(`${kube}/api/v1/pods?watch=true`, { signal: count.abort.signal });
    if (!response.ok || !response.body) throw new Error(`pod watch answered ${response.status}`);
    void count.read(response.body);
    return count;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of body) {
        buffered += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim()) this.apply(JSON.parse(line) as Parameters<PodCount['apply']>[0]);
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
  }

  private apply(event: { type: string; object: { metadata: { name: string; namespace?: string } } }): void {
    if (event.object.metadata.namespace !== this.namespace) return;
    if (event.type === 'ADDED') {
      this.alive.add(event.object.metadata.name);
      this.addedAt.push(Date.now());
      this.firstAt ||= Date.now();
      this.max = Math.max(this.max, this.alive.size);
    } else if (event.type === 'DELETED') this.alive.delete(event.object.metadata.name);
  }

  stop(): void {
    this.abort.abort();
  }
}

interface OperationJson {
  id: string;
  definitionName: string;
  createdAt: string;
  input: Record<string, unknown>;
  executionHistory: { createdAt: string; event: string }[];
}

/**
 * The scheduler's finished operations in creation order (up to 100, from the management API), one
 * line each: when it was created, waited and ran (seconds from `since`), its input and last event.
 * Shows the add_rooms / health_controller chain of a growing fleet and where it waited.
 */
async function operationTimeline(api: string, authorization: string, scheduler: string, since: number): Promise<string[]> {
  const get = async <T>(path: string) => (await (await fetch(`${api}/schedulers/${scheduler}${path}`, { headers: { authorization } })).json()) as T;
  const { operations } = await get<{ operations: { id: string }[] }>('/operations?stage=final&orderBy=createdAt%20asc&perPage=100');
  const lines: string[] = [];
  for (const { id } of operations) {
    const { operation } = await get<{ operation: OperationJson }>(`/operations/${id}`);
    const at = (event: string) => operation.executionHistory.find((e) => e.event === event)?.createdAt;
    const [created, startedAt, finished] = [operation.createdAt, at('Starting operation'), operation.executionHistory.at(-1)?.createdAt];
    const s = (iso?: string) => (iso ? ((Date.parse(iso) - since) / 1000).toFixed(1) : '?');
    const d = (from?: string, to?: string) => (from && to ? ((Date.parse(to) - Date.parse(from)) / 1000).toFixed(1) : '?');
    lines.push(
      `${operation.definitionName.padEnd(18)} created ${s(created)} s, waited ${d(created, startedAt)} s, ran ${d(startedAt, finished)} s, ` +
        `input ${JSON.stringify(operation.input)}, ${operation.executionHistory.at(-2)?.event ?? ''}`,
    );
  }
  return lines;
}

export async function fleetGrowthCase({ rooms, qps, portBase }: FleetGrowthOptions, log: (line: string) => void): Promise<Row[]> {
  log(`fleet growth: starting the system, then one scheduler 0 -> ${rooms.toLocaleString('en')} rooms at QPS ${qps}`);
  const system = await startSystem({
    portBase,
    nodes: 10,
    podsPerNode: Math.ceil(rooms / 10) + 50,
    env: { MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: String(qps), MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s' },
  });
  const { api, kube, authorization } = system;
  let pods: PodCount | undefined;
  try {
    const body = simulatedScheduler('bench-fleet', 'bench', rooms, { ROOM_READY_AFTER_MS: '500', ROOM_PING_INTERVAL_MS: '30000' });
    body.maxSurge = MAX_SURGE;
    pods = await PodCount.start(kube, 'bench-fleet');
    const started = Date.now();
    await createScheduler(api, authorization, body);
    const counted = pods;
    const allPods = await until(async () => (counted.alive.size >= rooms ? Date.now() : undefined), 900_000, 50);
    const allReady = await until(
      async () => {
        const info = (await (await fetch(`${api}/schedulers/info?game=bench`, { headers: { authorization } })).json()) as {
          schedulers: { roomsReady: number }[];
        };
        return info.schedulers[0]?.roomsReady >= rooms ? Date.now() : undefined;
      },
      900_000,
      250,
    );
    const podsAtReady = pods.alive.size;
    if (process.env.BENCH_DEBUG) {
      const perTenth = new Map<number, number>();
      for (const at of pods.addedAt) perTenth.set(Math.floor((at - pods.firstAt) / 100), (perTenth.get(Math.floor((at - pods.firstAt) / 100)) ?? 0) + 1);
      log(`pods added per 100 ms: ${[...perTenth].map(([t, n]) => `${t}:${n}`).join(' ')}`);
      log(`worker pid ${childProcess(system.pid, 'apps/worker/src/main.ts')}, kube-sim pid ${childProcess(system.pid, 'kube-sim')}`);
      for (const line of await operationTimeline(api, authorization, 'bench-fleet', started)) log(line);
    }
    const podsPerSecond = rooms / ((allPods - pods.firstAt) / 1000);
    const limit = rooms + parseMaxSurge(MAX_SURGE, rooms);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    log(
      `fleet growth: first pod after ${seconds(pods.firstAt - started)}, ${rooms} pods after ${seconds(allPods - started)}, all ready after ${seconds(allReady - started)}`,
    );
    return [
      {
        case: 'fleet growth',
        measure: `pods/s ÷ client QPS (0 -> ${rooms.toLocaleString('en')})`,
        ours: `${Math.round(podsPerSecond)} pods/s, ${seconds(allPods - pods.firstAt)}`,
        floor: `QPS ${qps}`,
        value: (podsPerSecond / qps).toFixed(2),
        target: '≥ 0.80',
        ok: podsPerSecond / qps >= 0.8,
        kind: 'target',
      },
      {
        case: 'fleet growth',
        measure: 'time to every room ready',
        ours: seconds(allReady - started),
        floor: `first pod ${seconds(pods.firstAt - started)}`,
        value: seconds(allReady - started),
        target: '',
        ok: true,
        kind: 'info',
      },
      {
        case: 'fleet growth',
        measure: 'most pods seen at once',
        ours: String(pods.max),
        floor: `target ${rooms} + maxSurge ${MAX_SURGE}`,
        value: String(pods.max),
        target: `≤ ${limit}`,
        ok: pods.max <= limit,
        kind: 'check',
      },
      {
        case: 'fleet growth',
        measure: 'pods when every room is ready',
        ours: String(podsAtReady),
        floor: `target ${rooms}`,
        value: String(podsAtReady),
        target: `= ${rooms}`,
        ok: podsAtReady === rooms,
        kind: 'target',
      },
    ];
  } finally {
    pods?.stop();
    await system.stop();
  }
}
