import { aScheduler } from '../builders';
import { waitFor } from '../wait-for';
import { runtimeCreationAbortContract } from '../contracts/runtime-creation-abort.contract';
import { runtimeContract } from '../contracts/runtime.contract';
import { InMemoryRuntime } from './in-memory-runtime';

describe('InMemoryRuntime', () => {
  let runtime: InMemoryRuntime;
  const scheduler = aScheduler().withName('fake').build();

  beforeEach(async () => {
    runtime = new InMemoryRuntime();
    await runtime.createScheduler(scheduler);
  });

  runtimeContract(() => ({
    runtime,
    namespaceExists: async (name) => runtime.namespaces.has(name),
    podExists: async (name, roomId) => runtime.hasPod(name, roomId),
    minAvailable: async (name) => runtime.budgets.get(name),
    deletionReasons: async (name, roomId) => runtime.deletions.filter((d) => d.schedulerName === name && d.roomId === roomId).map((d) => d.reason),
  }));

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

  it('moves a pod to another status and tells the watchers, with an address once ready', async () => {
    const events: string[] = [];
    const watcher = await runtime.watchGameRoomInstances(
      scheduler,
      (event) => void events.push(`${event.type} ${event.instance.status.type} ${event.instance.address?.host ?? '-'}`),
    );
    await runtime.createGameRoomInstance(scheduler, 'fake-00002', scheduler.spec);
    expect(runtime.setInstanceStatus('fake', 'fake-00002', 'ready')).toMatchObject({ status: { type: 'ready' }, address: { host: '127.0.0.1' } });
    await waitFor(() => events.length === 2, { description: 'both events' });
    await watcher.stop();
    expect(events).toEqual(['added pending -', 'updated ready 127.0.0.1']);
    expect(() => runtime.setInstanceStatus('fake', 'nobody', 'ready')).toThrow('game room nobody not found');
  });

  it('keeps what watch listeners threw', async () => {
    const failure = new Error('listener failed');
    const watcher = await runtime.watchGameRoomInstances(scheduler, () => Promise.reject(failure));
    await runtime.createGameRoomInstance(scheduler, 'fake-00003', scheduler.spec);
    await watcher.stop();
    expect(runtime.listenerErrors).toEqual([failure]);
  });
});
