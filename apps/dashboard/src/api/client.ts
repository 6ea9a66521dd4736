import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './management-api';

export type ManagementClient = ReturnType<typeof createClient<paths>>;

/** An error body of the management API (Maestro's): `{"code": <gRPC code>, "message": "..."}`. */
export interface ApiError {
  code?: number;
  message?: string;
}

/** Thrown by {@link unwrap} for an answer other than 2xx; `status` 401 means the session ended. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A typed client of the management API on the page's origin (types generated from its OpenAPI
 * document); every call carries the token when there is one.
 */
export function createManagementClient(secret: string | undefined, fetcher: typeof fetch): ManagementClient {
  const client = createClient<paths>({ baseUrl: window.location.origin, fetch: fetcher });
  if (secret) {
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${secret}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

/** The data of a 2xx answer; an {@link ApiRequestError} with the API's message otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  const error = (result.error ?? {}) as ApiError;
  throw new ApiRequestError(result.response.status, error.message ?? `the management API answered ${result.response.status}`);
}
