import { waitFor } from '@maestro/testing';
import { simulatedRooms } from './testing/simulated-rooms';
import { WorkerStack } from './testing/worker-stack';

interface PodList {
  items: { metadata: { name: string; deletionTimestamp?: string } }[];
}

/** docs/architecture.md "Where data lives": Redis restarted empty loses rooms, never pods. */
describe('a Redis that restarts empty', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start();
  });

  afterAll(() => stack.stop());

  const podNames = async (name: string) => ((await stack.kube(`/api/v1/namespaces/${name}/pods`)).body as PodList).items.map((pod) => pod.metadata.name).sort();

  it('gets the rooms of the existing pods back, and no second fleet', async () => {
    await stack.schedulers.createScheduler(simulatedRooms('amnesia', 3));
    await waitFor(async () => (await stack.storage.rooms.getRoomCountByStatus('amnesia', 'ready')) === 3, { timeoutMs: 20_000, description: '3 ready rooms' });
    const pods = await podNames('amnesia');
    expect(pods).toHaveLength(3);

    await stack.worker.redis.wipe();
    const wipedAt = Date.now();

    await waitFor(
      async () => {
        const ready = await stack.storage.rooms.getRoomIdsByStatus('amnesia', 'ready');
        return JSON.stringify(ready.sort()) === JSON.stringify(pods);
      },
      { timeoutMs: 20_000, description: 'the rooms of the 3 pods ready again' },
    );
    // Two health controllers that found nothing to do after the loss (the no-action list of
    // docs/spec/storage.md, scored in seconds): the first may have started before the rooms were back.
    const noActionKey = `${stack.worker.redis.keyPrefix}operations:amnesia:lists:noaction`;
    await waitFor(async () => (await stack.worker.redis.client.zcount(noActionKey, Math.ceil(wipedAt / 1000), '+inf')) >= 2, {
      timeoutMs: 20_000,
      description: 'health controllers with nothing to do after the loss',
    });
    expect(await podNames('amnesia')).toEqual(pods);
    expect((await stack.storage.rooms.getAllRoomIds('amnesia')).sort()).toEqual(pods);
  });

  it('makes a partial room record whole again, and starts no pod in its place', async () => {
    await stack.schedulers.createScheduler(simulatedRooms('halved', 2));
    await waitFor(async () => (await stack.storage.rooms.getRoomCountByStatus('halved', 'ready')) === 2, { timeoutMs: 20_000, description: '2 ready rooms' });
    const pods = await podNames('halved');
    const { client, keyPrefix } = stack.worker.redis;
    // What a fault can leave: a room still in the status set, without its ping score.
    await client.zrem(`${keyPrefix}scheduler:halved:ping`, pods[0]);
    const halvedAt = Date.now();

    await waitFor(async () => (await stack.storage.rooms.findRoom('halved', pods[0]))?.status === 'ready', {
      timeoutMs: 20_000,
      description: 'the partial room whole and ready again',
    });
    const noActionKey = `${keyPrefix}operations:halved:lists:noaction`;
    await waitFor(async () => (await client.zcount(noActionKey, Math.ceil(halvedAt / 1000), '+inf')) >= 2, {
      timeoutMs: 20_000,
      description: 'health controllers with nothing to do after the fault',
    });
    expect(await podNames('halved')).toEqual(pods);
    expect(await stack.storage.rooms.getRoomIdsByStatus('halved', 'ready').then((ids) => ids.sort())).toEqual(pods);
  });
});
