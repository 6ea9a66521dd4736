import { aGameRoom, anInstance, anOperation, aRoomOccupancyAutoscaling, aScheduler, InMemoryAutoscalingDecisions, InMemoryRoomSamples } from '@maestro/testing';
import { silentLogger } from '../../../ports/logger.port';
import type { OperationDefinition } from '../../operation-definition';
import type { ExecutionContext } from '../../operation-executor';
import type { HealthControllerInput } from './health-controller.definition';
import { HealthControllerExecutor } from './health-controller.executor';

/** The context of a health controller run of scheduler `fleet` whose history goes nowhere. */
const aRunContext = () =>
  ({
    operation: anOperation({ schedulerName: 'fleet', definitionName: 'health_controller', input: {} }),
    input: {},
    signal: new AbortController().signal,
    logger: silentLogger,
    appendHistory: async () => undefined,
  }) as ExecutionContext<HealthControllerInput>;

describe('HealthControllerExecutor classification', () => {
  it('counts a room whose instance is pending as available without needing its record', async () => {
    const scheduler = aScheduler().withName('fleet').withRoomsReplicas(2).build();
    const ready = aGameRoom({ id: 'fleet-ready', schedulerId: 'fleet', status: 'ready', version: scheduler.spec.version, lastPingAt: new Date() });
    const enqueued: string[] = [];
    const ports = {
      schedulers: { getScheduler: async () => scheduler, updateScheduler: async () => undefined },
      rooms: {
        getAllRoomIds: async () => ['fleet-starting', ready.id],
        // The starting room has no record yet.
        findRooms: async (_: string, ids: string[]) => ids.map((id) => (id === ready.id ? ready : undefined)),
      },
      instances: {
        getAllInstances: async () => [
          anInstance({ id: 'fleet-starting', schedulerId: 'fleet', status: { type: 'pending', description: '' } }),
          anInstance({ id: ready.id, schedulerId: 'fleet', status: { type: 'ready', description: '' } }),
        ],
      },
      operations: { createPriorityOperation: async (_: string, definition: OperationDefinition<unknown>) => (enqueued.push(definition.name), { id: 'op-1' }) },
      clock: { now: () => new Date() },
      lookup: {},
    };
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: 120_000,
      roomPingTimeoutMs: 240_000,
      roomDeletionTimeoutMs: 120_000,
    });
    const history: string[] = [];
    const context = {
      operation: anOperation({ schedulerName: 'fleet', definitionName: 'health_controller', input: {} }),
      input: {},
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    } as ExecutionContext<HealthControllerInput>;

    const result = await executor.execute(context);

    expect(enqueued).toEqual([]);
    expect(history).toEqual([]);
    expect(result).toEqual({ input: { took_action: false }, noAction: true });
  });

  it('reads the rooms it classifies in one batched read, skipping instances of unknown status', async () => {
    const scheduler = aScheduler().withName('fleet').withRoomsReplicas(3).build();
    const at = new Date('2026-01-02T10:00:00Z');
    const stored = ['a', 'b', 'c'].map((id) =>
      aGameRoom({ id, schedulerId: 'fleet', status: 'ready', version: scheduler.spec.version, lastPingAt: at, createdAt: at }),
    );
    const reads: string[][] = [];
    const ports = {
      schedulers: { getScheduler: async () => scheduler },
      rooms: {
        getAllRoomIds: async () => [...stored.map((r) => r.id), 'lost'],
        findRoom: async () => {
          throw new Error('one round trip per room');
        },
        findRooms: async (_: string, ids: string[]) => (reads.push(ids), ids.map((id) => stored.find((r) => r.id === id))),
      },
      instances: {
        getAllInstances: async () => [
          ...stored.map((r) => anInstance({ id: r.id, schedulerId: 'fleet', status: { type: 'ready', description: '' } })),
          anInstance({ id: 'lost', schedulerId: 'fleet', status: { type: 'unknown', description: '' } }),
        ],
      },
      operations: {},
      clock: { now: () => at },
      lookup: {},
    };
    const minute = 60_000;
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: minute,
      roomPingTimeoutMs: minute,
      roomDeletionTimeoutMs: minute,
    });

    const result = await executor.execute(aRunContext());

    expect(reads).toEqual([['a', 'b', 'c']]);
    expect(result).toEqual({ input: { took_action: false }, noAction: true });
  });

  it('records the rooms by status of each run', async () => {
    const scheduler = aScheduler().withName('fleet').withRoomsReplicas(0).build();
    const at = new Date('2026-01-02T10:00:00Z');
    const roomSamples = new InMemoryRoomSamples();
    const counts: Record<string, number> = { ready: 2, occupied: 1 };
    const ports = {
      schedulers: { getScheduler: async () => scheduler },
      rooms: { getAllRoomIds: async () => [], findRooms: async () => [], getRoomCountByStatus: async (_: string, status: string) => counts[status] ?? 0 },
      instances: { getAllInstances: async () => [] },
      operations: {},
      clock: { now: () => at },
      lookup: {},
      roomSamples,
    };
    const executor = new HealthControllerExecutor(ports as never, { roomInitializationTimeoutMs: 1, roomPingTimeoutMs: 1, roomDeletionTimeoutMs: 1 });
    const context = aRunContext();

    await executor.execute(context);

    expect(await roomSamples.list('fleet', at)).toEqual([{ at, ready: 2, occupied: 1, pending: 0, terminating: 0, error: 0 }]);
  });
});

describe('HealthControllerExecutor decisions', () => {
  it('records what it saw and did, with the operation it enqueued and why', async () => {
    const scheduler = aScheduler()
      .withName('fleet')
      .withAutoscaling(
        aRoomOccupancyAutoscaling({
          max: 12,
          policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 }, fixedBuffer: undefined } },
        }),
      )
      .build();
    const at = new Date('2026-01-02T10:00:00Z');
    const decisions = new InMemoryAutoscalingDecisions();
    const rooms = [
      ...Array.from({ length: 3 }, (_, i) =>
        aGameRoom({ id: `r${i}`, schedulerId: 'fleet', status: 'ready', version: scheduler.spec.version, lastPingAt: at, createdAt: at }),
      ),
      ...Array.from({ length: 7 }, (_, i) =>
        aGameRoom({ id: `o${i}`, schedulerId: 'fleet', status: 'occupied', version: scheduler.spec.version, lastPingAt: at, createdAt: at }),
      ),
    ];
    const count = (status?: string) => rooms.filter((r) => status === undefined || r.status === status).length;
    const ports = {
      schedulers: { getScheduler: async () => scheduler },
      rooms: {
        getAllRoomIds: async () => rooms.map((r) => r.id),
        findRooms: async (_: string, ids: string[]) => ids.map((id) => rooms.find((r) => r.id === id)),
        getRoomCountByStatus: async (_: string, status: string) => count(status),
        getRoomCount: async () => count(),
        getRunningMatchesCount: async () => count('occupied'),
      },
      instances: { getAllInstances: async () => rooms.map((r) => anInstance({ id: r.id, schedulerId: 'fleet', status: { type: 'ready', description: '' } })) },
      operations: { createPriorityOperation: async () => ({ id: 'add-1' }) },
      clock: { now: () => at },
      lookup: {},
      roomSamples: new InMemoryRoomSamples(),
      autoscalingDecisions: decisions,
    };
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: 60_000,
      roomPingTimeoutMs: 60_000,
      roomDeletionTimeoutMs: 60_000,
    });
    const operation = anOperation({ id: 'hc-1', schedulerName: 'fleet', definitionName: 'health_controller', input: {} });
    const context = { operation, input: {}, signal: new AbortController().signal, logger: silentLogger, appendHistory: async () => undefined };

    await executor.execute(context as ExecutionContext<HealthControllerInput>);

    expect(await decisions.list('fleet', 10)).toStrictEqual([
      {
        at,
        operationId: 'hc-1',
        rooms: { ready: 3, occupied: 7, pending: 0, terminating: 0, error: 0 },
        policy: { type: 'roomOccupancy', min: 1, max: 12, cooldown: 0, parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 } } },
        current: 10,
        desired: 12,
        limitedBy: ['max'],
        action: { kind: 'add', amount: 2, operationId: 'add-1' },
        reason: '3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2',
      },
    ]);
  });
});
