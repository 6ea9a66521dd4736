import { operationCancellationContract } from '../contracts/operation-cancellation.contract';
import { InMemoryOperationCancellation } from './in-memory-operation-cancellation';

describe('InMemoryOperationCancellation', () => {
  const cancellation = new InMemoryOperationCancellation();
  operationCancellationContract(() => cancellation);

  it('keeps what was published and counts the subscriptions still listening', async () => {
    const fake = new InMemoryOperationCancellation();
    const stop = await fake.subscribe(() => undefined);
    await fake.subscribe(() => undefined);
    await stop();
    await fake.requestCancellation({ schedulerName: 's', operationId: 'op' });
    expect(fake.requests).toEqual([{ schedulerName: 's', operationId: 'op' }]);
    expect(fake.subscribers).toBe(1);
  });
});
