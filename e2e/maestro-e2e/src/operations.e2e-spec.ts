import { waitFor } from '@maestro/testing';
import { kube, management, operations, simulatedScheduler } from './support/maestro-client';

describe('operations: cancel, lease, listing, delete (cancel_operation, operation_lease, list_operations, delete_scheduler)', () => {
  const name = 'e2e-operations';
  let versionOperation: string;

  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler(name));
    await waitFor(async () => (await management('GET', `/schedulers/${name}`)).body.scheduler?.state === 'in-sync', { timeoutMs: 30_000 });
  });

  it('cancelling a final operation answers 409', async () => {
    // The scheduler turns in-sync just before its create_scheduler operation is recorded as finished.
    const created = await waitFor(async () => (await operations(name, 'final')).find((op) => op.definitionName === 'create_scheduler'), { timeoutMs: 10_000 });
    const response = await management('POST', `/schedulers/${name}/operations/${created.id}/cancel`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe(10);
  });

  it('shows a running operation with its lease, cancels a pending one at once and a running one', async () => {
    // A major version whose validation room never becomes ready keeps the queue busy.
    const stuck = simulatedScheduler(name, {}, { ROOM_FAILURE_MODE: 'never-ready' });
    versionOperation = (await management('POST', `/schedulers/${name}`, stuck)).body.operationId;
    await waitFor(async () => (await operations(name, 'active')).some((op) => op.id === versionOperation), { timeoutMs: 30_000 });
    const active = await management('GET', `/schedulers/${name}/operations?stage=active`);
    const lease = active.body.operations.find((op: { id: string }) => op.id === versionOperation).lease;
    expect(new Date(lease.ttl).getTime()).toBeGreaterThan(Date.now() - 2_000);

    const queued = (await management('POST', `/schedulers/${name}/add-rooms`, { amount: 1 })).body.operationId;
    expect((await operations(name, 'pending')).map((op) => op.id)).toContain(queued);
    expect((await management('POST', `/schedulers/${name}/operations/${queued}/cancel`)).status).toBe(200);
    expect((await management('GET', `/schedulers/${name}/operations/${queued}`)).body.operation.status).toBe('canceled');

    expect((await management('POST', `/schedulers/${name}/operations/${versionOperation}/cancel`)).status).toBe(200);
    await waitFor(async () => (await management('GET', `/schedulers/${name}/operations/${versionOperation}`)).body.operation.status === 'canceled', {
      timeoutMs: 30_000,
    });
    expect((await operations(name, 'active')).map((op) => op.id)).not.toContain(versionOperation);
    expect((await management('GET', `/schedulers/${name}`)).body.scheduler.state).toBe('in-sync');
  });

  it('lists final operations with paging', async () => {
    const page = await management('GET', `/schedulers/${name}/operations?stage=final&page=1&perPage=1`);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect(page.body.operations).toHaveLength(1);
  });

  it('deletes the scheduler with its namespace', async () => {
    expect((await management('DELETE', `/schedulers/${name}`)).status).toBe(200);
    await waitFor(async () => (await kube(`/api/v1/namespaces/${name}`)).status === 404, { timeoutMs: 60_000 });
    await waitFor(async () => (await management('GET', `/schedulers/${name}`)).status === 404, { timeoutMs: 30_000 });
  });
});
