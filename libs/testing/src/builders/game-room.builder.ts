import type { GameRoom } from '@maestro/domain';

/** A pending room of `my-scheduler`, version v1.0.0, never pinged. */
export function aGameRoom(overrides: Partial<GameRoom> = {}): GameRoom {
  const now = new Date('2026-01-02T10:00:00Z');
  return {
    id: 'my-scheduler-abcde',
    schedulerId: 'my-scheduler',
    version: 'v1.0.0',
    status: 'pending',
    pingStatus: 'unknown',
    metadata: null,
    lastPingAt: now,
    isValidationRoom: false,
    runningMatches: 0,
    createdAt: now,
    ...overrides,
  };
}
