import { previousVersion } from '../commands/steer.command';
import { aRoomJson, anOperationJson } from '../testing/wire-builders';
import { enqueuedSwitch, operationError } from './operation-wait';
import { roomProgress, targetRooms } from './room-progress';

const room = aRoomJson;
const anOperation = (status: string, events: string[]) => anOperationJson('op', 'create_new_scheduler_version', status, events);

describe('room progress of a rollout', () => {
  const exact3 = { rooms: 3, exact: true };

  it('counts only rooms of the new version for a major change, until no other remains', () => {
    const rooms = [room('a', 'ready', 'v2.0.0'), room('b', 'ready', 'v1.0.0'), room('c', 'terminating', 'v1.0.0'), room('d', 'pending', 'v2.0.0')];
    expect(roomProgress(rooms, 'v2.0.0', exact3, true)).toEqual({ ready: 1, target: 3, outdated: 1, done: false });
    const after = [room('a', 'ready', 'v2.0.0'), room('d', 'occupied', 'v2.0.0'), room('e', 'allocated', 'v2.0.0'), room('c', 'terminating', 'v1.0.0')];
    expect(roomProgress(after, 'v2.0.0', exact3, true)).toEqual({ ready: 3, target: 3, outdated: 0, done: true });
  });

  it('counts every room for a minor change, and waits for a scale-down to end', () => {
    const rooms = [room('a', 'ready', 'v1.0.0'), room('b', 'ready', 'v1.1.0'), room('c', 'ready', 'v1.0.0'), room('d', 'ready', 'v1.0.0')];
    expect(roomProgress(rooms, 'v1.1.0', exact3, false).done).toBe(false);
    expect(roomProgress(rooms.slice(1), 'v1.1.0', exact3, false)).toEqual({ ready: 3, target: 3, outdated: 0, done: true });
    expect(roomProgress(rooms, 'v1.1.0', { rooms: 3, exact: false }, false).done).toBe(true);
  });

  it('leaves validation rooms out', () => {
    expect(roomProgress([room('v', 'ready', 'v2.0.0', { isValidationRoom: true })], 'v2.0.0', { rooms: 1, exact: true }, true).ready).toBe(0);
  });

  it('targets the replicas, or the autoscaling minimum', () => {
    expect(targetRooms({ roomsReplicas: 4 })).toEqual({ rooms: 4, exact: true });
    expect(targetRooms({ roomsReplicas: 4, autoscaling: { enabled: true, min: 2, max: 9 } })).toEqual({ rooms: 2, exact: false });
    expect(targetRooms({ roomsReplicas: 4, autoscaling: { enabled: false, min: 2 } })).toEqual({ rooms: 4, exact: true });
  });
});

describe('operations of a rollout', () => {
  it("reads the operation's error from its last history line", () => {
    expect(operationError(anOperation('error', ['Created', 'Starting operation', 'all validation attempts have failed']))).toBe(
      'all validation attempts have failed',
    );
    expect(operationError(anOperation('canceled', ['Created']))).toBe('operation canceled');
  });

  it('finds the switch a new version enqueued', () => {
    expect(enqueuedSwitch(anOperation('finished', ['Created', 'enqueued switch active version operation with id: 42', 'Operation finished']))).toBe('42');
    expect(enqueuedSwitch(anOperation('finished', ['Created']))).toBeUndefined();
  });

  it('rolls back to the version created before the active one by default', () => {
    const versions = [
      { version: 'v1.2.0', isActive: false },
      { version: 'v2.0.0', isActive: true },
      { version: 'v1.1.0', isActive: false },
    ];
    expect(previousVersion(versions)).toBe('v1.1.0');
    expect(previousVersion([{ version: 'v1.0.0', isActive: true }])).toBeUndefined();
  });
});
