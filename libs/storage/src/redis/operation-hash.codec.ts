import {
  type Operation,
  UnexpectedError,
  operationStatusFromInt,
  operationStatusToInt,
} from '@maestro/domain';

/** The fields of an operation hash (storage.md section 4.1). */
export function operationToHash(op: Operation): Record<string, string> {
  return {
    id: op.id,
    schedulerName: op.schedulerName,
    status: String(operationStatusToInt(op.status)),
    definitionName: op.definitionName,
    createdAt: op.createdAt.toISOString(),
    definitionContents: JSON.stringify(op.input),
    executionHistory: JSON.stringify(op.executionHistory.map((e) => ({ CreatedAt: e.createdAt.toISOString(), Event: e.event }))),
  };
}

/** Reads an operation hash; throws UnexpectedError on malformed data. */
export function operationFromHash(hash: Record<string, string>): Operation {
  const status = operationStatusFromInt(Number(hash.status));
  if (!status) throw new UnexpectedError(`operation ${hash.id} has an unknown status ${hash.status}`);
  try {
    const history = JSON.parse(hash.executionHistory || '[]') as { CreatedAt: string; Event: string }[];
    return {
      id: hash.id,
      schedulerName: hash.schedulerName,
      status,
      definitionName: hash.definitionName,
      createdAt: new Date(hash.createdAt),
      input: (JSON.parse(hash.definitionContents || '{}') as Record<string, unknown>) ?? {},
      executionHistory: history.map((e) => ({ createdAt: new Date(e.CreatedAt), event: e.Event })),
    };
  } catch (cause) {
    throw new UnexpectedError(`operation ${hash.id} has malformed data`, { cause });
  }
}
