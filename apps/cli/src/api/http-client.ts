import { ApiError, CliError } from '../errors';

/** Where the CLI sends its requests, and with which token. */
export interface Target {
  /** The management API, e.g. http://127.0.0.1:8080. */
  url: string;
  /** The rooms API (allocate), e.g. http://127.0.0.1:8070. */
  roomsUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request when known. */
  token?: string;
  /** Name of the context the target came from, if any (for messages). */
  context?: string;
}

export type Fetch = typeof fetch;

/** JSON over HTTP with the bearer token; an error answer becomes an ApiError with the API's message. */
export class HttpClient {
  constructor(
    private readonly target: Target,
    private readonly fetchFn: Fetch = fetch,
  ) {}

  /** A request to the management API. */
  management<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.request<T>(this.target.url, method, path, body);
  }

  /** A request to the rooms API. */
  rooms<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.request<T>(this.target.roomsUrl, method, path, body);
  }

  private async request<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    const url = `${base.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new CliError(`cannot reach ${base}: ${reason}`);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw toApiError(response.status, parsed, text);
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Maestro's error body `{code, message}`; any other body is shown as it came. */
export function toApiError(status: number, body: unknown, text: string): ApiError {
  if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
    const { code, message } = body as { code?: unknown; message: string };
    return new ApiError(status, typeof code === 'number' ? code : undefined, message);
  }
  return new ApiError(status, undefined, text.trim() || `HTTP ${status}`);
}
