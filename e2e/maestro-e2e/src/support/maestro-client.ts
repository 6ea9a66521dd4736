/** HTTP helpers of the e2e suites: they talk to the running system like any client would. */
import { roomToken } from '@maestro/domain';
import { simulatedSchedulerRequest } from '@maestro/testing';

export interface JsonResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const urls = {
  management: process.env.E2E_MANAGEMENT_URL ?? 'http://127.0.0.1:18080',
  rooms: process.env.E2E_ROOMS_URL ?? 'http://127.0.0.1:18070',
  kube: process.env.E2E_KUBE_URL ?? 'http://127.0.0.1:18001',
};

/** The admin token and the rooms' secret the system was started with (global-setup.js). */
const credentials = { admin: process.env.E2E_ADMIN_TOKEN ?? '', roomsSecret: process.env.E2E_ROOMS_SECRET ?? '' };
const ROOM_ROUTE = /^\/scheduler\/([^/]+)\/rooms\/([^/]+)\/(ping|status|roomevent|playerevent)$/;

/** What a client sends: the room's own token on a room's routes (as the room would), else the admin token. */
function credentialOf(path: string): string {
  const room = ROOM_ROUTE.exec(path);
  return room ? roomToken(credentials.roomsSecret, decodeURIComponent(room[1]), decodeURIComponent(room[2])) : credentials.admin;
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = credentialOf(path),
  extraHeaders: Record<string, string> = {},
): Promise<JsonResponse> {
  const authorization: Record<string, string> = token ? { ...extraHeaders, authorization: `Bearer ${token}` } : extraHeaders;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** A management API call, as the admin unless `token` says otherwise (`null`: none). */
export const management = (method: string, path: string, body?: unknown, token?: string | null, headers?: Record<string, string>) =>
  call(urls.management, method, path, body, token, headers);
/** A rooms API call, with the room's own token on a room's routes, else as the admin, unless `token` says otherwise. */
export const rooms = (method: string, path: string, body?: unknown, token?: string | null, headers?: Record<string, string>) =>
  call(urls.rooms, method, path, body, token, headers);
export const kube = (path: string) => call(urls.kube, 'GET', path, undefined, null);

/** Names of the scheduler's pods in kube-sim (terminating ones excluded). */
export async function podNames(scheduler: string): Promise<string[]> {
  const pods = (await kube(`/api/v1/namespaces/${scheduler}/pods`)).body.items ?? [];
  return pods
    .filter((p: { metadata: { deletionTimestamp?: string } }) => !p.metadata.deletionTimestamp)
    .map((p: { metadata: { name: string } }) => p.metadata.name)
    .sort();
}

/** The scheduler's counters from GET /schedulers/info. */
export async function info(scheduler: string) {
  const all = (await management('GET', '/schedulers/info')).body.schedulers as {
    name: string;
    roomsReady: number;
    roomsOccupied: number;
    roomsPending: number;
    roomsTerminating: number;
  }[];
  return all.find((s) => s.name === scheduler);
}

/** Operations of one stage. */
export async function operations(scheduler: string, stage: 'pending' | 'active' | 'final') {
  return (await management('GET', `/schedulers/${scheduler}/operations?stage=${stage}${stage === 'final' ? '&perPage=100' : ''}`)).body.operations as {
    id: string;
    definitionName: string;
    status: string;
  }[];
}

/** A scheduler of simulated rooms (maestro/room-simulator) as Maestro JSON, with the e2e defaults. */
export function simulatedScheduler(name: string, extra: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  return {
    ...simulatedSchedulerRequest(name, { game: 'e2e', maxSurge: '50%', environment: { ROOM_READY_AFTER_MS: '100', ROOM_PING_INTERVAL_MS: '500', ...env } }),
    ...extra,
  };
}
