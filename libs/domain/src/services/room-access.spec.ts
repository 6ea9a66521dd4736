import { anInstance, InMemoryAllocationCounter, ManualClock, RecordingLogger } from '@maestro/testing';
import { RoomAccess } from './room-access';

describe('RoomAccess allocation', () => {
  const at = new Date('2026-03-01T19:00:30Z');
  const rooms = { allocateRoom: async () => 'room-1' };
  const instances = { getInstance: async () => anInstance({ id: 'room-1', address: { host: '10.0.0.1', ports: [] } }) };

  it('counts each allocation in the minute it happened', async () => {
    const allocations = new InMemoryAllocationCounter();
    const access = new RoomAccess({ rooms, instances, clock: new ManualClock(at), allocations } as never);
    await access.allocate('fleet');
    await access.allocate('fleet');
    expect(await allocations.recent('fleet', at, 2)).toEqual([0, 2]);
  });

  it('still allocates when the count fails, and logs it', async () => {
    const logger = new RecordingLogger();
    const allocations = { record: async () => Promise.reject(new Error('redis down')), recent: async () => [] };
    const access = new RoomAccess({ rooms, instances, clock: new ManualClock(at), allocations, logger } as never);
    expect(await access.allocate('fleet')).toEqual({ roomId: 'room-1', address: { host: '10.0.0.1', ports: [] } });
    expect(logger.lines.map((line) => line.msg)).toEqual(['failed to count an allocation']);
  });
});
