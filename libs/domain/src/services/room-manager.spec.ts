import {
  aContainer,
  aGameRoom,
  aPort,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemoryRuntime,
  ManualClock,
  RecordingLogger,
  SequentialPortAllocator,
  waitFor,
} from '@maestro/testing';
import type { Instance } from '../entities/instance';
import type { Scheduler } from '../entities/scheduler';
import { NotFoundError } from '../errors/domain-error';
import { RoomManager } from './room-manager';

/** Every port of a RoomManager in memory, and what its listener heard. */
function setUp() {
  const clock = new ManualClock(new Date('2026-01-02T10:00:00.600Z'));
  const rooms = new InMemoryRoomStorage();
  const instances = new InMemoryInstanceStorage();
  const runtime = new InMemoryRuntime();
  const portAllocator = new SequentialPortAllocator();
  const logger = new RecordingLogger();
  const terminated: { roomId: string; instance: Instance; storedMetadata?: Record<string, unknown> | null }[] = [];
  const manager = new RoomManager(
    { rooms, instances, runtime, portAllocator, clock, logger },
    async (_scheduler, roomId, instance, storedMetadata) => void terminated.push({ roomId, instance, storedMetadata }),
  );
  /** Everything a creation may have left: room records, pods, instances. */
  const leftovers = () => ({ rooms: [...rooms.rooms.keys()], pods: [...runtime.pods.keys()], instances: [...instances.instances.keys()] });
  return { clock, rooms, instances, runtime, portAllocator, logger, manager, terminated, leftovers };
}
const nothing = { rooms: [], pods: [], instances: [] };

describe('RoomManager.createRoom', () => {
  const scheduler = aScheduler().withName('game').withVersion('v1.2.0').build();
  const reason = new Error('room creation timed out after 5000 ms');

  it('writes the pending room, then the pod with host ports, then the instance', async () => {
    const { manager, rooms, runtime, instances, leftovers } = setUp();
    const { room, instance } = await manager.createRoom(scheduler, { signal: new AbortController().signal });
    expect(room).toEqual({
      id: expect.stringMatching(/^game-[a-z0-9]{5}$/),
      schedulerId: 'game',
      version: 'v1.2.0',
      status: 'pending',
      pingStatus: 'unknown',
      metadata: null,
      lastPingAt: new Date('2026-01-02T10:00:00.600Z'),
      isValidationRoom: false,
      runningMatches: 0,
      createdAt: new Date('2026-01-02T10:00:00.600Z'),
    });
    expect(await rooms.getRoom('game', room.id)).toMatchObject({ status: 'pending', version: 'v1.2.0', createdAt: new Date('2026-01-02T10:00:00Z') });
    expect(instance).toMatchObject({ id: room.id, schedulerId: 'game', status: { type: 'pending' } });
    expect(await instances.getInstance('game', room.id)).toEqual(instance);
    expect(runtime.podSpecs.get(`game/${room.id}`)?.version).toBe('v1.2.0');
    expect(leftovers()).toEqual({ rooms: [`game/${room.id}`], pods: [`game/${room.id}`], instances: [`game/${room.id}`] });
  });

  it('marks a validation room as such', async () => {
    const { manager, rooms } = setUp();
    const { room } = await manager.createRoom(scheduler, { isValidationRoom: true });
    expect((await rooms.getRoom('game', room.id)).isValidationRoom).toBe(true);
  });

  it("draws every port's host port from the scheduler's range at once", async () => {
    const { manager, runtime, portAllocator } = setUp();
    const withTwoContainers = aScheduler()
      .withName('game')
      .withPortRange({ start: 40000, end: 40100 })
      .withContainers(
        aContainer({ name: 'a', ports: [aPort({ name: 'p1' }), aPort({ name: 'p2' })] }),
        aContainer({ name: 'b', ports: [aPort({ name: 'p3', hostPort: 7 })] }),
      )
      .build();
    const { room } = await manager.createRoom(withTwoContainers);
    const spec = runtime.podSpecs.get(`game/${room.id}`);
    expect(spec?.containers.map((c) => c.ports.map((p) => [p.name, p.hostPort]))).toEqual([
      [
        ['p1', 40000],
        ['p2', 40001],
      ],
      [['p3', 40002]],
    ]);
    expect(portAllocator.allocations).toEqual([[40000, 40001, 40002]]);
    expect(withTwoContainers.spec.containers[1].ports[0].hostPort).toBe(7);
  });

  it("draws each port's host port from its own range when the scheduler has none", async () => {
    const { manager, runtime } = setUp();
    const perPort = aScheduler()
      .withName('game')
      .withPortRange(undefined)
      .withContainers(
        aContainer({
          ports: [aPort({ name: 'p1', hostPortRange: { start: 50000, end: 50010 } }), aPort({ name: 'p2', hostPortRange: { start: 51000, end: 51010 } })],
        }),
      )
      .build();
    const { room } = await manager.createRoom(perPort);
    expect(runtime.podSpecs.get(`game/${room.id}`)?.containers[0].ports.map((p) => p.hostPort)).toEqual([50000, 51000]);
  });

  it('writes nothing when the signal aborted before', async () => {
    const { manager, leftovers } = setUp();
    await expect(manager.createRoom(scheduler, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(leftovers()).toEqual(nothing);
  });

  it('removes the room written while the signal aborted, and starts no pod', async () => {
    const { manager, rooms, runtime, leftovers } = setUp();
    rooms.holdCreations();
    const controller = new AbortController();
    const creating = manager.createRoom(scheduler, { signal: controller.signal });
    await waitFor(() => rooms.held === 1, { description: 'the room write in flight' });
    controller.abort(reason);
    rooms.release();
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

  it('logs a room it could not remove after the pod was refused', async () => {
    const { manager, runtime, rooms, logger } = setUp();
    runtime.createGameRoomInstance = async () => Promise.reject(new Error('pods is forbidden'));
    rooms.deleteRoom = async () => Promise.reject(new Error('connection refused'));
    await expect(manager.createRoom(scheduler)).rejects.toThrow('pods is forbidden');
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        msg: 'failed to remove the room of a pod that was not created',
        fields: { room_id: expect.stringMatching(/^game-/), error: 'Error: connection refused' },
      },
    ]);
  });
});

describe('RoomManager.deleteRoom', () => {
  const scheduler: Scheduler = aScheduler().withName('game').build();

  /** A room with its pod and instance, as createRoom leaves them. */
  async function aCreatedRoom(stack: ReturnType<typeof setUp>) {
    const { room, instance } = await stack.manager.createRoom(scheduler);
    await stack.rooms.updateRoomStatus('game', room.id, 'ready');
    return { room, instance };
  }

  it('deletes the pod with the reason, marks the room terminating and tells the listener', async () => {
    const stack = setUp();
    const { room, instance } = await aCreatedRoom(stack);
    await stack.manager.deleteRoom(scheduler, room.id, 'scale_down', { region: 'us' });
    expect(stack.runtime.hasPod('game', room.id)).toBe(false);
    expect(stack.runtime.deletions).toEqual([{ schedulerName: 'game', roomId: room.id, reason: 'scale_down' }]);
    expect((await stack.rooms.getRoom('game', room.id)).status).toBe('terminating');
    // The records go when the runtime watcher sees the pod gone, not here.
    expect(await stack.instances.getInstance('game', room.id)).toEqual(instance);
    expect(stack.terminated).toEqual([{ roomId: room.id, instance, storedMetadata: { region: 'us' } }]);
  });

  it('goes on for a room already terminating or gone from the room storage, telling nobody again', async () => {
    const stack = setUp();
    const { room } = await aCreatedRoom(stack);
    await stack.rooms.deleteRoom('game', room.id);
    await stack.manager.deleteRoom(scheduler, room.id, 'expired_room');
    expect(stack.runtime.hasPod('game', room.id)).toBe(false);
    const { room: other } = await aCreatedRoom(stack);
    await stack.rooms.updateRoomStatus('game', other.id, 'terminating');
    await stack.manager.deleteRoom(scheduler, other.id, 'expired_room');
    expect(stack.runtime.hasPod('game', other.id)).toBe(false);
    // Whoever removed the room or made it terminating announced its termination.
    expect(stack.terminated).toEqual([]);
  });

  it('cleans up at once a room without instance, touching no pod and telling nobody', async () => {
    const stack = setUp();
    await stack.rooms.createRoom(aGameRoom({ id: 'orphan', schedulerId: 'game' }));
    await stack.manager.deleteRoom(scheduler, 'orphan', 'scale_down');
    await expect(stack.rooms.getRoom('game', 'orphan')).rejects.toBeInstanceOf(NotFoundError);
    expect(stack.runtime.deletions).toEqual([]);
    expect(stack.terminated).toEqual([]);
    await expect(stack.manager.deleteRoom(scheduler, 'never-existed', 'scale_down')).resolves.toBeUndefined();
    expect(stack.logger.lines).toEqual([]);
  });

  it('cleans up at once the room and instance of a pod already gone', async () => {
    const stack = setUp();
    const { room, instance } = await aCreatedRoom(stack);
    await stack.runtime.deleteGameRoomInstance(instance, 'scale_down');
    await stack.manager.deleteRoom(scheduler, room.id, 'scale_down');
    expect(stack.leftovers()).toEqual(nothing);
    expect(stack.terminated).toEqual([]);
  });

  it('fails, changing nothing, when the runtime fails otherwise', async () => {
    const stack = setUp();
    const { room } = await aCreatedRoom(stack);
    stack.runtime.deleteGameRoomInstance = async () => Promise.reject(new Error('etcdserver: request timed out'));
    await expect(stack.manager.deleteRoom(scheduler, room.id, 'scale_down')).rejects.toThrow('etcdserver: request timed out');
    expect((await stack.rooms.getRoom('game', room.id)).status).toBe('ready');
    expect(stack.terminated).toEqual([]);
  });
});
