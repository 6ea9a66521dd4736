import { aFixedBufferAutoscaling, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import type { RoomStatus } from '../../entities/game-room';
import type { Autoscaling, Scheduler } from '../../entities/scheduler';
import { normalizeAutoscaling } from '../../entities/scheduler-defaults';
import { Autoscaler, type AutoscalerRooms } from './autoscaler';

type Counts = Partial<Record<RoomStatus, number>> & { runningMatches?: number };

/** Room counters of one scheduler, as the Redis room storage reports them. */
function roomsWith(counts: Counts): AutoscalerRooms {
  const statusCounts = Object.entries(counts).filter(([key]) => key !== 'runningMatches') as [RoomStatus, number][];
  return {
    getRoomCount: async () => statusCounts.reduce((sum, [, n]) => sum + n, 0),
    getRoomCountByStatus: async (_name, status) => counts[status] ?? 0,
    getRunningMatchesCount: async () => counts.runningMatches ?? 0,
  };
}

const occupancy = (readyTarget: number, overrides: Partial<Autoscaling> = {}, downThreshold = 0.99) =>
  normalizeAutoscaling(
    aRoomOccupancyAutoscaling({
      min: 1,
      max: -1,
      ...overrides,
      policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget, downThreshold } } },
    }),
  );
const buffer = (amount: number, overrides: Partial<Autoscaling> = {}) =>
  aFixedBufferAutoscaling({ min: 1, max: -1, ...overrides, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } } });
const schedulerWith = (autoscaling: Autoscaling | undefined, maxMatches = 1): Scheduler =>
  aScheduler().withAutoscaling(autoscaling).withMaxMatches(maxMatches).withRoomsReplicas(7).build();

describe('Autoscaler with roomOccupancy', () => {
  it.each([
    [100, 80, 0.5, 160],
    [100, 50, 0.5, 100],
    [100, 30, 0.5, 60],
    [50, 40, 0.3, 58],
    [50, 35, 0.3, 51],
    [50, 10, 0.3, 15],
    [10, 5, 0.9, 50],
    [10, 1, 0.9, 10],
    [10, 1, 0.8, 6],
    [5, 5, 0.1, 6],
    [1, 1, 0.3, 2],
    [2, 2, 0.9, 20],
  ])('table 5.1 through the room storage: total %d, occupied %d, readyTarget %d (via the API) -> %d', async (total, occupied, readyTarget, desired) => {
    const rooms = roomsWith({ ready: total - occupied, occupied, runningMatches: occupied });
    expect(await new Autoscaler(rooms).desiredRooms(schedulerWith(occupancy(readyTarget)))).toBe(desired);
  });

  it('builds the current state from counts by status and running matches', async () => {
    const rooms = roomsWith({ ready: 1, active: 1, occupied: 1, allocated: 1, pending: 4, terminating: 2, runningMatches: 1 });
    expect(await new Autoscaler(rooms).roomOccupancyState(schedulerWith(occupancy(0.5), 3))).toEqual({
      ready: 1,
      active: 1,
      occupied: 1,
      allocated: 1,
      runningMatchesSum: 1,
      maxMatches: 3,
    });
  });

  it('counts allocated rooms as one match each and uses maxMatches', async () => {
    // runningMatches = 159 + 1 = 160; ceil(160 / 0.5) = 320 matches; ceil(320 / 2) = 160 rooms.
    const rooms = roomsWith({ occupied: 80, allocated: 1, runningMatches: 159 });
    expect(await new Autoscaler(rooms).desiredRooms(schedulerWith(occupancy(0.5), 2))).toBe(160);
  });

  it('clamps to min and max', async () => {
    expect(await new Autoscaler(roomsWith({ ready: 3 })).desiredRooms(schedulerWith(occupancy(0.3, { min: 2 })))).toBe(2);
    const busy = roomsWith({ occupied: 80, ready: 20, runningMatches: 80 });
    expect(await new Autoscaler(busy).desiredRooms(schedulerWith(occupancy(0.5, { max: 100 })))).toBe(100);
  });

  it('allows a downscale from the policy check', async () => {
    const quiet = roomsWith({ ready: 99, occupied: 1, runningMatches: 1 });
    expect(await new Autoscaler(quiet).canDownscale(schedulerWith(occupancy(0.5)))).toBe(true);
    const full = roomsWith({ occupied: 10, runningMatches: 10 });
    expect(await new Autoscaler(full).canDownscale(schedulerWith(occupancy(0.5)))).toBe(false);
  });

  it('fails without roomOccupancy parameters', async () => {
    const broken = schedulerWith({ ...occupancy(0.5), policy: { type: 'roomOccupancy', parameters: {} } });
    await expect(new Autoscaler(roomsWith({})).desiredRooms(broken)).rejects.toThrow('RoomOccupancy must not be nil for RoomOccupancy policy type');
  });
});

describe('Autoscaler with fixedBuffer', () => {
  it.each([
    [100, 80, 50, 130],
    [100, 50, 50, 100],
    [100, 30, 50, 80],
    [10, 0, 5, 5],
    [2, 2, 8, 10],
  ])('table 5.2 through the room storage: total %d, occupied %d, amount %d -> %d', async (total, occupied, amount, desired) => {
    const rooms = roomsWith({ ready: total - occupied, occupied });
    const autoscaler = new Autoscaler(rooms);
    const scheduler = schedulerWith(buffer(amount));
    expect(await autoscaler.desiredRooms(scheduler)).toBe(desired);
    expect(await autoscaler.canDownscale(scheduler)).toBe(total > desired);
  });

  it('counts occupied and allocated rooms, not active ones, and every room but terminating and error', async () => {
    const rooms = roomsWith({ occupied: 2, allocated: 1, active: 4, pending: 1, unready: 1, terminating: 3, error: 2, terminated: 1 });
    expect(await new Autoscaler(rooms).fixedBufferState(schedulerWith(buffer(1)))).toEqual({ occupiedRooms: 3, totalRooms: 10 });
  });

  it('clamps to max', async () => {
    expect(await new Autoscaler(roomsWith({ occupied: 80 })).desiredRooms(schedulerWith(buffer(50, { max: 100 })))).toBe(100);
  });
});

describe('Autoscaler without an enabled policy', () => {
  it('wants roomsReplicas when autoscaling is absent or disabled', async () => {
    const autoscaler = new Autoscaler(roomsWith({ occupied: 50 }));
    expect(await autoscaler.desiredRooms(schedulerWith(undefined))).toBe(7);
    expect(await autoscaler.desiredRooms(schedulerWith({ ...buffer(5), enabled: false }))).toBe(7);
  });

  it('refuses an unknown policy type', async () => {
    const unknown = schedulerWith({ ...buffer(5), policy: { type: 'magic', parameters: {} } });
    await expect(new Autoscaler(roomsWith({})).desiredRooms(unknown)).rejects.toThrow('unknown autoscaling policy type magic');
    await expect(new Autoscaler(roomsWith({})).canDownscale(unknown)).rejects.toThrow('unknown autoscaling policy type magic');
  });
});
