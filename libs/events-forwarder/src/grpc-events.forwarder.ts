import { type Client, credentials, Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import type { EventsForwarder, Forwarder, ForwarderMessage } from '@maestro/domain';
import { Counter, Histogram, type Registry } from 'prom-client';
import { forwarderService } from './forwarder-proto';

export interface GrpcForwarderOptions {
  keepAliveTimeMs: number;
  keepAliveTimeoutMs: number;
  /** How long one channel per address is kept (Maestro: 24 h). */
  channelTtlMs?: number;
  registry?: Registry;
}

const CODE_NAMES = Object.fromEntries(Object.entries(GrpcStatus).map(([name, code]) => [code, name.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join('')]));
const OUTCOME_OF_CODE: Record<number, string> = { 200: 'OK', 404: 'NotFound', 406: 'FailedPrecondition', 500: 'Internal' };

type Rpc = (request: unknown, metadata: Metadata, options: { deadline: Date }, callback: (error: (Error & { code?: number }) | null, response?: { code?: number }) => void) => void;

/** EventsForwarder over gRPC: one pooled channel per address, per-call deadline, metrics. */
export class GrpcEventsForwarder implements EventsForwarder {
  private readonly clients = new Map<string, { client: Client; until: number }>();
  private readonly calls?: Counter<'forwarder' | 'rpc' | 'outcome'>;
  private readonly latency?: Histogram<'forwarder' | 'rpc'>;
  private readonly Service = forwarderService();

  constructor(private readonly options: GrpcForwarderOptions) {
    if (options.registry) {
      this.calls = new Counter({ name: 'maestro_forwarder_calls_total', help: 'forwarder calls by outcome', labelNames: ['forwarder', 'rpc', 'outcome'], registers: [options.registry] });
      this.latency = new Histogram({ name: 'maestro_forwarder_call_seconds', help: 'forwarder call latency', labelNames: ['forwarder', 'rpc'], registers: [options.registry] });
    }
  }

  async send(forwarder: Forwarder, message: ForwarderMessage): Promise<number> {
    const client = this.client(forwarder.address);
    const rpc = (client as unknown as Record<string, Rpc>)[message.rpc].bind(client);
    const timeoutMs = forwarder.options?.timeoutMs || 1000;
    const stop = this.latency?.startTimer({ forwarder: forwarder.name, rpc: message.rpc });
    try {
      const response = await new Promise<{ code?: number }>((resolve, reject) =>
        rpc(message.body, new Metadata(), { deadline: new Date(Date.now() + timeoutMs) }, (error, reply) => (error ? reject(error) : resolve(reply ?? {}))),
      );
      const code = response.code ?? 0;
      this.calls?.inc({ forwarder: forwarder.name, rpc: message.rpc, outcome: OUTCOME_OF_CODE[code] ?? 'Unknown' });
      return code;
    } catch (error) {
      const code = (error as { code?: number }).code;
      const name = code !== undefined ? CODE_NAMES[code] : undefined;
      this.calls?.inc({ forwarder: forwarder.name, rpc: message.rpc, outcome: name ?? 'Error' });
      throw new Error(
        name ? `failed to forward event room at "${forwarder.name}" with code ${name}` : `failed to forward event room at "${forwarder.name}" with unknown grpc code: ${String(error)}`,
        { cause: error },
      );
    } finally {
      stop?.();
    }
  }

  /** Closes every channel. */
  close(): void {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }

  private client(address: string): Client {
    const cached = this.clients.get(address);
    if (cached && cached.until > Date.now()) return cached.client;
    cached?.client.close();
    const client = new this.Service(address, credentials.createInsecure(), {
      'grpc.keepalive_time_ms': Math.max(10_000, this.options.keepAliveTimeMs),
      'grpc.keepalive_timeout_ms': this.options.keepAliveTimeoutMs,
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    });
    this.clients.set(address, { client, until: Date.now() + (this.options.channelTtlMs ?? 86_400_000) });
    return client;
  }

  /** Number of open channels (one per address). */
  get channels(): number {
    return this.clients.size;
  }
}
