import { isValidRollbackThreshold, rollbackThresholdRooms } from './rollback-threshold';

describe('rollback threshold', () => {
  it.each(['0', '1', '1000', '1%', '100%'])('accepts %s', (value) => expect(isValidRollbackThreshold(value)).toBe(true));
  it.each(['', '-1', '1001', '0%', '101%', '2.5', 'ten', '%', ' 3'])('refuses %j', (value) => expect(isValidRollbackThreshold(value)).toBe(false));

  it('counts rooms: N as is, N% of the fleet rounded up, at least one', () => {
    expect(rollbackThresholdRooms('3', 100)).toBe(3);
    expect(rollbackThresholdRooms('20%', 4)).toBe(1);
    expect(rollbackThresholdRooms('20%', 11)).toBe(3);
    expect(rollbackThresholdRooms('50%', 0)).toBe(1);
  });

  it('is 20 % of the fleet when unset, and never with 0', () => {
    expect(rollbackThresholdRooms(undefined, 50)).toBe(10);
    expect(rollbackThresholdRooms('0', 50)).toBeUndefined();
  });
});
