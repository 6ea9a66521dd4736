import {
  aForwarder,
  aGameRoom,
  anInstance,
  aScheduler,
  HangingEventsForwarder,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
  RecordingLogger,
} from '@maestro/testing';
import { RoomStatusService } from '../services/room-status.service';
import { SchedulerLookup } from '../services/scheduler-lookup';
import { EventsForwarderService } from './events-forwarder.service';
import { ForwardingQueue } from './forwarding-queue';
import { QueuedRoomEvents } from './queued-room-events';

const TIMEOUT_MS = 5_000;
const AT = new Date('2026-01-02T10:00:00Z');

/** Lets pending promise callbacks run (fake timers do not advance). */
const settle = async () => {
  for (let i = 0; i < 100; i++) await Promise.resolve();
};

/** Whether `promise` has settled, checked without waiting for it. */
function track(promise: Promise<unknown>) {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** Issue 12 item 6: a matchmaker that never answers delays nothing but its own events, each at most its timeout. */
describe('events forwarding off hot paths', () => {
  let receiver: HangingEventsForwarder;
  let rooms: InMemoryRoomStorage;
  let instances: InMemoryInstanceStorage;
  let logger: RecordingLogger;
  let forwarding: EventsForwarderService;
  let queue: ForwardingQueue;
  let dropped: string[];
  let statuses: RoomStatusService;

  beforeEach(async () => {
    jest.useFakeTimers({ now: AT });
    const clock = new ManualClock(AT);
    const schedulers = new InMemorySchedulerStorage(clock);
    await schedulers.createScheduler(
      aScheduler()
        .withName('game')
        .withForwarders(aForwarder({ options: { timeoutMs: TIMEOUT_MS, metadata: {} } }))
        .build(),
    );
    rooms = new InMemoryRoomStorage();
    instances = new InMemoryInstanceStorage();
    logger = new RecordingLogger();
    receiver = new HangingEventsForwarder();
    const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
    forwarding = new EventsForwarderService({ forwarder: receiver, schedulers: lookup, rooms, instances, logger, clock });
    dropped = [];
    queue = new ForwardingQueue(logger, { capacity: 3, concurrency: 2 }, { dropped: (scheduler) => void dropped.push(scheduler) });
    statuses = new RoomStatusService(
      { rooms, instances, schedulers: lookup, clock, logger },
      { allocationTtlMs: 300_000 },
      new QueuedRoomEvents(forwarding, queue, logger),
    );
  });

  afterEach(() => {
    receiver.release();
    jest.useRealTimers();
  });

  async function aRoom(id: string, status: 'ready' | 'pending' = 'ready') {
    await rooms.createRoom(aGameRoom({ id, schedulerId: 'game', status, pingStatus: 'ready', createdAt: AT, lastPingAt: AT }));
    await instances.upsertInstance(anInstance({ id, schedulerId: 'game' }));
  }
  const ping = (roomId: string, metadata: Record<string, unknown> = {}) => ({
    schedulerName: 'game',
    roomId,
    pingStatus: 'ready' as const,
    runningMatches: 0,
    metadata,
    at: AT,
  });

  it('gives up a call its receiver never answers once the forwarder timeout passed', async () => {
    await aRoom('r1');
    const answer = forwarding.roomEvent('game', 'r1', 'matchStarted');
    const state = track(answer);
    await settle();
    expect(receiver.calls).toHaveLength(1);
    jest.advanceTimersByTime(TIMEOUT_MS - 1);
    await settle();
    expect(state.settled).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(answer).resolves.toEqual({ success: false, message: 'failed to forward event room at "matchmaker" with code DeadlineExceeded' });
  });

  it('answers a ping without waiting for the receiver, and still sends its resync', async () => {
    await aRoom('r1');
    const state = track(statuses.ping(ping('r1')));
    await settle();
    expect(state.settled).toBe(true);
    expect(receiver.calls.map((call) => call.rpc)).toEqual(['SendRoomResync']);
  });

  it('queues nothing, and answers no promise to wait for, for a scheduler without an enabled forwarder', async () => {
    await aRoom('r1');
    const events = new QueuedRoomEvents(forwarding, queue, logger);
    const loaded = { room: await rooms.getRoom('game', 'r1'), instance: anInstance({ id: 'r1', schedulerId: 'game' }) };
    const quiet = aScheduler().withName('game').build();
    expect(events.forwardPing(quiet, loaded, { pingStatus: 'ready', metadata: {} })).toBeUndefined();
    const forwarded = aScheduler()
      .withName('game')
      .withForwarders(aForwarder({ options: { timeoutMs: TIMEOUT_MS, metadata: {} } }))
      .build();
    const queued = events.forwardPing(forwarded, loaded, { pingStatus: 'ready', metadata: {} });
    expect(queued).toBeInstanceOf(Promise);
    await queued;
    await settle();
    expect(receiver.calls.map((call) => call.rpc)).toEqual(['SendRoomResync']);
  });

  it('applies a pod change (instance and room status) without waiting for the receiver', async () => {
    await aRoom('r1');
    const terminating = anInstance({ id: 'r1', schedulerId: 'game', status: { type: 'terminating', description: '' } });
    const state = track(statuses.applyInstance(terminating));
    await settle();
    expect(state.settled).toBe(true);
    expect((await rooms.getRoom('game', 'r1')).status).toBe('terminating');
    expect(await instances.getInstance('game', 'r1')).toEqual(terminating);
    expect(receiver.calls.map((call) => call.rpc)).toEqual(['SendRoomStatus']);
  });

  it('removes the room of a pod gone without waiting for the receiver', async () => {
    await aRoom('r1');
    const state = track(statuses.removeInstance(anInstance({ id: 'r1', schedulerId: 'game' })));
    await settle();
    expect(state.settled).toBe(true);
    expect(await rooms.getRoomCount('game')).toBe(0);
    expect(receiver.calls).toHaveLength(1);
  });

  it('sends the events of one room one at a time, in order, each bounded by the timeout', async () => {
    await aRoom('r1');
    for (const n of [1, 2, 3]) await statuses.ping(ping('r1', { n }));
    await settle();
    expect(receiver.calls).toHaveLength(1);
    jest.advanceTimersByTime(TIMEOUT_MS);
    await settle();
    expect(receiver.calls).toHaveLength(2);
    receiver.release();
    await settle();
    expect(receiver.calls.map((call) => (call.request as { room: { metadata: Record<string, string> } }).room.metadata.n)).toEqual(['1', '2', '3']);
    receiver.release();
    await settle();
    await queue.whenIdle();
    expect(logger.messages('warn')).toEqual(['failed to forward ping']);
  });

  it('sends for different rooms side by side, up to its concurrency', async () => {
    for (const id of ['r1', 'r2', 'r3']) {
      await aRoom(id);
      await statuses.ping(ping(id));
    }
    await settle();
    expect(receiver.calls).toHaveLength(2);
    expect(queue.waiting('game')).toBe(1);
  });

  it('drops the oldest waiting event when full, with a warning and a count', async () => {
    await aRoom('r1');
    for (const n of [1, 2, 3, 4, 5]) await statuses.ping(ping('r1', { n }));
    await settle();
    // n=1 is being sent; 2..5 wait in a queue of 3: n=2 is dropped.
    expect(queue.waiting('game')).toBe(3);
    expect(dropped).toEqual(['game']);
    expect(logger.lines.find((line) => line.msg === 'events forwarding queue full, oldest event dropped')?.fields).toMatchObject({
      scheduler_name: 'game',
      room_id: 'r1',
      event: 'ping',
    });
    for (let i = 0; i < 4; i++) {
      receiver.release();
      await settle();
    }
    expect(receiver.calls.map((call) => (call.request as { room: { metadata: Record<string, string> } }).room.metadata.n)).toEqual(['1', '3', '4', '5']);
  });

  it('sends what is queued before shutdown, waiting until the queue is empty', async () => {
    await aRoom('r1');
    for (const n of [1, 2]) await statuses.ping(ping('r1', { n }));
    await settle();
    let left: number | undefined;
    void queue.drain(1_000).then((count) => (left = count));
    receiver.release();
    await settle();
    receiver.release();
    await settle();
    expect(left).toBe(0);
    expect(receiver.calls).toHaveLength(2);
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('stops waiting for a receiver that hangs once the drain timeout passed, and says what it left', async () => {
    await aRoom('r1');
    await statuses.ping(ping('r1'));
    await settle();
    let left: number | undefined;
    void queue.drain(1_000).then((count) => (left = count));
    await jest.advanceTimersByTimeAsync(999);
    expect(left).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(left).toBe(1);
    expect(logger.lines.find((line) => line.msg === 'events forwarding queue not drained before shutdown')?.fields).toEqual({ events: 1, timeout_ms: 1_000 });
  });
});
