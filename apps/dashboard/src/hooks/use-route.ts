import { useEffect, useState } from 'react';

/**
 * The dashboard's pages, addressed by the URL hash so that /ui/ serves them all; a scheduler page
 * may name one of its operations, which its timeline then opens.
 */
export type Route = { page: 'overview' } | { page: 'scheduler'; name: string; operation?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/schedulers\/([^/]+)(?:\/operations\/([^/]+))?$/.exec(hash);
  if (!match) return { page: 'overview' };
  const name = decodeURIComponent(match[1]);
  return match[2] ? { page: 'scheduler', name, operation: decodeURIComponent(match[2]) } : { page: 'scheduler', name };
}

export const schedulerHref = (name: string): string => `#/schedulers/${encodeURIComponent(name)}`;

/** The scheduler page with one operation of its timeline opened. */
export const operationHref = (scheduler: string, operationId: string): string => `${schedulerHref(scheduler)}/operations/${encodeURIComponent(operationId)}`;

/** The current route; follows the browser's back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
