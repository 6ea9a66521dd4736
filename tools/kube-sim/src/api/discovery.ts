import { RESOURCES } from '../store/k8s-object';

/** Discovery documents (/version, /api, /api/v1, /apis, /apis/policy/v1). */
export function discovery(path: string): unknown | undefined {
  const resources = (apiVersion: string) =>
    Object.values(RESOURCES)
      .filter((r) => r.apiVersion === apiVersion)
      .flatMap((r) => [
        { name: r.name, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames },
        ...(r.name === 'pods' || r.name === 'namespaces' || r.name === 'nodes' || r.name === 'poddisruptionbudgets'
          ? [{ name: `${r.name}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] }]
          : []),
      ]);
  switch (path) {
    case '/version':
      return {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0-kube-sim',
        gitCommit: 'kube-sim',
        gitTreeState: 'clean',
        buildDate: '2026-01-01T00:00:00Z',
        goVersion: 'go1.23',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    case '/api':
      return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
    case '/api/v1':
      return { kind: 'APIResourceList', groupVersion: 'v1', resources: resources('v1') };
    case '/apis':
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: 'policy', versions: [{ groupVersion: 'policy/v1', version: 'v1' }], preferredVersion: { groupVersion: 'policy/v1', version: 'v1' } }],
      };
    case '/apis/policy':
      return {
        kind: 'APIGroup',
        apiVersion: 'v1',
        name: 'policy',
        versions: [{ groupVersion: 'policy/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'policy/v1', version: 'v1' },
      };
    case '/apis/policy/v1':
      return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'policy/v1', resources: resources('policy/v1') };
    default:
      return undefined;
  }
}
