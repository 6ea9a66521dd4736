import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

describe('schedulers and operations routes', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
  });

  afterAll(() => api.stop());

  const pending = async (name: string) => (await api.request('GET', `/schedulers/${name}/operations?stage=pending`)).body.operations;

  it('creates a scheduler in state creating at v1.0.0 with a pending create_scheduler operation', async () => {
    const created = await api.request('POST', '/schedulers', aSchedulerBody('flow'));
    expect(created.status).toBe(200);
    expect(created.body.scheduler).toMatchObject({ name: 'flow', game: 'my-game', state: 'creating', spec: { version: 'v1.0.0', restartPolicy: 'Never' } });
    const fetched = await api.request('GET', '/schedulers/flow');
    expect(fetched.status).toBe(200);
    expect(fetched.body.scheduler).toEqual(created.body.scheduler);
    expect(Object.keys(fetched.body.scheduler)).toEqual([
      'name',
      'game',
      'state',
      'portRange',
      'createdAt',
      'maxSurge',
      'roomsReplicas',
      'spec',
      'forwarders',
      'annotations',
      'labels',
      'matchAllocation',
    ]);
    const operations = await pending('flow');
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({ status: 'pending', definitionName: 'create_scheduler', schedulerName: 'flow' });
    const operation = await api.request('GET', `/schedulers/flow/operations/${operations[0].id}`);
    expect(operation.body.operation.input.scheduler).toMatchObject({ Name: 'flow', Game: 'my-game', Spec: { Version: 'v1.0.0' } });
    expect(operation.body.operation.executionHistory.map((e: { event: string }) => e.event)).toEqual(['Created']);
  });

  it('refuses a duplicate name with 409', async () => {
    const again = await api.request('POST', '/schedulers', aSchedulerBody('flow'));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 6, message: 'error creating scheduler flow: name already exists', details: [] });
  });

  it('lists schedulers without spec, filtered, and their versions', async () => {
    const list = await api.request('GET', '/schedulers?game=my-game');
    expect(list.body.schedulers).toEqual([expect.objectContaining({ name: 'flow', version: 'v1.0.0', state: 'creating' })]);
    expect((await api.request('GET', '/schedulers?game=nobody')).body).toEqual({ schedulers: [] });
    const versions = await api.request('GET', '/schedulers/flow/versions');
    expect(versions.body.versions).toEqual([{ version: 'v1.0.0', isActive: true, createdAt: expect.any(String) }]);
    expect((await api.request('GET', '/schedulers/nobody/versions')).status).toBe(404);
  });

  it('shows room counters in info, autoscaling null when absent', async () => {
    const info = await api.request('GET', '/schedulers/info?game=my-game');
    expect(info.body.schedulers).toEqual([
      {
        name: 'flow',
        game: 'my-game',
        state: 'creating',
        roomsReplicas: 0,
        roomsReady: 0,
        roomsOccupied: 0,
        roomsPending: 0,
        roomsTerminating: 0,
        autoscaling: null,
      },
    ]);
  });

  it('enqueues a new version and blocks another version change while it is pending', async () => {
    const body = aSchedulerBody('flow');
    body.spec.containers[0].image = 'repo/game:2';
    const created = await api.request('POST', '/schedulers/flow', body);
    expect(created.status).toBe(200);
    const operation = await api.request('GET', `/schedulers/flow/operations/${created.body.operationId}`);
    expect(operation.body.operation).toMatchObject({ definitionName: 'create_new_scheduler_version', status: 'pending' });
    expect(operation.body.operation.input.scheduler.Spec.Containers[0].Image).toBe('repo/game:2');
    const blocked = await api.request('PATCH', '/schedulers/flow', { roomsReplicas: 3 });
    expect(blocked.status).toBe(400);
    expect(blocked.body.code).toBe(9);
    expect(blocked.body.message).toBe(
      `cannot patch scheduler: there is already an ongoing version operation (id: ${created.body.operationId}) for scheduler flow`,
    );
    const switchBlocked = await api.request('PUT', '/schedulers/flow', { version: 'v1.0.0' });
    expect(switchBlocked.body.code).toBe(9);
    expect((await api.request('POST', `/schedulers/flow/operations/${created.body.operationId}/cancel`)).status).toBe(200);
    const canceled = await api.request('GET', `/schedulers/flow/operations/${created.body.operationId}`);
    expect(canceled.body.operation.status).toBe('canceled');
    // Maestro's pending cancel only sets the status: no history line is added.
    expect(canceled.body.operation.executionHistory.map((e: { event: string }) => e.event)).toEqual(['Created']);
    expect((await pending('flow')).map((o: { id: string }) => o.id)).not.toContain(created.body.operationId);
    const final = await api.request('GET', '/schedulers/flow/operations?stage=final');
    expect(final.body.operations.map((o: { id: string }) => o.id)).toContain(created.body.operationId);
  });

  it('patches with only the fields present; an empty patch is 409', async () => {
    const empty = await api.request('PATCH', '/schedulers/flow', {});
    expect(empty.status).toBe(409);
    expect(empty.body).toEqual({ code: 6, message: 'no change found to scheduler flow', details: [] });
    const patched = await api.request('PATCH', '/schedulers/flow', { roomsReplicas: 2, annotations: {} });
    expect(patched.status).toBe(200);
    const input = (await api.request('GET', `/schedulers/flow/operations/${patched.body.operationId}`)).body.operation.input.scheduler;
    expect(input.RoomsReplicas).toBe(2);
    expect(input.Annotations).toEqual({});
    expect(input.Spec.Containers[0].Image).toBe('repo/game:1');
    const invalid = await api.request('PATCH', '/schedulers/nobody', { maxSurge: '1' });
    expect(invalid.status).toBe(404);
  });

  it('validates the patched scheduler', async () => {
    for (const op of await pending('flow')) {
      if (op.definitionName === 'create_new_scheduler_version') await api.request('POST', `/schedulers/flow/operations/${op.id}/cancel`);
    }
    const invalid = await api.request('PATCH', '/schedulers/flow', { maxSurge: '0' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      code: 3,
      message: "invalid patched scheduler: Key: 'Scheduler.MaxSurge' Error:Field validation for 'MaxSurge' failed on the 'max_surge' tag",
      details: [],
    });
    // Field types are checked at the edge, naming the field, for top-level and spec fields alike.
    const badType = await api.request('PATCH', '/schedulers/flow', { roomsReplicas: 'many' });
    expect(badType.status).toBe(400);
    expect(badType.body.message).toContain('roomsReplicas');
    const badSpec = await api.request('PATCH', '/schedulers/flow', { spec: { terminationGracePeriod: 5 } });
    expect(badSpec.status).toBe(400);
    expect(badSpec.body.message).toContain('spec.terminationGracePeriod');
  });

  it('enqueues switch, delete, add-rooms and remove-rooms operations', async () => {
    const switched = await api.request('PUT', '/schedulers/flow', { version: 'v1.0.0' });
    expect(switched.status).toBe(200);
    const deleted = await api.request('DELETE', '/schedulers/flow');
    const added = await api.request('POST', '/schedulers/flow/add-rooms', { amount: 3 });
    const removed = await api.request('POST', '/schedulers/flow/remove-rooms', { amount: 2 });
    const byId = async (id: string) => (await api.request('GET', `/schedulers/flow/operations/${id}`)).body.operation;
    expect(await byId(switched.body.operationId)).toMatchObject({ definitionName: 'switch_active_version', input: { newActiveVersion: 'v1.0.0' } });
    const deleteOperation = await byId(deleted.body.operationId);
    // Maestro answers an empty definition as {} (its stored JSON), never null.
    expect(deleteOperation).toMatchObject({ definitionName: 'delete_scheduler' });
    expect(deleteOperation.input).toEqual({});
    expect(await byId(added.body.operationId)).toMatchObject({ definitionName: 'add_rooms', input: { amount: 3 } });
    expect(await byId(removed.body.operationId)).toMatchObject({ definitionName: 'remove_rooms', input: { amount: 2, rooms_ids: null, reason: 'scale_down' } });
    expect((await api.request('POST', '/schedulers/flow/add-rooms', { amount: 0 })).status).toBe(400);
    expect((await api.request('POST', '/schedulers/nobody/add-rooms', { amount: 1 })).status).toBe(404);
    expect((await api.request('DELETE', '/schedulers/nobody')).body.message).toBe(
      'no scheduler found, can not delete nonexistent scheduler: scheduler nobody not found',
    );
  });

  it('answers the operations listing errors and cancel errors as Maestro does', async () => {
    expect((await api.request('GET', '/schedulers/flow/operations?stage=done')).body).toEqual({ code: 3, message: 'invalid stage filter: done', details: [] });
    expect((await api.request('GET', '/schedulers/flow/operations/nope')).status).toBe(404);
    const cancelUnknown = await api.request('POST', '/schedulers/flow/operations/nope/cancel');
    expect(cancelUnknown.status).toBe(500);
    expect(cancelUnknown.body.message).toMatch(/^failed to fetch operation from storage/);
    const canceled = (await api.request('GET', '/schedulers/flow/operations?stage=final')).body.operations[0];
    const again = await api.request('POST', `/schedulers/flow/operations/${canceled.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 10, message: 'cannot cancel operation since status "canceled" is a final status', details: [] });
  });

  it('stores, answers and patches a rollback threshold (not in Maestro), a minor change', async () => {
    const created = await api.request('POST', '/schedulers', { ...aSchedulerBody('guarded'), rollbackThreshold: '3' });
    expect(created.status).toBe(200);
    const fetched = (await api.request('GET', '/schedulers/guarded')).body.scheduler;
    expect(fetched.rollbackThreshold).toBe('3');
    expect(Object.keys(fetched).slice(5, 8)).toEqual(['maxSurge', 'rollbackThreshold', 'roomsReplicas']);
    const patched = await api.request('PATCH', '/schedulers/guarded', { rollback_threshold: '10%' });
    expect(patched.status).toBe(200);
    const input = (await api.request('GET', `/schedulers/guarded/operations/${patched.body.operationId}`)).body.operation.input.scheduler;
    expect(input.RollbackThreshold).toBe('10%');
    const invalid = await api.request('POST', '/schedulers', { ...aSchedulerBody('unguarded'), rollbackThreshold: 3 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('rollbackThreshold');
  });

  it('serves health, readiness and metrics on the internal port', async () => {
    expect((await api.internal('/healthz')).body).toBe('OK');
    expect((await api.internal('/readyz')).status).toBe(200);
    const metrics = (await api.internal('/metrics')).body;
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/schedulers\/:schedulerName",status="200"\} \d+/);
  });
});
