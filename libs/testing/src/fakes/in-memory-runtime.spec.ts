import { aScheduler } from '../builders';
import { runtimeCreationAbortContract } from '../contracts/runtime-creation-abort.contract';
import { InMemoryRuntime } from './in-memory-runtime';

describe('InMemoryRuntime', () => {
  let runtime: InMemoryRuntime;
  const scheduler = aScheduler().withName('fake').build();

  beforeEach(async () => {
    runtime = new InMemoryRuntime();
    await runtime.createScheduler(scheduler);
  });

  runtimeCreationAbortContract(() => ({
    runtime,
    scheduler,
    holdCreations: () => runtime.holdCreations(),
    holdAnswers: () => runtime.holdAnswers(),
    held: () => runtime.held,
    release: () => runtime.release(),
    podExists: async (roomId) => runtime.hasPod(scheduler.name, roomId),
  }));

  it('lets held creations land on release', async () => {
    runtime.holdCreations();
    const creating = runtime.createGameRoomInstance(scheduler, 'fake-00001', scheduler.spec);
    expect(runtime.held).toBe(1);
    expect(runtime.hasPod('fake', 'fake-00001')).toBe(false);
    runtime.release();
    await expect(creating).resolves.toMatchObject({ id: 'fake-00001', status: { type: 'pending' } });
    expect(runtime.hasPod('fake', 'fake-00001')).toBe(true);
  });

  it('tells watchers of added and deleted pods, and refuses a pod that exists', async () => {
    const events: string[] = [];
    const watcher = await runtime.watchGameRoomInstances(scheduler, (event) => void events.push(`${event.type} ${event.instance.id}`));
    const instance = await runtime.createGameRoomInstance(scheduler, 'fake-00002', scheduler.spec);
    await expect(runtime.createGameRoomInstance(scheduler, 'fake-00002', scheduler.spec)).rejects.toThrow('already exists');
    await runtime.deleteGameRoomInstance(instance, 'scale_down');
    await expect(runtime.deleteGameRoomInstance(instance, 'scale_down')).rejects.toThrow('not found');
    await watcher.stop();
    await runtime.createGameRoomInstance(scheduler, 'fake-00003', scheduler.spec);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['added fake-00002', 'deleted fake-00002']);
    expect(runtime.deletions).toEqual([{ roomId: 'fake-00002', reason: 'scale_down' }]);
    expect(runtime.listenerErrors).toEqual([]);
  });
});
