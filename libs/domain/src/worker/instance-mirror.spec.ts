import {
  aGameRoom,
  anInstance,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemoryRuntime,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
  waitFor,
} from '@maestro/testing';
import { silentLogger } from '../ports/logger.port';
import type { InstanceEvent, Runtime } from '../ports/runtime.port';
import { RoomStatusService } from '../services/room-status.service';
import { SchedulerLookup } from '../services/scheduler-lookup';
import { InstanceMirror } from './instance-mirror';

/** A runtime whose first pod list fails until `listSucceeds` is called (a 429/5xx storm). */
function stormyRuntime() {
  let succeed: () => void = () => undefined;
  const listed = new Promise<void>((resolve) => (succeed = resolve));
  const started: AbortSignal[] = [];
  const runtime = {
    watchGameRoomInstances: async (_scheduler: unknown, onEvent: (event: InstanceEvent) => Promise<void> | void, options?: { signal?: AbortSignal }) => {
      const signal = options?.signal ?? new AbortController().signal;
      started.push(signal);
      await Promise.race([listed, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
      await onEvent({ type: 'added', instance: anInstance({ id: 'fleet-alive', schedulerId: 'fleet' }) });
      return { stop: async () => undefined };
    },
  } as unknown as Runtime;
  return { runtime, started, listSucceeds: () => succeed() };
}

describe('InstanceMirror', () => {
  const scheduler = aScheduler().withName('fleet').build();

  function mirrorOf(runtime: Runtime) {
    const removed: string[] = [];
    const applied: string[] = [];
    const mirror = new InstanceMirror({
      runtime,
      statuses: {
        applyInstance: async (instance: { id: string }) => void applied.push(instance.id),
        removeInstance: async (instance: { id: string }) => void removed.push(instance.id),
      } as never,
      rooms: { findRoom: async () => ({ createdAt: new Date(0) }) } as never,
      instances: {
        getAllInstances: async () => [anInstance({ id: 'fleet-alive', schedulerId: 'fleet' }), anInstance({ id: 'fleet-ghost', schedulerId: 'fleet' })],
      } as never,
      logger: silentLogger,
    });
    return { mirror, removed, applied };
  }

  /** The in-memory runtime and storage with the real RoomStatusService between them. */
  async function fakeCluster() {
    const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    const schedulers = new InMemorySchedulerStorage(clock);
    await schedulers.createScheduler(scheduler);
    const rooms = new InMemoryRoomStorage();
    const instances = new InMemoryInstanceStorage();
    const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
    const statuses = new RoomStatusService({ rooms, instances, schedulers: lookup, clock, logger: silentLogger }, { allocationTtlMs: 300_000 });
    return { runtime: new InMemoryRuntime(), rooms, instances, statuses };
  }

  it('starts without waiting for the first list, and removes ghosts only once a list was delivered', async () => {
    const storm = stormyRuntime();
    const { mirror, removed, applied } = mirrorOf(storm.runtime);
    mirror.start(scheduler);
    expect(storm.started).toHaveLength(1);
    expect(removed).toEqual([]);
    storm.listSucceeds();
    await mirror.whenStarted();
    expect(applied).toEqual(['fleet-alive']);
    expect(removed).toEqual(['fleet-ghost']);
    await mirror.stop();
  });

  it('stops while the first list is still failing: the watch is aborted and nothing is removed', async () => {
    const storm = stormyRuntime();
    const { mirror, removed } = mirrorOf(storm.runtime);
    mirror.start(scheduler);
    await waitFor(() => storm.started.length === 1);
    await mirror.stop();
    expect(storm.started[0].aborted).toBe(true);
    expect(removed).toEqual([]);
  });

  it('rebuilds the records of live pods that storage lost, and leaves complete records alone', async () => {
    const { runtime, rooms, instances, statuses } = await fakeCluster();
    const mirror = new InstanceMirror({ runtime, statuses, rooms, instances, logger: silentLogger });
    mirror.start(scheduler);
    await mirror.whenStarted();
    const pods = ['fleet-a', 'fleet-b'];
    for (const id of pods) await runtime.createGameRoomInstance(scheduler, id, scheduler.spec);
    await waitFor(async () => (await rooms.getRoomCount('fleet')) === 2, { description: 'both rooms recorded' });
    expect(await mirror.repair('fleet')).toBe(false);

    // Redis restarted empty: every record is gone, the pods are not.
    for (const id of pods) {
      await rooms.deleteRoom('fleet', id);
      await instances.deleteInstance('fleet', id);
    }
    expect(await mirror.repair('fleet')).toBe(true);
    expect((await rooms.getAllRoomIds('fleet')).sort()).toEqual(pods);
    expect((await instances.getAllInstances('fleet')).map((i) => i.id).sort()).toEqual(pods);

    // A fault left one record partial: still listed by status, unreadable.
    rooms.leavePartial('fleet', 'fleet-a');
    expect(await mirror.repair('fleet')).toBe(true);
    expect(await rooms.findRoom('fleet', 'fleet-a')).toMatchObject({ id: 'fleet-a', schedulerId: 'fleet' });
    expect(await mirror.repair('fleet')).toBe(false);
    await mirror.stop();
  });

  it('keeps the records of a pod the watch has not reported yet, however old its room', async () => {
    const { runtime, rooms, instances, statuses } = await fakeCluster();
    const mirror = new InstanceMirror({ runtime, statuses, rooms, instances, logger: silentLogger });
    mirror.start(scheduler);
    await mirror.whenStarted();
    await runtime.createGameRoomInstance(scheduler, 'fleet-seen', scheduler.spec);
    await waitFor(async () => (await rooms.getRoomCount('fleet')) === 1, { description: 'the reported pod recorded' });
    // add_rooms wrote these records; the pod's events are still queued behind others (a busy watch).
    const createdAt = new Date(Date.now() - 3_600_000);
    await rooms.createRoom(aGameRoom({ id: 'fleet-queued', schedulerId: 'fleet', createdAt, lastPingAt: createdAt }));
    await instances.upsertInstance(anInstance({ id: 'fleet-queued', schedulerId: 'fleet' }));

    await mirror.repair('fleet');

    expect((await rooms.getAllRoomIds('fleet')).sort()).toEqual(['fleet-queued', 'fleet-seen']);
    expect((await instances.getAllInstances('fleet')).map((i) => i.id).sort()).toEqual(['fleet-queued', 'fleet-seen']);
    await mirror.stop();
  });

  it('removes the records of a pod whose deletion could not be written, at the next repair', async () => {
    const { runtime, rooms, instances, statuses } = await fakeCluster();
    // Redis fails while the deletion event is applied: the records outlive the pod.
    let failRemoval = false;
    const flaky = Object.assign(Object.create(statuses) as RoomStatusService, {
      removeInstance: async (instance: Parameters<RoomStatusService['removeInstance']>[0]) => {
        if (failRemoval) throw new Error('connection lost');
        return statuses.removeInstance(instance);
      },
    });
    const mirror = new InstanceMirror({ runtime, statuses: flaky, rooms, instances, logger: silentLogger });
    mirror.start(scheduler);
    await mirror.whenStarted();
    for (const id of ['fleet-a', 'fleet-b']) await runtime.createGameRoomInstance(scheduler, id, scheduler.spec);
    await waitFor(async () => (await instances.getAllInstances('fleet')).length === 2, { description: 'both pods mirrored' });

    failRemoval = true;
    const [gone] = await instances.getAllInstances('fleet').then((all) => all.filter((i) => i.id === 'fleet-a'));
    await runtime.deleteGameRoomInstance(gone, 'scale_down');
    await waitFor(() => runtime.listenerErrors.length === 1, { description: 'the deletion event failed' });
    failRemoval = false;

    await mirror.repair('fleet');
    expect((await instances.getAllInstances('fleet')).map((i) => i.id)).toEqual(['fleet-b']);
    expect(await rooms.getAllRoomIds('fleet')).toEqual(['fleet-b']);
    await mirror.stop();
  });
});
