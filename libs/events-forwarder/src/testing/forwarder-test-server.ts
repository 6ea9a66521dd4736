import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData, type ServiceError, status } from '@grpc/grpc-js';
import { forwarderService } from '../forwarder-proto';

/** One call the server received. */
export interface ReceivedCall {
  rpc: string;
  request: any;
  /** Client address and port: the same for calls over one connection. */
  peer: string;
  /** Milliseconds between the call's arrival and its deadline (Infinity without one). */
  deadlineInMs: number;
}

/** What the server answers: a Response, a gRPC status, or nothing until released. */
export type Answer = { code: number; message?: string } | { status: status } | { hang: true };

const RPCS = ['SendRoomInfo', 'SendRoomStatus', 'SendRoomPing', 'SendRoomResync', 'SendRoomEvent', 'SendPlayerEvent'] as const;

/** A real `eventforwarder.GRPCForwarder` server on 127.0.0.1 (random port) recording every call. */
export class ForwarderTestServer {
  readonly calls: ReceivedCall[] = [];
  answer: Answer = { code: 200, message: 'ok' };
  private readonly hanging: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly address: string,
  ) {}

  static async start(): Promise<ForwarderTestServer> {
    const server = new Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const instance = new ForwarderTestServer(server, `127.0.0.1:${port}`);
    const handlers = Object.fromEntries(
      RPCS.map((rpc) => [rpc, (call: ServerUnaryCall<unknown, unknown>, done: sendUnaryData<unknown>) => instance.handle(rpc, call, done)]),
    );
    server.addService(forwarderService().service, handlers);
    return instance;
  }

  /** Ends every held call and stops the server. */
  async stop(): Promise<void> {
    this.hanging.splice(0).forEach((release) => release());
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private handle(rpc: string, call: ServerUnaryCall<unknown, unknown>, done: sendUnaryData<unknown>): void {
    const deadline = call.getDeadline();
    const deadlineInMs = deadline instanceof Date ? deadline.getTime() - Date.now() : deadline === Infinity ? Infinity : Number(deadline) - Date.now();
    this.calls.push({ rpc, request: call.request, peer: call.getPeer(), deadlineInMs });
    const answer = this.answer;
    if ('hang' in answer) {
      this.hanging.push(() => done({ code: status.CANCELLED, details: 'released by the test' } as ServiceError));
      return;
    }
    if ('status' in answer) return done({ code: answer.status, details: 'refused by the test' } as ServiceError);
    done(null, { code: answer.code, message: answer.message ?? '' });
  }
}
