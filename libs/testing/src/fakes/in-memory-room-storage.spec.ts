import { roomStorageContract } from '../contracts/room-storage.contract';
import { aGameRoom } from '../builders';
import { InMemoryRoomStorage } from './in-memory-room-storage';

describe('InMemoryRoomStorage', () => {
  const storage = new InMemoryRoomStorage();
  roomStorageContract(() => storage);

  it('holds room creations until released', async () => {
    const rooms = new InMemoryRoomStorage();
    rooms.holdCreations();
    const creating = rooms.createRoom(aGameRoom({ id: 'held', schedulerId: 'hold' }));
    expect(rooms.held).toBe(1);
    expect(await rooms.getRoomCount('hold')).toBe(0);
    rooms.release();
    await creating;
    expect(rooms.held).toBe(0);
    expect(await rooms.getAllRoomIds('hold')).toEqual(['held']);
  });
});
