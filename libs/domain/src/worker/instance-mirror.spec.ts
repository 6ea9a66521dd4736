import { anInstance, aScheduler, waitFor } from '@maestro/testing';
import { silentLogger } from '../ports/logger.port';
import type { InstanceEvent, Runtime } from '../ports/runtime.port';
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
});
