import type { K8sObject } from '../store/k8s-object';
import { StoreError } from '../store/object-store';
import type { ListOptions } from './request-options';

const keyOf = (o: K8sObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * One page of a list (`limit` / `continue`): items must be in key order, as the store lists them.
 * The continue token carries the last key served; later pages read the current state.
 */
export function pageOf(
  items: K8sObject[],
  options: Pick<ListOptions, 'limit' | 'continue'>,
  resourceVersion: string,
): { items: K8sObject[]; metadata: Record<string, unknown> } {
  let rest = items;
  const token = options.continue;
  if (token) {
    let after: string;
    try {
      after = String(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).after);
    } catch {
      throw new StoreError(400, 'BadRequest', 'invalid continue token: continue key is not valid: illegal base64 data');
    }
    rest = items.filter((o) => keyOf(o) > after);
  }
  const { limit } = options;
  if (!(limit > 0) || rest.length <= limit) return { items: rest, metadata: { resourceVersion } };
  const page = rest.slice(0, limit);
  const next = Buffer.from(JSON.stringify({ after: keyOf(page[page.length - 1]) })).toString('base64url');
  return { items: page, metadata: { resourceVersion, continue: next, remainingItemCount: rest.length - limit } };
}
