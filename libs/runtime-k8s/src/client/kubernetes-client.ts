import { CoreV1Api, KubeConfig, PolicyV1Api, VersionApi } from '@kubernetes/client-node';
import { TokenBucket } from './token-bucket';

export interface KubernetesClientOptions {
  kubeconfigPath?: string;
  inCluster?: boolean;
  masterUrl?: string;
  qps: number;
  burst: number;
}

/** Status code of a Kubernetes API error (ApiException), if it is one. */
export function apiErrorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** The official client's APIs behind one client-side rate limiter. */
export class KubernetesClient {
  readonly config: KubeConfig;
  readonly core: CoreV1Api;
  readonly policy: PolicyV1Api;
  readonly version: VersionApi;
  private readonly limiter: TokenBucket;

  constructor(options: KubernetesClientOptions) {
    this.config = new KubeConfig();
    if (options.inCluster) this.config.loadFromCluster();
    else if (options.kubeconfigPath) this.config.loadFromFile(options.kubeconfigPath);
    else if (options.masterUrl) {
      this.config.loadFromOptions({
        clusters: [{ name: 'maestro', server: options.masterUrl, skipTLSVerify: options.masterUrl.startsWith('http:') }],
        users: [{ name: 'maestro' }],
        contexts: [{ name: 'maestro', cluster: 'maestro', user: 'maestro' }],
        currentContext: 'maestro',
      });
    } else this.config.loadFromCluster();
    this.core = this.config.makeApiClient(CoreV1Api);
    this.policy = this.config.makeApiClient(PolicyV1Api);
    this.version = this.config.makeApiClient(VersionApi);
    this.limiter = new TokenBucket(options.qps, options.burst);
  }

  /** Runs one API call once the rate limiter allows it. */
  async call<T>(request: () => Promise<T>): Promise<T> {
    await this.limiter.take();
    return request();
  }
}
