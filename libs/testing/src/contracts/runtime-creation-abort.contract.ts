import type { Runtime, Scheduler } from '@maestro/domain';
import { waitFor } from '../wait-for';

/** What the contract needs of one Runtime implementation and of the cluster (real or played) behind it. */
export interface RuntimeCreationAbortHarness {
  runtime: Runtime;
  /** A scheduler whose namespace exists. */
  scheduler: Scheduler;
  /** From now on, creations are held before their pod lands. */
  holdCreations(): void;
  /** From now on, pods land at once but the creations' answers are held. */
  holdAnswers(): void;
  /** Creations held right now. */
  held(): number;
  /** Ends the holds. */
  release(): void;
  /** Whether the room's pod exists and is not being deleted. */
  podExists(roomId: string): Promise<boolean>;
}

/**
 * The abort part of `Runtime.createGameRoomInstance`'s contract: a creation rejects with the signal's
 * reason once aborted and leaves no pod, whether the cluster had carried it out or not. Run by every
 * implementation (KubernetesRuntime on kube-sim, InMemoryRuntime); `harness` is read in each test.
 */
export function runtimeCreationAbortContract(harness: () => RuntimeCreationAbortHarness): void {
  describe('Runtime contract: aborted instance creation', () => {
    const create = (h: RuntimeCreationAbortHarness, roomId: string, signal: AbortSignal) =>
      h.runtime.createGameRoomInstance(h.scheduler, roomId, h.scheduler.spec, { signal });

    afterEach(() => harness().release());

    it('rejects an already aborted creation with its reason and creates no pod', async () => {
      const h = harness();
      const roomId = `${h.scheduler.name}-abrt0`;
      const reason = new Error('room creation timed out after 5000 ms');
      await expect(create(h, roomId, AbortSignal.abort(reason))).rejects.toBe(reason);
      expect(await h.podExists(roomId)).toBe(false);
    });

    it('rejects at once a creation aborted before its pod landed, and the pod never lands', async () => {
      const h = harness();
      const roomId = `${h.scheduler.name}-abrt1`;
      const reason = new Error('context canceled');
      h.holdCreations();
      const controller = new AbortController();
      const creating = create(h, roomId, controller.signal);
      await waitFor(() => h.held() === 1, { description: 'the creation held by the cluster' });
      controller.abort(reason);
      await expect(creating).rejects.toBe(reason);
      await waitFor(() => h.held() === 0, { description: 'the cluster done with the aborted creation' });
      h.release();
      expect(await h.podExists(roomId)).toBe(false);
    });

    it('deletes the pod of a creation aborted after the pod landed but before the answer', async () => {
      const h = harness();
      const roomId = `${h.scheduler.name}-abrt2`;
      const reason = new Error('room creation timed out after 5000 ms');
      h.holdAnswers();
      const controller = new AbortController();
      const creating = create(h, roomId, controller.signal);
      await waitFor(() => h.podExists(roomId), { description: 'the pod landed' });
      controller.abort(reason);
      await expect(creating).rejects.toBe(reason);
      expect(await h.podExists(roomId)).toBe(false);
    });

    it('creates the pod when the signal does not abort', async () => {
      const h = harness();
      const roomId = `${h.scheduler.name}-abrt3`;
      const created = await create(h, roomId, new AbortController().signal);
      expect(created).toMatchObject({ id: roomId, schedulerId: h.scheduler.name });
      expect(await h.podExists(roomId)).toBe(true);
    });
  });
}
