import { aGameRoom, InMemoryRoomSamples, InMemoryRoomStorage, ManualClock, RecordingLogger } from '@maestro/testing';
import { recordRoomSample, sampleRooms } from './room-sampling';

describe('room sampling', () => {
  const at = new Date('2026-01-02T10:00:00Z');

  it('counts the rooms of each sampled status', async () => {
    const rooms = new InMemoryRoomStorage();
    for (const [id, status] of [
      ['a', 'ready'],
      ['b', 'ready'],
      ['c', 'occupied'],
      ['d', 'pending'],
      ['e', 'terminating'],
      ['f', 'error'],
    ] as const) {
      await rooms.createRoom(aGameRoom({ id, schedulerId: 'fleet', status }));
    }
    await rooms.createRoom(aGameRoom({ id: 'other', schedulerId: 'other', status: 'ready' }));
    expect(await sampleRooms(rooms, 'fleet', at)).toEqual({ at, ready: 2, occupied: 1, pending: 1, terminating: 1, error: 1 });
  });

  it('records the sample at the clock time', async () => {
    const samples = new InMemoryRoomSamples();
    await recordRoomSample({ rooms: new InMemoryRoomStorage(), roomSamples: samples, clock: new ManualClock(at) }, 'fleet', new RecordingLogger());
    expect(await samples.list('fleet', at)).toEqual([{ at, ready: 0, occupied: 0, pending: 0, terminating: 0, error: 0 }]);
  });

  it('logs a failure to record instead of rejecting', async () => {
    const logger = new RecordingLogger();
    const failing = { record: () => Promise.reject(new Error('redis down')), list: async () => [] };
    await expect(
      recordRoomSample({ rooms: new InMemoryRoomStorage(), roomSamples: failing, clock: new ManualClock(at) }, 'fleet', logger),
    ).resolves.toBeUndefined();
    expect(logger.lines.map((line) => line.msg)).toContain('failed to record a room sample');
  });
});
