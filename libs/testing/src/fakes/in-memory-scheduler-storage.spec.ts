import { aScheduler } from '../builders';
import { schedulerStorageContract } from '../contracts/scheduler-storage.contract';
import { InMemorySchedulerStorage } from './in-memory-scheduler-storage';
import { ManualClock } from './manual-clock';

describe('InMemorySchedulerStorage', () => {
  const storage = new InMemorySchedulerStorage();
  schedulerStorageContract(() => storage);

  it('dates rows on its clock', async () => {
    const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    const fake = new InMemorySchedulerStorage(clock);
    await fake.createScheduler(aScheduler().withName('dated').build());
    clock.advance(1_000);
    await fake.createSchedulerVersion(aScheduler().withName('dated').withVersion('v2.0.0').build());
    expect((await fake.listSchedulerVersions('dated')).map((v) => v.createdAt)).toEqual([new Date('2026-01-02T10:00:01Z'), new Date('2026-01-02T10:00:00Z')]);
    expect((await fake.listSchedulers({ name: 'dated' }))[0].createdAt).toEqual(new Date('2026-01-02T10:00:00Z'));
  });
});
