import { InMemoryOperationFlow, InMemoryOperationLease, InMemoryOperationStorage, InMemorySchedulerLock, ManualClock, RecordingLogger } from '@maestro/testing';
import type { OperationExecutor } from '../operations/operation-executor';
import { OperationRegistry, registerOperation } from '../operations/operation-registry';
import { removeRoomsDefinition, type RemoveRoomsInput } from '../operations/rooms/remove-rooms/remove-rooms.definition';
import { OperationRunner } from '../services/operation-runner';
import { OperationReconciler } from '../worker/operation-reconciler';

/** The lease TTL of the fixture's runner. */
export const FIXTURE_LEASE_TTL_MS = 5_000;

/** How long past its expiry the fixture's reconciler takes a lease for dead. */
export const FIXTURE_LEASE_GRACE_MS = 1_000;

/** Time after which a lease granted (or renewed) now reads as dead to the fixture's reconciler. */
export const LEASE_DEAD_AFTER_MS = FIXTURE_LEASE_TTL_MS + FIXTURE_LEASE_GRACE_MS;

/** A remove_rooms executor whose steps the test sets (by default it does nothing and succeeds). */
export function scriptedExecutor(steps: Partial<Pick<OperationExecutor<RemoveRoomsInput>, 'execute' | 'rollback'>> = {}): OperationExecutor<RemoveRoomsInput> {
  return { name: 'remove_rooms', execute: steps.execute ?? (async () => undefined), rollback: steps.rollback ?? (async () => undefined) };
}

/**
 * The operation ports in memory (one manual clock for records, leases and claims), with a runner of
 * `executor` (a remove_rooms) and the reconciler on them, for tests of how operations end and recover.
 */
export function reconciliationFixture(executor: OperationExecutor<RemoveRoomsInput> = scriptedExecutor(), pendingGraceMs = 1_000) {
  const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
  const storage = new InMemoryOperationStorage(clock);
  const flow = new InMemoryOperationFlow();
  const lease = new InMemoryOperationLease(clock);
  const lock = new InMemorySchedulerLock(clock);
  const logger = new RecordingLogger();
  const registry = new OperationRegistry([registerOperation(removeRoomsDefinition, executor)]);
  const runner = new OperationRunner({ storage, lease, registry, clock, logger }, { leaseTtlMs: FIXTURE_LEASE_TTL_MS });
  const reconciler = new OperationReconciler({ storage, flow, lease, lock, clock, logger, runner }, { pendingGraceMs, leaseGraceMs: FIXTURE_LEASE_GRACE_MS });
  const events = async (schedulerName: string, id: string) => (await storage.getOperation(schedulerName, id)).executionHistory.map((entry) => entry.event);
  return { clock, storage, flow, lease, lock, logger, runner, reconciler, events };
}
