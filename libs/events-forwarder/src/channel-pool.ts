import { type ChannelOptions, type Client, credentials, type ServiceClientConstructor } from '@grpc/grpc-js';

export interface ChannelPoolOptions {
  /** Keepalive ping interval; 0 means 15 s, and less than 10 s is raised to 10 s (gRPC's minimum). */
  keepAliveTimeMs: number;
  /** How long a keepalive ping may wait for its answer before the connection is dropped. */
  keepAliveTimeoutMs: number;
  /** How long one client per address is reused (Maestro: 24 h). */
  ttlMs: number;
  now: () => number;
}

export const MIN_KEEPALIVE_TIME_MS = 10_000;
export const DEFAULT_KEEPALIVE_TIME_MS = 15_000;

/**
 * One gRPC client (channel) per address, created on first use and replaced after its TTL:
 * plaintext, round_robin, keepalive. Replaced clients are closed with the pool.
 */
export class ChannelPool {
  private readonly clients = new Map<string, { client: Client; expiresAt: number }>();
  private readonly retired: Client[] = [];

  constructor(
    private readonly Service: ServiceClientConstructor,
    private readonly options: ChannelPoolOptions,
  ) {}

  /** The address's client; throws what the gRPC client throws for an unusable target. */
  get(address: string): Client {
    const cached = this.clients.get(address);
    if (cached && cached.expiresAt > this.options.now()) return cached.client;
    // In-flight calls may still use the old client: it is closed with the pool, not now.
    if (cached) this.retired.push(cached.client);
    const client = new this.Service(address, credentials.createInsecure(), this.channelOptions());
    this.clients.set(address, { client, expiresAt: this.options.now() + this.options.ttlMs });
    return client;
  }

  /** Number of live clients (one per address). */
  get size(): number {
    return this.clients.size;
  }

  /** Closes every client. */
  close(): void {
    for (const { client } of this.clients.values()) client.close();
    for (const client of this.retired) client.close();
    this.clients.clear();
    this.retired.length = 0;
  }

  private channelOptions(): ChannelOptions {
    return {
      'grpc.keepalive_time_ms': effectiveKeepAliveTimeMs(this.options.keepAliveTimeMs),
      'grpc.keepalive_timeout_ms': this.options.keepAliveTimeoutMs,
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
      // Each client owns its connections (grpc-js shares them process-wide by default), so that a
      // replaced client really reconnects and closing the pool really disconnects.
      'grpc.use_local_subchannel_pool': 1,
    };
  }
}

/** Maestro's keepalive rule: 0 means 15 s, and anything below gRPC's 10 s minimum is raised to it. */
export function effectiveKeepAliveTimeMs(configuredMs: number): number {
  return Math.max(MIN_KEEPALIVE_TIME_MS, configuredMs || DEFAULT_KEEPALIVE_TIME_MS);
}
