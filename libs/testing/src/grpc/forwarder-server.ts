import { Server, ServerCredentials, status, type ServiceClientConstructor, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { forwarderService } from '@maestro/events-forwarder';

export interface ReceivedCall {
  rpc: string;
  request: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface ForwarderServerBehaviour {
  /** Response code the server answers (default 200). */
  code?: number;
  /** Response message the server answers (default `ok`). */
  message?: string;
  /** Delay before answering, ms. */
  delayMs?: number;
  /** Answer with this gRPC status instead of a response. */
  failWith?: status;
  /** Never answer (a stuck receiver): calls are held until the client gives up or the server stops. */
  hang?: boolean;
}

const RPCS = ['SendRoomInfo', 'SendRoomStatus', 'SendRoomPing', 'SendRoomResync', 'SendRoomEvent', 'SendPlayerEvent'];

/** A real gRPC server implementing `eventforwarder.GRPCForwarder` that records every call. */
export class TestForwarderServer {
  readonly calls: ReceivedCall[] = [];
  behaviour: ForwarderServerBehaviour = {};
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly address: string,
  ) {}

  static async start(): Promise<TestForwarderServer> {
    const server = new Server();
    const service = (forwarderService() as ServiceClientConstructor).service;
    const holder: { instance?: TestForwarderServer } = {};
    const implementation: UntypedServiceImplementation = Object.fromEntries(
      RPCS.map((rpc) => [
        rpc,
        (call: { request: unknown }, callback: (error: { code: status; details: string } | null, response?: unknown) => void) => {
          const self = holder.instance as TestForwarderServer;
          self.calls.push({ rpc, request: call.request });
          const { code = 200, message = 'ok', delayMs = 0, failWith, hang } = self.behaviour;
          if (hang) return void self.held.push(() => callback({ code: status.CANCELLED, details: 'server stopped' }));
          setTimeout(
            () => (failWith !== undefined ? callback({ code: failWith, details: 'refused by the test' }) : callback(null, { code, message })),
            delayMs,
          );
        },
      ]),
    );
    server.addService(service, implementation);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    holder.instance = new TestForwarderServer(server, `127.0.0.1:${port}`);
    return holder.instance;
  }

  stop(): Promise<void> {
    this.held.splice(0).forEach((release) => release());
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
