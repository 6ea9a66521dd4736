/** Status code of a Kubernetes API error (the client's ApiException, or a watch error), if it is one. */
export function apiErrorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

/** Status codes pod creation is retried on: 429, internal error / server timeout, unavailable, gateway timeout. */
const RETRYABLE_CODES = new Set([429, 500, 503, 504]);

/** Whether a failed create may be retried (Maestro: too many requests, server timeout, 500, 503). */
export function isRetryableApiError(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** The human message of an API error: the Status `message` of its body when there is one. */
export function describeApiError(error: unknown): string {
  const body = (error as { body?: unknown } | null)?.body;
  if (typeof body === 'string' && body.length > 0) {
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
  if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  return error instanceof Error ? error.message : String(error);
}
