import { InMemoryAllocationCounter, InMemoryInstanceStorage, InMemoryRoomStorage, RecordingLogger, aGameRoom, roomAllocatorContract } from '@maestro/testing';
import { StoreByStoreAllocator } from './store-by-store.allocator';

describe('StoreByStoreAllocator', () => {
  roomAllocatorContract(() => {
    const rooms = new InMemoryRoomStorage();
    const instances = new InMemoryInstanceStorage();
    const allocations = new InMemoryAllocationCounter();
    return { allocator: new StoreByStoreAllocator({ rooms, instances, allocations }), rooms, instances, allocations };
  });

  it('still takes the room when the count fails, and logs it', async () => {
    const rooms = new InMemoryRoomStorage();
    await rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: 'fleet', status: 'ready' }));
    const logger = new RecordingLogger();
    const allocations = { record: async () => Promise.reject(new Error('redis down')), recent: async () => [] };
    const allocator = new StoreByStoreAllocator({ rooms, instances: new InMemoryInstanceStorage(), allocations, logger });
    expect(await allocator.take('fleet', new Date())).toEqual({ roomId: 'r1', instance: undefined });
    expect(logger.lines.map((line) => line.msg)).toEqual(['failed to count an allocation']);
  });

  it('names the instance read that failed', async () => {
    const rooms = new InMemoryRoomStorage();
    await rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: 'fleet', status: 'ready' }));
    const instances = Object.assign(new InMemoryInstanceStorage(), { findInstance: async () => Promise.reject(new Error('connection reset')) });
    const allocator = new StoreByStoreAllocator({ rooms, instances });
    await expect(allocator.take('fleet', new Date())).rejects.toThrow('error getting instance: Error: connection reset');
  });
});
