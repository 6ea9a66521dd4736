import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { K8sObject, StoredEvent } from './k8s-object';
import { RESOURCES } from './k8s-object';

/** Thrown by the store; the API layer turns it into a Status object. */
export class StoreError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/**
 * Every object of the simulated cluster, with a global monotonically increasing resourceVersion
 * and a bounded history of changes for watches (older versions answer 410 Gone).
 */
export class ObjectStore extends EventEmitter {
  private readonly objects = new Map<string, Map<string, K8sObject>>();
  private readonly history: StoredEvent[] = [];
  private version = 1;

  constructor(private readonly historySize = 20_000) {
    super();
    this.setMaxListeners(0);
    for (const resource of Object.keys(RESOURCES)) this.objects.set(resource, new Map());
  }

  get resourceVersion(): number {
    return this.version;
  }

  /** The oldest resourceVersion a watch may start from. */
  get oldestWatchableVersion(): number {
    return this.history.length > 0 ? this.history[0].resourceVersion - 1 : this.version;
  }

  get(resource: string, namespace: string | undefined, name: string): K8sObject | undefined {
    const found = this.table(resource).get(key(namespace, name));
    return found && structuredClone(found);
  }

  list(resource: string, namespace?: string): K8sObject[] {
    const all = [...this.table(resource).values()];
    return (namespace ? all.filter((o) => o.metadata.namespace === namespace) : all).map((o) => structuredClone(o));
  }

  count(resource: string): number {
    return this.table(resource).size;
  }

  create(resource: string, object: K8sObject): K8sObject {
    const type = RESOURCES[resource];
    const table = this.table(resource);
    const k = key(object.metadata.namespace, object.metadata.name);
    if (table.has(k)) {
      throw new StoreError(409, 'AlreadyExists', `${resource} "${object.metadata.name}" already exists`);
    }
    const stored: K8sObject = {
      ...structuredClone(object),
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: {
        ...structuredClone(object.metadata),
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        resourceVersion: String(++this.version),
      },
    };
    table.set(k, stored);
    this.record('ADDED', resource, stored);
    return structuredClone(stored);
  }

  /** Replaces an object; with `expectedVersion` the write fails with 409 Conflict when stale. */
  update(resource: string, object: K8sObject, expectedVersion?: string): K8sObject {
    const table = this.table(resource);
    const k = key(object.metadata.namespace, object.metadata.name);
    const current = table.get(k);
    if (!current) throw new StoreError(404, 'NotFound', `${resource} "${object.metadata.name}" not found`);
    if (expectedVersion && expectedVersion !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${resource} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const stored: K8sObject = {
      ...structuredClone(object),
      apiVersion: current.apiVersion,
      kind: current.kind,
      metadata: {
        ...structuredClone(object.metadata),
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        resourceVersion: String(++this.version),
      },
    };
    table.set(k, stored);
    this.record('MODIFIED', resource, stored);
    return structuredClone(stored);
  }

  /** Applies `change` to the current object and stores the result. */
  mutate(resource: string, namespace: string | undefined, name: string, change: (o: K8sObject) => void): K8sObject | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    change(current);
    return this.update(resource, current);
  }

  remove(resource: string, namespace: string | undefined, name: string): K8sObject {
    const table = this.table(resource);
    const k = key(namespace, name);
    const current = table.get(k);
    if (!current) throw new StoreError(404, 'NotFound', `${resource} "${name}" not found`);
    table.delete(k);
    const gone = { ...current, metadata: { ...current.metadata, resourceVersion: String(++this.version) } };
    this.record('DELETED', resource, gone);
    return structuredClone(gone);
  }

  /** Changes after `resourceVersion`, or undefined when they are no longer retained. */
  changesSince(resourceVersion: number): StoredEvent[] | undefined {
    if (resourceVersion < this.oldestWatchableVersion) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets history older than the given version (tests force 410 Gone with it). */
  compact(): void {
    this.history.splice(0, this.history.length);
  }

  private record(type: StoredEvent['type'], resource: string, object: K8sObject): void {
    const event: StoredEvent = { type, resource, object: structuredClone(object), resourceVersion: this.version };
    this.history.push(event);
    if (this.history.length > this.historySize) this.history.splice(0, this.history.length - this.historySize);
    this.emit('change', event);
  }

  private table(resource: string): Map<string, K8sObject> {
    const table = this.objects.get(resource);
    if (!table) throw new StoreError(404, 'NotFound', `the server could not find the requested resource ${resource}`);
    return table;
  }
}
