/** API-level fault settings: latency and error rates, optionally limited to some verbs/resources. */
export interface ApiFaults {
  /**
   * Delay before a request is carried out. A client that goes away meanwhile gets nothing done, as an
   * API server cancels the work of a request whose client disconnected.
   */
  latencyMs?: number;
  /** Delay of the answer of a request already carried out (the change is made, the client waits for it). Not for watches. */
  answerLatencyMs?: number;
  /** Share of requests (0..1) answered with `errorCode` instead of being served. */
  errorRate?: number;
  /** 429 (TooManyRequests), 500 (InternalError), 503 (ServiceUnavailable), 504 (Timeout). */
  errorCode?: 429 | 500 | 503 | 504;
  /** Fail exactly the next N matching requests with `errorCode` (deterministic, for tests). */
  failNext?: number;
  /** Kubernetes verbs: get, list, watch, create, update, patch, delete. */
  verbs?: string[];
  /** Resource names: pods, namespaces, nodes, events, poddisruptionbudgets. */
  resources?: string[];
}

/** Pod-level faults, keyed by container image (applied when a pod's containers start). */
export interface ImageFaults {
  imagePullError: Set<string>;
  crashLoop: Set<string>;
  oomKilled: Set<string>;
}

/** What the cluster does for the faults that act on it; wired by startKubeSim. */
export interface FaultTargets {
  dropWatches(): number;
  loseNode(name: string): boolean;
  restoreNodes(): void;
  compact(): void;
}

const API_ERROR_CODES = [429, 500, 503, 504];

/** Requests held by the injected latencies. */
export interface LatencyCounts {
  /** Held right now (before being carried out, or before their answer). */
  held: number;
  /** Whose client went away while held: not carried out, or answer dropped. */
  abandoned: number;
}

/** The knobs tests and demos turn; the HTTP control endpoint under /_sim/ drives the same object. */
export class FaultController {
  api: ApiFaults = {};
  readonly latency: LatencyCounts = { held: 0, abandoned: 0 };
  readonly images: ImageFaults = { imagePullError: new Set(), crashLoop: new Set(), oomKilled: new Set() };
  private targets: FaultTargets = { dropWatches: () => 0, loseNode: () => false, restoreNodes: () => undefined, compact: () => undefined };

  /** Connects the faults to the running cluster. */
  bind(targets: FaultTargets): void {
    this.targets = targets;
  }

  /** Replaces the API faults (latency, error rate and code, failNext, verb/resource filters); throws on bad values. */
  setApiFaults(faults: ApiFaults): void {
    const { latencyMs = 0, answerLatencyMs = 0, errorRate = 0, errorCode = 500, failNext = 0 } = faults;
    if (!(latencyMs >= 0) || !(answerLatencyMs >= 0) || !(errorRate >= 0 && errorRate <= 1) || !(failNext >= 0) || !API_ERROR_CODES.includes(errorCode)) {
      throw new RangeError(
        `invalid API faults: latencyMs >= 0, answerLatencyMs >= 0, errorRate in [0, 1], failNext >= 0, errorCode one of ${API_ERROR_CODES.join(', ')}`,
      );
    }
    this.api = { ...faults };
  }

  /** Pods with this image fail with ErrImagePull, then ImagePullBackOff. */
  failImagePull(image: string): void {
    this.images.imagePullError.add(image);
  }

  /** Pods with this image go into CrashLoopBackOff. */
  crashLoop(image: string): void {
    this.images.crashLoop.add(image);
  }

  /** Pods with this image are OOMKilled (exit code 137). */
  oomKill(image: string): void {
    this.images.oomKilled.add(image);
  }

  /** Cuts every open watch stream; returns how many were open. */
  dropWatches(): number {
    return this.targets.dropWatches();
  }

  /** The node goes NotReady and its pods go Unknown; false when there is no such node. */
  loseNode(name: string): boolean {
    return this.targets.loseNode(name);
  }

  /** Forgets the watch history: watches from any older resourceVersion get 410 Gone. */
  compactHistory(): void {
    this.targets.compact();
  }

  /** Clears every fault and brings lost nodes back Ready (objects are kept). */
  reset(): void {
    this.api = {};
    this.images.imagePullError.clear();
    this.images.crashLoop.clear();
    this.images.oomKilled.clear();
    this.targets.restoreNodes();
  }

  /** The current fault settings (for the control endpoint). */
  describe(): { api: ApiFaults; imagePullError: string[]; crashLoop: string[]; oomKilled: string[] } {
    return { api: this.api, imagePullError: [...this.images.imagePullError], crashLoop: [...this.images.crashLoop], oomKilled: [...this.images.oomKilled] };
  }

  /** What to do with one API request: how long to delay it, whether to fail it, how long to delay its answer. */
  decide(verb: string, resource: string): { delayMs: number; answerDelayMs: number; errorCode?: number } {
    const { latencyMs = 0, answerLatencyMs = 0, errorRate = 0, errorCode = 500, verbs, resources } = this.api;
    const applies = (!verbs || verbs.includes(verb)) && (!resources || resources.includes(resource));
    if (!applies) return { delayMs: 0, answerDelayMs: 0 };
    const answerDelayMs = verb === 'watch' ? 0 : answerLatencyMs;
    if (this.api.failNext && this.api.failNext > 0) {
      this.api.failNext -= 1;
      return { delayMs: latencyMs, answerDelayMs, errorCode };
    }
    return { delayMs: latencyMs, answerDelayMs, errorCode: errorRate > 0 && Math.random() < errorRate ? errorCode : undefined };
  }
}
