import type { Operation } from '@maestro/domain';
import { formatTimestamp, formatTimestampSeconds } from '../wire/wire-format';

/** ListOperationItem: the operation without input and history; `lease` only where given. */
export function toOperationItemJson(op: Operation, withLease = false) {
  return {
    id: op.id,
    status: op.status,
    definitionName: op.definitionName,
    ...(withLease && op.lease ? { lease: { ttl: formatTimestampSeconds(op.lease.ttl) } } : {}),
    schedulerName: op.schedulerName,
    createdAt: formatTimestamp(op.createdAt),
  };
}

/** Operation of GET .../operations/{id}: `input` is null for an empty definition. */
export function toOperationJson(op: Operation) {
  return {
    ...toOperationItemJson(op),
    input: Object.keys(op.input).length === 0 ? null : op.input,
    executionHistory: op.executionHistory.map((e) => ({ createdAt: formatTimestamp(e.createdAt), event: e.event })),
  };
}
