import { Agent, request } from 'node:http';
import type { K8sObject } from '../store/k8s-object';
import type { PodRuntime } from './cluster';

export const ROOM_SIMULATOR_IMAGE = 'maestro/room-simulator';

/** Behaviour of one simulated room, read from its pod's environment (see README). */
export interface RoomBehaviour {
  roomsApiUrl: string;
  scheduler: string;
  roomId: string;
  readyAfterMs: number;
  pingIntervalMs: number;
  /** Occupied this long after becoming ready; never when undefined. */
  occupyAfterMs?: number;
  /** A match lasts this long, then the room is ready again; forever when undefined. */
  matchDurationMs?: number;
  /** `never-ready` (pings nothing), `stop-pinging-after` (see failAfterMs). */
  failureMode?: string;
  failAfterMs?: number;
}

interface RoomState {
  behaviour: RoomBehaviour;
  status: 'ready' | 'occupied' | 'terminating';
  since: number;
  startedAt: number;
  timer?: NodeJS.Timeout;
}

const envOf = (pod: K8sObject): Record<string, string> =>
  Object.fromEntries(
    (pod.spec?.containers ?? []).flatMap((c: { env?: { name: string; value?: string }[] }) => (c.env ?? []).map((e) => [e.name, e.value ?? ''])),
  );

const num = (value: string | undefined, fallback?: number) => (value === undefined || value === '' ? fallback : Number(value));

/**
 * Pods of the `maestro/room-simulator` image run here as game rooms that ping the rooms API over
 * HTTP. One timer per room and a shared keep-alive agent: thousands fit in one process.
 */
export class RoomSimulator implements PodRuntime {
  private readonly rooms = new Map<string, RoomState>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  pingsSent = 0;
  pingErrors = 0;

  constructor(private readonly defaultRoomsApiUrl?: string) {}

  get activeRooms(): number {
    return this.rooms.size;
  }

  started(pod: K8sObject): void {
    const images: string[] = (pod.spec?.containers ?? []).map((c: { image: string }) => c.image);
    if (!images.some((i) => i === ROOM_SIMULATOR_IMAGE || i.startsWith(`${ROOM_SIMULATOR_IMAGE}:`))) return;
    const env = envOf(pod);
    const roomsApiUrl = env.ROOMS_API_URL || env.ROOMS_API_ADDRESS || this.defaultRoomsApiUrl;
    if (!roomsApiUrl) return;
    const behaviour: RoomBehaviour = {
      roomsApiUrl: roomsApiUrl.replace(/\/$/, ''),
      scheduler: env.MAESTRO_SCHEDULER_NAME ?? pod.metadata.namespace ?? '',
      roomId: env.MAESTRO_ROOM_ID ?? pod.metadata.name,
      readyAfterMs: num(env.ROOM_READY_AFTER_MS, 200) as number,
      pingIntervalMs: num(env.ROOM_PING_INTERVAL_MS, 10_000) as number,
      occupyAfterMs: num(env.ROOM_OCCUPY_AFTER_MS),
      matchDurationMs: num(env.ROOM_MATCH_DURATION_MS),
      failureMode: env.ROOM_FAILURE_MODE,
      failAfterMs: num(env.ROOM_FAIL_AFTER_MS),
    };
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (this.rooms.has(key) || behaviour.failureMode === 'never-ready') return;
    const state: RoomState = { behaviour, status: 'ready', since: 0, startedAt: Date.now() };
    this.rooms.set(key, state);
    state.timer = setTimeout(() => this.tick(key), behaviour.readyAfterMs);
  }

  stopping(pod: K8sObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const state = this.rooms.get(key);
    if (!state) return;
    clearTimeout(state.timer);
    this.rooms.delete(key);
    if (state.since > 0) this.ping(state.behaviour, 'terminating');
  }

  stop(): void {
    for (const state of this.rooms.values()) clearTimeout(state.timer);
    this.rooms.clear();
    this.agent.destroy();
  }

  private tick(key: string): void {
    const state = this.rooms.get(key);
    if (!state) return;
    const { behaviour } = state;
    const now = Date.now();
    if (behaviour.failureMode === 'stop-pinging-after' && now - state.startedAt >= (behaviour.failAfterMs ?? 0)) return;
    if (state.since === 0) state.since = now;
    if (state.status === 'ready' && behaviour.occupyAfterMs !== undefined && now - state.since >= behaviour.occupyAfterMs) {
      state.status = 'occupied';
      state.since = now;
    } else if (state.status === 'occupied' && behaviour.matchDurationMs !== undefined && now - state.since >= behaviour.matchDurationMs) {
      state.status = 'ready';
      state.since = now;
    }
    this.ping(behaviour, state.status);
    const next = [behaviour.pingIntervalMs];
    if (state.status === 'ready' && behaviour.occupyAfterMs !== undefined) next.push(behaviour.occupyAfterMs - (now - state.since));
    if (state.status === 'occupied' && behaviour.matchDurationMs !== undefined) next.push(behaviour.matchDurationMs - (now - state.since));
    state.timer = setTimeout(() => this.tick(key), Math.max(10, Math.min(...next)));
  }

  private ping(behaviour: RoomBehaviour, status: string): void {
    const body = JSON.stringify({ status, timestamp: Math.floor(Date.now() / 1000), runningMatches: status === 'occupied' ? 1 : 0 });
    const url = new URL(`${behaviour.roomsApiUrl}/scheduler/${behaviour.scheduler}/rooms/${behaviour.roomId}/ping`);
    const req = request(url, { method: 'PUT', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      if ((res.statusCode ?? 500) >= 400) this.pingErrors++;
    });
    req.on('error', () => this.pingErrors++);
    req.end(body);
    this.pingsSent++;
  }
}
