import {
  RedisKeys,
  cancellationKeys,
  instanceKeys,
  leaseKeys,
  operationKeys,
  prefixOf,
  roomKeys,
  schedulerCacheKeys,
  schedulerLockKeys,
  unixSeconds,
} from './redis-keys';

describe('Redis key builders (storage.md 4.1)', () => {
  it("builds Maestro's exact keys without a prefix", () => {
    const rooms = roomKeys('');
    expect(rooms.room('s', 'r')).toBe('scheduler:s:rooms:r');
    expect(rooms.statusChannel('s', 'r')).toBe('scheduler:s:rooms:r:updatechan');
    expect(rooms.statuses('s')).toBe('scheduler:s:status');
    expect(rooms.pings('s')).toBe('scheduler:s:ping');
    expect(rooms.occupancy('s')).toBe('scheduler:s:occupancy');
    expect(instanceKeys('').podMap('s')).toBe('scheduler:s:podMap');
    const ops = operationKeys('');
    expect(ops.operation('s', 'id')).toBe('operations:s:id');
    expect(ops.active('s')).toBe('operations:s:lists:active');
    expect(ops.history('s')).toBe('operations:s:lists:history');
    expect(ops.noAction('s')).toBe('operations:s:lists:noaction');
    expect(leaseKeys('').leases('s')).toBe('operations:s:operationsLease');
    expect(schedulerCacheKeys('').scheduler('s')).toBe('scheduler:s');
    expect(schedulerCacheKeys('').generation('s')).toBe('scheduler:s:cacheGeneration');
    expect(cancellationKeys('').channel()).toBe('scheduler:operation_cancellation_requests');
    expect(schedulerLockKeys('').lock('s')).toBe('scheduler:s:executionLock');
    expect(schedulerLockKeys('').period('s', 'health_controller')).toBe('scheduler:s:periodClaim:health_controller');
  });

  it('puts the prefix in front of every key and channel', () => {
    expect(roomKeys('t:').room('s', 'r')).toBe('t:scheduler:s:rooms:r');
    expect(roomKeys('t:').statusChannel('s', 'r')).toBe('t:scheduler:s:rooms:r:updatechan');
    expect(operationKeys('t:').operation('s', 'id')).toBe('t:operations:s:id');
    expect(cancellationKeys('t:').channel()).toBe('t:scheduler:operation_cancellation_requests');
  });

  it('accepts the prefix as a string or as an object carrying it', () => {
    expect(prefixOf('p:')).toBe('p:');
    expect(prefixOf(new RedisKeys('q:'))).toBe('q:');
    expect(prefixOf()).toBe('');
  });

  it('scores times in whole unix seconds', () => {
    expect(unixSeconds(new Date('2026-01-02T10:00:00.999Z'))).toBe(1767348000);
  });
});
