import type { GameRoom, Instance, Operation } from '@maestro/domain';

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

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'my-scheduler-abcde',
    schedulerId: 'my-scheduler',
    status: { type: 'ready', description: '' },
    address: { host: '10.0.0.1', ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }] },
    resourceVersion: '1',
    ...overrides,
  };
}

export function anOperation(overrides: Partial<Operation> = {}): Operation {
  const now = new Date('2026-01-02T10:00:00Z');
  return {
    id: '2b3b5c7e-0000-4000-8000-000000000001',
    schedulerName: 'my-scheduler',
    status: 'pending',
    definitionName: 'add_rooms',
    createdAt: now,
    input: { amount: 1 },
    executionHistory: [{ createdAt: now, event: 'Created' }],
    ...overrides,
  };
}
