import { useCallback, useEffect, useRef, useState } from 'react';

/** The latest answer of a polled read, or the error of the latest attempt. */
export interface Polled<T> {
  data?: T;
  error?: Error;
  /** Reads again now (after an action), without waiting for the next period. */
  refresh(): void;
}

/** Reads `load` now and every `periodMs` while the component is shown; answers come in order. */
export function usePolling<T>(load: () => Promise<T>, periodMs: number, deps: readonly unknown[]): Polled<T> {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const generation = useRef(0);
  const read = useCallback(load, deps);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    read().then(
      (data) => mine === generation.current && setState({ data }),
      (error: unknown) => mine === generation.current && setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)) })),
    );
  }, [read]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, periodMs);
    return () => {
      clearInterval(timer);
      generation.current++;
    };
  }, [refresh, periodMs]);

  return { ...state, refresh };
}
