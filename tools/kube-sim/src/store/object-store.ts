import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { withEncodingDefaults } from './encoding-defaults';
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

/** The API server's NotFound for a resource name. */
export const notFound = (resource: string, name: string): StoreError =>
  new StoreError(404, 'NotFound', `${RESOURCES[resource]?.qualified ?? resource} "${name}" not found`);

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

  /** Objects of a resource (in one namespace when given), ordered by namespace and name like etcd keys. */
  list(resource: string, namespace?: string): K8sObject[] {
    const all = [...this.table(resource).entries()];
    return all
      .filter(([, o]) => !namespace || o.metadata.namespace === namespace)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, o]) => structuredClone(o));
  }

  count(resource: string): number {
    return this.table(resource).size;
  }

  /** Stores a new object; with `dryRun`, only answers what it would store (no resourceVersion, nothing recorded). */
  create(resource: string, object: K8sObject, dryRun = false): K8sObject {
    const type = RESOURCES[resource];
    const table = this.table(resource);
    const k = key(object.metadata.namespace, object.metadata.name);
    if (table.has(k)) {
      throw new StoreError(409, 'AlreadyExists', `${type.qualified} "${object.metadata.name}" already exists`);
    }
    const stored: K8sObject = withEncodingDefaults(resource, {
      ...structuredClone(object),
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: {
        ...structuredClone(object.metadata),
        uid: randomUUID(),
        generation: 1,
        creationTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        resourceVersion: dryRun ? undefined : String(++this.version),
      },
    });
    if (dryRun) {
      delete stored.metadata.resourceVersion;
      return stored;
    }
    table.set(k, stored);
    this.record('ADDED', resource, stored);
    return structuredClone(stored);
  }

  /**
   * Replaces an object; with `expectedVersion` the write fails with 409 Conflict when stale.
   * Client writes keep the server-owned metadata; `system` writes (the simulated controllers) may set it.
   * With `dryRun`, only answers what it would store (the resourceVersion stays, nothing is recorded).
   */
  update(resource: string, object: K8sObject, expectedVersion?: string, system = false, dryRun = false): K8sObject {
    const table = this.table(resource);
    const k = key(object.metadata.namespace, object.metadata.name);
    const current = table.get(k);
    if (!current) throw notFound(resource, object.metadata.name);
    if (expectedVersion && expectedVersion !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${RESOURCES[resource].qualified} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const incoming = withEncodingDefaults(resource, structuredClone(object));
    const specChanged = JSON.stringify(incoming.spec) !== JSON.stringify(current.spec);
    const stored: K8sObject = {
      ...incoming,
      apiVersion: current.apiVersion,
      kind: current.kind,
      metadata: {
        ...incoming.metadata,
        // Fields only the server sets survive whatever the client sends back.
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        deletionTimestamp: system ? object.metadata.deletionTimestamp : current.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: system ? object.metadata.deletionGracePeriodSeconds : current.metadata.deletionGracePeriodSeconds,
        generation: ((current.metadata.generation as number | undefined) ?? 1) + (specChanged ? 1 : 0),
        resourceVersion: dryRun ? current.metadata.resourceVersion : String(++this.version),
      },
    };
    for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds'] as const) if (stored.metadata[field] === undefined) delete stored.metadata[field];
    if (dryRun) return stored;
    table.set(k, stored);
    this.record('MODIFIED', resource, stored, current);
    return structuredClone(stored);
  }

  /** Applies `change` to the current object and stores the result. */
  mutate(resource: string, namespace: string | undefined, name: string, change: (o: K8sObject) => void): K8sObject | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    change(current);
    return this.update(resource, current, undefined, true);
  }

  remove(resource: string, namespace: string | undefined, name: string): K8sObject {
    const table = this.table(resource);
    const k = key(namespace, name);
    const current = table.get(k);
    if (!current) throw notFound(resource, name);
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

  private record(type: StoredEvent['type'], resource: string, object: K8sObject, previous?: K8sObject): void {
    // Stored objects are never mutated in place (every write replaces them), so events can share them.
    const event: StoredEvent = { type, resource, object, previous, resourceVersion: this.version };
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
