import { TestForwarderServer, waitFor } from '@maestro/testing';
import { info, management, podNames, rooms, simulatedScheduler } from './support/maestro-client';

/** events_forwarding_test: a matchmaker (a real gRPC server in this test) receives room and player events. */
describe('events forwarding', () => {
  let matchmaker: TestForwarderServer;
  const forwarder = (address: string) => ({
    name: 'matchmaker-grpc',
    enable: true,
    type: 'gRPC',
    address,
    options: { timeout: '5000', metadata: { roomType: 'green', forwarderMetadata1: 'value1', forwarderMetadata2: 245 } },
  });
  let roomA: string;

  beforeAll(async () => {
    matchmaker = await TestForwarderServer.start();
    await management('POST', '/schedulers', simulatedScheduler('e2e-fwd-a', { roomsReplicas: 2, forwarders: [forwarder(matchmaker.address)] }));
    await management('POST', '/schedulers', simulatedScheduler('e2e-fwd-b', { roomsReplicas: 1 }));
    await management('POST', '/schedulers', simulatedScheduler('e2e-fwd-c', { roomsReplicas: 1, forwarders: [forwarder('invalid-grpc-address:9982')] }));
    await waitFor(async () => (await info('e2e-fwd-a'))?.roomsReady === 2, { timeoutMs: 60_000, description: 'scheduler A ready' });
    await waitFor(async () => (await info('e2e-fwd-c'))?.roomsReady === 1, { timeoutMs: 60_000, description: 'scheduler C ready' });
    roomA = (await podNames('e2e-fwd-a'))[0];
  });

  afterAll(() => matchmaker.stop());

  it('forwards the pings of the rooms as resync with merged metadata', async () => {
    const resync = await waitFor(() => matchmaker.calls.find((c) => c.rpc === 'SendRoomResync' && c.request.room.roomId === roomA), { timeoutMs: 10_000 });
    expect(resync.request.room).toMatchObject({
      game: 'e2e',
      roomType: 'green',
      host: '127.0.0.1',
      metadata: { forwarderMetadata2: '245', eventType: 'resync', pingType: 'ready' },
    });
  });

  it('forwards player events (A), succeeds without forwarder (B), fails on an unreachable forwarder (C)', async () => {
    const body = { event: 'playerLeft', metadata: { playerId: 'p1', eventMetadata1: 'value1', eventMetadata2: true } };
    expect((await rooms('POST', `/scheduler/e2e-fwd-a/rooms/${roomA}/playerevent`, body)).body).toEqual({ success: true, message: '' });
    const call = matchmaker.calls.filter((c) => c.rpc === 'SendPlayerEvent').at(-1);
    expect(call?.request).toMatchObject({ playerId: 'p1', eventType: 1, metadata: { eventMetadata1: 'value1', eventMetadata2: 'true', roomType: 'green' } });
    expect((await rooms('POST', '/scheduler/e2e-fwd-b/rooms/any/playerevent', body)).body).toEqual({ success: true, message: '' });
    matchmaker.behaviour = { code: 500 };
    expect((await rooms('POST', `/scheduler/e2e-fwd-a/rooms/${roomA}/playerevent`, body)).body.success).toBe(true);
    matchmaker.behaviour = {};
    const unreachable = await rooms('POST', '/scheduler/e2e-fwd-c/rooms/any/playerevent', body);
    expect(unreachable.body).toMatchObject({ success: false, message: expect.stringContaining('failed to forward event room at "matchmaker-grpc"') });
  });

  it('forwards room events and status events; unknown rooms and unreachable forwarders fail', async () => {
    const body = { event: 'roomReady', metadata: { eventMetadata1: 'value1', eventMetadata2: true } };
    expect((await rooms('POST', `/scheduler/e2e-fwd-a/rooms/${roomA}/roomevent`, body)).body).toEqual({ success: true, message: '' });
    const event = matchmaker.calls.filter((c) => c.rpc === 'SendRoomEvent').at(-1);
    expect(event?.request).toMatchObject({
      eventType: 'roomReady',
      room: { metadata: { eventMetadata2: 'true', forwarderMetadata1: 'value1', forwarderMetadata2: '245', roomType: 'green' } },
    });
    expect((await rooms('POST', '/scheduler/e2e-fwd-b/rooms/any/roomevent', body)).body.success).toBe(true);
    expect((await rooms('POST', '/scheduler/e2e-fwd-a/rooms/inexistent-room/roomevent', body)).body.success).toBe(false);
    const roomC = (await podNames('e2e-fwd-c'))[0];
    expect((await rooms('POST', `/scheduler/e2e-fwd-c/rooms/${roomC}/roomevent`, body)).body.success).toBe(false);
    expect((await rooms('PUT', `/scheduler/e2e-fwd-a/rooms/${roomA}/status`, { status: 'ready' })).body).toEqual({ success: true });
    expect(matchmaker.calls.filter((c) => c.rpc === 'SendRoomStatus').at(-1)?.request.statusType).toBe(0);
    expect((await rooms('PUT', `/scheduler/e2e-fwd-c/rooms/${roomC}/status`, { status: 'ready' })).body).toEqual({ success: false });
    expect((await rooms('PUT', `/scheduler/e2e-fwd-c/rooms/${roomC}/ping`, { status: 'ready' })).body).toEqual({ success: true });
  });
});
