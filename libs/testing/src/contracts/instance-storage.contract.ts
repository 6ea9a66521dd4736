import { type InstanceStorage, NotFoundError } from '@maestro/domain';
import { anInstance } from '../builders';

/**
 * The InstanceStorage port's contract, run against the Redis adapter and the in-memory fake.
 * `storage()` answers the implementation under test; scheduler names are unique per test.
 */
export function instanceStorageContract(storage: () => InstanceStorage): void {
  describe('InstanceStorage contract', () => {
    let names = 0;
    const aName = () => `instance-contract-${++names}`;

    it('answers an instance as it was written, with or without an address', async () => {
      const s = aName();
      const ready = anInstance({ id: 'r1', schedulerId: s, status: { type: 'ready', description: '' }, resourceVersion: '7' });
      const pending = anInstance({ id: 'r2', schedulerId: s, status: { type: 'pending', description: 'ContainerCreating' }, address: undefined });
      await storage().upsertInstance(ready);
      await storage().upsertInstance(pending);
      expect(await storage().getInstance(s, 'r1')).toEqual(ready);
      const read = await storage().getInstance(s, 'r2');
      expect(read).toEqual(pending);
      expect(read.address).toBeUndefined();
    });

    it('replaces an instance written again', async () => {
      const s = aName();
      await storage().upsertInstance(anInstance({ id: 'r1', schedulerId: s }));
      const failed = anInstance({ id: 'r1', schedulerId: s, status: { type: 'error', description: 'CrashLoopBackOff: back-off' }, resourceVersion: '9' });
      await storage().upsertInstance(failed);
      expect(await storage().getInstance(s, 'r1')).toEqual(failed);
      expect(await storage().getInstanceCount(s)).toBe(1);
    });

    it('answers not found for an instance never written, naming it and its scheduler', async () => {
      const s = aName();
      await expect(storage().getInstance(s, 'nobody')).rejects.toThrow(new NotFoundError(`instance nobody not found in scheduler ${s}`));
    });

    it('finds an instance, and nothing for one never written or deleted', async () => {
      const s = aName();
      const instance = anInstance({ id: 'r1', schedulerId: s });
      await storage().upsertInstance(instance);
      expect(await storage().findInstance(s, 'r1')).toEqual(instance);
      expect(await storage().findInstance(s, 'nobody')).toBeUndefined();
      await storage().deleteInstance(s, 'r1');
      expect(await storage().findInstance(s, 'r1')).toBeUndefined();
    });

    it('deletes an instance, and answers not found when there is none to delete', async () => {
      const s = aName();
      await storage().upsertInstance(anInstance({ id: 'r1', schedulerId: s }));
      await storage().deleteInstance(s, 'r1');
      await expect(storage().getInstance(s, 'r1')).rejects.toBeInstanceOf(NotFoundError);
      await expect(storage().deleteInstance(s, 'r1')).rejects.toBeInstanceOf(NotFoundError);
      expect(await storage().getInstanceCount(s)).toBe(0);
    });

    it('lists and counts the instances of one scheduler only', async () => {
      const s = aName();
      const other = aName();
      for (const id of ['a', 'b', 'c']) await storage().upsertInstance(anInstance({ id, schedulerId: s }));
      await storage().upsertInstance(anInstance({ id: 'a', schedulerId: other }));
      const all = await storage().getAllInstances(s);
      expect(all.map((instance) => instance.id).sort()).toEqual(['a', 'b', 'c']);
      expect(all.every((instance) => instance.schedulerId === s)).toBe(true);
      expect(await storage().getInstanceCount(s)).toBe(3);
      expect(await storage().getAllInstances(aName())).toEqual([]);
      expect(await storage().getInstanceCount(aName())).toBe(0);
    });

    it('keeps the instances of schedulers apart under the same room id', async () => {
      const [s1, s2] = [aName(), aName()];
      await storage().upsertInstance(anInstance({ id: 'same', schedulerId: s1, resourceVersion: '1' }));
      await storage().upsertInstance(anInstance({ id: 'same', schedulerId: s2, resourceVersion: '2' }));
      await storage().deleteInstance(s1, 'same');
      expect((await storage().getInstance(s2, 'same')).resourceVersion).toBe('2');
    });
  });
}
