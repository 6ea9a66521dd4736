import { randomBytes } from 'node:crypto';
import { simulatedSchedulerRequest } from '@maestro/testing';

export interface JsonResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The admin token the chaos system is started with (authentication on, as by default). */
export const CHAOS_ADMIN_TOKEN = randomBytes(32).toString('base64url');

/** One HTTP call, as the admin; a refused or broken connection answers status 0. */
export async function call(base: string, method: string, pathname: string, body?: unknown): Promise<JsonResponse> {
  try {
    const authorization = { authorization: `Bearer ${CHAOS_ADMIN_TOKEN}` };
    const response = await fetch(`${base}${pathname}`, {
      method,
      headers: body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  } catch {
    return { status: 0, body: undefined };
  }
}

/** An operation the management API accepted (answered with its id). */
export interface AcceptedOperation {
  scheduler: string;
  id: string;
  what: string;
  /** When the API answered (ms since the epoch). */
  at: number;
}

const FINAL = new Set(['finished', 'error', 'canceled']);

/** Whether an operation status is final. */
export const isFinal = (status: string | undefined): boolean => status !== undefined && FINAL.has(status);

/**
 * A stream of operator requests over the management API on a set of fleets: creations, scale
 * changes, minor and major versions, version switches and deletions, one every `periodMs`. Requests
 * refused while a fault lasts (503, 409) are retried by the next step; accepted ones are recorded.
 */
export class Workload {
  readonly accepted: AcceptedOperation[] = [];
  /** Live fleets (created, not deleted). */
  readonly fleets = new Set<string>();
  readonly deleted = new Set<string>();
  /**
   * When Redis last restarted empty: operation records live in Redis only (as in Maestro), so those
   * accepted before are erased with it and counted apart, not as lost.
   */
  redisErasedAt = 0;
  private next = 0;
  private step = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly management: string,
    private readonly forwarderAddress: string,
    private readonly periodMs: number,
  ) {}

  /** A scheduler request of simulated rooms; every other fleet forwards its events to the test forwarder. */
  request(name: string, replicas: number, env: Record<string, string> = {}): Record<string, unknown> {
    const forwarders =
      this.next % 2 === 0
        ? [{ name: 'matchmaker', enable: true, type: 'gRPC', address: this.forwarderAddress, options: { timeout: '1000', metadata: {} } }]
        : [];
    return {
      ...simulatedSchedulerRequest(name, {
        game: 'chaos',
        maxSurge: '50%',
        roomsReplicas: replicas,
        environment: { ROOM_READY_AFTER_MS: '100', ROOM_PING_INTERVAL_MS: '500', ...env },
      }),
      forwarders,
    };
  }

  /** Creates a fleet; true once the API accepted it. */
  async create(replicas = 2): Promise<string | undefined> {
    const name = `chaos-${this.next++}`;
    const response = await call(this.management, 'POST', '/schedulers', this.request(name, replicas));
    if (response.status !== 200) return undefined;
    this.fleets.add(name);
    return name;
  }

  start(): void {
    const tick = () => {
      this.running = this.once()
        .catch(() => undefined)
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.periodMs);
        });
    };
    this.timer = setTimeout(tick, this.periodMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One operator request, chosen in turn. */
  async once(): Promise<void> {
    const fleets = [...this.fleets];
    if (fleets.length === 0) return;
    const fleet = fleets[this.step % fleets.length];
    const kind = this.step++ % 6;
    switch (kind) {
      case 0:
      case 3:
        return this.record(fleet, 'scale', call(this.management, 'PATCH', `/schedulers/${fleet}`, { roomsReplicas: 1 + (this.step % 3) }));
      case 1:
        return this.record(fleet, 'minor version', call(this.management, 'PATCH', `/schedulers/${fleet}`, { maxSurge: `${25 + (this.step % 4) * 25}%` }));
      case 2: {
        const current = await call(this.management, 'GET', `/schedulers/${fleet}`);
        if (current.status !== 200) return;
        const replicas = current.body.scheduler.roomsReplicas as number;
        return this.record(
          fleet,
          'major version',
          call(this.management, 'POST', `/schedulers/${fleet}`, this.request(fleet, replicas, { ROOM_STEP: String(this.step) })),
        );
      }
      case 4: {
        const versions = await call(this.management, 'GET', `/schedulers/${fleet}/versions`);
        const current = await call(this.management, 'GET', `/schedulers/${fleet}`);
        if (versions.status !== 200 || current.status !== 200) return;
        const other = (versions.body.versions as { version: string }[]).map((v) => v.version).find((v) => v !== current.body.scheduler.spec.version);
        if (other) return this.record(fleet, 'switch version', call(this.management, 'PUT', `/schedulers/${fleet}`, { version: other }));
        return;
      }
      case 5: {
        // Every sixth step: one fleet goes and a new one comes, keeping at least two.
        if (this.fleets.size > 2 && this.step % 12 === 0) {
          await this.remove(fleet);
          return;
        }
        await this.create(1);
        return;
      }
    }
  }

  /** Deletes a fleet; its delete operation once the API accepted it. */
  async remove(fleet: string): Promise<AcceptedOperation | undefined> {
    const response = await call(this.management, 'DELETE', `/schedulers/${fleet}`);
    if (response.status !== 200) return undefined;
    this.fleets.delete(fleet);
    this.deleted.add(fleet);
    const operation = { scheduler: fleet, id: response.body.operationId as string, what: 'delete', at: Date.now() };
    this.accepted.push(operation);
    return operation;
  }

  private async record(scheduler: string, what: string, request: Promise<JsonResponse>): Promise<void> {
    const response = await request;
    if (response.status === 200 && typeof response.body?.operationId === 'string')
      this.accepted.push({ scheduler, id: response.body.operationId, what, at: Date.now() });
  }
}
