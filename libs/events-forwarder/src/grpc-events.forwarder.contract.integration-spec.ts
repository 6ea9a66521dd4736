import { status } from '@grpc/grpc-js';
import { eventsForwarderContract, type RefusalStatus, TestForwarderServer } from '@maestro/testing';
import { GrpcEventsForwarder } from './grpc-events.forwarder';

const STATUS_CODES: Record<RefusalStatus, status> = {
  NotFound: status.NOT_FOUND,
  Internal: status.INTERNAL,
  PermissionDenied: status.PERMISSION_DENIED,
  Unimplemented: status.UNIMPLEMENTED,
};

describe('GrpcEventsForwarder, the EventsForwarder adapter, against the gRPC test server', () => {
  let server: TestForwarderServer;
  let forwarder: GrpcEventsForwarder;

  beforeAll(async () => {
    server = await TestForwarderServer.start();
    forwarder = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000 });
  });

  afterAll(async () => {
    forwarder.close();
    await server.stop();
  });

  eventsForwarderContract(() => ({
    forwarder,
    address: server.address,
    unreachableAddress: '127.0.0.1:1',
    calls: () => server.calls,
    answer: (code, message) => (server.behaviour = { ...server.behaviour, code, message }),
    refuse: (name) => (server.behaviour = { ...server.behaviour, failWith: STATUS_CODES[name] }),
    delay: (delayMs) => (server.behaviour = { ...server.behaviour, delayMs }),
    reset: () => {
      server.behaviour = {};
      server.calls.length = 0;
    },
  }));
});
