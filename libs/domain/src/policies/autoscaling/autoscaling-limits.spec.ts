import { clampToLimits, isCooldownOver } from './autoscaling-limits';

describe('autoscaling limits (autoscaling.md 2)', () => {
  it.each([
    [0, 1, 10, 1],
    [5, 1, 10, 5],
    [130, 1, 100, 100],
    [130, 1, -1, 130],
    [0, 3, -1, 3],
  ])('clamps %d to [%d, %d] -> %d (max -1 = no upper limit)', (raw, min, max, expected) => {
    expect(clampToLimits(raw, { min, max })).toBe(expected);
  });

  it.each([
    ['2026-01-01T00:00:59Z', 60, false],
    ['2026-01-01T00:01:00Z', 60, true],
    ['2026-01-01T00:00:00Z', 0, true],
  ])('cooldown: last downscale 00:00:00, now %s, cooldown %d s -> over: %s', (now, cooldown, over) => {
    expect(isCooldownOver(new Date('2026-01-01T00:00:00Z'), cooldown, new Date(now))).toBe(over);
  });
});
