/** Exit codes of `maestro` (documented in the README's CLI section). */
export const EXIT_OK = 0;
/** A failed operation, an API error or an unreachable API. */
export const EXIT_FAILURE = 1;
/** Bad usage: an unknown command or option, a missing argument, an unreadable file. */
export const EXIT_USAGE = 2;

/** An error the CLI reports in one line, ending with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

/** Bad usage (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}

/** An error answer of the API: its HTTP status, its gRPC code and its message. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message, EXIT_FAILURE);
  }
}

/** True for a 404 of the API (an unknown scheduler, operation or route). */
export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
