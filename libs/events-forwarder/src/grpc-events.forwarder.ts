import { type Client, Metadata, type ServiceError } from '@grpc/grpc-js';
import {
  DEFAULT_FORWARDER_TIMEOUT_MS,
  EventForwardingError,
  ForwarderAddressPolicy,
  type EventsForwarder,
  type Forwarder,
  type ForwarderRpc,
  type ForwardResult,
  type PlayerEventMessage,
  responseOutcome,
  type RoomMessage,
} from '@maestro/domain';
import type { Registry } from 'prom-client';
import { AddressAdmission, type ResolveHost } from './address-admission';
import { ChannelPool } from './channel-pool';
import { ForwarderMetrics } from './forwarder-metrics';
import { forwarderService } from './forwarder-proto';
import { grpcCodeName, grpcStatusOf } from './grpc-status-names';

export interface GrpcForwarderOptions {
  /** `adapters.grpc.keepalive.time` (30 s in Maestro's config; 0 means 15 s; at least 10 s). */
  keepAliveTimeMs: number;
  /** `adapters.grpc.keepalive.timeout` (5 s in Maestro's config). */
  keepAliveTimeoutMs: number;
  /** How long one channel per address is reused (default 24 h, as Maestro). */
  channelTtlMs?: number;
  /** Where the call metrics go; none recorded without it. */
  registry?: Registry;
  /** Time source for channel expiry (tests); defaults to Date.now. Call deadlines always use the real clock. */
  now?: () => number;
  /** Where forwarders may connect (`adapters.grpc.allowedAddresses`); anywhere when absent. */
  allowedAddresses?: ForwarderAddressPolicy;
  /** Host name resolution for the allowed networks (tests); the system resolver by default. */
  resolveHost?: ResolveHost;
}

export const DEFAULT_CHANNEL_TTL_MS = 24 * 60 * 60 * 1000;

interface ResponseBody {
  code?: number;
  message?: string;
}

type UnaryRpc = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response?: ResponseBody) => void,
) => void;

/**
 * EventsForwarder over gRPC (events-forwarding.md 6-7): one pooled channel per address, the
 * forwarder's timeout as the per-call deadline, no retries, metrics per forwarder, method and outcome.
 */
export class GrpcEventsForwarder implements EventsForwarder {
  private readonly pool: ChannelPool;
  private readonly admission: AddressAdmission;
  private readonly metrics?: ForwarderMetrics;
  private readonly now: () => number;

  constructor(options: GrpcForwarderOptions) {
    this.now = options.now ?? Date.now;
    const ttlMs = options.channelTtlMs ?? DEFAULT_CHANNEL_TTL_MS;
    this.admission = new AddressAdmission(options.allowedAddresses ?? ForwarderAddressPolicy.allowAll(), ttlMs, this.now, options.resolveHost);
    this.pool = new ChannelPool(forwarderService(), {
      keepAliveTimeMs: options.keepAliveTimeMs,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs,
      ttlMs,
      now: this.now,
    });
    this.metrics = options.registry ? new ForwarderMetrics(options.registry) : undefined;
  }

  forwardRoomEvent(forwarder: Forwarder, message: RoomMessage): Promise<ForwardResult> {
    return this.call(forwarder, message.rpc, message.body, message.body.room.game);
  }

  forwardPlayerEvent(forwarder: Forwarder, message: PlayerEventMessage): Promise<ForwardResult> {
    return this.call(forwarder, 'SendPlayerEvent', message, message.room.game);
  }

  /** Number of open channels (one per address). */
  get channels(): number {
    return this.pool.size;
  }

  /** Closes every channel; later calls open new ones. */
  close(): void {
    this.pool.close();
  }

  private async call(forwarder: Forwarder, rpc: ForwarderRpc, body: unknown, game: string): Promise<ForwardResult> {
    // A scheduler stored before the restriction (or by Maestro-Go) is checked here too, before any connection.
    if (!(await this.admission.admits(forwarder.address))) throw EventForwardingError.notAllowed(forwarder.name, forwarder.address);
    const send = this.rpcOf(forwarder, rpc);
    const timeoutMs = forwarder.options?.timeoutMs || DEFAULT_FORWARDER_TIMEOUT_MS;
    const started = performance.now();
    const record = (success: boolean, outcome: string) =>
      this.metrics?.record({ game, forwarder: forwarder.name, method: rpc, success, outcome, seconds: (performance.now() - started) / 1000 });
    try {
      const response = await new Promise<ResponseBody>((resolve, reject) =>
        send(body, new Metadata(), { deadline: new Date(Date.now() + timeoutMs) }, (error, reply) => (error ? reject(error) : resolve(reply ?? {}))),
      );
      const code = response.code ?? 0;
      const result: ForwardResult = { code, outcome: responseOutcome(code), message: response.message ?? '' };
      record(true, result.outcome);
      return result;
    } catch (error) {
      const code = grpcStatusOf(error);
      record(false, code === undefined ? 'Unknown' : grpcCodeName(code));
      throw code === undefined
        ? EventForwardingError.unknown(forwarder.name, error)
        : EventForwardingError.withStatus(forwarder.name, grpcCodeName(code), error);
    }
  }

  private rpcOf(forwarder: Forwarder, rpc: ForwarderRpc): UnaryRpc {
    let client: Client;
    try {
      client = this.pool.get(forwarder.address);
    } catch (error) {
      throw EventForwardingError.connect(forwarder.name, forwarder.address, error);
    }
    const method = (client as unknown as Record<ForwarderRpc, UnaryRpc>)[rpc];
    return method.bind(client);
  }
}
