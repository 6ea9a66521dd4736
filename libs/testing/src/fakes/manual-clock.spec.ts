import { systemClock } from '@maestro/domain';
import { clockContract } from '../contracts/clock.contract';
import { waitFor } from '../wait-for';
import { ManualClock } from './manual-clock';

describe('ManualClock', () => {
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
  });

  clockContract(
    () => clock,
    (ms) => clock.advance(ms),
  );

  it('stands still until advanced, then moves by exactly the given time', () => {
    expect(clock.now()).toEqual(new Date('2026-01-02T10:00:00Z'));
    expect(clock.now()).toEqual(new Date('2026-01-02T10:00:00Z'));
    clock.advance(1_500);
    expect(clock.now()).toEqual(new Date('2026-01-02T10:00:01.500Z'));
    clock.set(new Date('2026-01-02T11:00:00Z'));
    expect(clock.now()).toEqual(new Date('2026-01-02T11:00:00Z'));
  });

  it('refuses to go back', () => {
    expect(() => clock.advance(-1)).toThrow('a clock does not go back');
    expect(() => clock.set(new Date('2026-01-01T00:00:00Z'))).toThrow('a clock does not go back');
    expect(clock.now()).toEqual(new Date('2026-01-02T10:00:00Z'));
  });
});

describe('systemClock, the real Clock', () => {
  clockContract(
    () => systemClock,
    async (ms) => {
      const until = Date.now() + ms;
      await waitFor(() => Date.now() >= until, { intervalMs: 1, description: `${ms} ms to pass` });
    },
  );
});
