import type { SchedulerCache } from '@maestro/domain';
import { aForwarder, aRoomOccupancyAutoscaling, aScheduler } from '../builders';
import { waitFor } from '../wait-for';

/**
 * The SchedulerCache port's contract, run against every implementation (the Redis adapter and
 * the in-memory fake). `cache()` answers the implementation under test; names are unique per test.
 */
export function schedulerCacheContract(cache: () => SchedulerCache): void {
  describe('SchedulerCache contract', () => {
    let names = 0;
    const aName = () => `contract-${++names}`;

    it('misses an unknown scheduler and answers its generation', async () => {
      const read = await cache().read(aName());
      expect(read).toEqual({ generation: expect.any(String), unchanged: false, scheduler: undefined });
    });

    it('answers a cached scheduler as it was stored', async () => {
      const name = aName();
      const scheduler = aScheduler().withName(name).withAutoscaling(aRoomOccupancyAutoscaling()).withForwarders(aForwarder()).withLabels({}).build();
      const { generation } = await cache().read(name);
      expect(await cache().setScheduler(scheduler, 60_000, generation)).toBe(true);
      expect(await cache().read(name)).toEqual({ generation, unchanged: false, scheduler });
    });

    // Maestro's Go shape has no such field, and the watch is the health controller's, read from storage.
    it("leaves out a rolling update's watch: its readers see none", async () => {
      const name = aName();
      const scheduler = aScheduler().withName(name).build();
      const rollout = { version: 'v2.0.0', previousVersion: 'v1.0.0', startedAt: new Date('2026-01-02T10:00:00Z'), fleetSize: 3, failedRooms: [] };
      const { generation } = await cache().read(name);
      await cache().setScheduler({ ...scheduler, rollout }, 60_000, generation);
      const read = await cache().read(name);
      expect(read.scheduler).toEqual(scheduler);
      expect(read.scheduler).not.toHaveProperty('rollout');
    });

    it('answers unchanged, without the entry, to a caller that knows the current generation', async () => {
      const name = aName();
      const { generation } = await cache().read(name);
      await cache().setScheduler(aScheduler().withName(name).build(), 60_000, generation);
      expect(await cache().read(name, generation)).toEqual({ generation, unchanged: true });
      await cache().invalidate(name);
      expect(await cache().read(name, generation)).toMatchObject({ unchanged: false, scheduler: undefined });
    });

    it('drops the entry and moves the generation on when invalidated, known or not', async () => {
      const name = aName();
      const before = await cache().read(name);
      await cache().setScheduler(aScheduler().withName(name).build(), 60_000, before.generation);
      await cache().invalidate(name);
      const after = await cache().read(name);
      expect(after.scheduler).toBeUndefined();
      expect(after.generation).not.toBe(before.generation);
      await expect(cache().invalidate(aName())).resolves.toBeUndefined();
    });

    it('refuses to cache what was read before an invalidation, and caches what was read after it', async () => {
      const name = aName();
      const { generation: beforeSwitch } = await cache().read(name);
      await cache().invalidate(name);
      expect(await cache().setScheduler(aScheduler().withName(name).withVersion('v1.0.0').build(), 60_000, beforeSwitch)).toBe(false);
      expect((await cache().read(name)).scheduler).toBeUndefined();
      const { generation: afterSwitch } = await cache().read(name);
      expect(await cache().setScheduler(aScheduler().withName(name).withVersion('v1.1.0').build(), 60_000, afterSwitch)).toBe(true);
      expect((await cache().read(name)).scheduler?.spec.version).toBe('v1.1.0');
    });

    it('keeps every generation seen before an invalidation stale, however many followed', async () => {
      const name = aName();
      const seen = [(await cache().read(name)).generation];
      for (let i = 0; i < 3; i++) {
        await cache().invalidate(name);
        seen.push((await cache().read(name)).generation);
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const stale of seen.slice(0, -1)) expect(await cache().setScheduler(aScheduler().withName(name).build(), 60_000, stale)).toBe(false);
    });

    it('forgets an entry once its time to live has passed', async () => {
      const name = aName();
      const { generation } = await cache().read(name);
      await cache().setScheduler(aScheduler().withName(name).build(), 30, generation);
      await waitFor(async () => (await cache().read(name)).scheduler === undefined, { timeoutMs: 2_000, description: 'the entry to expire' });
      expect((await cache().read(name)).generation).toBe(generation);
    });
  });
}
