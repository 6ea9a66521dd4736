import { anOperation, waitFor } from '@maestro/testing';
import type { Operation } from '../entities/operation';
import { RECOVERED_LINE } from '../services/operation-runner';
import { FIXTURE_LEASE_TTL_MS, LEASE_DEAD_AFTER_MS, reconciliationFixture, scriptedExecutor } from '../testing/reconciliation-fixture';

const S = 'fleet';
const aRemoval = (id: string, overrides: Partial<Operation> = {}) =>
  anOperation({ id, schedulerName: S, definitionName: 'remove_rooms', input: { amount: 1 }, ...overrides });

describe('OperationReconciler', () => {
  it('queues again a pending operation whose job the queue dropped (stalled twice), and it then runs', async () => {
    const fx = reconciliationFixture();
    await fx.storage.createOperation(aRemoval('lost'));
    await fx.flow.insertOperationId(S, 'lost');
    fx.flow.drop(S, 'lost');
    fx.clock.advance(1_000);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: ['lost'], recovered: [] });
    expect(await fx.flow.listPendingOperationIds(S)).toEqual(['lost']);
    fx.flow.consume(S, async (id) => void (await fx.runner.run(S, id)));
    await waitFor(async () => (await fx.storage.getOperation(S, 'lost')).status === 'finished', { description: 'the re-queued operation finished' });
    await fx.flow.release(S);
  });

  it('queues a lost operation at the tail, and leaves queued, young and final operations alone', async () => {
    const fx = reconciliationFixture();
    for (const id of ['lost', 'queued', 'done']) await fx.storage.createOperation(aRemoval(id));
    await fx.storage.updateOperationStatus(aRemoval('done', { status: 'finished' }));
    await fx.flow.insertOperationId(S, 'queued');
    fx.clock.advance(1_000);
    // Just written by the API, not enqueued yet: its enqueue (maybe at the head) must keep its place.
    await fx.storage.createOperation(aRemoval('young', { createdAt: fx.clock.now() }));
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: ['lost'], recovered: [] });
    expect(await fx.flow.listPendingOperationIds(S)).toEqual(['queued', 'lost']);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: [] });
  });

  it('ends an operation in progress whose lease expired (past a grace), without waiting for a delivery, and revokes the lease', async () => {
    const fx = reconciliationFixture();
    await fx.storage.createOperation(aRemoval('abandoned'));
    await fx.lease.grantLease(S, 'abandoned', FIXTURE_LEASE_TTL_MS);
    await fx.storage.updateOperationStatus(aRemoval('abandoned', { status: 'in_progress' }));
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: [] });
    expect((await fx.storage.getOperation(S, 'abandoned')).status).toBe('in_progress');
    // Just past its expiry, the lease may belong to a live runner whose renewal is late.
    fx.clock.advance(FIXTURE_LEASE_TTL_MS);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: [] });
    fx.clock.advance(LEASE_DEAD_AFTER_MS - FIXTURE_LEASE_TTL_MS);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['abandoned'] });
    const ended = await fx.storage.getOperation(S, 'abandoned');
    expect(ended.status).toBe('error');
    expect(ended.executionHistory.map((entry) => entry.event)).toEqual(['Created', RECOVERED_LINE]);
    await expect(fx.lease.fetchLease(S, 'abandoned')).rejects.toThrow();
    expect(await fx.storage.listActiveOperations(S)).toEqual([]);
  });

  it('ends an operation in progress that has no lease at all (its runner could not write its end)', async () => {
    const fx = reconciliationFixture();
    await fx.storage.createOperation(aRemoval('leaseless'));
    await fx.storage.updateOperationStatus(aRemoval('leaseless', { status: 'in_progress' }));
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['leaseless'] });
    expect(await fx.events(S, 'leaseless')).toEqual(['Created', RECOVERED_LINE]);
  });

  it('reconciles once per period across replicas', async () => {
    const fx = reconciliationFixture();
    await fx.storage.createOperation(aRemoval('leaseless'));
    await fx.storage.updateOperationStatus(aRemoval('leaseless', { status: 'in_progress' }));
    expect(await fx.reconciler.reconcileOnce(S, 'replica-a', 10_000)).toEqual({ requeued: [], recovered: ['leaseless'] });
    expect(await fx.reconciler.reconcileOnce(S, 'replica-b', 10_000)).toBeUndefined();
    fx.clock.advance(10_000);
    expect(await fx.reconciler.reconcileOnce(S, 'replica-b', 10_000)).toEqual({ requeued: [], recovered: [] });
  });

  it('aborts the run of this process whose operation it ended (its lease expired while it ran)', async () => {
    let signal: AbortSignal | undefined;
    const hangsUntilAborted = scriptedExecutor({
      execute: (context) =>
        new Promise((_, reject) => {
          signal = context.signal;
          context.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
    });
    const fx = reconciliationFixture(hangsUntilAborted);
    await fx.storage.createOperation(aRemoval('stale'));
    const run = fx.runner.run(S, 'stale');
    await waitFor(() => signal, { description: 'the operation running' });
    // Its renewals did not reach Redis: the lease reads as dead, while the run goes on here.
    fx.clock.advance(LEASE_DEAD_AFTER_MS + 1_000);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['stale'] });
    expect(signal?.aborted).toBe(true);
    expect((await run)?.status).toBe('error');
    const events = await fx.events(S, 'stale');
    expect(events).toContain(RECOVERED_LINE);
    expect(events).toContain('operation aborted: its lease expired and the reconciler ended it');
    expect(events).not.toContain('Operation finished');
  });
});
