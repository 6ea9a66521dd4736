import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { dnsLabelIssues, dnsSubdomainIssues, InvalidError, required } from '../resources/validation';
import type { K8sObject } from '../store/k8s-object';
import { RESOURCES, groupOf } from '../store/k8s-object';
import { notFound, type ObjectStore, StoreError } from '../store/object-store';
import { pageOf } from './list-page';
import { jsonPatch, mergePatch } from './patch';
import type { RequestTarget } from './request-target';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { sendJson, sendStatus } from './status';
import { includeObjectOf, tableOf, wantsTable } from './table';
import type { WatchHub } from './watch-stream';

/** Behaviour of the simulated cluster around plain storage (pod defaults, graceful deletion...). */
export interface ClusterHooks {
  /** Adjusts or refuses an object about to be created (throws StoreError). */
  beforeCreate(resource: string, object: K8sObject): void;
  /** Deletes with Kubernetes semantics; returns the object as it is after the call. */
  delete(resource: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number): K8sObject;
}

interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const NAME_SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = () => Array.from(randomBytes(5), (b) => NAME_SUFFIX[b % NAME_SUFFIX.length]).join('');
/** Resources whose DELETE answers the object itself; the others answer a Status (as the API server does). */
const DELETE_RETURNS_OBJECT = new Set(['pods', 'namespaces']);

/** Whether a GET is a watch (`?watch=true|1` or the legacy `/watch/` path). */
export const isWatch = (target: RequestTarget, query: URLSearchParams): boolean =>
  target.watchPath || query.get('watch') === 'true' || query.get('watch') === '1';

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
      if (target.subresource && target.subresource !== 'status') {
        throw new StoreError(404, 'NotFound', `the server could not find the requested resource (${req.method} ${target.resource}/${target.subresource})`);
      }
      switch (req.method) {
        case 'GET':
          return this.read(req, res, target, query);
        case 'POST':
          if (target.name) throw new StoreError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
          return sendJson(res, 201, this.create(target, body));
        case 'PUT':
          return sendJson(res, 200, this.replace(target, body));
        case 'PATCH':
          return sendJson(res, 200, this.patch(target, String(req.headers['content-type'] ?? ''), body));
        case 'DELETE':
          return this.remove(res, target, query, body);
        default:
          throw new StoreError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      }
    } catch (error) {
      if (error instanceof StoreError) {
        const apiGroup = groupOf(RESOURCES[target.resource].apiVersion);
        const group = apiGroup ? { group: apiGroup } : {};
        const causes = error instanceof InvalidError ? { kind: error.objectKind, causes: error.causes } : { kind: target.resource };
        return sendStatus(res, error.code, error.reason, error.message, { name: target.name ?? (error instanceof InvalidError ? error.objectName : undefined), ...group, ...causes });
      }
      return sendStatus(res, 400, 'BadRequest', (error as Error).message);
    }
  }

  private read(req: IncomingMessage, res: ServerResponse, target: RequestTarget, query: URLSearchParams): void {
    const { resource, namespace, name } = target;
    const asTable = wantsTable(req.headers.accept) && !target.subresource;
    const includeObject = includeObjectOf(query);
    if (name && !isWatch(target, query)) {
      const found = this.store.get(resource, namespace, name);
      if (!found) throw notFound(resource, name);
      return sendJson(res, 200, asTable ? tableOf(resource, [found], { includeObject, metadata: { resourceVersion: found.metadata.resourceVersion } }) : found);
    }
    const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
    const byField = parseFieldSelector(query.get('fieldSelector') ?? undefined);
    const matches = (o: K8sObject) => (!name || o.metadata.name === name) && labels(o.metadata.labels ?? {}) && byField(o);
    if (isWatch(target, query)) {
      return this.watches.serve(this.store, req, res, {
        resource,
        namespace,
        matches,
        resourceVersion: query.get('resourceVersion') ?? undefined,
        bookmarks: query.get('allowWatchBookmarks') === 'true',
        timeoutSeconds: query.get('timeoutSeconds') ? Number(query.get('timeoutSeconds')) : undefined,
        bookmarkIntervalMs: this.bookmarkIntervalMs,
        ...(asTable ? { render: (object: K8sObject, first: boolean) => tableOf(resource, [object], { includeObject, withoutColumns: !first, metadata: { resourceVersion: object.metadata.resourceVersion } }) } : {}),
      });
    }
    const type = RESOURCES[resource];
    const resourceVersion = String(this.store.resourceVersion);
    const page = pageOf(this.store.list(resource, namespace).filter(matches), query, resourceVersion);
    if (asTable) return sendJson(res, 200, tableOf(resource, page.items, { includeObject, metadata: page.metadata }));
    return sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: type.apiVersion, metadata: page.metadata, items: page.items });
  }

  private create(target: RequestTarget, body: unknown): K8sObject {
    const type = RESOURCES[target.resource];
    const object = this.validBody(body, type.kind);
    if (type.namespaced) {
      if (object.metadata.namespace && target.namespace && object.metadata.namespace !== target.namespace) {
        throw new StoreError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      object.metadata.namespace = target.namespace ?? object.metadata.namespace ?? 'default';
    } else delete object.metadata.namespace;
    if (!object.metadata.name && object.metadata.generateName) object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`;
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) delete object.metadata[field];
    const name = object.metadata.name ?? '';
    const issues = !name ? [required('metadata.name')] : target.resource === 'namespaces' ? dnsLabelIssues('metadata.name', name) : dnsSubdomainIssues('metadata.name', name);
    if (issues.length > 0) throw new InvalidError(type.kind, name, issues);
    this.hooks.beforeCreate(target.resource, object);
    return this.store.create(target.resource, object);
  }

  private replace(target: RequestTarget, body: unknown): K8sObject {
    const type = RESOURCES[target.resource];
    const object = this.validBody(body, type.kind);
    if (!target.name || object.metadata.name !== target.name) {
      throw new StoreError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    }
    object.metadata.namespace = type.namespaced ? target.namespace : undefined;
    return this.store.update(target.resource, object, object.metadata.resourceVersion);
  }

  private patch(target: RequestTarget, contentType: string, body: unknown): K8sObject {
    const current = target.name ? this.store.get(target.resource, target.namespace, target.name) : undefined;
    if (!current) throw notFound(target.resource, target.name ?? '');
    const patched = (contentType.includes('json-patch') ? jsonPatch(current, body as never) : mergePatch(current, body)) as K8sObject;
    if (!patched || typeof patched !== 'object' || typeof patched.metadata !== 'object') throw new StoreError(422, 'Invalid', 'the patch removes the object metadata');
    // A resourceVersion in the patch is a precondition, as in the API server; otherwise the patch applies to the latest object.
    const expected = Array.isArray(body) ? undefined : (body as K8sObject | undefined)?.metadata?.resourceVersion;
    patched.metadata = { ...patched.metadata, name: current.metadata.name, namespace: current.metadata.namespace };
    return this.store.update(target.resource, patched, expected);
  }

  private remove(res: ServerResponse, target: RequestTarget, query: URLSearchParams, body: unknown): void {
    const { resource, namespace, name } = target;
    if (!name) throw new StoreError(405, 'MethodNotAllowed', 'deletecollection is not supported by kube-sim');
    const options = (body && typeof body === 'object' ? body : {}) as DeleteOptions;
    const current = this.store.get(resource, namespace, name);
    if (!current) throw notFound(resource, name);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== current.metadata.uid) {
      throw new StoreError(409, 'Conflict', `Operation cannot be fulfilled on ${RESOURCES[resource].qualified} "${name}": Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${RESOURCES[resource].qualified} "${name}": Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
      );
    }
    const grace = query.get('gracePeriodSeconds') ?? options.gracePeriodSeconds;
    const seconds = grace === undefined || grace === null || grace === '' ? undefined : Number(grace);
    if (seconds !== undefined && !(seconds >= 0)) throw new InvalidError('DeleteOptions', name, [{ reason: 'FieldValueInvalid', field: 'gracePeriodSeconds', message: 'must be >= 0' }]);
    const deleted = this.hooks.delete(resource, namespace, name, seconds);
    if (DELETE_RETURNS_OBJECT.has(resource)) return sendJson(res, 200, deleted);
    const group = groupOf(RESOURCES[resource].apiVersion);
    return sendJson(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, group, kind: resource, uid: deleted.metadata.uid } });
  }

  private validBody(body: unknown, kind: string): K8sObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new StoreError(400, 'BadRequest', `the body of the request must be a ${kind} object`);
    const object = body as K8sObject;
    if (!object.metadata || typeof object.metadata !== 'object') throw new InvalidError(kind, '', [required('metadata')]);
    if (object.kind && object.kind !== kind) throw new StoreError(400, 'BadRequest', `the API version in the data (${object.apiVersion}) and kind (${object.kind}) do not match the resource ${kind}`);
    return object;
  }
}
