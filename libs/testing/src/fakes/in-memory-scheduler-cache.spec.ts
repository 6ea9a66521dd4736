import { aScheduler } from '../builders';
import { schedulerCacheContract } from '../contracts/scheduler-cache.contract';
import { InMemorySchedulerCache } from './in-memory-scheduler-cache';
import { ManualClock } from './manual-clock';

describe('InMemorySchedulerCache', () => {
  const cache = new InMemorySchedulerCache();
  schedulerCacheContract(() => cache);

  it('expires entries on its clock', async () => {
    const clock = new ManualClock();
    const fake = new InMemorySchedulerCache(clock);
    const { generation } = await fake.read('game');
    await fake.setScheduler(aScheduler().withName('game').build(), 60_000, generation);
    clock.advance(59_999);
    expect((await fake.read('game')).scheduler?.name).toBe('game');
    clock.advance(1);
    expect((await fake.read('game')).scheduler).toBeUndefined();
  });
});
