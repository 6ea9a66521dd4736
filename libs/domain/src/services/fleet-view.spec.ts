import {
  aGameRoom,
  anInstance,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomSamples,
  InMemoryRoomStorage,
  InMemorySchedulerStorage,
  ManualClock,
} from '@maestro/testing';
import { NotFoundError } from '../errors/domain-error';
import { FleetView } from './fleet-view';

describe('FleetView', () => {
  const now = new Date('2026-01-02T10:00:00Z');
  let view: FleetView;
  let rooms: InMemoryRoomStorage;
  let instances: InMemoryInstanceStorage;
  let roomSamples: InMemoryRoomSamples;

  beforeEach(async () => {
    const schedulers = new InMemorySchedulerStorage();
    await schedulers.createScheduler(aScheduler().withName('fleet').build());
    rooms = new InMemoryRoomStorage();
    instances = new InMemoryInstanceStorage();
    roomSamples = new InMemoryRoomSamples();
    view = new FleetView({ schedulers, rooms, instances, roomSamples, clock: new ManualClock(now) });
  });

  it('lists the rooms by id with the address of their instance', async () => {
    await rooms.createRoom(aGameRoom({ id: 'fleet-b', schedulerId: 'fleet', status: 'occupied' }));
    await rooms.createRoom(aGameRoom({ id: 'fleet-a', schedulerId: 'fleet', status: 'ready' }));
    const address = { host: '10.0.0.1', ports: [{ name: 'game', port: 7000, protocol: 'UDP' }] };
    await instances.upsertInstance(anInstance({ id: 'fleet-a', schedulerId: 'fleet', address }));

    const listed = await view.listRooms('fleet');

    expect(listed.map((room) => [room.id, room.status, room.address])).toEqual([
      ['fleet-a', 'ready', address],
      ['fleet-b', 'occupied', undefined],
    ]);
  });

  it('answers the samples of the period asked for', async () => {
    const sample = (minutesAgo: number) => ({ at: new Date(now.getTime() - minutesAgo * 60_000), ready: 1, occupied: 0, pending: 0, terminating: 0, error: 0 });
    await roomSamples.record('fleet', sample(90));
    await roomSamples.record('fleet', sample(30));
    expect(await view.roomHistory('fleet', 60 * 60_000)).toEqual([sample(30)]);
  });

  it('refuses an unknown scheduler', async () => {
    await expect(view.listRooms('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(view.roomHistory('nope', 1_000)).rejects.toBeInstanceOf(NotFoundError);
  });
});
