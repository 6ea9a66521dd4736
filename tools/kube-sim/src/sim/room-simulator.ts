import { Agent, request } from 'node:http';
import type { K8sObject } from '../store/k8s-object';
import type { PodRuntime } from './kubelet';

export const ROOM_SIMULATOR_IMAGE = 'maestro/room-simulator';

export type RoomFailureMode = 'none' | 'never-ready' | 'stop-pinging' | 'exit';

/** Behaviour of one simulated room, read from its pod's environment (see README). */
export interface RoomBehaviour {
  roomsApiUrl: string;
  scheduler: string;
  roomId: string;
  /** The room's credential (MAESTRO_ROOM_TOKEN), sent as `Authorization: Bearer`; none when unset. */
  token?: string;
  readyAfterMs: number;
  pingIntervalMs: number;
  /** Occupied this long after becoming ready; never when undefined. */
  occupyAfterMs?: number;
  /** A match lasts this long, then the room is ready again; forever when undefined. */
  matchDurationMs?: number;
  failureMode: RoomFailureMode;
  /** When the failure happens, counted from the container start. */
  failAfterMs: number;
  exitCode: number;
}

interface RoomState {
  behaviour: RoomBehaviour;
  status: 'ready' | 'occupied';
  /** When the current status began (0 before the first ping). */
  since: number;
  startedAt: number;
  exit: (exitCode: number) => void;
  timer?: NodeJS.Timeout;
}

const FAILURE_MODES: RoomFailureMode[] = ['none', 'never-ready', 'stop-pinging', 'exit'];

const envOf = (pod: K8sObject): Record<string, string> =>
  Object.fromEntries(
    (pod.spec?.containers ?? []).flatMap((c: { env?: { name: string; value?: string }[] }) => (c.env ?? []).map((e) => [e.name, e.value ?? ''])),
  );

const ms = (value: string | undefined): number | undefined => {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

const isSimulatorImage = (image: string) =>
  image === ROOM_SIMULATOR_IMAGE || image.startsWith(`${ROOM_SIMULATOR_IMAGE}:`) || image.startsWith(`${ROOM_SIMULATOR_IMAGE}@`);

/** Reads a room's behaviour from the environment of a `maestro/room-simulator` pod; undefined for other pods. */
export function roomBehaviour(pod: K8sObject, defaultRoomsApiUrl?: string): RoomBehaviour | undefined {
  if (!(pod.spec?.containers ?? []).some((c: { image?: string }) => isSimulatorImage(c.image ?? ''))) return undefined;
  const env = envOf(pod);
  const roomsApiUrl = env.ROOMS_API_URL || defaultRoomsApiUrl;
  if (!roomsApiUrl) return undefined;
  const mode = (env.ROOM_FAILURE_MODE || 'none') as RoomFailureMode;
  return {
    roomsApiUrl: roomsApiUrl.replace(/\/$/, ''),
    scheduler: env.MAESTRO_SCHEDULER_NAME || (pod.metadata.namespace ?? ''),
    roomId: env.MAESTRO_ROOM_ID || pod.metadata.name,
    ...(env.MAESTRO_ROOM_TOKEN ? { token: env.MAESTRO_ROOM_TOKEN } : {}),
    readyAfterMs: ms(env.ROOM_READY_AFTER_MS) ?? 1_000,
    pingIntervalMs: Math.max(10, ms(env.ROOM_PING_INTERVAL_MS) ?? 10_000),
    occupyAfterMs: ms(env.ROOM_OCCUPY_AFTER_MS),
    matchDurationMs: ms(env.ROOM_MATCH_DURATION_MS),
    failureMode: FAILURE_MODES.includes(mode) ? mode : 'none',
    failAfterMs: ms(env.ROOM_FAIL_AFTER_MS) ?? 0,
    exitCode: Number.parseInt(env.ROOM_EXIT_CODE ?? '1', 10) || 0,
  };
}

/**
 * Pods of the `maestro/room-simulator` image run here as game rooms that ping the rooms API over
 * HTTP. Each room holds one timer armed for its next ping or status change, and all rooms share
 * one keep-alive agent, so thousands fit in one process.
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

  /** A pod's containers started: run it as a room when it uses the simulator image. */
  started(pod: K8sObject, exit: (exitCode: number) => void): void {
    const behaviour = roomBehaviour(pod, this.defaultRoomsApiUrl);
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (!behaviour || this.rooms.has(key)) return;
    const state: RoomState = { behaviour, status: 'ready', since: 0, startedAt: Date.now(), exit };
    this.rooms.set(key, state);
    if (behaviour.failureMode === 'never-ready') return;
    const firstStep = behaviour.failureMode === 'none' ? behaviour.readyAfterMs : Math.min(behaviour.readyAfterMs, behaviour.failAfterMs);
    state.timer = setTimeout(() => this.tick(key), firstStep);
  }

  /** The pod is being deleted or lost: a room that pinged says "terminating", then stops. */
  stopping(pod: K8sObject): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const state = this.rooms.get(key);
    if (!state) return;
    clearTimeout(state.timer);
    this.rooms.delete(key);
    if (state.since > 0) this.ping(state.behaviour, 'terminating', 0);
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
    if (behaviour.failureMode !== 'none' && now - state.startedAt >= behaviour.failAfterMs) return this.fail(key, state);
    if (now - state.startedAt < behaviour.readyAfterMs) {
      state.timer = setTimeout(() => this.tick(key), behaviour.readyAfterMs - (now - state.startedAt));
      return;
    }
    if (state.since === 0) state.since = now;
    else if (state.status === 'ready' && behaviour.occupyAfterMs !== undefined && now - state.since >= behaviour.occupyAfterMs) {
      state.status = 'occupied';
      state.since = now;
    } else if (state.status === 'occupied' && behaviour.matchDurationMs !== undefined && now - state.since >= behaviour.matchDurationMs) {
      state.status = 'ready';
      state.since = now;
    }
    this.ping(behaviour, state.status, state.status === 'occupied' ? 1 : 0);
    state.timer = setTimeout(() => this.tick(key), this.nextStepMs(state, now));
  }

  /** The earliest of: the next ping (with 10 % jitter so rooms started together spread out), the next status change, the failure. */
  private nextStepMs(state: RoomState, now: number): number {
    const { behaviour } = state;
    const next = [behaviour.pingIntervalMs * (0.9 + Math.random() * 0.1)];
    if (state.status === 'ready' && behaviour.occupyAfterMs !== undefined) next.push(behaviour.occupyAfterMs - (now - state.since));
    if (state.status === 'occupied' && behaviour.matchDurationMs !== undefined) next.push(behaviour.matchDurationMs - (now - state.since));
    if (behaviour.failureMode !== 'none') next.push(behaviour.failAfterMs - (now - state.startedAt));
    return Math.max(5, Math.min(...next));
  }

  private fail(key: string, state: RoomState): void {
    if (state.behaviour.failureMode === 'exit') {
      this.rooms.delete(key);
      state.exit(state.behaviour.exitCode);
    }
    // stop-pinging: the room stays registered but silent, so not even "terminating" is sent.
    state.since = 0;
  }

  private ping(behaviour: RoomBehaviour, status: string, runningMatches: number): void {
    const body = JSON.stringify({ status, timestamp: Math.floor(Date.now() / 1000), runningMatches });
    const path = `/scheduler/${encodeURIComponent(behaviour.scheduler)}/rooms/${encodeURIComponent(behaviour.roomId)}/ping`;
    const req = request(
      `${behaviour.roomsApiUrl}${path}`,
      {
        method: 'PUT',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(behaviour.token ? { authorization: `Bearer ${behaviour.token}` } : {}),
        },
      },
      (res) => {
        res.resume();
        if ((res.statusCode ?? 500) >= 400) this.pingErrors++;
      },
    );
    req.on('error', () => this.pingErrors++);
    req.end(body);
    this.pingsSent++;
  }
}
