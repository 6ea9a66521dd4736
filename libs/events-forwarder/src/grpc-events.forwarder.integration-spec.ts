import { status } from '@grpc/grpc-js';
import { TestForwarderServer, aForwarder } from '@maestro/testing';
import { Registry } from 'prom-client';
import { GrpcEventsForwarder } from './grpc-events.forwarder';

describe('GrpcEventsForwarder against a real gRPC server', () => {
  let server: TestForwarderServer;
  let forwarder: GrpcEventsForwarder;
  const registry = new Registry();
  const room = { game: 'g', roomId: 'r1', host: 'h', port: 40001, metadata: { a: '1' }, roomType: 'green' };

  beforeAll(async () => {
    server = await TestForwarderServer.start();
    forwarder = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000, registry });
  });

  afterAll(async () => {
    forwarder.close();
    await server.stop();
  });

  beforeEach(() => {
    server.calls.length = 0;
    server.behaviour = {};
  });

  const target = () => aForwarder({ address: server.address, options: { timeoutMs: 500, metadata: {} } });

  it('sends every RPC with the exact fields of the protocol', async () => {
    await forwarder.send(target(), { rpc: 'SendRoomResync', body: { room, statusType: 1 } });
    await forwarder.send(target(), { rpc: 'SendRoomStatus', body: { room, statusType: 3 } });
    await forwarder.send(target(), { rpc: 'SendRoomEvent', body: { room, eventType: 'custom' } });
    await forwarder.send(target(), { rpc: 'SendPlayerEvent', body: { playerId: 'p1', room: { game: 'g', roomId: 'r1' }, eventType: 1, metadata: { roomType: 'green' } } });
    expect(server.calls.map((c) => c.rpc)).toEqual(['SendRoomResync', 'SendRoomStatus', 'SendRoomEvent', 'SendPlayerEvent']);
    expect(server.calls[0].request).toEqual({ room, statusType: 1 });
    expect(server.calls[1].request.statusType).toBe(3);
    expect(server.calls[2].request).toEqual({ room, eventType: 'custom', metadata: {} });
    expect(server.calls[3].request).toEqual({ playerId: 'p1', room: { game: 'g', roomId: 'r1', host: '', port: 0, metadata: {}, roomType: '' }, eventType: 1, metadata: { roomType: 'green' } });
  });

  it('succeeds whatever the response code is', async () => {
    server.behaviour = { code: 500 };
    await expect(forwarder.send(target(), { rpc: 'SendRoomEvent', body: { room, eventType: 'x' } })).resolves.toBe(500);
  });

  it('fails with the gRPC code name on errors and timeouts', async () => {
    server.behaviour = { failWith: status.UNIMPLEMENTED };
    await expect(forwarder.send(target(), { rpc: 'SendRoomEvent', body: { room, eventType: 'x' } })).rejects.toThrow('failed to forward event room at "matchmaker" with code Unimplemented');
    server.behaviour = { delayMs: 2_000 };
    const started = Date.now();
    await expect(forwarder.send(target(), { rpc: 'SendRoomEvent', body: { room, eventType: 'x' } })).rejects.toThrow('with code DeadlineExceeded');
    expect(Date.now() - started).toBeLessThan(1_500);
    const unreachable = aForwarder({ name: 'gone', address: '127.0.0.1:1', options: { timeoutMs: 500, metadata: {} } });
    await expect(forwarder.send(unreachable, { rpc: 'SendRoomEvent', body: { room, eventType: 'x' } })).rejects.toThrow(/failed to forward event room at "gone" with code (Unavailable|DeadlineExceeded)/);
  });

  it('keeps one channel per address and counts outcomes', async () => {
    const before = forwarder.channels;
    for (let i = 0; i < 3; i++) await forwarder.send(target(), { rpc: 'SendRoomEvent', body: { room, eventType: 'x' } });
    expect(forwarder.channels).toBe(before);
    expect(await registry.getSingleMetricAsString('maestro_forwarder_calls_total')).toMatch(/outcome="OK"\} \d+/);
  });
});
