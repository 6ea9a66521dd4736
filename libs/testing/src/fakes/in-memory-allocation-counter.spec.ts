import { allocationCounterContract } from '../contracts/allocation-counter.contract';
import { InMemoryAllocationCounter } from './in-memory-allocation-counter';

describe('InMemoryAllocationCounter', () => {
  allocationCounterContract(() => new InMemoryAllocationCounter());
});
