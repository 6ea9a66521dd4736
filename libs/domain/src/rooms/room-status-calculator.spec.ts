import type { PingStatus, RoomStatus } from '../entities/game-room';
import type { InstanceStatusType } from '../entities/instance';
import {
  calculateRoomStatus,
  multiMatchStatusCalculator,
  singleMatchStatusCalculator,
  statusCalculatorFor,
  type StatusContext,
} from './room-status-calculator';

const now = new Date('2026-01-01T00:10:00Z');
const context = (overrides: Partial<StatusContext> = {}): StatusContext => ({
  stored: 'ready',
  runningMatches: 0,
  maxMatches: 1,
  now,
  allocationTtlMs: 300_000,
  ...overrides,
});
const allocatedAt = (msAgo: number) => new Date(now.getTime() - msAgo);

describe('choice of the calculator (rooms-api.md 1.5)', () => {
  it('uses multi-match only when maxMatches > 1', () => {
    expect(statusCalculatorFor(0)).toBe(singleMatchStatusCalculator);
    expect(statusCalculatorFor(1)).toBe(singleMatchStatusCalculator);
    expect(statusCalculatorFor(2)).toBe(multiMatchStatusCalculator);
  });
});

describe.each([
  ['single-match', singleMatchStatusCalculator, 1],
  ['multi-match', multiMatchStatusCalculator, 3],
])('%s allocation window', (_name, calculator, maxMatches) => {
  const allocated = (msAgo: number, runningMatches = 0) => context({ stored: 'allocated', allocatedAt: allocatedAt(msAgo), maxMatches, runningMatches });

  it('keeps allocated while the room pings ready within the TTL (boundary included)', () => {
    expect(calculator.calculate('ready', 'ready', allocated(0))).toBe('allocated');
    expect(calculator.calculate('ready', 'ready', allocated(300_000))).toBe('allocated');
  });

  it('takes any other composed status as is within the TTL, with no multi-match adjustment', () => {
    expect(calculator.calculate('occupied', 'ready', allocated(1000))).toBe('occupied');
    expect(calculator.calculate('terminating', 'ready', allocated(1000))).toBe('terminating');
    expect(calculator.calculate('unknown', 'ready', allocated(1000))).toBe('unready');
  });

  it('continues normally after the TTL', () => {
    expect(calculator.calculate('ready', 'ready', allocated(300_001))).toBe('ready');
  });

  it('ignores the window without an allocation time or when the stored status is not allocated', () => {
    expect(calculator.calculate('ready', 'ready', context({ stored: 'allocated', maxMatches }))).toBe('ready');
    expect(calculator.calculate('ready', 'ready', context({ stored: 'ready', allocatedAt: allocatedAt(0), maxMatches }))).toBe('ready');
  });
});

describe('single-match calculator', () => {
  it.each<[PingStatus, InstanceStatusType, number, RoomStatus]>([
    ['ready', 'ready', 5, 'ready'],
    ['occupied', 'ready', 0, 'occupied'],
    ['unknown', 'ready', 0, 'unready'],
    ['terminated', 'pending', 0, 'terminated'],
  ])('takes the composed status as final: %s + %s with %d matches -> %s', (ping, instance, runningMatches, expected) => {
    expect(singleMatchStatusCalculator.calculate(ping, instance, context({ runningMatches }))).toBe(expected);
  });
});

describe('multi-match calculator (maxMatches 3)', () => {
  it.each<[PingStatus, InstanceStatusType, number, RoomStatus]>([
    ['ready', 'ready', 0, 'ready'],
    ['occupied', 'ready', 0, 'ready'],
    ['ready', 'ready', 1, 'active'],
    ['occupied', 'ready', 2, 'active'],
    ['ready', 'ready', 3, 'occupied'],
    ['occupied', 'ready', 4, 'occupied'],
    ['terminating', 'ready', 2, 'terminating'],
    ['unknown', 'ready', 2, 'unready'],
    ['ready', 'pending', 2, 'pending'],
    ['ready', 'error', 2, 'error'],
  ])('%s + %s with %d running matches -> %s', (ping, instance, runningMatches, expected) => {
    expect(multiMatchStatusCalculator.calculate(ping, instance, context({ runningMatches, maxMatches: 3 }))).toBe(expected);
    expect(calculateRoomStatus(ping, instance, context({ runningMatches, maxMatches: 3 }))).toBe(expected);
  });
});
