import { freeSlots, roomOccupancyCanDownscale, roomOccupancyDesiredRooms, runningMatches, type RoomOccupancyState } from './room-occupancy.policy';

const decision = (delta: number) => (delta > 0 ? `Scale Up: +${delta}` : delta < 0 ? `Scale Down: ${delta}` : 'Do Nothing: 0');

/** maxMatches 1, every occupied room reports one running match, the others are ready. */
const singleMatchState = (occupied: number, totalRooms: number): RoomOccupancyState => ({
  ready: totalRooms - occupied,
  active: 0,
  occupied,
  allocated: 0,
  runningMatchesSum: occupied,
  maxMatches: 1,
});

describe('roomOccupancy desired rooms: autoscaling.md table 5.1', () => {
  // totalRooms, occupiedRooms, readyTarget, desired (docs), decision (docs), desired (source)
  it.each([
    [100, 80, 0.5, 160, 'Scale Up: +60', 160],
    [100, 50, 0.5, 100, 'Do Nothing: 0', 100],
    [100, 30, 0.5, 60, 'Scale Down: -40', 60],
    [50, 40, 0.3, 58, 'Scale Up: +8', 58],
    [50, 35, 0.3, 50, 'Do Nothing: 0', 51],
    [50, 10, 0.3, 15, 'Scale Down: -35', 15],
    [10, 5, 0.9, 50, 'Scale Up: +40', 50],
    [10, 1, 0.9, 10, 'Do Nothing: 0', 10],
    [10, 1, 0.8, 5, 'Scale Down: -5', 6],
    [5, 5, 0.1, 6, 'Scale Up: +1', 6],
    [1, 1, 0.3, 2, 'Scale Up: +1', 2],
    [2, 2, 0.9, 20, 'Scale Up: +18', 20],
  ])('total %d, occupied %d, readyTarget %d: docs %d (%s), source %d', (total, occupied, readyTarget, docsDesired, docsDecision, sourceDesired) => {
    // The docs' idealised arithmetic, in exact integer percentages.
    const percent = Math.round(readyTarget * 100);
    const idealised = Math.ceil((occupied * 100) / (100 - percent));
    expect(idealised).toBe(docsDesired);
    expect(decision(idealised - total)).toBe(docsDecision);
    // The source computes on the float32 value stored for readyTarget.
    const state = singleMatchState(occupied, total);
    expect(roomOccupancyDesiredRooms(state, { readyTarget: Math.fround(readyTarget), downThreshold: 0.99 })).toBe(sourceDesired);
  });

  it.each([
    [10, 5, 0.9, 51],
    [10, 1, 0.9, 11],
    [2, 2, 0.9, 21],
  ])('with an exact 64-bit readyTarget, total %d occupied %d readyTarget %d would give %d', (total, occupied, readyTarget, desired) => {
    expect(roomOccupancyDesiredRooms(singleMatchState(occupied, total), { readyTarget, downThreshold: 0.99 })).toBe(desired);
  });
});

describe('roomOccupancy upstream unit vectors (exact inputs, unclamped)', () => {
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

describe('roomOccupancy downscale check (autoscaling.md 3.3)', () => {
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

  it.each([
    [80, 1, 120, 0.6, false],
    [160, 2, 250, 0.6, false],
    [70, 1, 100, 0.7, false],
    [60, 1, 100, 0.6, true],
    [120, 2, 200, 0.6, true],
  ])(
    'through the API (float32 parameters): %d matches, max %d, %d free slots, downThreshold %d -> %s',
    (matches, maxMatches, slots, downThreshold, expected) => {
      const parameters = { readyTarget: Math.fround(0.5), downThreshold: Math.fround(downThreshold) };
      expect(roomOccupancyCanDownscale(stateFor(matches, maxMatches, slots), parameters)).toBe(expected);
    },
  );

  it('never downscales without free slots', () => {
    const full = { ready: 0, active: 0, occupied: 2, allocated: 0, runningMatchesSum: 2, maxMatches: 1 };
    expect(freeSlots(full)).toBe(0);
    expect(roomOccupancyCanDownscale(full, { readyTarget: 0.5, downThreshold: 0.99 })).toBe(false);
    const empty = { ready: 0, active: 0, occupied: 0, allocated: 0, runningMatchesSum: 0, maxMatches: 1 };
    expect(roomOccupancyCanDownscale(empty, { readyTarget: 0.5, downThreshold: 0.99 })).toBe(false);
  });

  it('always downscales with negative free slots (matches reported by rooms not counted)', () => {
    const over = { ready: 0, active: 0, occupied: 2, allocated: 0, runningMatchesSum: 5, maxMatches: 1 };
    expect(freeSlots(over)).toBe(-3);
    expect(roomOccupancyCanDownscale(over, { readyTarget: 0.5, downThreshold: 0.01 })).toBe(true);
  });

  it.each([
    [{ readyTarget: 1, downThreshold: 0.5 }, 'readyTarget'],
    [{ readyTarget: 0, downThreshold: 0.5 }, 'readyTarget'],
    [{ readyTarget: 0.5, downThreshold: 1 }, 'downThreshold'],
    [{ readyTarget: 0.5, downThreshold: 0 }, 'downThreshold'],
  ])('re-validates the parameters %j', (parameters, name) => {
    expect(() => roomOccupancyCanDownscale(stateFor(1, 1, 1), parameters)).toThrow(name);
  });
});

describe('roomOccupancy current state', () => {
  it('computes the current-state vector of the spec (1/1/1/1, 1 running match, max 1)', () => {
    const state = { ready: 1, active: 1, occupied: 1, allocated: 1, runningMatchesSum: 1, maxMatches: 1 };
    expect(runningMatches(state)).toBe(2);
    expect(freeSlots(state)).toBe(3);
  });
});
