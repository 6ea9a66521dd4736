import { OperationName, addRoomsDefinition, removeRoomsDefinition, testOperationDefinition } from '@maestro/domain';
import { aGameRoom, anInstance, waitFor } from '@maestro/testing';
import { simulatedRooms } from './testing/simulated-rooms';
import { WorkerStack } from './testing/worker-stack';

describe('worker operations on kube-sim', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    // Rooms are created two at a time, so that an add_rooms can be caught in the middle; a room
    // creation times out after 2 s (5 s by default).
    stack = await WorkerStack.start({
      MAESTRO_OPERATIONS_ROOMS_ADD_BATCHSIZE: '2',
      MAESTRO_OPERATIONS_ROOMS_ADD_OPERATIONTIMEOUT: '2s',
      MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONTIMEOUTMILLIS: '5000',
      MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONATTEMPTS: '2',
      MAESTRO_REPORTER_METRICS_INTERVALMILLIS: '200',
    });
  });

  afterAll(() => stack.stop());

  const finalOps = async (name: string) =>
    (await stack.operations.listOperations(name, { stage: 'final', sortOrder: 'asc', page: 1, perPage: 100 })).operations;
  const readyRooms = (name: string) => stack.storage.rooms.getRoomCountByStatus(name, 'ready');

  it('forgets rooms whose pods are gone (Redis kept them across a cluster restart)', async () => {
    const longAgo = new Date(Date.now() - 120_000);
    await stack.storage.rooms.createRoom(
      aGameRoom({ id: 'haunted-ghost', schedulerId: 'haunted', status: 'ready', createdAt: longAgo, lastPingAt: new Date() }),
    );
    await stack.storage.instances.upsertInstance(anInstance({ id: 'haunted-ghost', schedulerId: 'haunted' }));
    await stack.schedulers.createScheduler(simulatedRooms('haunted', 0));
    await waitFor(async () => (await stack.storage.rooms.getRoomCount('haunted')) === 0 && (await stack.storage.instances.getInstanceCount('haunted')) === 0, {
      timeoutMs: 15_000,
      description: 'the ghost room removed',
    });
  });

  it('creates the scheduler namespace, then rooms up to roomsReplicas that become ready', async () => {
    await stack.schedulers.createScheduler(simulatedRooms('fleet', 2));
    await waitFor(async () => (await stack.storage.schedulers.getScheduler('fleet')).state === 'in-sync', {
      timeoutMs: 15_000,
      description: 'scheduler in-sync',
    });
    expect((await stack.kube('/api/v1/namespaces/fleet')).status).toBe(200);
    await waitFor(async () => (await readyRooms('fleet')) === 2, { timeoutMs: 20_000, description: '2 ready rooms' });
    const pods = (await stack.kube('/api/v1/namespaces/fleet/pods')).body.items;
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.labels).toMatchObject({ heritage: 'maestro', 'maestro-scheduler': 'fleet', version: 'v1.0.0' });
    const created = (await finalOps('fleet')).find((op) => op.definitionName === OperationName.CreateScheduler);
    expect(created?.status).toBe('finished');
    const history = (await stack.operations.getOperation('fleet', created!.id)).executionHistory.map((e) => e.event);
    expect(history).toEqual(['Created', 'Starting operation', 'Operation finished']);
    // The metrics reporter publishes rooms per scheduler and status.
    await waitFor(async () => /maestro_rooms\{scheduler="fleet",game="my-game",status="ready"\} 2/.test((await stack.worker.internal('/metrics')).body), {
      timeoutMs: 5_000,
      description: 'the ready-rooms gauge',
    });
  });

  it('scales with a minor version (PATCH roomsReplicas) and keeps the pods', async () => {
    const before = (await stack.kube('/api/v1/namespaces/fleet/pods')).body.items.map((p: { metadata: { name: string } }) => p.metadata.name);
    await stack.schedulers.patchScheduler('fleet', { roomsReplicas: 3 });
    await waitFor(async () => (await stack.storage.schedulers.getScheduler('fleet')).spec.version === 'v1.1.0', {
      timeoutMs: 15_000,
      description: 'v1.1.0 active',
    });
    await waitFor(async () => (await readyRooms('fleet')) === 3, { timeoutMs: 20_000, description: '3 ready rooms' });
    const after = (await stack.kube('/api/v1/namespaces/fleet/pods')).body.items.map((p: { metadata: { name: string } }) => p.metadata.name);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('scales down by the deletion priority when roomsReplicas drops', async () => {
    await stack.schedulers.patchScheduler('fleet', { roomsReplicas: 1 });
    await waitFor(async () => (await stack.storage.rooms.getRoomCount('fleet')) === 1, { timeoutMs: 20_000, description: '1 room left' });
    const removal = (await finalOps('fleet')).find((op) => op.definitionName === OperationName.RemoveRooms);
    expect(removal?.input).toMatchObject({ reason: 'scale_down' });
  });

  it('cancels a running operation and runs its rollback', async () => {
    const op = await stack.operations.createOperation('fleet', testOperationDefinition, { sleepSeconds: 100 });
    await waitFor(async () => (await stack.operations.getOperation('fleet', op.id)).status === 'in_progress', { timeoutMs: 15_000 });
    await stack.operations.cancelOperation('fleet', op.id);
    const ended = await waitFor(
      async () => {
        const current = await stack.operations.getOperation('fleet', op.id);
        return current.status === 'canceled' && current.executionHistory.some((e) => e.event === 'Operation finished') ? current : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(ended.executionHistory.map((e) => e.event)).toEqual(
      expect.arrayContaining(['Starting operation rollback', 'Operation rollback flow execution finished with success', 'Operation finished']),
    );
    await expect(stack.storage.leases.fetchLease('fleet', op.id)).rejects.toThrow();
  });

  it('lists as pending only the operations still waiting, not the running one', async () => {
    const running = await stack.operations.createOperation('fleet', testOperationDefinition, { sleepSeconds: 100 });
    await waitFor(async () => (await stack.operations.getOperation('fleet', running.id)).status === 'in_progress', { timeoutMs: 15_000 });
    const waiting = await stack.operations.createOperation('fleet', testOperationDefinition, { sleepSeconds: 100 });
    try {
      const pending = await stack.operations.listOperations('fleet', { stage: 'pending', sortOrder: 'desc', page: 1, perPage: 15 });
      // A health controller may wait in the queue too; the running operation must not be listed.
      const ids = pending.operations.map((op) => op.id);
      expect(ids).toContain(waiting.id);
      expect(ids).not.toContain(running.id);
      expect(pending.operations.every((op) => op.status === 'pending')).toBe(true);
      expect(pending).toMatchObject({ total: ids.length, pageSize: ids.length, page: 1 });
      const active = await stack.operations.listOperations('fleet', { stage: 'active', sortOrder: 'desc', page: 1, perPage: 15 });
      expect(active.operations.map((op) => op.id)).toEqual([running.id]);
    } finally {
      await stack.operations.cancelOperation('fleet', waiting.id);
      await stack.operations.cancelOperation('fleet', running.id);
      await waitFor(async () => (await stack.operations.getOperation('fleet', running.id)).status === 'canceled', { timeoutMs: 10_000 });
    }
  });

  it('refuses a major version whose validation room fails (image pull error injected) and rolls back', async () => {
    stack.sim.faults.failImagePull('broken:1');
    const active = await stack.storage.schedulers.getScheduler('fleet');
    const broken = { ...active, spec: { ...active.spec, containers: [{ ...active.spec.containers[0], image: 'broken:1' }] } };
    const op = await stack.schedulers.createNewSchedulerVersion(broken);
    const failed = await waitFor(
      async () => {
        const current = await stack.operations.getOperation('fleet', op.id);
        return current.status === 'error' && current.executionHistory.some((e) => e.event === 'Operation finished') ? current : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const events = failed.executionHistory.map((e) => e.event);
    expect(events).toContain('Major version detected, starting game room validation process...');
    const attempts = events.filter((e) => /^\dº Attempt: The room created for validation with ID fleet-\w{5} is entering in error state/.test(e));
    expect(attempts).toHaveLength(2);
    // The instance's status description, Go-quoted: the user's main clue for a broken image.
    for (const attempt of attempts) {
      expect(attempt).toMatch(
        /Last event in the game room: "(ErrImagePull: failed to pull and unpack image \\"broken:1\\": not found|ImagePullBackOff: Back-off pulling image \\"broken:1\\")"$/,
      );
    }
    expect(events).toContain('All validation attempts have failed, operation aborted!');
    expect(events).toContain('Operation rollback flow execution finished with success');
    const after = await stack.storage.schedulers.getScheduler('fleet');
    expect(after).toMatchObject({ state: 'in-sync', spec: { version: active.spec.version } });
    await waitFor(async () => (await stack.storage.rooms.getRoomCount('fleet')) === active.roomsReplicas, {
      timeoutMs: 15_000,
      description: 'validation rooms gone',
    });
  });

  it('fails add_rooms when pod creation keeps failing (5xx injected in kube-sim)', async () => {
    stack.sim.faults.setApiFaults({ errorRate: 1, errorCode: 500, verbs: ['create'], resources: ['pods'] });
    try {
      const op = await stack.operations.createOperation('fleet', addRoomsDefinition, { amount: 3 });
      const failed = await waitFor(
        async () => {
          const current = await stack.operations.getOperation('fleet', op.id);
          return current.status === 'error' ? current : undefined;
        },
        { timeoutMs: 20_000 },
      );
      expect(failed.executionHistory.map((e) => e.event)).toContain('more rooms failed than succeeded, errors: 3 and successes: 0 of amount: 3');
    } finally {
      stack.sim.faults.reset();
    }
  });

  it('counts rooms whose pod creation outlives the timeout as failed, and none of them is left (latency injected in kube-sim)', async () => {
    const livePods = async () =>
      (await stack.kube('/api/v1/namespaces/fleet/pods')).body.items.filter((p: { metadata: { deletionTimestamp?: string } }) => !p.metadata.deletionTimestamp)
        .length;
    const [rooms, pods, abandoned] = [await stack.storage.rooms.getRoomCount('fleet'), await livePods(), stack.sim.faults.latency.abandoned];
    stack.sim.faults.setApiFaults({ latencyMs: 600_000, verbs: ['create'], resources: ['pods'] });
    try {
      const op = await stack.operations.createOperation('fleet', addRoomsDefinition, { amount: 2 });
      const failed = await failedWith('fleet', op.id);
      expect(failed.executionHistory.map((e) => e.event)).toContain('more rooms failed than succeeded, errors: 2 and successes: 0 of amount: 2');
      // Both pod requests were aborted while kube-sim held them: neither can land later.
      await waitFor(() => stack.sim.faults.latency.held === 0, { description: 'the held pod creations dropped' });
      expect(stack.sim.faults.latency.abandoned - abandoned).toBe(2);
      expect(await livePods()).toBe(pods);
      expect(await stack.storage.rooms.getRoomCount('fleet')).toBe(rooms);
    } finally {
      stack.sim.faults.reset();
    }
  });

  it('cancels a running add_rooms between batches: fewer rooms, operation canceled, rollback run', async () => {
    stack.sim.faults.setApiFaults({ latencyMs: 300, verbs: ['create'], resources: ['pods'] });
    try {
      const op = await stack.operations.createOperation('fleet', addRoomsDefinition, { amount: 20 });
      await waitFor(async () => (await stack.operations.getOperation('fleet', op.id)).status === 'in_progress', { timeoutMs: 15_000 });
      await stack.operations.cancelOperation('fleet', op.id);
      const ended = await waitFor(
        async () => {
          const current = await stack.operations.getOperation('fleet', op.id);
          // 'Operation finished' is written right after the final status.
          return current.status === 'canceled' && current.executionHistory.some((e) => e.event === 'Operation finished') ? current : undefined;
        },
        { timeoutMs: 15_000 },
      );
      // Maestro's failure path lines (the status stays canceled: docs/compatibility/domain.md).
      expect(ended.executionHistory.map((e) => e.event)).toEqual(
        expect.arrayContaining(['operation execution failed', 'Starting operation rollback', 'Operation finished']),
      );
      expect(ended.executionHistory.map((e) => e.event)).not.toContain('context canceled');
      expect(ended.executionHistory.map((e) => e.event)).not.toContain('added 20 rooms');
    } finally {
      stack.sim.faults.reset();
    }
  });

  it('fails create_scheduler when the namespace exists and rolls the scheduler back', async () => {
    await fetch(`${stack.sim.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'taken' } }),
    });
    const { operation } = await stack.schedulers.createScheduler(simulatedRooms('taken', 0));
    const failed = await waitFor(
      async () => {
        const current = await stack.operations.getOperation('taken', operation.id);
        return current.status === 'error' ? current : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(failed.executionHistory.map((e) => e.event)).toContain("error creating scheduler in runtime: scheduler 'taken' already exists");
    await expect(stack.storage.schedulers.getScheduler('taken')).rejects.toThrow('scheduler taken not found');
  });

  const failedWith = async (name: string, id: string) =>
    waitFor(
      async () => {
        const current = await stack.operations.getOperation(name, id);
        return current.status === 'error' && current.executionHistory.some((e) => e.event === 'Operation finished') ? current : undefined;
      },
      { timeoutMs: 20_000 },
    );

  it('fails remove_rooms when pods cannot be deleted (5xx injected in kube-sim); the room stays', async () => {
    const before = await stack.storage.rooms.getRoomCount('fleet');
    stack.sim.faults.setApiFaults({ errorRate: 1, errorCode: 500, verbs: ['delete'], resources: ['pods'] });
    try {
      const op = await stack.operations.createOperation('fleet', removeRoomsDefinition, { amount: 1, rooms_ids: null, reason: 'scale_down' });
      const failed = await failedWith('fleet', op.id);
      expect(failed.executionHistory.some((e) => /^error removing room "fleet-\w{5}"\. Reason => /.test(e.event))).toBe(true);
      expect(await stack.storage.rooms.getRoomCount('fleet')).toBe(before);
    } finally {
      stack.sim.faults.reset();
    }
  });

  it('fails delete_scheduler when the namespace cannot be deleted; the scheduler stays in Postgres', async () => {
    stack.sim.faults.setApiFaults({ errorRate: 1, errorCode: 500, verbs: ['delete'], resources: ['namespaces'] });
    try {
      const op = await stack.schedulers.deleteScheduler('fleet');
      const failed = await failedWith('fleet', op.id);
      expect(failed.executionHistory.some((e) => e.event.startsWith('error deleting scheduler: '))).toBe(true);
      expect((await stack.storage.schedulers.getScheduler('fleet')).name).toBe('fleet');
      expect((await stack.kube('/api/v1/namespaces/fleet')).status).toBe(200);
    } finally {
      stack.sim.faults.reset();
    }
  });

  it('deletes the scheduler: rows, namespace and pods', async () => {
    await stack.schedulers.deleteScheduler('fleet');
    await waitFor(async () => (await stack.kube('/api/v1/namespaces/fleet')).status === 404, { timeoutMs: 20_000, description: 'namespace gone' });
    // The Postgres delete commits once the instances are gone, after the namespace.
    await waitFor(
      async () =>
        stack.storage.schedulers.getScheduler('fleet').then(
          () => false,
          (error: Error) => error.message.includes('not found'),
        ),
      {
        timeoutMs: 20_000,
        description: 'scheduler row gone',
      },
    );
    await expect(stack.storage.schedulers.getScheduler('fleet')).rejects.toThrow('scheduler fleet not found');
  });
});
