import { InMemoryInstanceStorage, ManualClock, anInstance } from '@maestro/testing';
import { UnexpectedError } from '../errors/domain-error';
import type { RoomAllocator } from '../ports/room-allocator.port';
import { RoomAccess } from './room-access';

describe('RoomAccess', () => {
  const at = new Date('2026-03-01T19:00:30Z');
  const address = { host: '10.0.0.1', ports: [{ name: 'game', port: 7000, protocol: 'UDP' }] };
  const access = (allocator: RoomAllocator, instances = new InMemoryInstanceStorage()) => new RoomAccess({ instances, allocator, clock: new ManualClock(at) });

  it("answers the allocated room and its instance's address, taken at the clock's time", async () => {
    const asked: Date[] = [];
    const allocator: RoomAllocator = {
      take: async (_s, when) => {
        asked.push(when);
        return { roomId: 'room-1', instance: anInstance({ id: 'room-1', address }) };
      },
    };
    expect(await access(allocator).allocate('fleet')).toEqual({ roomId: 'room-1', address });
    expect(asked).toEqual([at]);
  });

  it('answers an empty address for a room whose pod has none yet', async () => {
    const allocator: RoomAllocator = { take: async () => ({ roomId: 'room-1', instance: anInstance({ id: 'room-1', address: undefined }) }) };
    expect(await access(allocator).allocate('fleet')).toEqual({ roomId: 'room-1', address: { host: '', ports: [] } });
  });

  it('fails when no room is ready, and when the room taken has no instance', async () => {
    await expect(access({ take: async () => undefined }).allocate('fleet')).rejects.toThrow(
      new UnexpectedError('no ready rooms available for scheduler fleet'),
    );
    await expect(access({ take: async () => ({ roomId: 'r9', instance: undefined }) }).allocate('fleet')).rejects.toThrow(
      'error getting instance: instance r9 not found in scheduler fleet',
    );
  });

  it("answers a room's address, and names the missing instance", async () => {
    const instances = new InMemoryInstanceStorage();
    await instances.upsertInstance(anInstance({ id: 'room-1', schedulerId: 'fleet', address }));
    const rooms = access({ take: async () => undefined }, instances);
    expect(await rooms.address('fleet', 'room-1')).toEqual(address);
    await expect(rooms.address('fleet', 'room-2')).rejects.toThrow('error getting instance: instance room-2 not found in scheduler fleet');
  });
});
