import { operationFlowContract } from '../contracts/operation-flow.contract';
import { waitFor } from '../wait-for';
import { InMemoryOperationFlow } from './in-memory-operation-flow';

describe('InMemoryOperationFlow', () => {
  const flow = new InMemoryOperationFlow();
  operationFlowContract(() => flow);

  it('keeps what failing handlers threw, and tells whether a queue is consumed', async () => {
    const fake = new InMemoryOperationFlow();
    const failure = new Error('handler failed');
    fake.consume('s', () => Promise.reject(failure));
    expect(fake.isConsumed('s')).toBe(true);
    await fake.insertOperationId('s', 'op');
    await waitFor(() => fake.failures.length === 1, { description: 'the failure' });
    expect(fake.failures).toEqual([failure]);
    await fake.release('s');
    expect(fake.isConsumed('s')).toBe(false);
  });
});
