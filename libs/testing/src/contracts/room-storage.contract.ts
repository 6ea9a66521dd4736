import { AlreadyExistsError, NotFoundError, type RoomPing, type RoomStorage } from '@maestro/domain';
import { aGameRoom } from '../builders';

/**
 * The RoomStorage port's contract, run against the Redis adapter and the in-memory fake.
 * `storage()` answers the implementation under test; scheduler names are unique per test.
 */
export function roomStorageContract(storage: () => RoomStorage): void {
  describe('RoomStorage contract', () => {
    let names = 0;
    const aName = () => `room-contract-${++names}`;
    const at = new Date('2026-01-02T10:00:00Z');
    const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
    const aPing = (schedulerName: string, roomId: string, overrides: Partial<RoomPing> = {}): RoomPing => ({
      schedulerName,
      roomId,
      pingStatus: 'ready',
      runningMatches: 0,
      metadata: {},
      at,
      ...overrides,
    });

    it('creates a room once and answers every field as written', async () => {
      const s = aName();
      const room = aGameRoom({
        id: 'r1',
        schedulerId: s,
        status: 'ready',
        pingStatus: 'occupied',
        metadata: { region: 'us', n: 2 },
        isValidationRoom: true,
        runningMatches: 3,
        createdAt: at,
        lastPingAt: later(5),
        version: 'v1.2.0',
      });
      await storage().createRoom(room);
      expect(await storage().getRoom(s, 'r1')).toEqual(room);
      const again = storage().createRoom(room);
      await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(again).rejects.toThrow(`room r1 already exists in scheduler ${s}`);
    });

    it('keeps room times to the whole second, rounded down', async () => {
      const s = aName();
      await storage().createRoom(
        aGameRoom({ id: 'r1', schedulerId: s, createdAt: new Date('2026-01-02T10:00:00.999Z'), lastPingAt: new Date('2026-01-02T10:00:07.400Z') }),
      );
      const read = await storage().getRoom(s, 'r1');
      expect(read.createdAt).toEqual(new Date('2026-01-02T10:00:00Z'));
      expect(read.lastPingAt).toEqual(new Date('2026-01-02T10:00:07Z'));
    });

    it('answers no allocation time for a room never allocated, whatever it was created with', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, metadata: null, allocatedAt: at }));
      const read = await storage().getRoom(s, 'r1');
      expect(read.allocatedAt).toBeUndefined();
      expect(read.metadata).toBeNull();
    });

    it('answers not found for an unknown room, naming it and its scheduler', async () => {
      const s = aName();
      await expect(storage().getRoom(s, 'nobody')).rejects.toThrow(new NotFoundError(`room nobody not found in scheduler ${s}`));
      expect(await storage().findRoom(s, 'nobody')).toBeUndefined();
    });

    it('finds many rooms at once, in the order asked, undefined for those not stored', async () => {
      const s = aName();
      const written = [
        aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', metadata: { a: 1 }, createdAt: at, lastPingAt: later(3) }),
        aGameRoom({ id: 'r2', schedulerId: s, status: 'occupied', runningMatches: 2, createdAt: at, lastPingAt: at }),
      ];
      for (const room of written) await storage().createRoom(room);
      await storage().createRoom(aGameRoom({ id: 'gone', schedulerId: s }));
      await storage().deleteRoom(s, 'gone');
      expect(await storage().findRooms(s, ['r2', 'nobody', 'r1', 'gone', 'r2'])).toEqual([written[1], undefined, written[0], undefined, written[1]]);
      expect(await storage().findRooms(s, [])).toEqual([]);
      expect(await storage().findRooms(aName(), ['r1'])).toEqual([undefined]);
    });

    it('finds a fleet of rooms at once, each as findRoom answers it', async () => {
      const s = aName();
      const ids = Array.from({ length: 600 }, (_, i) => `room-${i}`);
      for (const [i, id] of ids.entries()) {
        if (i % 3 !== 1) await storage().createRoom(aGameRoom({ id, schedulerId: s, status: i % 2 ? 'ready' : 'pending', runningMatches: i % 5 }));
      }
      const found = await storage().findRooms(s, ids);
      expect(found).toHaveLength(ids.length);
      expect(found).toEqual(await Promise.all(ids.map((id) => storage().findRoom(s, id))));
      expect(found.filter((room) => room === undefined)).toHaveLength(200);
      expect(found.map((room) => room?.id)).toEqual(ids.map((id, i) => (i % 3 === 1 ? undefined : id)));
    });

    it('records a ping and answers the room as stored afterwards', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', pingStatus: 'ready', createdAt: at, lastPingAt: at }));
      const recorded = await storage().recordPing(
        aPing(s, 'r1', { pingStatus: 'occupied', runningMatches: 2, metadata: { a: 1 }, at: new Date('2026-01-02T10:01:00.750Z') }),
      );
      expect(recorded).toEqual(
        aGameRoom({
          id: 'r1',
          schedulerId: s,
          status: 'ready',
          pingStatus: 'occupied',
          runningMatches: 2,
          metadata: { a: 1 },
          createdAt: at,
          lastPingAt: new Date('2026-01-02T10:01:00Z'),
        }),
      );
      expect(await storage().getRoom(s, 'r1')).toEqual(recorded);
      expect(await storage().findRoom(s, 'r1')).toEqual(recorded);
    });

    it('answers, at a ping, the fields the ping does not write as stored: version, validation, creation, allocation', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', version: 'v3.1.0', isValidationRoom: true, createdAt: at }));
      await storage().allocateRoom(s, later(30));
      const recorded = await storage().recordPing(aPing(s, 'r1', { pingStatus: 'occupied', metadata: { nested: { list: [1, 'two'] } }, at: later(40) }));
      expect(recorded).toMatchObject({
        status: 'allocated',
        version: 'v3.1.0',
        isValidationRoom: true,
        createdAt: at,
        allocatedAt: later(30),
        pingStatus: 'occupied',
        metadata: { nested: { list: [1, 'two'] } },
        lastPingAt: later(40),
      });
      expect(await storage().getRoom(s, 'r1')).toEqual(recorded);
    });

    it('refuses the ping of an unknown room and writes nothing for it', async () => {
      const s = aName();
      await expect(storage().recordPing(aPing(s, 'ghost'))).rejects.toThrow(new NotFoundError(`room ghost not found in scheduler ${s}`));
      await expect(storage().getRoom(s, 'ghost')).rejects.toBeInstanceOf(NotFoundError);
      expect(await storage().getAllRoomIds(s)).toEqual([]);
      expect(await storage().getRoomIdsByLastPing(s, later(60))).toEqual([]);
    });

    it('changes a status and tells the watchers of that room only', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'pending' }));
      await storage().createRoom(aGameRoom({ id: 'r2', schedulerId: s, status: 'pending' }));
      const watcher = await storage().watchRoomStatus(s, 'r1');
      const other = await storage().watchRoomStatus(s, 'r2');
      try {
        await storage().updateRoomStatus(s, 'r1', 'ready');
        await storage().updateRoomStatus(s, 'r2', 'error');
        await expect(watcher.next()).resolves.toBe('ready');
        await expect(other.next()).resolves.toBe('error');
        expect((await storage().getRoom(s, 'r1')).status).toBe('ready');
      } finally {
        await watcher.stop();
        await other.stop();
      }
    });

    it('answers not found when the status would not change or the room is unknown, and tells nobody', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready' }));
      const watcher = await storage().watchRoomStatus(s, 'r1');
      try {
        await expect(storage().updateRoomStatus(s, 'r1', 'ready')).rejects.toBeInstanceOf(NotFoundError);
        await expect(storage().updateRoomStatus(s, 'nobody', 'ready')).rejects.toBeInstanceOf(NotFoundError);
        await storage().updateRoomStatus(s, 'r1', 'occupied');
        await expect(watcher.next()).resolves.toBe('occupied');
      } finally {
        await watcher.stop();
      }
      expect(await storage().getAllRoomIds(s)).toEqual(['r1']);
    });

    it('keeps the statuses published before next() in order, and stops waiting when aborted', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'pending' }));
      const watcher = await storage().watchRoomStatus(s, 'r1');
      try {
        await storage().updateRoomStatus(s, 'r1', 'unready');
        await storage().updateRoomStatus(s, 'r1', 'ready');
        await expect(watcher.next()).resolves.toBe('unready');
        await expect(watcher.next()).resolves.toBe('ready');
        const controller = new AbortController();
        const waiting = watcher.next(controller.signal);
        const reason = new Error('validation timed out');
        controller.abort(reason);
        await expect(waiting).rejects.toBe(reason);
        await expect(watcher.next(AbortSignal.abort(reason))).rejects.toBe(reason);
      } finally {
        await watcher.stop();
      }
    });

    it('allocates the ready room with the smallest id, each to one caller only', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r3', schedulerId: s, status: 'ready' }));
      await storage().createRoom(aGameRoom({ id: 'r2', schedulerId: s, status: 'ready' }));
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'occupied' }));
      expect(await storage().allocateRoom(s, new Date('2026-01-02T10:05:00.300Z'))).toBe('r2');
      const concurrent = await Promise.all(Array.from({ length: 5 }, () => storage().allocateRoom(s, at)));
      expect(concurrent.filter((id) => id !== undefined)).toEqual(['r3']);
      expect(await storage().allocateRoom(s, at)).toBeUndefined();
      expect(await storage().getRoom(s, 'r2')).toMatchObject({ status: 'allocated', allocatedAt: new Date('2026-01-02T10:05:00Z') });
      expect((await storage().getRoom(s, 'r1')).allocatedAt).toBeUndefined();
      expect(await storage().getRoomIdsByStatus(s, 'allocated')).toEqual(['r2', 'r3']);
    });

    it('allocates without telling the status watchers', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready' }));
      const watcher = await storage().watchRoomStatus(s, 'r1');
      try {
        expect(await storage().allocateRoom(s, at)).toBe('r1');
        await storage().updateRoomStatus(s, 'r1', 'occupied');
        await expect(watcher.next()).resolves.toBe('occupied');
      } finally {
        await watcher.stop();
      }
    });

    it('sums the positive running matches of the rooms that exist', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'm1', schedulerId: s, runningMatches: 3 }));
      await storage().createRoom(aGameRoom({ id: 'm2', schedulerId: s, runningMatches: 2 }));
      await storage().createRoom(aGameRoom({ id: 'm3', schedulerId: s, runningMatches: -1 }));
      await storage().createRoom(aGameRoom({ id: 'm4', schedulerId: s, runningMatches: 4 }));
      await storage().deleteRoom(s, 'm4');
      expect(await storage().getRunningMatchesCount(s)).toBe(5);
      expect(await storage().getRunningMatchesCount(aName())).toBe(0);
    });

    it('finds rooms by status and by a last ping older than a time, to the second', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'old', schedulerId: s, status: 'ready', lastPingAt: later(-60) }));
      await storage().createRoom(aGameRoom({ id: 'same-second', schedulerId: s, status: 'occupied', lastPingAt: new Date(at.getTime() + 100) }));
      await storage().createRoom(aGameRoom({ id: 'new', schedulerId: s, status: 'ready', lastPingAt: later(30) }));
      expect(await storage().getRoomIdsByLastPing(s, new Date(at.getTime() + 900))).toEqual(['old']);
      expect((await storage().getRoomIdsByLastPing(s, later(1))).sort()).toEqual(['old', 'same-second']);
      expect((await storage().getRoomIdsByStatus(s, 'ready')).sort()).toEqual(['new', 'old']);
      expect(await storage().getRoomIdsByStatus(s, 'error')).toEqual([]);
      expect(await storage().getRoomCountByStatus(s, 'ready')).toBe(2);
      expect(await storage().getRoomCountByStatus(s, 'occupied')).toBe(1);
      expect((await storage().getAllRoomIds(s)).sort()).toEqual(['new', 'old', 'same-second']);
      expect(await storage().getRoomCount(s)).toBe(3);
      expect(await storage().getRoomCount(aName())).toBe(0);
    });

    it('deletes a room from every listing, and answers not found when there is none to delete', async () => {
      const s = aName();
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', runningMatches: 1 }));
      await storage().deleteRoom(s, 'r1');
      await expect(storage().getRoom(s, 'r1')).rejects.toBeInstanceOf(NotFoundError);
      expect(await storage().getAllRoomIds(s)).toEqual([]);
      expect(await storage().getRoomCountByStatus(s, 'ready')).toBe(0);
      expect(await storage().getRoomIdsByLastPing(s, later(60))).toEqual([]);
      expect(await storage().getRunningMatchesCount(s)).toBe(0);
      await expect(storage().deleteRoom(s, 'r1')).rejects.toThrow(new NotFoundError(`room r1 not found in scheduler ${s}`));
      await storage().createRoom(aGameRoom({ id: 'r1', schedulerId: s }));
      expect(await storage().getRoomCount(s)).toBe(1);
    });

    it('keeps the rooms of schedulers apart under the same room id', async () => {
      const [s1, s2] = [aName(), aName()];
      await storage().createRoom(aGameRoom({ id: 'same', schedulerId: s1, status: 'ready' }));
      await storage().createRoom(aGameRoom({ id: 'same', schedulerId: s2, status: 'error' }));
      await storage().deleteRoom(s1, 'same');
      expect((await storage().getRoom(s2, 'same')).status).toBe('error');
      expect(await storage().allocateRoom(s2, at)).toBeUndefined();
    });
  });
}
