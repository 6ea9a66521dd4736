import { freeSlots, roomOccupancyCanDownscale, roomOccupancyDesiredRooms, runningMatches, type RoomOccupancyState } from './room-occupancy.policy';

const singleMatchState = (occupied: number, totalRooms: number): RoomOccupancyState => ({
  ready: totalRooms - occupied,
  active: 0,
  occupied,
  allocated: 0,
  runningMatchesSum: occupied,
  maxMatches: 1,
});

describe('roomOccupancy desired rooms: autoscaling.md table 5.1 (32-bit readyTarget, as the source computes)', () => {
  it.each([
    [100, 80, 0.5, 160, 'Scale Up: +60'],
    [100, 50, 0.5, 100, 'Do Nothing: 0'],
    [100, 30, 0.5, 60, 'Scale Down: -40'],
    [50, 40, 0.3, 58, 'Scale Up: +8'],
    [50, 35, 0.3, 51, 'Scale Up: +1'],
    [50, 10, 0.3, 15, 'Scale Down: -35'],
    [10, 5, 0.9, 50, 'Scale Up: +40'],
    [10, 1, 0.9, 10, 'Do Nothing: 0'],
    [10, 1, 0.8, 6, 'Scale Down: -4'],
    [5, 5, 0.1, 6, 'Scale Up: +1'],
    [1, 1, 0.3, 2, 'Scale Up: +1'],
    [2, 2, 0.9, 20, 'Scale Up: +18'],
  ])('total %d, occupied %d, readyTarget %d -> %d rooms (%s)', (total, occupied, readyTarget, desired, decision) => {
    const rooms = roomOccupancyDesiredRooms(singleMatchState(occupied, total), { readyTarget: Math.fround(readyTarget), downThreshold: 0.99 });
    expect(rooms).toBe(desired);
    const delta = rooms - total;
    expect(delta > 0 ? `Scale Up: +${delta}` : delta < 0 ? `Scale Down: ${delta}` : 'Do Nothing: 0').toBe(decision);
  });

  it.each([
    [10, 5, 0.9, 51],
    [10, 1, 0.9, 11],
    [2, 2, 0.9, 21],
  ])('with an exact 64-bit readyTarget, total %d occupied %d readyTarget %d would give %d', (total, occupied, readyTarget, desired) => {
    expect(roomOccupancyDesiredRooms(singleMatchState(occupied, total), { readyTarget, downThreshold: 0.99 })).toBe(desired);
  });
});

describe('roomOccupancy upstream unit vectors (exact inputs)', () => {
  it.each([
    [160, 2, 0.5, 160],
    [5, 1, 0.1, 6],
    [0, 1, 0.3, 0],
    [0, 7, 0.3, 0],
  ])('%d running matches, %d max matches, readyTarget %d -> %d rooms', (matches, maxMatches, readyTarget, desired) => {
    const state = { ready: 0, active: 0, occupied: 0, allocated: 0, runningMatchesSum: matches, maxMatches };
    expect(roomOccupancyDesiredRooms(state, { readyTarget, downThreshold: 0.99 })).toBe(desired);
  });
});

describe('roomOccupancy downscale check', () => {
  // freeSlots is given by the vector; ready rooms are chosen so that the state produces it.
  const stateFor = (matches: number, maxMatches: number, slots: number): RoomOccupancyState => ({
    ready: (slots + matches) / maxMatches,
    active: 0,
    occupied: 0,
    allocated: 0,
    runningMatchesSum: matches,
    maxMatches,
  });

  it.each([
    [80, 1, 120, 0.5, 0.6, false],
    [160, 2, 250, 0.5, 0.6, false],
    [70, 1, 100, 0.5, 0.7, true],
    [60, 1, 100, 0.5, 0.6, true],
    [120, 2, 200, 0.5, 0.6, true],
  ])('%d matches, max %d, %d free slots, readyTarget %d, downThreshold %d -> %s', (matches, maxMatches, slots, readyTarget, downThreshold, expected) => {
    const state = stateFor(matches, maxMatches, slots);
    expect(freeSlots(state)).toBe(slots);
    expect(roomOccupancyCanDownscale(state, { readyTarget, downThreshold })).toBe(expected);
  });

  it('uses the 32-bit downThreshold a scheduler configured through the API has (0.7 -> no)', () => {
    expect(roomOccupancyCanDownscale(stateFor(70, 1, 100), { readyTarget: 0.5, downThreshold: Math.fround(0.7) })).toBe(false);
  });

  it('never downscales without free slots and always with negative ones', () => {
    const full = { ready: 0, active: 0, occupied: 2, allocated: 0, runningMatchesSum: 2, maxMatches: 1 };
    expect(roomOccupancyCanDownscale(full, { readyTarget: 0.5, downThreshold: 0.99 })).toBe(false);
    const over = { ...full, runningMatchesSum: 5 };
    expect(freeSlots(over)).toBe(-3);
    expect(roomOccupancyCanDownscale(over, { readyTarget: 0.5, downThreshold: 0.99 })).toBe(true);
  });

  it('refuses parameters outside (0, 1)', () => {
    expect(() => roomOccupancyCanDownscale(stateFor(1, 1, 1), { readyTarget: 1, downThreshold: 0.5 })).toThrow('readyTarget');
  });

  it('computes the current-state vector of the spec', () => {
    const state = { ready: 1, active: 1, occupied: 1, allocated: 1, runningMatchesSum: 1, maxMatches: 1 };
    expect(runningMatches(state)).toBe(2);
    expect(freeSlots(state)).toBe(3);
  });
});
