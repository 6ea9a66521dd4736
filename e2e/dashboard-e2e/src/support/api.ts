/** The management API of the running system, for what the tests set up or check beside the page. */
import path from 'node:path';
import { simulatedSchedulerRequest } from '@maestro/testing';

/** Screenshots go to tmp/, and into docs/ for the README with DASHBOARD_SCREENSHOTS=docs. */
export const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS === 'docs' ? path.resolve('docs/images') : path.resolve('tmp/dashboard-e2e');

export const MANAGEMENT_URL = process.env.E2E_MANAGEMENT_URL ?? 'http://127.0.0.1:18080';
export const DASHBOARD_URL = `${MANAGEMENT_URL}/ui/`;

/** An answer of the API: its status and JSON body, read by the tests as they need. */
export interface JsonAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The admin token the system was started with (maestro-e2e's global-setup.js): authentication is on. */
export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? '';

export async function management(method: string, path: string, body?: unknown): Promise<JsonAnswer> {
  const authorization = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const response = await fetch(`${MANAGEMENT_URL}${path}`, {
    method,
    headers: body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A scheduler of simulated rooms, ready fast, in the `dashboard` game. */
export function simulatedScheduler(name: string, roomsReplicas = 0, environment: Record<string, string> = {}) {
  return simulatedSchedulerRequest(name, {
    game: 'dashboard',
    roomsReplicas,
    maxSurge: '50%',
    environment: { ROOM_READY_AFTER_MS: '100', ROOM_PING_INTERVAL_MS: '500', ...environment },
  });
}
