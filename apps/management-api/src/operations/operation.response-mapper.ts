import type { Operation } from '@maestro/domain';
import { formatTimestamp, formatTimestampSeconds } from '../wire/wire-format';

/**
 * ListOperationItem: the operation without input and history; `lease` only where given;
 * `requestedBy` (not in Maestro) when a token's caller asked for it.
 */
export function toOperationItemJson(op: Operation, withLease = false) {
  return {
    id: op.id,
    status: op.status,
    definitionName: op.definitionName,
    ...(withLease && op.lease ? { lease: { ttl: formatTimestampSeconds(op.lease.ttl) } } : {}),
    schedulerName: op.schedulerName,
    createdAt: formatTimestamp(op.createdAt),
    ...(op.requestedBy !== undefined ? { requestedBy: op.requestedBy } : {}),
  };
}

/**
 * Operation of GET .../operations/{id}. `input` is always an object: Maestro stores every definition
 * as JSON, so an empty one (delete_scheduler, storage_clean_up...) is `{}`, never `null`.
 */
export function toOperationJson(op: Operation) {
  return {
    ...toOperationItemJson(op),
    input: op.input,
    executionHistory: op.executionHistory.map((e) => ({ createdAt: formatTimestamp(e.createdAt), event: e.event })),
  };
}
