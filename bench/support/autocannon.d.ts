// The part of autocannon's API (8.x) that the benchmarks use: the package ships no types of its own.
declare module 'autocannon' {
  namespace autocannon {
    /** One request of the sequence each connection sends. */
    interface Request {
      method?: string;
      path?: string;
      body?: string | Buffer;
      headers?: Record<string, string>;
      /**
       * Changes a request before it is sent. In workers mode: the path of a file whose export is
       * that function (the worker thread loads it).
       */
      setupRequest?: string | ((request: Request, context: Record<string, unknown>) => Request | undefined);
    }

    interface Options {
      url: string;
      method?: string;
      body?: string | Buffer;
      headers?: Record<string, string>;
      /** Concurrent connections (default 10). */
      connections?: number;
      /** Worker threads that send the requests. */
      workers?: number;
      /** Seconds to run (default 10); `amount` takes precedence. */
      duration?: number;
      /** Number of requests to send before ending. */
      amount?: number;
      /**
       * Milliseconds between samples (default 1000). A run ends on a sample, so its duration is a
       * whole number of these: short runs need a small one.
       */
      sampleInt?: number;
      requests?: Request[];
    }

    /** Statistics of one measure (requests per second, latency in ms, bytes per second). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    }

    interface Result {
      requests: Histogram;
      latency: Histogram;
      throughput: Histogram;
      /** Seconds the run took. */
      duration: number;
      /** Connection errors, timeouts included. */
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
    }
  }

  /** Runs a load; resolves with its results once it is done. */
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  export = autocannon;
}
