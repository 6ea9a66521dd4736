import { anOperation, waitFor } from '@maestro/testing';
import { reconciliationFixture } from '../testing/reconciliation-fixture';
import { LOCK_WAIT_ATTEMPTS, LockedExecution } from './locked-execution';

const S = 'fleet';

/** The fixture with its scheduler lock failing (a Redis error) the first `failures` attempts. */
async function withFailingLock(failures: number) {
  const fx = reconciliationFixture();
  await fx.storage.createOperation(anOperation({ id: 'op', schedulerName: S, definitionName: 'remove_rooms', input: { amount: 1 } }));
  let attempts = 0;
  const tryAcquire = fx.lock.tryAcquire.bind(fx.lock);
  fx.lock.tryAcquire = async (...args) => {
    attempts += 1;
    if (attempts <= failures) throw new Error('Connection is closed.');
    return tryAcquire(...args);
  };
  const execution = new LockedExecution(S, 'worker-a', fx);
  fx.flow.consume(S, (id) => execution.execute(id));
  return fx;
}

describe('LockedExecution when the lock wait fails', () => {
  it('retries a lock attempt that failed, and the delivered operation runs', async () => {
    const fx = await withFailingLock(2);
    await fx.flow.insertOperationId(S, 'op');
    await waitFor(async () => (await fx.storage.getOperation(S, 'op')).status === 'finished', { description: 'the operation finished' });
    expect(fx.flow.failures).toEqual([]);
    await fx.flow.release(S);
  });

  it('gives a delivery up without failing it after repeated failures, and the reconciler queues the operation again', async () => {
    const fx = await withFailingLock(LOCK_WAIT_ATTEMPTS);
    await fx.flow.insertOperationId(S, 'op');
    await waitFor(async () => !(await fx.flow.isQueued(S, 'op')), { timeoutMs: 5_000, description: 'the delivery given up' });
    expect(fx.flow.failures).toEqual([]);
    expect((await fx.storage.getOperation(S, 'op')).status).toBe('pending');
    expect(fx.logger.lines.filter((line) => line.level === 'error').map((line) => line.msg)).toEqual([
      'scheduler lock wait failed; the operation is left pending for the reconciler',
    ]);
    fx.clock.advance(1_000);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: ['op'], recovered: [] });
    await waitFor(async () => (await fx.storage.getOperation(S, 'op')).status === 'finished', { description: 'the operation finished' });
    await fx.flow.release(S);
  });
});
