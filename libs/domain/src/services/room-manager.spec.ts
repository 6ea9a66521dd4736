import { aScheduler, InMemoryRoomRecords, InMemoryRuntime, waitFor } from '@maestro/testing';
import { systemClock } from '../ports/clock.port';
import { silentLogger } from '../ports/logger.port';
import { RoomManager } from './room-manager';

describe('RoomManager.createRoom', () => {
  const scheduler = aScheduler().withName('game').build();
  const reason = new Error('room creation timed out after 5000 ms');

  function setUp() {
    const runtime = new InMemoryRuntime();
    const records = new InMemoryRoomRecords();
    const portAllocator = { allocate: (_: unknown, quantity: number) => Array.from({ length: quantity }, (_, i) => 40_000 + i) };
    const manager = new RoomManager({
      rooms: records.roomStorage as never,
      instances: records.instanceStorage as never,
      runtime,
      portAllocator,
      clock: systemClock,
      logger: silentLogger,
    });
    /** Everything a creation may have left: room records, pods, instances. */
    const leftovers = () => ({ rooms: [...records.rooms.keys()], pods: [...runtime.pods.keys()], instances: [...records.instances.keys()] });
    return { runtime, records, manager, leftovers };
  }
  const nothing = { rooms: [], pods: [], instances: [] };

  it('writes the pending room, then the pod with host ports, then the instance', async () => {
    const { manager, leftovers } = setUp();
    const { room, instance } = await manager.createRoom(scheduler, { signal: new AbortController().signal });
    expect(room).toMatchObject({ schedulerId: 'game', status: 'pending', isValidationRoom: false });
    expect(instance).toMatchObject({ id: room.id, schedulerId: 'game', status: { type: 'pending' } });
    expect(leftovers()).toEqual({ rooms: [`game/${room.id}`], pods: [`game/${room.id}`], instances: [`game/${room.id}`] });
  });

  it('writes nothing when the signal aborted before', async () => {
    const { manager, leftovers } = setUp();
    await expect(manager.createRoom(scheduler, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(leftovers()).toEqual(nothing);
  });

  it('removes the room written while the signal aborted, and starts no pod', async () => {
    const { manager, records, runtime, leftovers } = setUp();
    records.holdRoomWrites();
    const controller = new AbortController();
    const creating = manager.createRoom(scheduler, { signal: controller.signal });
    await waitFor(() => records.held === 1, { description: 'the room write in flight' });
    controller.abort(reason);
    records.release();
    await expect(creating).rejects.toBe(reason);
    expect(runtime.held).toBe(0);
    expect(leftovers()).toEqual(nothing);
  });

  it('removes the room when aborted while the pod is being created, and the pod never lands', async () => {
    const { manager, runtime, leftovers } = setUp();
    runtime.holdCreations();
    const controller = new AbortController();
    const creating = manager.createRoom(scheduler, { signal: controller.signal });
    await waitFor(() => runtime.held === 1, { description: 'the pod creation in flight' });
    controller.abort(reason);
    await expect(creating).rejects.toBe(reason);
    runtime.release();
    expect(leftovers()).toEqual(nothing);
  });

  it('leaves neither pod nor room when aborted after the pod landed but before the answer', async () => {
    const { manager, runtime, leftovers } = setUp();
    runtime.holdAnswers();
    const controller = new AbortController();
    const creating = manager.createRoom(scheduler, { signal: controller.signal });
    await waitFor(() => runtime.pods.size === 1, { description: 'the pod landed' });
    controller.abort(reason);
    await expect(creating).rejects.toBe(reason);
    expect(leftovers()).toEqual(nothing);
  });

  it('removes the room of a pod the runtime refused', async () => {
    const { manager, runtime, leftovers } = setUp();
    runtime.createGameRoomInstance = async () => Promise.reject(new Error('pods is forbidden'));
    await expect(manager.createRoom(scheduler)).rejects.toThrow('pods is forbidden');
    expect(leftovers()).toEqual(nothing);
  });
});
