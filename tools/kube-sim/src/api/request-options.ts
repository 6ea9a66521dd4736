import { type Cause, forbidden, invalidValue, InvalidError, notSupported } from '../resources/validation';
import { StoreError } from '../store/object-store';
import { checkResourceVersion, queryFlag, queryInt64, queryList, queryString } from './query-values';

/**
 * The options of each verb, decoded from the query (and the DeleteOptions body) and validated as
 * the API server does: unparsable values are 400 BadRequest, invalid combinations 422 Invalid
 * `<Kind>Options.meta.k8s.io`.
 */

const META_GROUP = 'meta.k8s.io';

export interface ListOptions {
  watch: boolean;
  allowWatchBookmarks: boolean;
  /** Watch-list streaming (KEP-3157): initial ADDED events, then a bookmark marking their end. */
  sendInitialEvents?: boolean;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  timeoutSeconds?: number;
  /** 0 (or negative) = everything. */
  limit: number;
  continue?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

const NOT_OLDER_THAN = 'NotOlderThan';

function listOptionIssues(o: ListOptions): Cause[] {
  const match = o.resourceVersionMatch ?? '';
  const issues: Cause[] = [];
  if (o.watch) {
    if (o.sendInitialEvents !== undefined && match !== NOT_OLDER_THAN) {
      issues.push(forbidden('resourceVersionMatch', `sendInitialEvents requires setting resourceVersionMatch to ${NOT_OLDER_THAN}`));
    }
    if (match) {
      if (o.sendInitialEvents === undefined)
        issues.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
      if (match !== NOT_OLDER_THAN) issues.push(notSupported('resourceVersionMatch', match, [NOT_OLDER_THAN]));
      if (o.continue) issues.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    }
    return issues;
  }
  if (match) {
    if (!o.resourceVersion) issues.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (o.continue) issues.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== NOT_OLDER_THAN) issues.push(notSupported('resourceVersionMatch', match, ['Exact', NOT_OLDER_THAN, '']));
    if (match === 'Exact' && o.resourceVersion === '0')
      issues.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  if (o.sendInitialEvents !== undefined) issues.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return issues;
}

/** The ListOptions of a GET on a collection; `forceWatch` for the legacy `/watch/` paths. */
export function listOptionsOf(query: URLSearchParams, forceWatch = false): ListOptions {
  const options: ListOptions = {
    labelSelector: queryString(query, 'labelSelector'),
    fieldSelector: queryString(query, 'fieldSelector'),
    watch: forceWatch || (queryFlag(query, 'watch') ?? false),
    allowWatchBookmarks: queryFlag(query, 'allowWatchBookmarks') ?? false,
    resourceVersion: queryString(query, 'resourceVersion'),
    resourceVersionMatch: queryString(query, 'resourceVersionMatch'),
    timeoutSeconds: queryInt64(query, 'timeoutSeconds'),
    limit: queryInt64(query, 'limit') ?? 0,
    continue: queryString(query, 'continue'),
    sendInitialEvents: queryFlag(query, 'sendInitialEvents'),
  };
  const issues = listOptionIssues(options);
  if (issues.length > 0) throw new InvalidError('ListOptions', '', issues, META_GROUP);
  checkResourceVersion(options.resourceVersion);
  if (!options.watch && options.continue && options.resourceVersion && options.resourceVersion !== '0') {
    throw new StoreError(400, 'BadRequest', 'specifying resource version is not allowed when using continue');
  }
  return options;
}

/** The GetOptions of a GET on one object: only resourceVersion, which must parse. */
export function checkGetOptions(query: URLSearchParams): void {
  checkResourceVersion(queryString(query, 'resourceVersion'));
}

const DRY_RUN_VALUES = ['All'];
const FIELD_VALIDATION_VALUES = ['', 'Ignore', 'Strict', 'Warn'];

const dryRunIssues = (dryRun: string[] | undefined): Cause[] =>
  dryRun && !dryRun.every((v) => DRY_RUN_VALUES.includes(v)) ? [notSupported('dryRun', dryRun, DRY_RUN_VALUES)] : [];

export interface WriteOptions {
  /** `dryRun=All`: validate and answer as usual, store nothing. */
  dryRun: boolean;
}

/** Create/Update/PatchOptions (`dryRun`, `fieldValidation`; `fieldManager` is accepted as is). */
export function writeOptionsOf(query: URLSearchParams, kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'): WriteOptions {
  const dryRun = queryList(query, 'dryRun');
  const fieldValidation = queryString(query, 'fieldValidation') ?? '';
  const issues = dryRunIssues(dryRun);
  if (!FIELD_VALIDATION_VALUES.includes(fieldValidation)) issues.push(notSupported('fieldValidation', fieldValidation, FIELD_VALIDATION_VALUES));
  if (issues.length > 0) throw new InvalidError(kind, '', issues, META_GROUP);
  return { dryRun: (dryRun ?? []).length > 0 };
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: string;
  orphanDependents?: boolean;
  dryRun: boolean;
}

const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'];

const GO_TYPES = { integer: 'int64', string: 'string', boolean: 'bool', object: 'v1.Preconditions', 'string list': '[]string' } as const;

const jsonTypeOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? `number ${value}` : typeof value;

/** A DeleteOptions body field of the right JSON type, else the 400 of Go's JSON decoder. */
function typed<T>(body: Record<string, unknown>, field: string, type: keyof typeof GO_TYPES): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const fits =
    type === 'integer'
      ? Number.isInteger(value)
      : type === 'string list'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : type === 'object'
          ? typeof value === 'object' && !Array.isArray(value)
          : typeof value === type;
  if (!fits)
    throw new StoreError(
      400,
      'BadRequest',
      `json: cannot unmarshal ${jsonTypeOf(value)} into Go struct field DeleteOptions.${field} of type ${GO_TYPES[type]}`,
    );
  return value as T;
}

/**
 * DeleteOptions: from the body when there is one (the query is then ignored, as the API server
 * does), else from the query. A negative grace period means 1 second.
 */
export function deleteOptionsOf(query: URLSearchParams, body: unknown): DeleteOptions {
  let options: Omit<DeleteOptions, 'dryRun'> & { dryRun?: string[] };
  if (body !== undefined) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new StoreError(400, 'BadRequest', 'the body of a DELETE must be a DeleteOptions object');
    const b = body as Record<string, unknown>;
    options = {
      gracePeriodSeconds: typed<number>(b, 'gracePeriodSeconds', 'integer'),
      preconditions: typed<DeleteOptions['preconditions']>(b, 'preconditions', 'object'),
      propagationPolicy: typed<string>(b, 'propagationPolicy', 'string'),
      orphanDependents: typed<boolean>(b, 'orphanDependents', 'boolean'),
      dryRun: typed<string[]>(b, 'dryRun', 'string list'),
    };
  } else {
    options = {
      gracePeriodSeconds: queryInt64(query, 'gracePeriodSeconds'),
      propagationPolicy: queryString(query, 'propagationPolicy'),
      orphanDependents: queryFlag(query, 'orphanDependents'),
      dryRun: queryList(query, 'dryRun'),
    };
  }
  const issues: Cause[] = [];
  if (options.orphanDependents !== undefined && options.propagationPolicy !== undefined) {
    issues.push(invalidValue('propagationPolicy', options.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (options.propagationPolicy !== undefined && !PROPAGATION_POLICIES.includes(options.propagationPolicy)) {
    issues.push(notSupported('propagationPolicy', options.propagationPolicy, [...PROPAGATION_POLICIES, 'nil']));
  }
  issues.push(...dryRunIssues(options.dryRun));
  if (issues.length > 0) throw new InvalidError('DeleteOptions', '', issues, META_GROUP);
  const grace = options.gracePeriodSeconds;
  return { ...options, gracePeriodSeconds: grace !== undefined && grace < 0 ? 1 : grace, dryRun: (options.dryRun ?? []).length > 0 };
}
