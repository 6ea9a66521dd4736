import { AlreadyExistsError, NotFoundError } from '@maestro/domain';
import { aGameRoom, anInstance, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisInstanceStorage } from './redis-instance.storage';
import { RedisKeys } from './redis-keys';
import { RedisRoomStorage } from './redis-room.storage';

describe('RedisRoomStorage and RedisInstanceStorage', () => {
  let redis: TestRedis;
  let rooms: RedisRoomStorage;
  let instances: RedisInstanceStorage;
  const at = new Date('2026-01-02T10:00:00Z');

  beforeAll(async () => {
    redis = await createTestRedis();
    rooms = new RedisRoomStorage(redis.client, new RedisKeys(redis.keyPrefix));
    instances = new RedisInstanceStorage(redis.client, new RedisKeys(redis.keyPrefix), 2);
  });

  afterAll(() => redis.cleanup());

  it('creates a room once and reads every field back', async () => {
    const room = aGameRoom({ id: 'r1', schedulerId: 'rs', isValidationRoom: true });
    await rooms.createRoom(room);
    await expect(rooms.createRoom(room)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await rooms.getRoom('rs', 'r1')).toEqual(room);
  });

  it('records pings only for rooms that exist', async () => {
    await rooms.updateRoomPing({ schedulerName: 'rs', roomId: 'r1', pingStatus: 'occupied', runningMatches: 2, metadata: { a: 1 }, at });
    const room = await rooms.getRoom('rs', 'r1');
    expect(room).toMatchObject({ pingStatus: 'occupied', runningMatches: 2, metadata: { a: 1 }, lastPingAt: at });
    await rooms.updateRoomPing({ schedulerName: 'rs', roomId: 'ghost', pingStatus: 'ready', runningMatches: 0, metadata: {}, at });
    await expect(rooms.getRoom('rs', 'ghost')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('publishes status changes and refuses unchanged ones', async () => {
    const watcher = await rooms.watchRoomStatus('rs', 'r1');
    await rooms.updateRoomStatus('rs', 'r1', 'ready');
    await expect(watcher.next()).resolves.toBe('ready');
    await expect(rooms.updateRoomStatus('rs', 'r1', 'ready')).rejects.toBeInstanceOf(NotFoundError);
    await watcher.stop();
    expect(await rooms.getRoomIdsByStatus('rs', 'ready')).toEqual(['r1']);
    expect(await rooms.getRoomCountByStatus('rs', 'ready')).toBe(1);
  });

  it('allocates each ready room to one caller only', async () => {
    await rooms.createRoom(aGameRoom({ id: 'r2', schedulerId: 'alloc', status: 'ready' }));
    await rooms.createRoom(aGameRoom({ id: 'r3', schedulerId: 'alloc', status: 'ready' }));
    const results = await Promise.all(Array.from({ length: 6 }, () => rooms.allocateRoom('alloc', at)));
    expect(results.filter(Boolean).sort()).toEqual(['r2', 'r3']);
    expect((await rooms.getRoom('alloc', 'r2')).status).toBe('allocated');
    expect((await rooms.getRoom('alloc', 'r2')).allocatedAt).toEqual(at);
  });

  it('sums running matches of existing rooms only', async () => {
    await rooms.createRoom(aGameRoom({ id: 'm1', schedulerId: 'matches', runningMatches: 3 }));
    await rooms.createRoom(aGameRoom({ id: 'm2', schedulerId: 'matches', runningMatches: 2 }));
    await redis.client.zadd(`${redis.keyPrefix}scheduler:matches:occupancy`, 7, 'orphan');
    expect(await rooms.getRunningMatchesCount('matches')).toBe(5);
  });

  it('finds rooms by last ping and deletes a room entirely', async () => {
    await rooms.createRoom(aGameRoom({ id: 'old', schedulerId: 'pings', lastPingAt: new Date(at.getTime() - 60_000) }));
    await rooms.createRoom(aGameRoom({ id: 'new', schedulerId: 'pings', lastPingAt: at }));
    expect(await rooms.getRoomIdsByLastPing('pings', new Date(at.getTime() - 1_000))).toEqual(['old']);
    await rooms.deleteRoom('pings', 'old');
    await expect(rooms.deleteRoom('pings', 'old')).rejects.toBeInstanceOf(NotFoundError);
    expect(await rooms.getAllRoomIds('pings')).toEqual(['new']);
    expect(await rooms.getRoomCount('pings')).toBe(1);
  });

  it('keeps instances per scheduler and scans them all', async () => {
    for (let i = 0; i < 5; i++) await instances.upsertInstance(anInstance({ id: `i${i}`, schedulerId: 'inst' }));
    await instances.upsertInstance(anInstance({ id: 'i0', schedulerId: 'inst', status: { type: 'error', description: 'boom' }, address: undefined }));
    expect(await instances.getInstance('inst', 'i0')).toEqual(
      anInstance({ id: 'i0', schedulerId: 'inst', status: { type: 'error', description: 'boom' }, address: undefined }),
    );
    expect((await instances.getAllInstances('inst')).map((i) => i.id).sort()).toEqual(['i0', 'i1', 'i2', 'i3', 'i4']);
    expect(await instances.getInstanceCount('inst')).toBe(5);
    await instances.deleteInstance('inst', 'i0');
    await expect(instances.getInstance('inst', 'i0')).rejects.toBeInstanceOf(NotFoundError);
  });
});
