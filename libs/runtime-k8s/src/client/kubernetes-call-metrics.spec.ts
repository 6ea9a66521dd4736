import { Registry } from 'prom-client';
import { KubernetesCallMetrics, kubernetesCallOf } from './kubernetes-call-metrics';

describe('kubernetesCallOf', () => {
  it.each([
    ['GET', 'https://k8s:6443/api/v1/namespaces/game/pods?labelSelector=a', 'list', 'pods'],
    ['GET', 'https://k8s:6443/api/v1/namespaces/game/pods/room-1', 'get', 'pods'],
    ['POST', 'https://k8s:6443/api/v1/namespaces/game/pods', 'create', 'pods'],
    ['DELETE', 'https://k8s:6443/api/v1/namespaces/game/pods/room-1', 'delete', 'pods'],
    ['POST', 'https://k8s:6443/api/v1/namespaces', 'create', 'namespaces'],
    ['GET', 'https://k8s:6443/api/v1/namespaces/game', 'get', 'namespaces'],
    ['DELETE', 'https://k8s:6443/api/v1/namespaces/game', 'delete', 'namespaces'],
    ['PATCH', 'https://k8s:6443/apis/policy/v1/namespaces/game/poddisruptionbudgets/game', 'patch', 'poddisruptionbudgets'],
    ['GET', 'https://k8s:6443/api/v1/nodes/node-1', 'get', 'nodes'],
    ['GET', 'https://k8s:6443/version', 'get', 'version'],
  ])('%s %s is a %s of %s', (method, url, verb, resource) => {
    expect(kubernetesCallOf(method, url)).toEqual({ verb, resource });
  });
});

describe('KubernetesCallMetrics', () => {
  it('counts calls by verb, resource and code, and times them', async () => {
    const registry = new Registry();
    const metrics = new KubernetesCallMetrics(registry);
    metrics.record({ verb: 'create', resource: 'pods' }, 201, 0.02);
    metrics.record({ verb: 'create', resource: 'pods' }, undefined, 0.5);
    const text = await registry.metrics();
    expect(text).toContain('maestro_kubernetes_requests_total{verb="create",resource="pods",code="201"} 1');
    expect(text).toContain('maestro_kubernetes_requests_total{verb="create",resource="pods",code="error"} 1');
    expect(text).toContain('maestro_kubernetes_request_duration_seconds_count{verb="create",resource="pods"} 2');
  });
});
