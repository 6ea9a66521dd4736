import type { GameRoom, RoomStatus } from '../../../entities/game-room';
import type { Instance } from '../../../entities/instance';
import type { Scheduler } from '../../../entities/scheduler';
import { silentLogger } from '../../../index';
import { aContainer, aScheduler } from '@maestro/testing';
import type { OperationDefinition } from '../../operation-definition';
import type { ExecutionContext } from '../../operation-executor';
import { addRoomsDefinition } from '../../rooms/add-rooms/add-rooms.definition';
import { roomsToRemove } from '../../rooms/remove-rooms/deletion-priority';
import { removeRoomsDefinition } from '../../rooms/remove-rooms/remove-rooms.definition';
import type { HealthControllerInput } from './health-controller.definition';
import { HealthControllerExecutor } from './health-controller.executor';

/** An operation the health controller enqueued: its name and the JSON it stores. */
interface Enqueued {
  name: string;
  input: Record<string, unknown>;
}

/** OperationManager's priority enqueue, recording what it stores. */
const recordingOperations = (enqueued: Enqueued[]) => ({
  createPriorityOperation: async <Input>(_: string, definition: OperationDefinition<Input>, input: Input) => {
    enqueued.push({ name: definition.name, input: definition.toJson(input) });
    return { id: `op-${enqueued.length}` };
  },
});

const contextOf = (): ExecutionContext<HealthControllerInput> =>
  ({
    operation: { schedulerName: 'fleet', input: {} },
    input: {},
    signal: new AbortController().signal,
    logger: silentLogger,
    appendHistory: async () => undefined,
  }) as unknown as ExecutionContext<HealthControllerInput>;

/**
 * The rolling update of operations.md section 9, cycle by cycle: the health controller decides,
 * its add/remove operations are applied to an in-memory fleet, and the next cycle runs.
 */
class Fleet {
  readonly rooms = new Map<string, GameRoom>();
  private next = 0;

  add(version: string, status: RoomStatus, count: number): void {
    for (let i = 0; i < count; i++) {
      const id = `room-${this.next++}`;
      const now = new Date();
      this.rooms.set(id, {
        id,
        schedulerId: 'fleet',
        version,
        status,
        pingStatus: 'ready',
        metadata: null,
        lastPingAt: now,
        isValidationRoom: false,
        runningMatches: status === 'occupied' ? 1 : 0,
        createdAt: now,
      });
    }
  }

  count = (predicate: (room: GameRoom) => boolean) => [...this.rooms.values()].filter(predicate).length;

  roomStorage() {
    const ids = (status: RoomStatus) => [...this.rooms.values()].filter((r) => r.status === status).map((r) => r.id);
    return {
      getAllRoomIds: async () => [...this.rooms.keys()],
      findRooms: async (_: string, ids: string[]) => ids.map((id) => this.rooms.get(id)),
      getRoomIdsByStatus: async (_: string, status: RoomStatus) => ids(status),
      getRoomIdsByLastPing: async () => [],
      getRoomCount: async () => this.rooms.size,
      getRoomCountByStatus: async (_: string, status: RoomStatus) => ids(status).length,
      getRunningMatchesCount: async () => this.count((r) => r.runningMatches > 0),
    };
  }

  instanceStorage() {
    return {
      getAllInstances: async (): Promise<Instance[]> =>
        [...this.rooms.keys()].map((id) => ({ id, schedulerId: 'fleet', status: { type: 'ready', description: '' }, resourceVersion: '1' })),
    };
  }
}

describe('rolling update (operations.md 9, "few rooms, downscale" with the source formulas)', () => {
  const v1 = aScheduler().withName('fleet').withVersion('v1.0.0').build();
  const active: Scheduler = {
    ...aScheduler().withName('fleet').withVersion('v2.0.0').build(),
    maxSurge: '25%',
    spec: { ...v1.spec, version: 'v2.0.0', containers: [aContainer({ image: 'game:2' })] },
    autoscaling: {
      enabled: true,
      min: 1,
      max: 100,
      cooldown: 0,
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: Math.fround(0.99) } } },
    },
  };

  async function simulate(oldReady: number, oldOccupied: number) {
    const fleet = new Fleet();
    fleet.add('v1.0.0', 'ready', oldReady);
    fleet.add('v1.0.0', 'occupied', oldOccupied);
    const enqueued: Enqueued[] = [];
    const ports = {
      schedulers: {
        getScheduler: async () => active,
        findSchedulerWithVersion: async (_: string, version: string) => (version === 'v1.0.0' ? v1 : active),
        updateScheduler: async () => undefined,
      },
      rooms: fleet.roomStorage(),
      instances: fleet.instanceStorage(),
      operations: recordingOperations(enqueued),
      clock: { now: () => new Date() },
      lookup: {},
    };
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: 120_000,
      roomPingTimeoutMs: 240_000,
      roomDeletionTimeoutMs: 120_000,
    });
    const context = contextOf();

    const steps: string[] = [];
    let occupiedBeforeReady = false;
    for (let cycle = 0; cycle < 40 && fleet.count((r) => r.version === 'v1.0.0') > 0; cycle++) {
      enqueued.length = 0;
      await executor.execute(context);
      for (const { name, input } of enqueued) {
        if (name === 'add_rooms') {
          const { amount } = addRoomsDefinition.parse(input);
          fleet.add('v2.0.0', 'ready', amount);
          steps.push(`+${amount}`);
        } else {
          const chosen = await roomsToRemove(fleet.roomStorage() as never, active, removeRoomsDefinition.parse(input).amount, 240_000, new Date());
          let removedOccupied = false;
          for (const { id } of chosen) {
            removedOccupied ||= fleet.rooms.get(id)?.status === 'occupied';
            fleet.rooms.delete(id);
          }
          // Occupied rooms go last: never while a ready old room stays.
          if (removedOccupied && fleet.count((r) => r.version === 'v1.0.0' && r.status === 'ready') > 0) occupiedBeforeReady = true;
          steps.push(`-${chosen.length}`);
        }
      }
      // The autoscaler's target for what runs now: matches / (1 - readyTarget), at least min.
      const occupied = fleet.count((r) => r.status === 'occupied');
      expect(fleet.rooms.size).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(occupied / 0.5)));
      expect(fleet.count((r) => r.status === 'ready')).toBeGreaterThanOrEqual(Math.ceil(fleet.rooms.size * 0.5) - occupied);
    }
    return { steps, oldLeft: fleet.count((r) => r.version === 'v1.0.0'), occupiedBeforeReady };
  }

  it('downscale: 20 ready + 5 occupied old rooms: -15 (old ready first), then +3/-3, occupied last, never below the autoscaler target', async () => {
    const { steps, oldLeft, occupiedBeforeReady } = await simulate(20, 5);
    // The spec's walk-through: remove 15 (old ready first), then alternate +3 / -3.
    expect(steps.slice(0, 5)).toEqual(['-15', '+3', '-3', '+3', '-3']);
    expect(oldLeft).toBe(0);
    expect(occupiedBeforeReady).toBe(false);
  });

  it('upscale: 2 ready + 8 occupied old rooms: surge to desired + 25 %, then replace, never below the autoscaler target', async () => {
    const { steps, oldLeft, occupiedBeforeReady } = await simulate(2, 8);
    // desired = ceil(8 / 0.5) = 16, surge ceil(25 % of 16) = 4: grow to 20 at once, then remove 4.
    expect(steps.slice(0, 2)).toEqual(['+10', '-4']);
    expect(oldLeft).toBe(0);
    expect(occupiedBeforeReady).toBe(false);
  });
});

describe('health controller autoscaling cooldown (autoscaling.md 2.1)', () => {
  const buffer = (lastDownscaleAt: Date): Scheduler => ({
    ...aScheduler().withName('fleet').build(),
    lastDownscaleAt,
    autoscaling: { enabled: true, min: 1, max: 10, cooldown: 60, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1 } } } },
  });

  async function decide(scheduler: Scheduler, ready: number, occupied: number): Promise<Record<string, unknown>[]> {
    const fleet = new Fleet();
    fleet.add('v1.0.0', 'ready', ready);
    fleet.add('v1.0.0', 'occupied', occupied);
    const enqueued: Enqueued[] = [];
    const ports = {
      schedulers: { getScheduler: async () => scheduler, findSchedulerWithVersion: async () => scheduler, updateScheduler: async () => undefined },
      rooms: fleet.roomStorage(),
      instances: fleet.instanceStorage(),
      operations: recordingOperations(enqueued),
      clock: { now: () => new Date() },
      lookup: {},
    };
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: 120_000,
      roomPingTimeoutMs: 240_000,
      roomDeletionTimeoutMs: 120_000,
    });
    await executor.execute(contextOf());
    return enqueued.map(({ name, input }) => ({ name, ...input }));
  }

  it('keeps surplus rooms while the cooldown after the last downscale runs', async () => {
    expect(await decide(buffer(new Date(Date.now() - 10_000)), 4, 0)).toEqual([]);
  });

  it('downscales to occupied + buffer once the cooldown is over', async () => {
    expect(await decide(buffer(new Date(Date.now() - 120_000)), 4, 0)).toEqual([{ name: 'remove_rooms', amount: 3, rooms_ids: null, reason: 'scale_down' }]);
  });

  it('never delays an upscale, whatever the cooldown', async () => {
    expect(await decide(buffer(new Date()), 0, 3)).toEqual([{ name: 'add_rooms', amount: 1 }]);
  });
});
