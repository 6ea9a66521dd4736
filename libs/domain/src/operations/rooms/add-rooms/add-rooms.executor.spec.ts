import { getEventListeners } from 'node:events';
import { anOperation, aScheduler, InMemoryRoomRecords, InMemoryRuntime, waitFor } from '@maestro/testing';
import { systemClock } from '../../../ports/clock.port';
import { silentLogger } from '../../../ports/logger.port';
import { RoomManager } from '../../../services/room-manager';
import type { ExecutionContext } from '../../operation-executor';
import type { AddRoomsInput } from './add-rooms.definition';
import { AddRoomsExecutor } from './add-rooms.executor';

/** Lets every callback already queued run (promise continuations, then one event-loop turn). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function contextOf(amount: number, signal: AbortSignal, history: string[]): ExecutionContext<AddRoomsInput> {
  return {
    operation: anOperation({ definitionName: 'add_rooms', input: { amount } }),
    input: { amount },
    signal,
    logger: silentLogger,
    appendHistory: async (line: string) => void history.push(line),
  };
}

describe('AddRoomsExecutor', () => {
  async function run(amount: number, batchSize: number, failing: (n: number) => boolean = () => false) {
    let calls = 0;
    const roomManager = {
      createRoom: async () => {
        const n = calls++;
        if (failing(n)) throw new Error(`pod ${n} refused`);
        return {};
      },
    };
    const executor = new AddRoomsExecutor({ schedulers: { getScheduler: async () => aScheduler().build() }, roomManager } as never, {
      addRoomsLimit: 1000,
      addRoomsBatchSize: batchSize,
      addRoomTimeoutMs: 5_000,
    });
    const history: string[] = [];
    const outcome = await executor.execute(contextOf(amount, new AbortController().signal, history)).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    return { calls, history, outcome };
  }

  it('shows its progress at each quarter when it creates more rooms than a batch', async () => {
    const { calls, history, outcome } = await run(100, 10, (n) => n % 20 === 0);
    expect(calls).toBe(100);
    expect(outcome).toBe('finished');
    expect(history).toEqual([
      'created 25 of 100 rooms (2 failed)',
      'created 50 of 100 rooms (3 failed)',
      'created 75 of 100 rooms (4 failed)',
      'added 100 rooms',
    ]);
  });

  it('starts the next room as soon as one is created, never more than the batch size at once', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const roomManager = {
      createRoom: async () => {
        const n = started.length;
        started.push(n);
        most = Math.max(most, ++inFlight);
        if (n === 0) await firstHeld;
        else await settle();
        inFlight--;
        return {};
      },
    };
    const executor = new AddRoomsExecutor({ schedulers: { getScheduler: async () => aScheduler().build() }, roomManager } as never, {
      addRoomsLimit: 1000,
      addRoomsBatchSize: 2,
      addRoomTimeoutMs: 5_000,
    });
    const history: string[] = [];
    const running = executor.execute(contextOf(5, new AbortController().signal, history));
    // The first room is slow: the other four go through the second place meanwhile.
    await waitFor(() => started.length === 5, { description: 'every other room started while the first is held' });
    releaseFirst();
    await running;
    expect(most).toBe(2);
    expect(history.at(-1)).toBe('added 5 rooms');
  });

  it('listens to the operation once, however many rooms are in creation', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const roomManager = { createRoom: async () => (started++, await held, {}) };
    const executor = new AddRoomsExecutor({ schedulers: { getScheduler: async () => aScheduler().build() }, roomManager } as never, {
      addRoomsLimit: 1000,
      addRoomsBatchSize: 40,
      addRoomTimeoutMs: 5_000,
    });
    const operation = new AbortController();
    const running = executor.execute(contextOf(40, operation.signal, []));
    await waitFor(() => started === 40, { description: 'the whole batch in creation' });
    // Node warns of a listener leak (MaxListenersExceededWarning) past 10 listeners of one signal.
    expect(getEventListeners(operation.signal, 'abort')).toHaveLength(1);
    release();
    await running;
    expect(getEventListeners(operation.signal, 'abort')).toHaveLength(0);
  });

  it('writes only the final line for a single batch', async () => {
    expect((await run(40, 40)).history).toEqual(['added 40 rooms']);
  });

  it('counts rooms aborted at their timeout as failed in the progress lines, with the same wording', async () => {
    let calls = 0;
    const roomManager = {
      // The first room never gets created: it ends only when its signal aborts.
      createRoom: (_: unknown, options: { signal: AbortSignal }) =>
        calls++ === 0 ? new Promise((_resolve, reject) => options.signal.addEventListener('abort', () => reject(options.signal.reason))) : Promise.resolve({}),
    };
    const executor = new AddRoomsExecutor({ schedulers: { getScheduler: async () => aScheduler().build() }, roomManager } as never, {
      addRoomsLimit: 1000,
      addRoomsBatchSize: 1,
      addRoomTimeoutMs: 20,
    });
    const history: string[] = [];
    await executor.execute(contextOf(4, new AbortController().signal, history));
    expect(history).toEqual(['created 1 of 4 rooms (1 failed)', 'created 2 of 4 rooms (1 failed)', 'created 3 of 4 rooms (1 failed)', 'added 4 rooms']);
  });

  it('fails when more rooms failed than succeeded, with the counts', async () => {
    const { history, outcome } = await run(10, 10, (n) => n < 6);
    expect(outcome).toBe('more rooms failed than succeeded');
    expect(history).toEqual(['more rooms failed than succeeded, errors: 6 and successes: 4 of amount: 10']);
  });
});

describe('AddRoomsExecutor over a RoomManager and an in-memory runtime', () => {
  const scheduler = aScheduler().withName('game').build();

  function stack(addRoomTimeoutMs: number) {
    const runtime = new InMemoryRuntime();
    const { rooms, instances, roomStorage, instanceStorage } = new InMemoryRoomRecords();
    const portAllocator = { allocate: (_: unknown, quantity: number) => Array.from({ length: quantity }, (_, i) => 40_000 + i) };
    const roomManager = new RoomManager({
      rooms: roomStorage as never,
      instances: instanceStorage as never,
      runtime,
      portAllocator,
      clock: systemClock,
      logger: silentLogger,
    });
    const executor = new AddRoomsExecutor(
      { schedulers: { getScheduler: async () => scheduler } as never, roomManager },
      { addRoomsLimit: 1000, addRoomsBatchSize: 2, addRoomTimeoutMs },
    );
    const run = async (amount: number, signal: AbortSignal = new AbortController().signal) => {
      const history: string[] = [];
      const outcome = await executor.execute(contextOf(amount, signal, history)).then(
        () => 'finished',
        (error: Error) => error.message,
      );
      return { history, outcome };
    };
    return { runtime, rooms, instances, run };
  }

  it('counts rooms whose creation outlives the timeout as failed, and leaves neither pod nor room of them', async () => {
    const { runtime, rooms, instances, run } = stack(20);
    runtime.holdCreations();
    const { history, outcome } = await run(2);
    expect(outcome).toBe('more rooms failed than succeeded');
    expect(history).toEqual(['more rooms failed than succeeded, errors: 2 and successes: 0 of amount: 2']);
    expect([...rooms.keys()]).toEqual([]);
    // The slow cluster gets to the creations only now: they must not land.
    runtime.release();
    await settle();
    expect([...runtime.pods.keys()]).toEqual([]);
    expect([...rooms.keys()]).toEqual([]);
    expect([...instances.keys()]).toEqual([]);
  });

  it('deletes a pod that landed but whose answer came after the timeout', async () => {
    const { runtime, rooms, instances, run } = stack(20);
    runtime.holdAnswers();
    const { history } = await run(1);
    expect(history).toEqual(['more rooms failed than succeeded, errors: 1 and successes: 0 of amount: 1']);
    runtime.release();
    await settle();
    expect([...runtime.pods.keys()]).toEqual([]);
    expect([...rooms.keys()]).toEqual([]);
    expect([...instances.keys()]).toEqual([]);
  });

  it('aborts the creations in flight when the operation is canceled, leaving nothing of them', async () => {
    const { runtime, rooms, run } = stack(60_000);
    runtime.holdCreations();
    const cancel = new AbortController();
    const running = run(4, cancel.signal);
    await waitFor(() => runtime.held === 2, { description: 'the first batch in creation' });
    cancel.abort('canceled');
    expect(await running).toEqual({ history: ['created 1 of 4 rooms (1 failed)', 'created 2 of 4 rooms (2 failed)'], outcome: 'context canceled' });
    runtime.release();
    await settle();
    expect([...runtime.pods.keys()]).toEqual([]);
    expect([...rooms.keys()]).toEqual([]);
  });

  it('keeps the rooms created in time', async () => {
    const { runtime, rooms, instances, run } = stack(5_000);
    const { history, outcome } = await run(3);
    expect(outcome).toBe('finished');
    expect(history).toEqual(['created 1 of 3 rooms (0 failed)', 'created 2 of 3 rooms (0 failed)', 'added 3 rooms']);
    expect(runtime.pods.size).toBe(3);
    expect([...rooms.keys()].sort()).toEqual([...instances.keys()].sort());
    expect(rooms.size).toBe(3);
  });
});
