import { anOperation } from '../builders';
import { operationStorageContract } from '../contracts/operation-storage.contract';
import { InMemoryOperationStorage } from './in-memory-operation-storage';
import { ManualClock } from './manual-clock';

describe('InMemoryOperationStorage', () => {
  operationStorageContract((clock) => new InMemoryOperationStorage(clock));

  it('expires records on its clock, not on the wall clock', async () => {
    const clock = new ManualClock();
    const storage = new InMemoryOperationStorage(clock);
    await storage.createOperation(anOperation({ id: 'short', schedulerName: 's' }), 60_000);
    clock.advance(59_999);
    expect((await storage.getOperation('s', 'short')).id).toBe('short');
    clock.advance(1);
    await expect(storage.getOperation('s', 'short')).rejects.toThrow('operation short not found in scheduler s');
  });
});
