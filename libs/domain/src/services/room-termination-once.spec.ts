import {
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemoryRuntime,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
  RecordingLogger,
  SequentialPortAllocator,
} from '@maestro/testing';
import type { Instance, InstanceStatusType } from '../entities/instance';
import { RoomManager } from './room-manager';
import { type RoomEventsSink, RoomStatusService } from './room-status.service';
import { SchedulerLookup } from './scheduler-lookup';

/**
 * Issue 12 item 6: one "terminated" status event per room, whichever of the deletion, the watcher
 * seeing the pod terminating and the watcher seeing the pod gone comes first.
 */
describe('terminated is forwarded once per room', () => {
  const scheduler = aScheduler().withName('game').build();

  async function setUp() {
    const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    const schedulers = new InMemorySchedulerStorage(clock);
    await schedulers.createScheduler(scheduler);
    const rooms = new InMemoryRoomStorage();
    const instances = new InMemoryInstanceStorage();
    const logger = new RecordingLogger();
    const terminated: string[] = [];
    const sink: RoomEventsSink = {
      forwardPing: async () => undefined,
      forwardStatusTerminated: async (_scheduler, roomId) => void terminated.push(roomId),
    };
    const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
    const statuses = new RoomStatusService({ rooms, instances, schedulers: lookup, clock, logger }, { allocationTtlMs: 300_000 }, sink);
    const manager = new RoomManager(
      { rooms, instances, runtime: new InMemoryRuntime(), portAllocator: new SequentialPortAllocator(), clock, logger },
      (s, roomId) => sink.forwardStatusTerminated(s, roomId),
    );
    const { room, instance } = await manager.createRoom(scheduler);
    await statuses.ping({ schedulerName: 'game', roomId: room.id, pingStatus: 'ready', runningMatches: 0, metadata: {}, at: clock.now() });
    await statuses.applyInstance({ ...instance, status: { type: 'ready', description: '' } });
    expect((await rooms.getRoom('game', room.id)).status).toBe('ready');
    const pod = (type: InstanceStatusType): Instance => ({ ...instance, status: { type, description: '' } });
    return { statuses, manager, terminated, roomId: room.id, pod };
  }

  it('sends one for a room Maestro deletes, not another when its pod terminates and goes', async () => {
    const { statuses, manager, terminated, roomId, pod } = await setUp();
    await manager.deleteRoom(scheduler, roomId, 'scale_down');
    await statuses.applyInstance(pod('terminating'));
    await statuses.removeInstance(pod('terminating'));
    expect(terminated).toEqual([roomId]);
  });

  it('sends one when the watcher sees the pod terminating before the deletion marks the room', async () => {
    const { statuses, manager, terminated, roomId, pod } = await setUp();
    await statuses.applyInstance(pod('terminating'));
    await manager.deleteRoom(scheduler, roomId, 'scale_down');
    await statuses.removeInstance(pod('terminating'));
    expect(terminated).toEqual([roomId]);
  });

  it('sends one for a pod that disappears on its own (node loss)', async () => {
    const { statuses, terminated, roomId, pod } = await setUp();
    await statuses.removeInstance(pod('ready'));
    expect(terminated).toEqual([roomId]);
  });

  it('sends one for a pod that crashed and then disappeared', async () => {
    const { statuses, terminated, roomId, pod } = await setUp();
    await statuses.applyInstance(pod('error'));
    await statuses.removeInstance(pod('error'));
    expect(terminated).toEqual([roomId]);
  });

  it('sends one for a pod evicted by the cluster: terminating, then gone', async () => {
    const { statuses, terminated, roomId, pod } = await setUp();
    await statuses.applyInstance(pod('terminating'));
    await statuses.removeInstance(pod('terminating'));
    expect(terminated).toEqual([roomId]);
  });
});
