import { fixedBufferCanDownscale, fixedBufferDesiredRooms } from './fixed-buffer.policy';

describe('fixedBuffer: autoscaling.md table 5.2', () => {
  it.each([
    [100, 80, 50, 130, 'Scale Up: +30'],
    [100, 50, 50, 100, 'Do Nothing: 0'],
    [100, 30, 50, 80, 'Scale Down: -20'],
    [50, 40, 20, 60, 'Scale Up: +10'],
    [50, 30, 20, 50, 'Do Nothing: 0'],
    [50, 10, 20, 30, 'Scale Down: -20'],
    [10, 5, 10, 15, 'Scale Up: +5'],
    [10, 0, 10, 10, 'Do Nothing: 0'],
    [10, 0, 5, 5, 'Scale Down: -5'],
    [5, 5, 5, 10, 'Scale Up: +5'],
    [1, 1, 3, 4, 'Scale Up: +3'],
    [2, 2, 8, 10, 'Scale Up: +8'],
  ])('total %d, occupied %d, amount %d -> %d rooms (%s)', (totalRooms, occupiedRooms, amount, desired, decision) => {
    const state = { totalRooms, occupiedRooms };
    expect(fixedBufferDesiredRooms(state, { amount })).toBe(desired);
    const delta = desired - totalRooms;
    expect(delta > 0 ? `Scale Up: +${delta}` : delta < 0 ? `Scale Down: ${delta}` : 'Do Nothing: 0').toBe(decision);
    // 4.2: a downscale is allowed exactly when there are more rooms than desired.
    expect(fixedBufferCanDownscale(state, { amount })).toBe(delta < 0);
  });
});
