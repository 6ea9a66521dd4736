import { operationLeaseContract } from '../contracts/operation-lease.contract';
import { InMemoryOperationLease } from './in-memory-operation-lease';

describe('InMemoryOperationLease', () => {
  operationLeaseContract((clock) => new InMemoryOperationLease(clock));
});
