/**
 * Domain errors carry a kind that the HTTP edge maps to a status code (libs/platform),
 * a message for humans and, optionally, the underlying cause.
 */
export type DomainErrorKind = 'invalid_argument' | 'not_found' | 'already_exists' | 'conflict' | 'aborted' | 'unavailable' | 'unexpected';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One failing field: the path names the field the way Maestro's messages do. */
export interface FieldIssue {
  /** Go struct path, e.g. `Scheduler.Spec.Containers[0].Name`. */
  path: string;
  message: string;
}

/** Bad input (gRPC InvalidArgument, HTTP 400). */
export class InvalidArgumentError extends DomainError {
  readonly kind = 'invalid_argument';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The thing does not exist (gRPC NotFound, HTTP 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** The thing exists already, or a change is empty (gRPC AlreadyExists, HTTP 409). */
export class AlreadyExistsError extends DomainError {
  readonly kind = 'already_exists';
}

/** The current state does not allow the request (gRPC FailedPrecondition, HTTP 400). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The request ran into a final state (gRPC Aborted, HTTP 409). */
export class AbortedError extends DomainError {
  readonly kind = 'aborted';
}

/** A dependency (Postgres, Redis) cannot be reached now; the same request may succeed later (gRPC Unavailable, HTTP 503). */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

/** Anything else (gRPC Unknown, HTTP 500). */
export class UnexpectedError extends DomainError {
  readonly kind = 'unexpected';
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
export const isNotFound = (e: unknown): e is NotFoundError => e instanceof NotFoundError;

/**
 * A rejection handler for writes where absence is normal (deleting what may be gone already): a
 * NotFoundError resolves, any other failure (an outage) still rejects.
 */
export const ignoreNotFound = (e: unknown): undefined => {
  if (!isNotFound(e)) throw e;
  return undefined;
};

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new UnexpectedError(`unexpected value ${String(value)}`);
}
