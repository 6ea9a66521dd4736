import type { GameRoom, RoomStatus } from '../../entities/game-room';
import type { Instance } from '../../entities/instance';
import type { Scheduler } from '../../entities/scheduler';
import { NotFoundError, silentLogger } from '../../index';
import { aContainer, aScheduler } from '@maestro/testing';
import type { OperationDefinition } from '../operation-definition';
import type { ExecutionContext } from '../operation-executor';
import { roomsToRemove } from '../rooms/deletion-priority';
import { HealthControllerExecutor } from './health-controller.executor';

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
      this.rooms.set(id, { id, schedulerId: 'fleet', version, status, pingStatus: 'ready', metadata: null, lastPingAt: now, isValidationRoom: false, runningMatches: status === 'occupied' ? 1 : 0, createdAt: now });
    }
  }

  count = (predicate: (room: GameRoom) => boolean) => [...this.rooms.values()].filter(predicate).length;

  roomStorage() {
    const ids = (status: RoomStatus) => [...this.rooms.values()].filter((r) => r.status === status).map((r) => r.id);
    return {
      getAllRoomIds: async () => [...this.rooms.keys()],
      getRoom: async (_: string, id: string) => {
        const room = this.rooms.get(id);
        if (!room) throw new NotFoundError(`room ${id} not found`);
        return room;
      },
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
    autoscaling: { enabled: true, min: 1, max: 100, cooldown: 0, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: Math.fround(0.99) } } } },
  };

  it('replaces 20 ready + 5 occupied old rooms, alternating surges and removals, occupied rooms last, never below the autoscaler target', async () => {
    const fleet = new Fleet();
    fleet.add('v1.0.0', 'ready', 20);
    fleet.add('v1.0.0', 'occupied', 5);
    let enqueued: OperationDefinition[] = [];
    const ports = {
      schedulers: {
        getScheduler: async () => active,
        getSchedulerWithVersion: async (_: string, version: string) => (version === 'v1.0.0' ? v1 : active),
        updateScheduler: async () => undefined,
      },
      rooms: fleet.roomStorage(),
      instances: fleet.instanceStorage(),
      operations: { createPriorityOperation: async (_: string, definition: OperationDefinition) => (enqueued.push(definition), { id: `op-${enqueued.length}` }) },
      clock: { now: () => new Date() },
      lookup: {},
    };
    const executor = new HealthControllerExecutor(ports as never, { roomInitializationTimeoutMs: 120_000, roomPingTimeoutMs: 240_000, roomDeletionTimeoutMs: 120_000 });
    const context = { operation: { schedulerName: 'fleet', input: {} }, signal: new AbortController().signal, logger: silentLogger, appendHistory: async () => undefined } as unknown as ExecutionContext;

    const steps: string[] = [];
    let oldOccupiedRemovedWhileOldReadyLeft = false;
    for (let cycle = 0; cycle < 30 && fleet.count((r) => r.version === 'v1.0.0') > 0; cycle++) {
      enqueued = [];
      await executor.execute(context);
      for (const definition of enqueued) {
        const input = definition.toInput();
        if (definition.name === 'add_rooms') {
          fleet.add('v2.0.0', 'ready', Number(input.amount));
          steps.push(`+${input.amount}`);
        } else {
          const chosen = await roomsToRemove(fleet.roomStorage() as never, active, Number(input.amount), 240_000, new Date());
          let removedOccupied = false;
          for (const id of chosen) {
            removedOccupied ||= fleet.rooms.get(id)?.status === 'occupied';
            fleet.rooms.delete(id);
          }
          // Occupied rooms go last: never while a ready old room stays.
          if (removedOccupied && fleet.count((r) => r.version === 'v1.0.0' && r.status === 'ready') > 0) oldOccupiedRemovedWhileOldReadyLeft = true;
          steps.push(`-${chosen.length}`);
        }
      }
      // The autoscaler's target for what runs now: matches / (1 - readyTarget), at least min.
      const occupied = fleet.count((r) => r.status === 'occupied');
      expect(fleet.rooms.size).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(occupied / 0.5)));
      expect(fleet.count((r) => r.status === 'ready')).toBeGreaterThanOrEqual(Math.ceil(fleet.rooms.size * 0.5) - occupied);
    }
    // The spec's walk-through: remove 15 (old ready first), then alternate +3 / -3.
    expect(steps.slice(0, 5)).toEqual(['-15', '+3', '-3', '+3', '-3']);
    expect(fleet.count((r) => r.version === 'v1.0.0')).toBe(0);
    expect(oldOccupiedRemovedWhileOldReadyLeft).toBe(false);
  });
});
