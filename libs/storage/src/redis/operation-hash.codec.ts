import { type Operation, UnexpectedError, formatGoTime, operationStatusFromInt, operationStatusToInt } from '@maestro/domain';

/** One entry of the `executionHistory` JSON array (Go field names). */
interface HistoryEntryJson {
  CreatedAt: string;
  Event: string;
}

/**
 * The fields of an operation hash (storage.md section 4.1): status as its integer, times as Go
 * RFC 3339 (UTC, millisecond precision), definition and history as JSON text.
 */
export function operationToHash(op: Operation): Record<string, string> {
  const history: HistoryEntryJson[] = op.executionHistory.map((e) => ({ CreatedAt: formatGoTime(e.createdAt), Event: e.event }));
  return {
    id: op.id,
    schedulerName: op.schedulerName,
    status: String(operationStatusToInt(op.status)),
    definitionName: op.definitionName,
    createdAt: formatGoTime(op.createdAt),
    definitionContents: JSON.stringify(op.input),
    executionHistory: JSON.stringify(history),
    ...(op.requestedBy !== undefined ? { requestedBy: op.requestedBy } : {}),
  };
}

/** Reads an operation hash (also Maestro's nanosecond, local-zone times); throws UnexpectedError on malformed data. */
export function operationFromHash(hash: Record<string, string>): Operation {
  const status = operationStatusFromInt(Number(hash.status));
  if (!status) throw new UnexpectedError(`operation ${hash.id} has an unknown status ${hash.status}`);
  try {
    const history = (JSON.parse(hash.executionHistory || '[]') as HistoryEntryJson[] | null) ?? [];
    return {
      id: hash.id,
      schedulerName: hash.schedulerName,
      status,
      definitionName: hash.definitionName,
      createdAt: new Date(hash.createdAt),
      input: (JSON.parse(hash.definitionContents || '{}') as Record<string, unknown> | null) ?? {},
      executionHistory: history.map((e) => ({ createdAt: new Date(e.CreatedAt), event: e.Event })),
      ...(hash.requestedBy ? { requestedBy: hash.requestedBy } : {}),
    };
  } catch (cause) {
    throw new UnexpectedError(`operation ${hash.id} has malformed data`, { cause });
  }
}
