import type { ServerResponse } from 'node:http';
import type { LatencyCounts } from '../sim/faults';

/** Whether the client of `res` is gone (its connection closed before the answer). */
const clientGone = (res: ServerResponse): boolean => !res.socket || res.socket.destroyed;

/**
 * Holds a request `ms` before it is carried out. Resolves false, at once, when its client goes away
 * meanwhile: the request is then dropped, as an API server drops the work of a canceled request.
 */
export function holdRequest(res: ServerResponse, ms: number, counts: LatencyCounts): Promise<boolean> {
  counts.held++;
  return new Promise((resolve) => {
    const finish = (served: boolean) => {
      clearTimeout(timer);
      res.off('close', onClose);
      counts.held--;
      if (!served) counts.abandoned++;
      resolve(served);
    };
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(!clientGone(res)), ms);
    res.once('close', onClose);
    if (clientGone(res)) finish(false);
  });
}

/**
 * Sends the answer of a request `ms` after it was carried out: `res.end` is deferred (the status line
 * and headers go with it). An answer whose client went away meanwhile is dropped.
 */
export function holdAnswer(res: ServerResponse, ms: number, counts: LatencyCounts): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    holdRequest(res, ms, counts)
      .then((stillThere) => {
        if (stillThere) end(...args);
      })
      .catch((error: unknown) => res.destroy(error as Error));
    return res;
  }) as ServerResponse['end'];
}
