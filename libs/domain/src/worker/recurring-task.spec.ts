import { RecordingLogger } from '@maestro/testing';
import { every } from './recurring-task';

describe('every', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function recorded(phaseMs?: number) {
    const runs: number[] = [];
    const stop = every(1_000, 'task', async () => void runs.push(Date.now()), new RecordingLogger(), phaseMs);
    return { runs, stop };
  }

  it('runs the task every period, the first time after one period', () => {
    const start = Date.now();
    const { runs, stop } = recorded();
    jest.advanceTimersByTime(3_000);
    stop();
    expect(runs.map((at) => at - start)).toEqual([1_000, 2_000, 3_000]);
  });

  it('runs the task first after its phase, then every period from there', () => {
    const start = Date.now();
    const { runs, stop } = recorded(250);
    jest.advanceTimersByTime(2_500);
    stop();
    expect(runs.map((at) => at - start)).toEqual([250, 1_250, 2_250]);
  });

  it('runs nothing more once stopped, even before its phase', () => {
    const { runs, stop } = recorded(250);
    stop();
    jest.advanceTimersByTime(5_000);
    expect(runs).toEqual([]);
  });
});
