import { status } from '@grpc/grpc-js';
import { EventForwardingError, type Forwarder, ForwarderAddressPolicy, type RoomMessage } from '@maestro/domain';
import { aForwarder } from '@maestro/testing';
import { Registry } from 'prom-client';
import { GrpcEventsForwarder } from './grpc-events.forwarder';
import { ForwarderTestServer } from './testing/forwarder-test-server';

const room = { game: 'g', roomId: 'r1', host: 'h', port: 40001, metadata: { a: '1' }, roomType: 'green' };
const roomEvent: RoomMessage = { rpc: 'SendRoomEvent', body: { room, eventType: 'custom' } };

describe('GrpcEventsForwarder against a real gRPC server', () => {
  let server: ForwarderTestServer;
  let forwarder: GrpcEventsForwarder;
  let registry: Registry;
  // A timeout far above any answer time (the first call also connects, which is slow on a loaded
  // machine); the tests of deadlines set their own.
  const target = (overrides: Partial<Forwarder> = {}) => aForwarder({ address: server.address, options: { timeoutMs: 5_000, metadata: {} }, ...overrides });

  beforeAll(async () => {
    server = await ForwarderTestServer.start();
  });

  afterAll(async () => {
    await server.stop();
  });

  beforeEach(() => {
    server.calls.length = 0;
    server.answer = { code: 200, message: 'ok' };
    registry = new Registry();
    forwarder = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000, registry });
  });

  afterEach(() => forwarder.close());

  it('sends each RPC with the exact fields of the protocol', async () => {
    await forwarder.forwardRoomEvent(target(), { rpc: 'SendRoomResync', body: { room, statusType: 1 } });
    await forwarder.forwardRoomEvent(target(), { rpc: 'SendRoomStatus', body: { room, statusType: 3 } });
    await forwarder.forwardRoomEvent(target(), roomEvent);
    await forwarder.forwardPlayerEvent(target(), { playerId: 'p1', room: { game: 'g', roomId: 'r1' }, eventType: 1, metadata: { roomType: 'green' } });
    expect(server.calls.map(({ rpc, request }) => ({ rpc, request }))).toEqual([
      { rpc: 'SendRoomResync', request: { room, statusType: 1 } },
      { rpc: 'SendRoomStatus', request: { room, statusType: 3 } },
      { rpc: 'SendRoomEvent', request: { room, eventType: 'custom', metadata: {} } },
      {
        rpc: 'SendPlayerEvent',
        request: {
          playerId: 'p1',
          room: { game: 'g', roomId: 'r1', host: '', port: 0, metadata: {}, roomType: '' },
          eventType: 1,
          metadata: { roomType: 'green' },
        },
      },
    ]);
  });

  it('refuses, without connecting, an address outside adapters.grpc.allowedAddresses', async () => {
    const restricted = new GrpcEventsForwarder({
      keepAliveTimeMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      allowedAddresses: ForwarderAddressPolicy.parse('10.0.0.0/8'),
    });
    try {
      const refused = restricted.forwardRoomEvent(target(), roomEvent);
      await expect(refused).rejects.toBeInstanceOf(EventForwardingError);
      await expect(refused).rejects.toThrow(`failed to connect at ${server.address}: address not allowed for forwarders`);
      expect(restricted.channels).toBe(0);
      expect(server.calls).toEqual([]);
    } finally {
      restricted.close();
    }
  });

  it('sets the deadline of each call from the forwarder timeout in milliseconds', async () => {
    await forwarder.forwardRoomEvent(target({ options: { timeoutMs: 7_500, metadata: {} } }), roomEvent);
    expect(server.calls[0].deadlineInMs).toBeLessThanOrEqual(7_500);
    expect(server.calls[0].deadlineInMs).toBeGreaterThan(4_000);
  });

  it.each([
    [200, 'OK'],
    [404, 'NotFound'],
    [406, 'FailedPrecondition'],
    [500, 'Internal'],
    [302, 'Unknown'],
  ])('succeeds whatever the response code is: %d is %s', async (code, outcome) => {
    server.answer = { code, message: 'from the receiver' };
    await expect(forwarder.forwardRoomEvent(target(), roomEvent)).resolves.toEqual({ code, outcome, message: 'from the receiver' });
    expect(await registry.getSingleMetricAsString('maestro_events_forwarder_success_total')).toContain(
      `{game="g",forwarder="matchmaker",method="SendRoomEvent",outcome="${outcome}"} 1`,
    );
  });

  it.each([
    [status.UNIMPLEMENTED, 'Unimplemented'],
    [status.INTERNAL, 'Internal'],
    [status.PERMISSION_DENIED, 'PermissionDenied'],
    [status.NOT_FOUND, 'NotFound'],
  ])('fails with the Go name of gRPC status %d', async (code, name) => {
    server.answer = { status: code };
    const sending = forwarder.forwardRoomEvent(target(), roomEvent);
    await expect(sending).rejects.toThrow(`failed to forward event room at "matchmaker" with code ${name}`);
    await expect(sending).rejects.toMatchObject({ kind: 'unexpected', failure: 'grpc_status', grpcCode: name, forwarderName: 'matchmaker' });
    expect(await registry.getSingleMetricAsString('maestro_events_forwarder_failure_total')).toContain(`outcome="${name}"} 1`);
  });

  it('reports a slow receiver as DeadlineExceeded as soon as the timeout passes', async () => {
    server.answer = { hang: true };
    const started = Date.now();
    await expect(forwarder.forwardRoomEvent(target({ options: { timeoutMs: 200, metadata: {} } }), roomEvent)).rejects.toThrow(
      'failed to forward event room at "matchmaker" with code DeadlineExceeded',
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await registry.getSingleMetricAsString('maestro_events_forwarder_latency_seconds')).toContain('outcome="DeadlineExceeded"');
  });

  it('reports an address nobody listens on as Unavailable', async () => {
    const gone = aForwarder({ name: 'gone', address: '127.0.0.1:1', options: { timeoutMs: 2_000, metadata: {} } });
    const started = Date.now();
    await expect(forwarder.forwardPlayerEvent(gone, { playerId: 'p', room: { game: 'g', roomId: 'r' }, eventType: 0, metadata: {} })).rejects.toThrow(
      'failed to forward event room at "gone" with code Unavailable',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an address no client can be built for as a connection failure', async () => {
    const sending = forwarder.forwardRoomEvent(aForwarder({ name: 'bad', address: '' }), roomEvent);
    await expect(sending).rejects.toBeInstanceOf(EventForwardingError);
    await expect(sending).rejects.toThrow(/^failed to connect at : /);
  });

  it('reuses one channel (one connection) per address', async () => {
    const other = await ForwarderTestServer.start();
    try {
      for (let i = 0; i < 3; i++) await forwarder.forwardRoomEvent(target({ name: `f${i}` }), roomEvent);
      expect(forwarder.channels).toBe(1);
      expect(new Set(server.calls.map((c) => c.peer)).size).toBe(1);
      await forwarder.forwardRoomEvent(target({ address: other.address }), roomEvent);
      expect(forwarder.channels).toBe(2);
      expect(other.calls).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('opens a new channel once the cached one has expired', async () => {
    let now = Date.now();
    const aging = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000, channelTtlMs: 60_000, now: () => now });
    try {
      await aging.forwardRoomEvent(target(), roomEvent);
      await aging.forwardRoomEvent(target(), roomEvent);
      now += 61_000;
      await aging.forwardRoomEvent(target(), roomEvent);
      const [first, second, third] = server.calls.map((c) => c.peer);
      expect(second).toBe(first);
      expect(third).not.toBe(first);
      expect(aging.channels).toBe(1);
    } finally {
      aging.close();
    }
  });

  it('closes its channels and opens new ones when used again', async () => {
    await forwarder.forwardRoomEvent(target(), roomEvent);
    forwarder.close();
    expect(forwarder.channels).toBe(0);
    await expect(forwarder.forwardRoomEvent(target(), roomEvent)).resolves.toMatchObject({ outcome: 'OK' });
    expect(forwarder.channels).toBe(1);
  });

  it('shares one registry between forwarders', async () => {
    const second = new GrpcEventsForwarder({ keepAliveTimeMs: 0, keepAliveTimeoutMs: 5_000, registry });
    try {
      await forwarder.forwardRoomEvent(target(), roomEvent);
      await second.forwardRoomEvent(target(), roomEvent);
      expect(await registry.getSingleMetricAsString('maestro_events_forwarder_success_total')).toContain('outcome="OK"} 2');
    } finally {
      second.close();
    }
  });
});
