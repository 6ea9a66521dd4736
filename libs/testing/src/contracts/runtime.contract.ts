import {
  AlreadyExistsError,
  type InstanceEvent,
  type InstanceWatcher,
  InvalidArgumentError,
  NotFoundError,
  type Runtime,
  type Scheduler,
} from '@maestro/domain';
import { aScheduler } from '../builders';
import { waitFor } from '../wait-for';

/** What the contract needs of one Runtime implementation and of the cluster (real or played) behind it. */
export interface RuntimeHarness {
  runtime: Runtime;
  /** Whether the scheduler's namespace exists and is not being deleted. */
  namespaceExists(schedulerName: string): Promise<boolean>;
  /** Whether the room's pod exists and is not being deleted. */
  podExists(schedulerName: string, roomId: string): Promise<boolean>;
  /** minAvailable of the scheduler's disruption budget; undefined when it has none. */
  minAvailable(schedulerName: string): Promise<number | undefined>;
  /** The reasons recorded on the room's pod when it was deleted. */
  deletionReasons(schedulerName: string, roomId: string): Promise<string[]>;
}

/**
 * The Runtime port's contract (apart from aborted creations: runtimeCreationAbortContract), run
 * against KubernetesRuntime on kube-sim and the InMemoryRuntime fake. `harness` is read in each
 * test; scheduler names are unique per test.
 */
export function runtimeContract(harness: () => RuntimeHarness): void {
  describe('Runtime contract', () => {
    let names = 0;
    /** A NotFoundError with this message, whatever its cause. */
    const notFound = (message: string) => expect.objectContaining({ constructor: NotFoundError, message });
    const watchers: InstanceWatcher[] = [];
    /** A scheduler whose pods are deleted within a second. */
    const aSchedulerNamed = (name: string): Scheduler => aScheduler().withName(name).withTerminationGracePeriodNs(1e9).build();
    const aNewScheduler = async (): Promise<Scheduler> => {
      const scheduler = aSchedulerNamed(`runtime-contract-${++names}`);
      await harness().runtime.createScheduler(scheduler);
      return scheduler;
    };
    const watch = async (scheduler: Scheduler) => {
      const events: InstanceEvent[] = [];
      const watcher = await harness().runtime.watchGameRoomInstances(scheduler, (event) => void events.push(event));
      watchers.push(watcher);
      const seen = (type: InstanceEvent['type'], roomId: string) => events.some((e) => e.type === type && e.instance.id === roomId);
      return { events, watcher, seen };
    };

    afterEach(async () => {
      await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
    });

    it('creates a scheduler once, with a disruption budget that lets every room go', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      expect(await h.namespaceExists(scheduler.name)).toBe(true);
      expect(await h.minAvailable(scheduler.name)).toBe(0);
      const again = h.runtime.createScheduler(scheduler);
      await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(again).rejects.toThrow(`scheduler '${scheduler.name}' already exists`);
    });

    it('deletes a scheduler with its budget and pods, and answers not found for one it does not have', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const roomId = h.runtime.createGameRoomName(scheduler);
      await h.runtime.createGameRoomInstance(scheduler, roomId, scheduler.spec);
      await h.runtime.deleteScheduler(scheduler);
      expect(await h.minAvailable(scheduler.name)).toBeUndefined();
      await waitFor(async () => !(await h.namespaceExists(scheduler.name)) && !(await h.podExists(scheduler.name, roomId)), {
        description: 'the namespace and its pod gone',
      });
      // A namespace being deleted may take a while to go: until then, deleting it again is no error.
      await waitFor(
        async () =>
          h.runtime.deleteScheduler(scheduler).then(
            () => false,
            (error: unknown) => error instanceof NotFoundError,
          ),
        {
          description: 'not found for the scheduler gone',
        },
      );
      await expect(h.runtime.deleteScheduler(scheduler)).rejects.toEqual(notFound(`scheduler '${scheduler.name}' not found`));
    });

    it('names rooms after their scheduler (cut to 58 characters) with 5 characters of their own, never twice', () => {
      const runtime = harness().runtime;
      const short = aSchedulerNamed('short');
      const long = aSchedulerNamed('a'.repeat(63));
      const names = Array.from({ length: 20 }, () => runtime.createGameRoomName(short));
      for (const name of names) expect(name).toMatch(/^short-[a-z0-9]{5}$/);
      expect(new Set(names).size).toBe(names.length);
      expect(runtime.createGameRoomName(long)).toMatch(new RegExp(`^${'a'.repeat(58)}-[a-z0-9]{5}$`));
    });

    it('creates a room pod and answers its instance, pending and without an address', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const roomId = h.runtime.createGameRoomName(scheduler);
      const created = await h.runtime.createGameRoomInstance(scheduler, roomId, scheduler.spec);
      expect(created).toMatchObject({ id: roomId, schedulerId: scheduler.name, status: { type: 'pending' }, version: scheduler.spec.version });
      expect(created.address).toBeUndefined();
      expect(created.resourceVersion).not.toBe('');
      expect(await h.podExists(scheduler.name, roomId)).toBe(true);
    });

    it('refuses a pod that exists, and a room name the cluster cannot take', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const roomId = h.runtime.createGameRoomName(scheduler);
      await h.runtime.createGameRoomInstance(scheduler, roomId, scheduler.spec);
      const twice = h.runtime.createGameRoomInstance(scheduler, roomId, scheduler.spec);
      await expect(twice).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(twice).rejects.toThrow(`error creating game room ${roomId}`);
      const invalid = h.runtime.createGameRoomInstance(scheduler, 'Not_A_Pod_Name', scheduler.spec);
      await expect(invalid).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(invalid).rejects.toThrow('error creating game room Not_A_Pod_Name');
    });

    it('deletes a room pod with its reason, and answers not found once it is gone', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const roomId = h.runtime.createGameRoomName(scheduler);
      const instance = await h.runtime.createGameRoomInstance(scheduler, roomId, scheduler.spec);
      await h.runtime.deleteGameRoomInstance(instance, 'scale_down');
      expect(await h.deletionReasons(scheduler.name, roomId)).toEqual(['scale_down']);
      await waitFor(async () => !(await h.podExists(scheduler.name, roomId)), { description: 'the pod gone' });
      await waitFor(
        async () =>
          h.runtime.deleteGameRoomInstance(instance, 'scale_down').then(
            () => false,
            (error: unknown) => error instanceof NotFoundError,
          ),
        {
          description: 'not found for the pod gone',
        },
      );
      const never = { ...instance, id: h.runtime.createGameRoomName(scheduler) };
      await expect(h.runtime.deleteGameRoomInstance(never, 'scale_down')).rejects.toEqual(notFound(`game room ${never.id} not found`));
    });

    it('delivers the pods that exist before the watch resolves, then the pods added and deleted', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const before = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      const { events, seen } = await watch(scheduler);
      expect(events.filter((e) => e.instance.id === before.id).map((e) => e.type)).toEqual(['added']);
      const later = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      await waitFor(() => seen('added', later.id), { description: 'the new pod added' });
      await h.runtime.deleteGameRoomInstance(later, 'scale_down');
      await waitFor(() => seen('deleted', later.id), { description: 'the pod deleted' });
      const deleted = events.find((e) => e.type === 'deleted' && e.instance.id === later.id);
      expect(deleted?.instance.schedulerId).toBe(scheduler.name);
      expect(events.every((e) => e.instance.schedulerId === scheduler.name)).toBe(true);
    });

    it("watches one scheduler's pods only", async () => {
      const h = harness();
      const [watched, other] = [await aNewScheduler(), await aNewScheduler()];
      const { events, seen } = await watch(watched);
      await h.runtime.createGameRoomInstance(other, h.runtime.createGameRoomName(other), other.spec);
      const mine = await h.runtime.createGameRoomInstance(watched, h.runtime.createGameRoomName(watched), watched.spec);
      await waitFor(() => seen('added', mine.id), { description: 'the watched pod added' });
      expect(events.every((e) => e.instance.schedulerId === watched.name)).toBe(true);
    });

    it('hands events one at a time: the next waits for the previous handler', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      let running = 0;
      let overlapped = false;
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const handled: string[] = [];
      const watcher = await h.runtime.watchGameRoomInstances(scheduler, async (event) => {
        running += 1;
        overlapped ||= running > 1;
        if (event.type === 'added') await gate;
        handled.push(`${event.type} ${event.instance.id}`);
        running -= 1;
      });
      watchers.push(watcher);
      const first = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      const second = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      await waitFor(() => running === 1, { description: 'the first event in its handler' });
      open();
      await waitFor(() => handled.includes(`added ${first.id}`) && handled.includes(`added ${second.id}`), { description: 'both pods handled' });
      expect(handled.indexOf(`added ${first.id}`)).toBeLessThan(handled.indexOf(`added ${second.id}`));
      expect(overlapped).toBe(false);
    });

    it('delivers every pod it holds again on request, as added, once the call resolves', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const pod = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      const watched = await watch(scheduler);
      await waitFor(() => watched.seen('added', pod.id), { description: 'the pod delivered' });
      watched.events.splice(0);
      await watched.watcher.redeliver();
      expect(watched.events.map((e) => `${e.type} ${e.instance.id}`)).toContain(`added ${pod.id}`);
      expect(watched.events.find((e) => e.instance.id === pod.id)?.instance.version).toBe(scheduler.spec.version);
    });

    it('delivers nothing once the watch is stopped', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const stopped = await watch(scheduler);
      const running = await watch(scheduler);
      await stopped.watcher.stop();
      const later = await h.runtime.createGameRoomInstance(scheduler, h.runtime.createGameRoomName(scheduler), scheduler.spec);
      await waitFor(() => running.seen('added', later.id), { description: 'the running watch served' });
      expect(stopped.events).toEqual([]);
    });

    it('keeps every room but a safety share available, none below two rooms', async () => {
      const h = harness();
      const scheduler = await aNewScheduler();
      const cases: [rooms: number, safety: number, minAvailable: number][] = [
        [20, 0.05, 19],
        [20, 0.2, 16],
        [20, 0.01, 19],
        [20, 1, 19],
        [101, 0.05, 95],
        [2, 0.5, 1],
        [1, 0.05, 0],
        [0, 0.05, 0],
      ];
      for (const [rooms, safety, expected] of cases) {
        await h.runtime.mitigateDisruption(scheduler, rooms, safety);
        expect([rooms, safety, await h.minAvailable(scheduler.name)]).toEqual([rooms, safety, expected]);
      }
    });
  });
}
