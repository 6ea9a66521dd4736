import { EventsForwarderService, ForwardingQueue, QueuedRoomEvents, RoomStatusService, SchedulerLookup, systemClock } from '@maestro/domain';
import {
  aForwarder,
  aGameRoom,
  anInstance,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  RecordingLogger,
  TestForwarderServer,
  waitFor,
} from '@maestro/testing';
import { GrpcEventsForwarder } from './grpc-events.forwarder';

// Generous for two busy cores, yet far below the forwarder timeout: a wait on the receiver would show.
const TIMEOUT_MS = 4_000;
const BOUND_MS = TIMEOUT_MS / 2;

/** Issue 12 item 6 against a real gRPC server that never answers. */
describe('forwarding to a receiver that never answers, over gRPC', () => {
  let server: TestForwarderServer;
  let grpc: GrpcEventsForwarder;
  let rooms: InMemoryRoomStorage;
  let instances: InMemoryInstanceStorage;
  let forwarding: EventsForwarderService;
  let queue: ForwardingQueue;
  let statuses: RoomStatusService;

  beforeEach(async () => {
    server = await TestForwarderServer.start();
    server.behaviour = { hang: true };
    grpc = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000 });
    const schedulers = new InMemorySchedulerStorage(systemClock);
    await schedulers.createScheduler(
      aScheduler()
        .withName('game')
        .withForwarders(aForwarder({ address: server.address, options: { timeoutMs: TIMEOUT_MS, metadata: {} } }))
        .build(),
    );
    rooms = new InMemoryRoomStorage();
    instances = new InMemoryInstanceStorage();
    const logger = new RecordingLogger();
    const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
    forwarding = new EventsForwarderService({ forwarder: grpc, schedulers: lookup, rooms, instances, logger, clock: systemClock });
    queue = new ForwardingQueue(logger);
    statuses = new RoomStatusService(
      { rooms, instances, schedulers: lookup, clock: systemClock, logger },
      { allocationTtlMs: 300_000 },
      new QueuedRoomEvents(forwarding, queue, logger),
    );
    await rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: 'game', status: 'ready', pingStatus: 'ready' }));
    await instances.upsertInstance(anInstance({ id: 'r1', schedulerId: 'game' }));
  });

  afterEach(async () => {
    await queue.whenIdle();
    grpc.close();
    await server.stop();
  });

  const elapsed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };

  it('ends a call at the forwarder timeout with DeadlineExceeded', async () => {
    let took = 0;
    const answer = await (async () => {
      const started = performance.now();
      const result = await forwarding.roomEvent('game', 'r1', 'matchStarted');
      took = performance.now() - started;
      return result;
    })();
    expect(answer).toEqual({ success: false, message: 'failed to forward event room at "matchmaker" with code DeadlineExceeded' });
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + BOUND_MS);
  });

  it('answers pings and applies pod events without waiting for it, still sending their events', async () => {
    expect(
      await elapsed(() => statuses.ping({ schedulerName: 'game', roomId: 'r1', pingStatus: 'occupied', runningMatches: 1, metadata: {}, at: new Date() })),
    ).toBeLessThan(BOUND_MS);
    expect((await rooms.getRoom('game', 'r1')).status).toBe('occupied');
    const terminating = anInstance({ id: 'r1', schedulerId: 'game', status: { type: 'terminating', description: '' } });
    expect(await elapsed(() => statuses.applyInstance(terminating))).toBeLessThan(BOUND_MS);
    expect((await rooms.getRoom('game', 'r1')).status).toBe('terminating');
    expect(await elapsed(() => statuses.removeInstance(terminating))).toBeLessThan(BOUND_MS);
    expect(await rooms.getRoomCount('game')).toBe(0);
    // The resync reached the receiver; the room's termination waits for it, then goes out once.
    await waitFor(() => server.calls.length === 1);
    await waitFor(() => server.calls.length === 2, { timeoutMs: TIMEOUT_MS * 2 });
    await queue.whenIdle();
    expect(server.calls.map((call) => call.rpc)).toEqual(['SendRoomResync', 'SendRoomStatus']);
  });
});
