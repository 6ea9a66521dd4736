import type { Operation } from '@maestro/domain';

/** A pending `add_rooms` operation of `my-scheduler` with its creation event. */
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
