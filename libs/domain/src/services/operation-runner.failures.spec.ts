import { anOperation, waitFor } from '@maestro/testing';
import type { Operation } from '../entities/operation';
import { LEASE_DEAD_AFTER_MS, reconciliationFixture, scriptedExecutor } from '../testing/reconciliation-fixture';
import { RECOVERED_LINE } from './operation-runner';

const S = 'fleet';
const aRemoval = (id: string) => anOperation({ id, schedulerName: S, definitionName: 'remove_rooms', input: { amount: 1 } });
const redisDown = () => new Error('Connection is closed.');

/** The fixture with an operation `op` to run, and its storage failing the writes `fails` picks. */
async function setUp(options: { execute?: () => Promise<void>; fails: (call: { method: string; event?: string; status?: string }) => boolean }) {
  const fx = reconciliationFixture(scriptedExecutor({ execute: options.execute }));
  await fx.storage.createOperation(aRemoval('op'));
  const storage = fx.storage;
  const append = storage.appendExecutionHistory.bind(storage);
  storage.appendExecutionHistory = async (s, id, event, at) => {
    if (options.fails({ method: 'appendExecutionHistory', event })) throw redisDown();
    return append(s, id, event, at);
  };
  const update = storage.updateOperationStatus.bind(storage);
  storage.updateOperationStatus = async (operation: Operation, opts) => {
    if (options.fails({ method: 'updateOperationStatus', status: operation.status })) throw redisDown();
    return update(operation, opts);
  };
  return fx;
}

const failing = async () => {
  throw new Error('kubernetes said no');
};

describe('OperationRunner when its own error handling fails', () => {
  it('still ends a failed operation and revokes its lease when the history writes of the failure path fail', async () => {
    const fx = await setUp({ execute: failing, fails: ({ method, event }) => method === 'appendExecutionHistory' && event !== 'Starting operation' });
    await expect(fx.runner.run(S, 'op')).resolves.toMatchObject({ status: 'error' });
    expect((await fx.storage.getOperation(S, 'op')).status).toBe('error');
    await expect(fx.lease.fetchLease(S, 'op')).rejects.toThrow();
    expect(await fx.storage.listActiveOperations(S)).toEqual([]);
  });

  it('retries a final status write that failed once', async () => {
    let failures = 0;
    const fx = await setUp({ fails: ({ method, status }) => method === 'updateOperationStatus' && status === 'finished' && ++failures === 1 });
    await expect(fx.runner.run(S, 'op')).resolves.toMatchObject({ status: 'finished' });
    expect((await fx.events(S, 'op')).at(-1)).toBe('Operation finished');
    await expect(fx.lease.fetchLease(S, 'op')).rejects.toThrow();
  });

  it('revokes the lease when the final status cannot be written, so the reconciler ends the operation', async () => {
    let down = true;
    const fx = await setUp({ execute: failing, fails: ({ method, status }) => down && method === 'updateOperationStatus' && status === 'error' });
    await expect(fx.runner.run(S, 'op')).resolves.toMatchObject({ status: 'in_progress' });
    await expect(fx.lease.fetchLease(S, 'op')).rejects.toThrow();
    down = false;
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['op'] });
    expect((await fx.storage.getOperation(S, 'op')).status).toBe('error');
    expect((await fx.events(S, 'op')).at(-1)).toBe(RECOVERED_LINE);
  });

  it('leaves the end to the reconciler when Redis is gone for the whole finish: the lease expires, the operation ends error', async () => {
    let down = false;
    const fx = await setUp({ execute: async () => void (down = true), fails: () => down });
    const revoke = fx.lease.revokeLease.bind(fx.lease);
    fx.lease.revokeLease = async (...args) => {
      if (down) throw redisDown();
      return revoke(...args);
    };
    await expect(fx.runner.run(S, 'op')).resolves.toMatchObject({ status: 'in_progress' });
    down = false;
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: [] });
    fx.clock.advance(LEASE_DEAD_AFTER_MS);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['op'] });
    expect((await fx.storage.getOperation(S, 'op')).status).toBe('error');
    await expect(fx.lease.fetchLease(S, 'op')).rejects.toThrow();
  });

  it('does not overwrite the end the reconciler wrote meanwhile', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const fx = await setUp({ execute: () => ((started = true), gate), fails: () => false });
    const running = fx.runner.run(S, 'op');
    await waitFor(() => started, { description: 'the execution started' });
    fx.clock.advance(LEASE_DEAD_AFTER_MS);
    expect(await fx.reconciler.reconcile(S)).toEqual({ requeued: [], recovered: ['op'] });
    release();
    await expect(running).resolves.toMatchObject({ status: 'error' });
    expect((await fx.events(S, 'op')).at(-1)).toBe(RECOVERED_LINE);
  });
});
