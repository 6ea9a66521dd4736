import { schedulerCacheContract } from '../contracts/scheduler-cache.contract';
import { InMemorySchedulerCache } from './in-memory-scheduler-cache';

describe('InMemorySchedulerCache', () => {
  const cache = new InMemorySchedulerCache();
  schedulerCacheContract(() => cache);
});
