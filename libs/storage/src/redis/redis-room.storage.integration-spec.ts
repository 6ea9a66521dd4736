import { AlreadyExistsError, NotFoundError } from '@maestro/domain';
import { aGameRoom, createTestRedis, type TestRedis, waitFor } from '@maestro/testing';
import type Redis from 'ioredis';
import { RedisRoomStorage } from './redis-room.storage';

describe('RedisRoomStorage', () => {
  let redis: TestRedis;
  let rooms: RedisRoomStorage;
  const at = new Date('2026-01-02T10:00:00Z');
  const key = (suffix: string) => `${redis.keyPrefix}scheduler:${suffix}`;

  beforeAll(async () => {
    redis = await createTestRedis();
    rooms = new RedisRoomStorage(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  it('creates a room once and reads every field back', async () => {
    const room = aGameRoom({ id: 'r1', schedulerId: 'rs', isValidationRoom: true, metadata: null });
    await rooms.createRoom(room);
    await expect(rooms.createRoom(room)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await rooms.getRoom('rs', 'r1')).toEqual(room);
  });

  it("writes Maestro's hash fields and set scores", async () => {
    await rooms.createRoom(aGameRoom({ id: 'layout', schedulerId: 'rs', status: 'pending', createdAt: at, lastPingAt: at, version: 'v1.2.0' }));
    expect(await redis.client.hgetall(key('rs:rooms:layout'))).toEqual({
      version: 'v1.2.0',
      metadata: 'null',
      ping_status: '0',
      is_validation_room: '0',
      created_at: '1767348000',
    });
    expect(await redis.client.zscore(key('rs:status'), 'layout')).toBe('0');
    expect(await redis.client.zscore(key('rs:ping'), 'layout')).toBe('1767348000');
    expect(await redis.client.zscore(key('rs:occupancy'), 'layout')).toBe('0');
  });

  it('refuses a room when any one of its set members already exists', async () => {
    await redis.client.zadd(key('partial:occupancy'), 0, 'half');
    await expect(rooms.createRoom(aGameRoom({ id: 'half', schedulerId: 'partial' }))).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await redis.client.zscore(key('partial:status'), 'half')).toBeNull();
  });

  it('answers not found unless the room is in all three sets', async () => {
    await rooms.createRoom(aGameRoom({ id: 'r-missing', schedulerId: 'rs' }));
    await redis.client.zrem(key('rs:ping'), 'r-missing');
    await expect(rooms.getRoom('rs', 'r-missing')).rejects.toThrow(new NotFoundError('room r-missing not found in scheduler rs'));
  });

  it('records a ping and answers the room as stored afterwards', async () => {
    const recorded = await rooms.recordPing({ schedulerName: 'rs', roomId: 'r1', pingStatus: 'occupied', runningMatches: 2, metadata: { a: 1 }, at });
    expect(recorded).toMatchObject({ id: 'r1', pingStatus: 'occupied', runningMatches: 2, metadata: { a: 1 }, lastPingAt: at });
    expect(await rooms.getRoom('rs', 'r1')).toEqual(recorded);
  });

  it('writes nothing for a ping of a room outside the status set', async () => {
    const ghost = { schedulerName: 'rs', roomId: 'ghost', pingStatus: 'ready' as const, runningMatches: 0, metadata: {}, at };
    await expect(rooms.recordPing(ghost)).rejects.toThrow(new NotFoundError('room ghost not found in scheduler rs'));
    expect(await redis.client.zscore(key('rs:ping'), 'ghost')).toBeNull();
    expect(await redis.client.exists(key('rs:rooms:ghost'))).toBe(0);
  });

  it.each(['ping', 'occupancy'])('makes whole, at its ping, a room a fault left without its %s score', async (set) => {
    const id = `no-${set}`;
    await rooms.createRoom(aGameRoom({ id, schedulerId: 'rs', pingStatus: 'ready' }));
    await redis.client.zrem(key(`rs:${set}`), id);
    await expect(rooms.getRoom('rs', id)).rejects.toBeInstanceOf(NotFoundError);
    const recorded = await rooms.recordPing({ schedulerName: 'rs', roomId: id, pingStatus: 'occupied', runningMatches: 3, metadata: {}, at });
    expect(recorded).toMatchObject({ id, pingStatus: 'occupied', runningMatches: 3, lastPingAt: at });
    expect(await rooms.getRoom('rs', id)).toEqual(recorded);
    expect(await redis.client.zscore(key('rs:ping'), id)).toBe(String(at.getTime() / 1000));
    expect(await redis.client.zscore(key('rs:occupancy'), id)).toBe('3');
  });

  it('reloads its scripts after the server forgot them (SCRIPT FLUSH)', async () => {
    await rooms.createRoom(aGameRoom({ id: 'flushed', schedulerId: 'rs' }));
    await redis.client.script('FLUSH');
    const room = await rooms.recordPing({ schedulerName: 'rs', roomId: 'flushed', pingStatus: 'ready', runningMatches: 0, metadata: { b: 2 }, at });
    expect(room.metadata).toEqual({ b: 2 });
  });

  it('publishes status changes as JSON and refuses unchanged ones', async () => {
    const raw: string[] = [];
    const listener: Redis = redis.client.duplicate();
    listener.on('message', (_channel: string, message: string) => raw.push(message));
    await listener.subscribe(key('rs:rooms:r1:updatechan'));
    const watcher = await rooms.watchRoomStatus('rs', 'r1');
    await rooms.updateRoomStatus('rs', 'r1', 'ready');
    await expect(watcher.next()).resolves.toBe('ready');
    await expect(rooms.updateRoomStatus('rs', 'r1', 'ready')).rejects.toBeInstanceOf(NotFoundError);
    await expect(rooms.updateRoomStatus('rs', 'nobody', 'ready')).rejects.toBeInstanceOf(NotFoundError);
    await watcher.stop();
    await waitFor(() => raw.length === 1, { description: 'the published status' });
    expect(JSON.parse(raw[0])).toEqual({ RoomID: 'r1', SchedulerName: 'rs', Status: 2 });
    listener.disconnect();
    expect(await rooms.getRoomIdsByStatus('rs', 'ready')).toEqual(['r1']);
    expect(await rooms.getRoomCountByStatus('rs', 'ready')).toBe(1);
  });

  it('buffers statuses published before next() and stops waiting on abort', async () => {
    await rooms.createRoom(aGameRoom({ id: 'w1', schedulerId: 'watch', status: 'pending' }));
    const watcher = await rooms.watchRoomStatus('watch', 'w1');
    await rooms.updateRoomStatus('watch', 'w1', 'unready');
    await rooms.updateRoomStatus('watch', 'w1', 'ready');
    await expect(watcher.next()).resolves.toBe('unready');
    await expect(watcher.next()).resolves.toBe('ready');
    const abort = new AbortController();
    const waiting = watcher.next(abort.signal);
    abort.abort(new Error('validation timed out'));
    await expect(waiting).rejects.toThrow('validation timed out');
    await watcher.stop();
  });

  it('allocates each ready room to one caller only, smallest id first, without publishing', async () => {
    await rooms.createRoom(aGameRoom({ id: 'r3', schedulerId: 'alloc', status: 'ready' }));
    await rooms.createRoom(aGameRoom({ id: 'r2', schedulerId: 'alloc', status: 'ready' }));
    await rooms.createRoom(aGameRoom({ id: 'r0', schedulerId: 'alloc', status: 'occupied' }));
    expect(await rooms.allocateRoom('alloc', at)).toBe('r2');
    const results = await Promise.all(Array.from({ length: 5 }, () => rooms.allocateRoom('alloc', at)));
    expect(results.filter(Boolean)).toEqual(['r3']);
    expect(await rooms.allocateRoom('alloc', at)).toBeUndefined();
    expect(await rooms.getRoom('alloc', 'r2')).toMatchObject({ status: 'allocated', allocatedAt: at });
    expect((await rooms.getRoom('alloc', 'r0')).allocatedAt).toBeUndefined();
  });

  it('sums positive running matches of existing rooms only', async () => {
    await rooms.createRoom(aGameRoom({ id: 'm1', schedulerId: 'matches', runningMatches: 3 }));
    await rooms.createRoom(aGameRoom({ id: 'm2', schedulerId: 'matches', runningMatches: 2 }));
    await rooms.createRoom(aGameRoom({ id: 'm3', schedulerId: 'matches', runningMatches: -1 }));
    await redis.client.zadd(key('matches:occupancy'), 7, 'orphan');
    expect(await rooms.getRunningMatchesCount('matches')).toBe(5);
    expect(await rooms.getRunningMatchesCount('empty')).toBe(0);
  });

  it('finds rooms by last ping and counts rooms', async () => {
    await rooms.createRoom(aGameRoom({ id: 'old', schedulerId: 'pings', lastPingAt: new Date(at.getTime() - 60_000) }));
    await rooms.createRoom(aGameRoom({ id: 'new', schedulerId: 'pings', lastPingAt: at }));
    expect(await rooms.getRoomIdsByLastPing('pings', new Date(at.getTime() - 1_000))).toEqual(['old']);
    expect((await rooms.getAllRoomIds('pings')).sort()).toEqual(['new', 'old']);
    expect(await rooms.getRoomCount('pings')).toBe(2);
  });

  it('deletes a room entirely, and reports not found when any part was missing', async () => {
    await rooms.createRoom(aGameRoom({ id: 'del', schedulerId: 'delete' }));
    await rooms.deleteRoom('delete', 'del');
    expect(await redis.client.exists(key('delete:rooms:del'))).toBe(0);
    expect(await rooms.getAllRoomIds('delete')).toEqual([]);
    await expect(rooms.deleteRoom('delete', 'del')).rejects.toBeInstanceOf(NotFoundError);
    await rooms.createRoom(aGameRoom({ id: 'part', schedulerId: 'delete' }));
    await redis.client.del(key('delete:rooms:part'));
    await expect(rooms.deleteRoom('delete', 'part')).rejects.toBeInstanceOf(NotFoundError);
    expect(await rooms.getRoomCount('delete')).toBe(0);
  });
});
