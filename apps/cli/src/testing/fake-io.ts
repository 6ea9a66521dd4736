import { Readable } from 'node:stream';
import type { Fetch } from '../api/http-client';
import type { CliEnv } from '../session';

/** A recorded request of the fake API. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Answers of the fake API by "METHOD path" (query included): a status and a JSON body. */
export type Routes = Record<string, { status?: number; body: unknown } | ((request: Recorded) => { status?: number; body: unknown })>;

/** An in-memory process for runCli: captured output, a fake fetch over `routes`, a clock that sleeps instantly. */
export function fakeIo(routes: Routes = {}, env: NodeJS.ProcessEnv = {}, options: { tty?: boolean; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const requests: Recorded[] = [];
  let now = Date.parse('2026-01-02T10:00:00Z');
  const fetchFn: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    const request: Recorded = { method: init?.method ?? 'GET', url: String(input), headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const route = routes[`${request.method} ${url.pathname}${url.search}`];
    if (!route) return new Response(JSON.stringify({ code: 5, message: 'Not Found', details: [] }), { status: 404 });
    const answer = typeof route === 'function' ? route(request) : route;
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  };
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as unknown as CliEnv['stdin'];
  const io: CliEnv = {
    stdout: { write: (text: string) => out.push(text), isTTY: options.tty },
    stderr: { write: (text: string) => err.push(text), isTTY: options.tty },
    stdin,
    env: { XDG_CONFIG_HOME: '/nonexistent-maestro-test', ...env },
    cwd: '/',
    fetch: fetchFn,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), requests };
}
