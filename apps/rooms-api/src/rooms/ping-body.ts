import { InvalidArgumentError, type PingStatus } from '@maestro/domain';

const REPORTABLE: readonly string[] = ['ready', 'occupied', 'terminating', 'terminated'];

/** Largest ping metadata, as JSON text: the room's metadata is stored and forwarded with every ping (not in Maestro). */
export const PING_METADATA_MAX_LENGTH = 8 * 1024;

export interface PingBody {
  status: Exclude<PingStatus, 'unknown'>;
  runningMatches: number;
  metadata: Record<string, unknown>;
}

const invalid = (field: string, message: string) => new InvalidArgumentError(`${field}: ${message}`, [{ path: field, message }]);

/**
 * Checks a ping body by hand: the hottest route skips the class-validator pipeline (its body type
 * is a plain object, so the global pipe leaves it alone). Same rules and messages as the DTO.
 */
export function parsePingBody(body: unknown): PingBody {
  const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const status = input.status ?? '';
  if (typeof status !== 'string' || !REPORTABLE.includes(status)) {
    // Any JSON value may arrive here: printed without calling its (possibly overridden) toString.
    const shown = typeof status === 'string' ? status : JSON.stringify(status);
    throw new InvalidArgumentError(`cannot convert string ${shown} to a valid GameRoomStatus representation`, [{ path: 'status', message: 'invalid status' }]);
  }
  for (const field of ['timestamp', 'runningMatches'] as const) {
    const value = input[field];
    const ok = value === undefined || (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,18}$/.test(value));
    if (!ok) throw invalid(field, `${field} must be an integer or a decimal string`);
  }
  const metadata = input.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) throw invalid('metadata', 'metadata must be an object');
  if (Object.keys(metadata).length > 0 && JSON.stringify(metadata).length > PING_METADATA_MAX_LENGTH) {
    throw invalid('metadata', `metadata must be at most ${PING_METADATA_MAX_LENGTH} characters of JSON`);
  }
  const reported = Number(input.runningMatches ?? 0);
  return {
    status: status as PingBody['status'],
    runningMatches: status === 'occupied' && reported === 0 ? 1 : reported,
    metadata: metadata as Record<string, unknown>,
  };
}
