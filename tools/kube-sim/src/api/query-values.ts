import { StoreError } from '../store/object-store';

/**
 * Query parameter values read the way the API server reads them (apimachinery's url.Values
 * conversions, Go's strconv). Only the first value of a repeated parameter counts, as in Go.
 * A value that does not parse is a 400 BadRequest carrying Go's error text, as the API server
 * answers a ParameterCodec failure (`strconv.ParseInt: parsing "x": invalid syntax`).
 */

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's `%q` of a string, close enough for the error texts (JSON escapes, double quotes). */
export const goQuote = (text: string): string => JSON.stringify(text);

const badRequest = (message: string) => new StoreError(400, 'BadRequest', message);

/**
 * apimachinery's Convert_Slice_string_To_bool, used for watch, allowWatchBookmarks,
 * sendInitialEvents, orphanDependents...: absent is undefined; "0" and "false" in any case are
 * false; anything else, the empty string and "f" included, is true (never an error).
 */
export function queryFlag(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return !(value === '0' || value.toLowerCase() === 'false');
}

/** Go's strconv.ParseBool: `1 t T TRUE true True` / `0 f F FALSE false False`, undefined otherwise. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** Go's strconv.ParseInt(text, 10, 64), throwing its error text as a 400. */
export function parseInt64(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw badRequest(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > INT64_MAX || value < INT64_MIN) throw badRequest(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  return Number(value);
}

/** Go's strconv.ParseUint(text, 10, 64) as an error text, or undefined when `text` parses. */
export function uint64Problem(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return `strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`;
  if (BigInt(text) > UINT64_MAX) return `strconv.ParseUint: parsing ${goQuote(text)}: value out of range`;
  return undefined;
}

/** An int64 parameter (`limit`, `timeoutSeconds`, `gracePeriodSeconds`): undefined when absent, 400 when not an integer. */
export function queryInt64(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  return value === null ? undefined : parseInt64(value);
}

/** A string parameter: undefined when absent (an empty value is kept, as Go keeps it). */
export const queryString = (query: URLSearchParams, name: string): string | undefined => query.get(name) ?? undefined;

/** Every value of a repeated parameter (`dryRun=All&dryRun=All`), undefined when absent. */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  return values.length > 0 ? values : undefined;
}

/**
 * A resourceVersion as the storage layer parses it: "" and "0" mean any, anything else must be an
 * unsigned 64-bit integer, else 400 `invalid resource version: ...` (the etcd store's answer).
 */
export function checkResourceVersion(resourceVersion: string | undefined): void {
  if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === '0') return;
  const problem = uint64Problem(resourceVersion);
  if (problem) throw badRequest(`invalid resource version: resourceVersion: Invalid value: ${goQuote(resourceVersion)}: ${problem}`);
}
