import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { K8sObject } from '../store/k8s-object';
import { RESOURCES } from '../store/k8s-object';
import { type ObjectStore, StoreError } from '../store/object-store';
import { jsonPatch, mergePatch } from './patch';
import type { RequestTarget } from './request-target';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { sendJson, sendStatus } from './status';
import type { WatchHub } from './watch-stream';

/** Behaviour of the simulated cluster around plain storage (pod defaults, graceful deletion...). */
export interface ClusterHooks {
  /** Adjusts or refuses an object about to be created (throws StoreError). */
  beforeCreate(resource: string, object: K8sObject): void;
  /** Deletes with Kubernetes semantics; returns the object as the API answers it. */
  delete(resource: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number): K8sObject;
}

const NAME_SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = () => Array.from(randomBytes(5), (b) => NAME_SUFFIX[b % NAME_SUFFIX.length]).join('');

/** The REST verbs on one resource path. */
export class RestHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly watches: WatchHub,
    private readonly hooks: ClusterHooks,
    private readonly bookmarkIntervalMs: number,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget, query: URLSearchParams, body: unknown): Promise<void> {
    const { resource, namespace, name } = target;
    const type = RESOURCES[resource];
    try {
      switch (req.method) {
        case 'GET': {
          if (name && !target.watchPath && query.get('watch') !== 'true' && query.get('watch') !== '1') {
            const found = this.store.get(resource, namespace, name);
            if (!found) throw new StoreError(404, 'NotFound', `${resource} "${name}" not found`);
            return sendJson(res, 200, found);
          }
          const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
          const fields = parseFieldSelector(query.get('fieldSelector') ?? (name ? `metadata.name=${name}` : undefined));
          const matches = (o: K8sObject) => labels(o.metadata.labels ?? {}) && fields(o);
          if (target.watchPath || query.get('watch') === 'true' || query.get('watch') === '1') {
            return this.watches.serve(this.store, req, res, {
              resource,
              namespace,
              matches,
              resourceVersion: query.get('resourceVersion') ?? undefined,
              bookmarks: query.get('allowWatchBookmarks') === 'true',
              timeoutSeconds: query.get('timeoutSeconds') ? Number(query.get('timeoutSeconds')) : undefined,
              bookmarkIntervalMs: this.bookmarkIntervalMs,
            });
          }
          const items = this.store.list(resource, namespace).filter(matches);
          return sendJson(res, 200, {
            kind: `${type.kind}List`,
            apiVersion: type.apiVersion,
            metadata: { resourceVersion: String(this.store.resourceVersion) },
            items,
          });
        }
        case 'POST': {
          const object = this.validBody(body, type.kind);
          object.metadata.namespace = type.namespaced ? namespace ?? object.metadata.namespace ?? 'default' : undefined;
          if (!object.metadata.name && object.metadata.generateName) object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`;
          if (!object.metadata.name) throw invalid(type.kind, 'metadata.name', 'name or generateName is required');
          this.hooks.beforeCreate(resource, object);
          return sendJson(res, 201, this.store.create(resource, object));
        }
        case 'PUT': {
          const object = this.validBody(body, type.kind);
          object.metadata.namespace = type.namespaced ? namespace : undefined;
          if (name && object.metadata.name !== name) throw invalid(type.kind, 'metadata.name', 'the name of the object does not match the name on the URL');
          return sendJson(res, 200, this.store.update(resource, object, object.metadata.resourceVersion));
        }
        case 'PATCH': {
          const current = name && this.store.get(resource, namespace, name);
          if (!current) throw new StoreError(404, 'NotFound', `${resource} "${name}" not found`);
          const contentType = String(req.headers['content-type'] ?? '');
          const patched = (contentType.includes('json-patch') ? jsonPatch(current, body as never) : mergePatch(current, body)) as K8sObject;
          patched.metadata = { ...patched.metadata, name: current.metadata.name, namespace: current.metadata.namespace };
          return sendJson(res, 200, this.store.update(resource, patched, (body as K8sObject)?.metadata?.resourceVersion));
        }
        case 'DELETE': {
          if (!name) return sendStatus(res, 405, 'MethodNotAllowed', 'deletecollection is not supported by kube-sim');
          const options = (body ?? {}) as { gracePeriodSeconds?: number };
          const grace = query.get('gracePeriodSeconds') ?? options.gracePeriodSeconds;
          const deleted = this.hooks.delete(resource, namespace, name, grace === undefined || grace === null ? undefined : Number(grace));
          return sendJson(res, 200, deleted);
        }
        default:
          return sendStatus(res, 405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
      }
    } catch (error) {
      if (error instanceof StoreError) {
        const details = { name, kind: resource, ...((error as StoreError & { causes?: unknown }).causes ? { causes: (error as StoreError & { causes?: unknown }).causes } : {}) };
        return sendStatus(res, error.code, error.reason, error.message, details);
      }
      return sendStatus(res, 400, 'BadRequest', (error as Error).message);
    }
  }

  private validBody(body: unknown, kind: string): K8sObject {
    if (!body || typeof body !== 'object' || !('metadata' in body)) throw invalid(kind, 'metadata', 'Required value');
    return body as K8sObject;
  }
}

/** A 422 Invalid with one cause. */
export function invalid(kind: string, field: string, message: string): StoreError {
  return Object.assign(new StoreError(422, 'Invalid', `${kind} is invalid: ${field}: ${message}`), {
    causes: [{ reason: 'FieldValueInvalid', message, field }],
  });
}
