import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { eventIssues } from '../resources/events';
import { dnsLabelIssues, dnsSubdomainIssues, InvalidError, required } from '../resources/validation';
import { HAS_STATUS, ownerReferenceIssues, prepareForCreate, prepareForUpdate } from '../resources/write-rules';
import type { K8sObject } from '../store/k8s-object';
import { RESOURCES, groupOf } from '../store/k8s-object';
import { notFound, type ObjectStore, StoreError } from '../store/object-store';
import { pageOf } from './list-page';
import { jsonPatch, mergePatch } from './patch';
import { queryFlag } from './query-values';
import { checkGetOptions, deleteOptionsOf, listOptionsOf, writeOptionsOf } from './request-options';
import type { RequestTarget } from './request-target';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { sendJson, sendStatus } from './status';
import { includeObjectOf, tableOf, wantsTable } from './table';
import type { WatchHub } from './watch-stream';

/** Behaviour of the simulated cluster around plain storage (pod defaults, graceful deletion...). */
export interface ClusterHooks {
  /** Adjusts or refuses an object about to be created (throws StoreError). */
  beforeCreate(resource: string, object: K8sObject): void;
  /** Deletes with Kubernetes semantics; returns the object as it is after the call (as it would be, with `dryRun`). */
  delete(resource: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number, dryRun?: boolean): K8sObject;
}

const NAME_SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = () => Array.from(randomBytes(5), (b) => NAME_SUFFIX[b % NAME_SUFFIX.length]).join('');
/** Resources whose DELETE answers the object itself; the others answer a Status (as the API server does). */
const DELETE_RETURNS_OBJECT = new Set(['pods', 'namespaces']);

/**
 * Whether a GET is a watch: the legacy `/watch/` paths, or `?watch=` on a collection read as the
 * API server reads booleans (anything but "0" and "false" is true). A GET of one object by name
 * ignores `watch`, as the API server's get handler does.
 */
export const isWatch = (target: RequestTarget, query: URLSearchParams): boolean => target.watchPath || (!target.name && queryFlag(query, 'watch') === true);

/** The REST verbs on one resource path. */
export class RestHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly watches: WatchHub,
    private readonly hooks: ClusterHooks,
    private readonly bookmarkIntervalMs: number,
  ) {}

  /** Serves one request; store errors become Status objects with their code and reason. */
  async handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget, query: URLSearchParams, body: unknown): Promise<void> {
    try {
      if (target.subresource && (target.subresource !== 'status' || !HAS_STATUS.has(target.resource))) {
        throw new StoreError(404, 'NotFound', `the server could not find the requested resource (${req.method} ${target.resource}/${target.subresource})`);
      }
      // Node's HTTP server always sets the method of a request it parsed.
      switch (req.method ?? '') {
        case 'GET':
          return this.read(req, res, target, query);
        case 'POST':
          if (target.name) throw new StoreError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
          return sendJson(res, 201, this.create(target, query, body));
        case 'PUT':
          return sendJson(res, 200, this.replace(target, query, body));
        case 'PATCH':
          return sendJson(res, 200, this.patch(target, query, String(req.headers['content-type'] ?? ''), body));
        case 'DELETE':
          return this.remove(res, target, query, body);
        default:
          throw new StoreError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      }
    } catch (error) {
      if (error instanceof StoreError) return sendStatus(res, error.code, error.reason, error.message, statusDetails(target, error));
      return sendStatus(res, 400, 'BadRequest', (error as Error).message);
    }
  }

  private read(req: IncomingMessage, res: ServerResponse, target: RequestTarget, query: URLSearchParams): void {
    const { resource, namespace, name } = target;
    const asTable = wantsTable(req.headers.accept) && !target.subresource;
    if (name && !target.watchPath) {
      checkGetOptions(query);
      const found = this.store.get(resource, namespace, name);
      if (!found) throw notFound(resource, name);
      if (!asTable) return sendJson(res, 200, found);
      return sendJson(
        res,
        200,
        tableOf(resource, [found], { includeObject: includeObjectOf(query), metadata: { resourceVersion: found.metadata.resourceVersion } }),
      );
    }
    const options = listOptionsOf(query, target.watchPath);
    if (name && options.fieldSelector) throw new StoreError(400, 'BadRequest', 'both a name and a field selector provided; please provide one or the other.');
    const labels = parseLabelSelector(options.labelSelector);
    const byField = parseFieldSelector(options.fieldSelector);
    const matches = (o: K8sObject) => (!name || o.metadata.name === name) && labels(o.metadata.labels ?? {}) && byField(o);
    if (options.watch) {
      const includeObject = asTable ? includeObjectOf(query) : 'Metadata';
      return this.watches.serve(this.store, req, res, {
        resource,
        namespace,
        matches,
        resourceVersion: options.resourceVersion,
        sendInitialEvents: options.sendInitialEvents,
        bookmarks: options.allowWatchBookmarks,
        timeoutSeconds: options.timeoutSeconds,
        bookmarkIntervalMs: this.bookmarkIntervalMs,
        ...(asTable
          ? {
              render: (object: K8sObject, first: boolean) =>
                tableOf(resource, [object], { includeObject, withoutColumns: !first, metadata: { resourceVersion: object.metadata.resourceVersion } }),
            }
          : {}),
      });
    }
    const type = RESOURCES[resource];
    const resourceVersion = String(this.store.resourceVersion);
    const page = pageOf(this.store.list(resource, namespace).filter(matches), options, resourceVersion);
    if (asTable) {
      // The API server checks includeObject row by row: an empty table never refuses it.
      const includeObject = page.items.length > 0 ? includeObjectOf(query) : 'None';
      return sendJson(res, 200, tableOf(resource, page.items, { includeObject, metadata: page.metadata }));
    }
    return sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: type.apiVersion, metadata: page.metadata, items: page.items });
  }

  private create(target: RequestTarget, query: URLSearchParams, body: unknown): K8sObject {
    const type = RESOURCES[target.resource];
    const { dryRun } = writeOptionsOf(query, 'CreateOptions');
    const object = this.validBody(body, type.kind);
    if (type.namespaced) {
      if (object.metadata.namespace && target.namespace && object.metadata.namespace !== target.namespace) {
        throw new StoreError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      object.metadata.namespace = target.namespace ?? object.metadata.namespace ?? 'default';
    } else delete object.metadata.namespace;
    if (!object.metadata.name && object.metadata.generateName) object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`;
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const)
      delete object.metadata[field];
    const name = object.metadata.name ?? '';
    const issues = !name
      ? [required('metadata.name')]
      : target.resource === 'namespaces'
        ? dnsLabelIssues('metadata.name', name)
        : dnsSubdomainIssues('metadata.name', name);
    issues.push(...ownerReferenceIssues(object), ...(target.resource === 'events' ? eventIssues(object) : []));
    if (issues.length > 0) throw new InvalidError(type.kind, name, issues);
    prepareForCreate(target.resource, object);
    this.hooks.beforeCreate(target.resource, object);
    return this.store.create(target.resource, object, dryRun);
  }

  private replace(target: RequestTarget, query: URLSearchParams, body: unknown): K8sObject {
    const type = RESOURCES[target.resource];
    const { dryRun } = writeOptionsOf(query, 'UpdateOptions');
    const object = this.validBody(body, type.kind);
    if (!target.name || object.metadata.name !== target.name) {
      throw new StoreError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    }
    object.metadata.namespace = type.namespaced ? target.namespace : undefined;
    return this.write(target, object, object.metadata.resourceVersion, dryRun);
  }

  private patch(target: RequestTarget, query: URLSearchParams, contentType: string, body: unknown): K8sObject {
    const { dryRun } = writeOptionsOf(query, 'PatchOptions');
    const current = target.name ? this.store.get(target.resource, target.namespace, target.name) : undefined;
    if (!current) throw notFound(target.resource, target.name ?? '');
    const patched = (contentType.includes('json-patch') ? jsonPatch(current, body as never) : mergePatch(current, body)) as K8sObject;
    if (!patched || typeof patched !== 'object' || typeof patched.metadata !== 'object')
      throw new StoreError(422, 'Invalid', 'the patch removes the object metadata');
    // A resourceVersion in the patch is a precondition, as in the API server; otherwise the patch applies to the latest object.
    const expected = Array.isArray(body) ? undefined : (body as K8sObject | undefined)?.metadata?.resourceVersion;
    patched.metadata = { ...patched.metadata, name: current.metadata.name, namespace: current.metadata.namespace };
    return this.write(target, patched, expected, dryRun);
  }

  /** An update through the resource or its `/status`: each writes its own part of the object. */
  private write(target: RequestTarget, object: K8sObject, expectedVersion: string | undefined, dryRun: boolean): K8sObject {
    const current = this.store.get(target.resource, target.namespace, object.metadata.name);
    if (!current) throw notFound(target.resource, object.metadata.name);
    const issues = ownerReferenceIssues(object);
    if (issues.length > 0) throw new InvalidError(RESOURCES[target.resource].kind, object.metadata.name, issues);
    prepareForUpdate(target.resource, target.subresource, object, current);
    return this.store.update(target.resource, object, expectedVersion, false, dryRun);
  }

  private remove(res: ServerResponse, target: RequestTarget, query: URLSearchParams, body: unknown): void {
    const { resource, namespace, name } = target;
    if (!name) throw new StoreError(405, 'MethodNotAllowed', 'deletecollection is not supported by kube-sim');
    const options = deleteOptionsOf(query, body);
    const current = this.store.get(resource, namespace, name);
    if (!current) throw notFound(resource, name);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== current.metadata.uid) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${RESOURCES[resource].qualified} "${name}": Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${RESOURCES[resource].qualified} "${name}": Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
      );
    }
    const deleted = this.hooks.delete(resource, namespace, name, options.gracePeriodSeconds, options.dryRun);
    if (DELETE_RETURNS_OBJECT.has(resource)) return sendJson(res, 200, deleted);
    const group = groupOf(RESOURCES[resource].apiVersion);
    return sendJson(res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, group, kind: resource, uid: deleted.metadata.uid },
    });
  }

  private validBody(body: unknown, kind: string): K8sObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new StoreError(400, 'BadRequest', `the body of the request must be a ${kind} object`);
    const object = body as K8sObject;
    if (!object.metadata || typeof object.metadata !== 'object') throw new InvalidError(kind, '', [required('metadata')]);
    if (object.kind && object.kind !== kind)
      throw new StoreError(400, 'BadRequest', `the API version in the data (${object.apiVersion}) and kind (${object.kind}) do not match the resource ${kind}`);
    return object;
  }
}

/**
 * The `details` of an error Status, as the API server fills them: none for a BadRequest; the
 * options kind and meta.k8s.io for invalid options; else the object's name, group and kind.
 */
function statusDetails(target: RequestTarget, error: StoreError): Record<string, unknown> | undefined {
  if (error.reason === 'BadRequest') return undefined;
  if (error instanceof InvalidError && error.group) return { group: error.group, kind: error.objectKind, causes: error.causes };
  const apiGroup = groupOf(RESOURCES[target.resource].apiVersion);
  const group = apiGroup ? { group: apiGroup } : {};
  const causes = error instanceof InvalidError ? { kind: error.objectKind, causes: error.causes } : { kind: target.resource };
  return { name: target.name ?? (error instanceof InvalidError ? error.objectName : undefined), ...group, ...causes };
}
