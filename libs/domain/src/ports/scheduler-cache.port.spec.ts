import { InMemorySchedulerCache, schedulerCacheContract } from '@maestro/testing';

describe('InMemorySchedulerCache, the fake of domain unit tests', () => {
  const cache = new InMemorySchedulerCache();
  schedulerCacheContract(() => cache);
});
