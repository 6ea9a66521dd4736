import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseGoBool } from './query-values';

/** Responses to write indented (JSON with two-space indentation, as the API server's `pretty`). */
const prettyResponses = new WeakSet<ServerResponse>();

/**
 * The API server's isPrettyPrint: `?pretty=` read with strconv.ParseBool (a value that does not
 * parse means false, never an error); without it, curl, Wget and browsers get indented JSON.
 */
export function wantsPrettyPrint(query: URLSearchParams, userAgent: string | undefined): boolean {
  const pretty = query.get('pretty');
  if (pretty) return parseGoBool(pretty) ?? false;
  return ['curl', 'Wget', 'Mozilla/5.0'].some((prefix) => (userAgent ?? '').startsWith(prefix));
}

/** Marks the response of a request that asks for indented JSON. */
export function choosePrettyPrint(req: IncomingMessage, query: URLSearchParams, res: ServerResponse): void {
  if (wantsPrettyPrint(query, req.headers['user-agent'])) prettyResponses.add(res);
}

export const isPretty = (res: ServerResponse): boolean => prettyResponses.has(res);
