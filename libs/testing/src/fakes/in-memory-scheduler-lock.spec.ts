import { schedulerLockContract } from '../contracts/scheduler-lock.contract';
import { InMemorySchedulerLock } from './in-memory-scheduler-lock';
import { ManualClock } from './manual-clock';

describe('InMemorySchedulerLock', () => {
  schedulerLockContract((clock) => new InMemorySchedulerLock(clock));

  it('tells who holds a lock now', async () => {
    const clock = new ManualClock();
    const lock = new InMemorySchedulerLock(clock);
    expect(lock.holder('s')).toBeUndefined();
    await lock.tryAcquire('s', 'worker-a', 1_000);
    expect(lock.holder('s')).toBe('worker-a');
    clock.advance(1_000);
    expect(lock.holder('s')).toBeUndefined();
  });
});
