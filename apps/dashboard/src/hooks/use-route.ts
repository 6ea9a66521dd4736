import { useEffect, useState } from 'react';

/** The dashboard's pages, addressed by the URL hash so that /ui/ serves them all. */
export type Route = { page: 'overview' } | { page: 'scheduler'; name: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/schedulers\/([^/]+)$/.exec(hash);
  return match ? { page: 'scheduler', name: decodeURIComponent(match[1]) } : { page: 'overview' };
}

export const schedulerHref = (name: string): string => `#/schedulers/${encodeURIComponent(name)}`;

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
