import type { K8sObject } from '../store/k8s-object';
import { type Cause, invalidValue } from './validation';

/**
 * What the API server's registry strategies do to every write, whatever the kind: validate the
 * owner references, start a new object's server-owned status, and keep each endpoint to its part
 * of the object (the resource writes spec and metadata, `/status` writes the status).
 */

const OWNER_FIELDS = [
  ['apiVersion', 'version must not be empty'],
  ['kind', 'kind must not be empty'],
  ['name', 'name must not be empty'],
  ['uid', 'uid must not be empty'],
] as const;

/** Problems in `metadata.ownerReferences`: each reference names its apiVersion, kind, name and uid. */
export function ownerReferenceIssues(object: K8sObject): Cause[] {
  const references = object.metadata.ownerReferences;
  if (!Array.isArray(references)) return [];
  return references.flatMap((reference: Record<string, unknown>) =>
    OWNER_FIELDS.filter(([field]) => !reference?.[field]).map(([field, why]) => invalidValue(`metadata.ownerReferences.${field}`, '', why)),
  );
}

/** Kinds whose status the server computes: a client's create cannot set it. */
const STATUS_RESET_ON_CREATE = new Set(['poddisruptionbudgets']);

/** PrepareForCreate: a new PodDisruptionBudget starts with the empty status the disruption controller fills. */
export function prepareForCreate(resource: string, object: K8sObject): void {
  if (STATUS_RESET_ON_CREATE.has(resource)) object.status = {};
}

/** Kinds that have a `/status` subresource (events have neither spec nor status). */
export const HAS_STATUS = new Set(['pods', 'nodes', 'namespaces', 'poddisruptionbudgets']);

/**
 * PrepareForUpdate: a PUT or PATCH of the resource keeps the current status; one of `/status`
 * keeps the current spec.
 */
export function prepareForUpdate(resource: string, subresource: string | undefined, incoming: K8sObject, current: K8sObject): void {
  if (!HAS_STATUS.has(resource)) return;
  if (subresource === 'status') incoming.spec = current.spec;
  else incoming.status = current.status;
}
