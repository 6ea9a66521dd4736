/** API-level fault settings: latency and error rates, optionally limited to some verbs/resources. */
export interface ApiFaults {
  latencyMs?: number;
  /** Share of requests (0..1) answered with `errorCode` instead of being served. */
  errorRate?: number;
  /** 429 (TooManyRequests), 500 (InternalError) or 503 (ServiceUnavailable). */
  errorCode?: 429 | 500 | 503;
  /** Fail exactly the next N matching requests with `errorCode` (deterministic, for tests). */
  failNext?: number;
  verbs?: string[];
  resources?: string[];
}

/** Pod-level faults, keyed by container image. */
export interface ImageFaults {
  imagePullError: Set<string>;
  crashLoop: Set<string>;
  oomKilled: Set<string>;
}

/** The knobs tests and demos turn; the HTTP control endpoint under /_sim/ drives the same object. */
export class FaultController {
  api: ApiFaults = {};
  readonly images: ImageFaults = { imagePullError: new Set(), crashLoop: new Set(), oomKilled: new Set() };
  private dropWatchesHandler: () => number = () => 0;
  private loseNodeHandler: (name: string) => boolean = () => false;
  private compactHandler: () => void = () => undefined;

  /** Wired by the server. */
  bind(handlers: { dropWatches: () => number; loseNode: (name: string) => boolean; compact: () => void }): void {
    this.dropWatchesHandler = handlers.dropWatches;
    this.loseNodeHandler = handlers.loseNode;
    this.compactHandler = handlers.compact;
  }

  setApiFaults(faults: ApiFaults): void {
    this.api = { ...faults };
  }

  failImagePull(image: string): void {
    this.images.imagePullError.add(image);
  }

  crashLoop(image: string): void {
    this.images.crashLoop.add(image);
  }

  oomKill(image: string): void {
    this.images.oomKilled.add(image);
  }

  /** Cuts every open watch stream; returns how many were open. */
  dropWatches(): number {
    return this.dropWatchesHandler();
  }

  /** The node goes NotReady and its pods fail. */
  loseNode(name: string): boolean {
    return this.loseNodeHandler(name);
  }

  /** Forgets the watch history: watches from any older resourceVersion get 410 Gone. */
  compactHistory(): void {
    this.compactHandler();
  }

  reset(): void {
    this.api = {};
    this.images.imagePullError.clear();
    this.images.crashLoop.clear();
    this.images.oomKilled.clear();
  }

  /** What to do with one API request. */
  decide(verb: string, resource: string): { delayMs: number; errorCode?: number } {
    const { latencyMs = 0, errorRate = 0, errorCode = 500, verbs, resources } = this.api;
    const applies = (!verbs || verbs.includes(verb)) && (!resources || resources.includes(resource));
    if (!applies) return { delayMs: 0 };
    if (this.api.failNext && this.api.failNext > 0) {
      this.api.failNext -= 1;
      return { delayMs: latencyMs, errorCode };
    }
    return { delayMs: latencyMs, errorCode: errorRate > 0 && Math.random() < errorRate ? errorCode : undefined };
  }
}
