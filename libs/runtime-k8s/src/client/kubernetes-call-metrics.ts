import { Counter, Histogram, type Registry } from 'prom-client';

/** One Kubernetes API call as the metrics see it. */
export interface KubernetesCall {
  /** Kubernetes verb: get, list, create, update, patch, delete (else the HTTP method in lower case). */
  verb: string;
  /** Resource kind in the plural (pods, namespaces, poddisruptionbudgets, version...). */
  resource: string;
}

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/**
 * The verb and resource of an API request: `/api/v1/namespaces/ns/pods` is a list of pods,
 * `/api/v1/namespaces/ns/pods/p` a get of one, `/api/v1/namespaces/ns` a get of a namespace.
 */
export function kubernetesCallOf(method: string, url: string): KubernetesCall {
  const path = new URL(url, 'http://kubernetes').pathname;
  const segments = path.split('/').filter(Boolean);
  // Skip the group and version: /api/v1/... or /apis/<group>/<version>/...
  const rest = segments[0] === 'apis' ? segments.slice(3) : segments[0] === 'api' ? segments.slice(2) : segments;
  // Drop the namespace scope of a namespaced resource (namespaces/<ns>/<resource>...).
  const scoped = rest[0] === 'namespaces' && rest.length > 2 ? rest.slice(2) : rest;
  const resource = scoped[0] ?? (segments.at(-1) || 'unknown');
  const collection = scoped.length === 1 && (segments[0] === 'api' || segments[0] === 'apis');
  const upper = method.toUpperCase();
  const verb = upper === 'GET' ? (collection ? 'list' : 'get') : (VERBS[upper] ?? method.toLowerCase());
  return { verb, resource };
}

/** Kubernetes API calls by verb, resource and status code (`error` when no answer came), and their latency. */
export class KubernetesCallMetrics {
  private readonly calls: Counter<'verb' | 'resource' | 'code'>;
  private readonly latency: Histogram<'verb' | 'resource'>;

  constructor(registry: Registry) {
    this.calls = new Counter({
      name: 'maestro_kubernetes_requests_total',
      help: 'Kubernetes API calls by verb, resource and HTTP status code (error: no answer)',
      labelNames: ['verb', 'resource', 'code'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'maestro_kubernetes_request_duration_seconds',
      help: 'Kubernetes API call latency by verb and resource',
      labelNames: ['verb', 'resource'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  }

  /** Starts measuring one call. */
  measure(): CallMeasurement {
    return new CallMeasurement(this);
  }

  /** Counts one call with its status code (undefined: no answer) and observes its latency. */
  record(call: KubernetesCall, code: number | undefined, seconds: number): void {
    this.calls.inc({ ...call, code: code === undefined ? 'error' : String(code) });
    this.latency.observe(call, seconds);
  }
}

/** One call from its request to its answer, recorded once (the first answer wins; none before the request). */
export class CallMeasurement {
  private call?: KubernetesCall;
  private recorded = false;
  private readonly started = performance.now();

  constructor(private readonly metrics: KubernetesCallMetrics) {}

  requested(method: string, url: string): void {
    this.call = kubernetesCallOf(method, url);
  }

  /** The status code of the answer; undefined when the call failed without one (network, timeout). */
  answered(code: number | undefined): void {
    if (this.recorded || !this.call) return;
    this.recorded = true;
    this.metrics.record(this.call, code, (performance.now() - this.started) / 1000);
  }
}
