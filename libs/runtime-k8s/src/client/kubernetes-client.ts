import { type ConfigurationOptions, CoreV1Api, KubeConfig, PolicyV1Api, VersionApi, Watch } from '@kubernetes/client-node';
import { abortableRequest } from './abortable-request';
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

  constructor(options: KubernetesClientOptions) {
    this.config = loadKubeConfig(options);
    this.core = this.config.makeApiClient(CoreV1Api);
    this.policy = this.config.makeApiClient(PolicyV1Api);
    this.version = this.config.makeApiClient(VersionApi);
    this.watcher = new Watch(this.config);
    this.limiter = new TokenBucket(options.qps, options.burst);
  }

  /**
   * Runs one API call once the rate limiter allows it. With a `signal`, the call does not start once
   * it aborted, and `request` gets the options that abort its HTTP request with it.
   */
  async call<T>(request: (options?: ConfigurationOptions) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    await this.limiter.take();
    signal?.throwIfAborted();
    return request(signal && abortableRequest(signal));
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
