import { type ConfigurationOptions, CoreV1Api, KubeConfig, PolicyV1Api, VersionApi, Watch } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import { abortableRequest } from './abortable-request';
import { KubernetesCallMetrics } from './kubernetes-call-metrics';
import { TokenBucket } from './token-bucket';

export interface KubernetesClientOptions {
  /** Path of a kubeconfig file; when set, `masterUrl` is ignored (the kubeconfig's server wins). */
  kubeconfigPath?: string;
  /** Use the pod's service account (in-cluster config). */
  inCluster?: boolean;
  /** API server URL, used only without `kubeconfigPath` and outside the cluster. */
  masterUrl?: string;
  /** Client-side rate limit of every API call (requests per second; <= 0 disables it). */
  qps: number;
  /** Requests allowed at once above `qps`. */
  burst: number;
  /** Longest an API call may take once the rate limiter let it go (watches excepted); default 30 s. */
  requestTimeoutMs?: number;
  /** Where to count and time the API calls (maestro_kubernetes_request*); not measured without. */
  registry?: Registry;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The error of an API call that took longer than the request timeout. */
export class KubernetesRequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the Kubernetes API did not answer within ${timeoutMs} ms`);
    this.name = 'KubernetesRequestTimeoutError';
  }
}

/**
 * The client configuration Maestro builds (runtime-kubernetes.md section 1): in-cluster when asked,
 * else the kubeconfig file, else the bare master URL, else in-cluster.
 */
export function loadKubeConfig(options: Pick<KubernetesClientOptions, 'kubeconfigPath' | 'inCluster' | 'masterUrl'>): KubeConfig {
  const config = new KubeConfig();
  if (options.inCluster) config.loadFromCluster();
  else if (options.kubeconfigPath) config.loadFromFile(options.kubeconfigPath);
  else if (options.masterUrl) {
    config.loadFromOptions({
      clusters: [{ name: 'maestro', server: options.masterUrl, skipTLSVerify: false }],
      users: [{ name: 'maestro' }],
      contexts: [{ name: 'maestro', cluster: 'maestro', user: 'maestro' }],
      currentContext: 'maestro',
    });
  } else config.loadFromCluster();
  return config;
}

/** The official client's APIs behind one client-side rate limiter. */
export class KubernetesClient {
  readonly config: KubeConfig;
  readonly core: CoreV1Api;
  readonly policy: PolicyV1Api;
  readonly version: VersionApi;
  private readonly watcher: Watch;
  private readonly limiter: TokenBucket;
  private readonly requestTimeoutMs: number;
  private readonly metrics?: KubernetesCallMetrics;

  constructor(options: KubernetesClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.metrics = options.registry && new KubernetesCallMetrics(options.registry);
    this.config = loadKubeConfig(options);
    this.core = this.config.makeApiClient(CoreV1Api);
    this.policy = this.config.makeApiClient(PolicyV1Api);
    this.version = this.config.makeApiClient(VersionApi);
    this.watcher = new Watch(this.config);
    this.limiter = new TokenBucket(options.qps, options.burst);
  }

  /**
   * Runs one API call once the rate limiter allows it, aborting its HTTP request when it takes longer
   * than the request timeout (it then rejects with KubernetesRequestTimeoutError). With a `signal`,
   * the call does not start once it aborted, and its request is aborted with it.
   */
  async call<T>(request: (options?: ConfigurationOptions) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    await this.limiter.take(signal);
    signal?.throwIfAborted();
    // One controller aborts the request, for the caller's signal or at the deadline (AbortSignal.any
    // is avoided: it fails across the realms of a test runner).
    const abort = new AbortController();
    const timeout = new KubernetesRequestTimeoutError(this.requestTimeoutMs);
    const timer = setTimeout(() => abort.abort(timeout), this.requestTimeoutMs);
    const onAbort = () => abort.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const measurement = this.metrics?.measure();
    try {
      return await request(abortableRequest(abort.signal, measurement));
    } catch (error) {
      measurement?.answered(undefined);
      if (abort.signal.reason === timeout) throw timeout;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Opens a watch stream (once the rate limiter allows it). `done` is called exactly once, when the
   * stream ends for any reason; the returned controller aborts it.
   */
  async watch(
    path: string,
    query: Record<string, string | boolean | undefined>,
    onEvent: (type: string, object: unknown) => void,
    done: (error: unknown) => void,
  ): Promise<AbortController> {
    await this.limiter.take();
    return this.watcher.watch(path, query, onEvent, done);
  }
}
