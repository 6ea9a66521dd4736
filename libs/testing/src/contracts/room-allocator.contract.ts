import type { AllocationCounter, InstanceStorage, RoomAllocator, RoomStorage } from '@maestro/domain';
import { aGameRoom, anInstance } from '../builders';

/** A RoomAllocator with the stores it takes from, as one implementation sees them. */
export interface AllocatorStores {
  allocator: RoomAllocator;
  rooms: RoomStorage;
  instances: InstanceStorage;
  allocations: AllocationCounter;
}

/**
 * The RoomAllocator port's contract, run against the one-script Redis adapter and the domain's
 * store-by-store allocator over the in-memory fakes. Scheduler names are unique per test.
 */
export function roomAllocatorContract(create: () => AllocatorStores): void {
  describe('RoomAllocator contract', () => {
    let stores: AllocatorStores;
    let names = 0;
    const aName = () => `allocator-contract-${++names}`;
    const at = new Date('2026-01-02T10:05:00.300Z');
    const aRoom = async (s: string, id: string, status: 'ready' | 'occupied' | 'allocated', withInstance = true) => {
      await stores.rooms.createRoom(aGameRoom({ id, schedulerId: s, status }));
      if (withInstance) await stores.instances.upsertInstance(anInstance({ id, schedulerId: s, address: { host: `${id}.host`, ports: [] } }));
    };

    beforeEach(() => {
      stores = create();
    });

    it('takes the ready room with the smallest id, answers its instance and counts the allocation', async () => {
      const s = aName();
      await aRoom(s, 'r3', 'ready');
      await aRoom(s, 'r1', 'occupied');
      await aRoom(s, 'r2', 'ready');
      const taken = await stores.allocator.take(s, at);
      expect(taken?.roomId).toBe('r2');
      expect(taken?.instance).toMatchObject({ id: 'r2', schedulerId: s, address: { host: 'r2.host', ports: [] } });
      expect(await stores.rooms.getRoom(s, 'r2')).toMatchObject({ status: 'allocated', allocatedAt: new Date('2026-01-02T10:05:00Z') });
      expect(await stores.allocations.recent(s, at, 1)).toEqual([1]);
    });

    it('gives each ready room to one caller only, then answers undefined without counting', async () => {
      const s = aName();
      for (const id of ['a', 'b', 'c']) await aRoom(s, id, 'ready');
      const taken = await Promise.all(Array.from({ length: 5 }, () => stores.allocator.take(s, at)));
      const ids = taken.flatMap((t) => (t ? [t.roomId] : []));
      expect(ids.sort()).toEqual(['a', 'b', 'c']);
      expect(await stores.allocator.take(s, at)).toBeUndefined();
      expect(await stores.allocations.recent(s, at, 1)).toEqual([3]);
    });

    it('answers the instance as stored at each allocation, after it changed', async () => {
      const s = aName();
      await aRoom(s, 'r1', 'ready');
      expect((await stores.allocator.take(s, at))?.instance?.address).toEqual({ host: 'r1.host', ports: [] });
      await stores.instances.upsertInstance(
        anInstance({ id: 'r1', schedulerId: s, address: { host: 'r1.moved', ports: [{ name: 'game', port: 7000, protocol: 'UDP' }] } }),
      );
      await stores.rooms.updateRoomStatus(s, 'r1', 'ready');
      expect((await stores.allocator.take(s, at))?.instance?.address).toEqual({ host: 'r1.moved', ports: [{ name: 'game', port: 7000, protocol: 'UDP' }] });
    });

    it('takes a room whose instance record is missing, answering no instance', async () => {
      const s = aName();
      await aRoom(s, 'lonely', 'ready', false);
      expect(await stores.allocator.take(s, at)).toEqual({ roomId: 'lonely', instance: undefined });
      expect((await stores.rooms.getRoom(s, 'lonely')).status).toBe('allocated');
    });

    it('takes nothing from a scheduler without ready rooms, nor from another scheduler', async () => {
      const [s, other] = [aName(), aName()];
      await aRoom(other, 'r1', 'ready');
      await aRoom(s, 'r1', 'allocated');
      expect(await stores.allocator.take(s, at)).toBeUndefined();
      expect((await stores.rooms.getRoom(other, 'r1')).status).toBe('ready');
    });
  });
}
