import { RESOURCES } from '../store/k8s-object';

/** What a REST path addresses. */
export interface RequestTarget {
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** legacy `/watch/` path form */
  watchPath: boolean;
}

/** Parses `/api/v1/...` and `/apis/policy/v1/...` paths; undefined for anything else. */
export function parseRequestTarget(pathname: string): RequestTarget | undefined {
  const prefix = pathname.startsWith('/api/v1/') ? '/api/v1/' : pathname.startsWith('/apis/policy/v1/') ? '/apis/policy/v1/' : undefined;
  if (!prefix) return undefined;
  let segments = pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
  const watchPath = segments[0] === 'watch';
  if (watchPath) segments = segments.slice(1);
  let target: RequestTarget;
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    target = { namespace: segments[1], resource: segments[2], name: segments[3], subresource: segments[4], watchPath };
  } else {
    target = { resource: segments[0], name: segments[1], subresource: segments[2], watchPath };
  }
  const type = RESOURCES[target.resource];
  if (!type) return undefined;
  const group = type.apiVersion === 'v1' ? '/api/v1/' : '/apis/policy/v1/';
  if (group !== prefix) return undefined;
  if (!type.namespaced && target.namespace) return undefined;
  return target;
}
