import { NotFoundError, type InstanceStorage, type PingRecorder, type RoomPing, type RoomStorage } from '@maestro/domain';
import { aGameRoom, anInstance } from '../builders';

/** A PingRecorder with the stores it writes and reads, as one implementation sees them. */
export interface PingRecorderStores {
  recorder: PingRecorder;
  rooms: RoomStorage;
  instances: InstanceStorage;
}

/**
 * The PingRecorder port's contract, run against the one-script Redis adapter and the domain's
 * store-by-store recorder over the in-memory fakes. Scheduler names are unique per test.
 */
export function pingRecorderContract(create: () => PingRecorderStores): void {
  describe('PingRecorder contract', () => {
    let stores: PingRecorderStores;
    let names = 0;
    const aName = () => `ping-recorder-contract-${++names}`;
    const at = new Date('2026-01-02T10:00:42Z');
    const aPing = (schedulerName: string, roomId: string): RoomPing => ({
      schedulerName,
      roomId,
      pingStatus: 'occupied',
      runningMatches: 2,
      metadata: { region: 'eu' },
      at,
    });

    beforeEach(() => {
      stores = create();
    });

    it('records the ping and answers the room as stored afterwards with its instance', async () => {
      const s = aName();
      await stores.rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', pingStatus: 'ready', runningMatches: 0 }));
      await stores.instances.upsertInstance(anInstance({ id: 'r1', schedulerId: s, address: { host: 'r1.host', ports: [] } }));
      const recorded = await stores.recorder.record(aPing(s, 'r1'));
      const stored = await stores.rooms.getRoom(s, 'r1');
      expect(recorded.room).toEqual(stored);
      expect(stored).toMatchObject({ status: 'ready', pingStatus: 'occupied', runningMatches: 2, metadata: { region: 'eu' }, lastPingAt: at });
      expect(recorded.instance).toMatchObject({ id: 'r1', schedulerId: s, address: { host: 'r1.host', ports: [] } });
    });

    it('answers an allocated validation room of an older version with those fields as stored', async () => {
      const s = aName();
      await stores.rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready', version: 'v0.9.0', isValidationRoom: true }));
      await stores.rooms.allocateRoom(s, new Date('2026-01-02T10:00:30Z'));
      const recorded = await stores.recorder.record(aPing(s, 'r1'));
      expect(recorded.room).toEqual(await stores.rooms.getRoom(s, 'r1'));
      expect(recorded.room).toMatchObject({ status: 'allocated', version: 'v0.9.0', isValidationRoom: true, allocatedAt: new Date('2026-01-02T10:00:30Z') });
    });

    it('answers the instance as stored at each ping, after it changed and after it was removed', async () => {
      const s = aName();
      await stores.rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready' }));
      await stores.instances.upsertInstance(anInstance({ id: 'r1', schedulerId: s, status: { type: 'pending', description: '' } }));
      expect((await stores.recorder.record(aPing(s, 'r1'))).instance?.status.type).toBe('pending');
      expect((await stores.recorder.record(aPing(s, 'r1'))).instance?.status.type).toBe('pending');
      await stores.instances.upsertInstance(anInstance({ id: 'r1', schedulerId: s, status: { type: 'ready', description: '' }, resourceVersion: '2' }));
      expect((await stores.recorder.record(aPing(s, 'r1'))).instance).toMatchObject({ status: { type: 'ready' }, resourceVersion: '2' });
      await stores.instances.deleteInstance(s, 'r1');
      expect((await stores.recorder.record(aPing(s, 'r1'))).instance).toBeUndefined();
    });

    it('records the ping of a room without an instance record, answering no instance', async () => {
      const s = aName();
      await stores.rooms.createRoom(aGameRoom({ id: 'r1', schedulerId: s, status: 'ready' }));
      const recorded = await stores.recorder.record(aPing(s, 'r1'));
      expect(recorded.instance).toBeUndefined();
      expect(recorded.room.pingStatus).toBe('occupied');
    });

    it('rejects with NotFoundError for a room not stored, writing nothing', async () => {
      const s = aName();
      await stores.instances.upsertInstance(anInstance({ id: 'ghost', schedulerId: s }));
      await expect(stores.recorder.record(aPing(s, 'ghost'))).rejects.toBeInstanceOf(NotFoundError);
      expect(await stores.rooms.findRoom(s, 'ghost')).toBeUndefined();
      expect(await stores.rooms.getRoomCount(s)).toBe(0);
    });
  });
}
