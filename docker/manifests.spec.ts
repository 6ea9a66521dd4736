import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels };
  [field: string]: any;
}

const SECRET_VARIABLES = ['MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'MAESTRO_API_AUTH_BOOTSTRAPTOKEN', 'MAESTRO_ROOMSAPI_AUTH_SECRET'];
const APPS = ['management-api', 'rooms-api', 'worker'];

/** The objects `kubectl kustomize` renders for an overlay (offline: no cluster involved). */
function render(overlay: string): Manifest[] {
  const result = spawnSync('kubectl', ['kustomize', path.join(__dirname, 'k8s', 'overlays', overlay)], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return parseAllDocuments(result.stdout).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Manifest;
  });
}

/** Kubernetes label selector semantics (an empty selector selects everything). */
function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
    }
  });
  return byLabels && byExpressions;
}

interface Peer {
  namespace: Labels;
  pod: Labels;
}

/** The `<app>:<port name>` pairs a peer may open, under the rendered NetworkPolicies of namespace maestro. */
function reachable(all: Manifest[], peer: Peer): string[] {
  const policies = all.filter((m) => m.kind === 'NetworkPolicy');
  const open: string[] = [];
  for (const deployment of all.filter((m) => m.kind === 'Deployment')) {
    const podLabels: Labels = deployment.spec.template.metadata.labels;
    const applying = policies.filter((p) => selects(p.spec.podSelector, podLabels));
    expect(applying.length).toBeGreaterThan(0);
    for (const port of deployment.spec.template.spec.containers[0].ports as { name: string }[]) {
      const allowed = applying.some((policy) =>
        (policy.spec.ingress ?? []).some(
          (rule: { ports?: { port: string }[]; from?: { namespaceSelector?: Selector; podSelector?: Selector }[] }) =>
            (rule.ports ?? []).some((p) => p.port === port.name) &&
            (rule.from === undefined ||
              rule.from.some(
                (from) =>
                  (from.namespaceSelector ? selects(from.namespaceSelector, peer.namespace) : peer.namespace['kubernetes.io/metadata.name'] === 'maestro') &&
                  selects(from.podSelector, peer.pod),
              )),
        ),
      );
      if (allowed) open.push(`${deployment.metadata.name}:${port.name}`);
    }
  }
  return open.sort();
}

/**
 * The RBAC rules the worker needs, read from what libs/runtime-k8s calls: `client.core.createNamespacedPod`
 * is `create` on `pods`, `client.watch('/api/v1/pods', ...)` is `watch` on `pods`, `client.version.getCode` is GET /version.
 */
function rulesUsedByTheRuntime(): Record<string, string[]> {
  const dir = path.resolve(__dirname, '../libs/runtime-k8s/src');
  const sources: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name)) sources.push(readFileSync(file, 'utf8'));
    }
  };
  walk(dir);
  const verbs: Record<string, string> = { create: 'create', read: 'get', list: 'list', delete: 'delete', replace: 'update', patch: 'patch' };
  const groups: Record<string, string> = { core: '', policy: 'policy' };
  const rules: Record<string, Set<string>> = {};
  const grant = (key: string, verb: string) => (rules[key] ??= new Set()).add(verb);
  for (const text of sources) {
    // `listPodForAllNamespaces` is `list` on `pods` (the runtime's one pod watch covers every namespace).
    for (const [, api, verb, kind] of text.matchAll(
      /client\.(core|policy)\.(create|read|list|delete|replace|patch)(?:Namespaced)?([A-Z]\w*?)(?:ForAllNamespaces)?\(/g,
    )) {
      grant(`${groups[api]}/${kind.toLowerCase()}s`, verbs[verb]);
    }
    for (const [, resource] of text.matchAll(/client\.watch\(\s*['`]\/api\/v1\/(?:namespaces\/\$\{[^}]+\}\/)?(\w+)['`]/g)) grant(`/${resource}`, 'watch');
    if (/client\.version\.getCode\(/.test(text)) grant('/version', 'get');
  }
  return Object.fromEntries(Object.entries(rules).map(([key, set]) => [key, [...set].sort()]));
}

describe.each(['development', 'production'])('Kubernetes manifests, overlay %s (kubectl kustomize)', (overlay) => {
  const all = render(overlay);
  const ofKind = (kind: string) => all.filter((m) => m.kind === kind);
  const deployments = ofKind('Deployment');
  const deployment = (app: string) => deployments.find((d) => d.metadata.name === app) as Manifest;
  const podOf = (app: string) => deployment(app).spec.template.spec;
  const envOf = (app: string) => podOf(app).containers[0].env as { name: string; value?: string; valueFrom?: any }[];

  it('declares every object with apiVersion, kind and name, each namespaced one in maestro', () => {
    const clusterWide = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];
    for (const m of all) {
      expect(m.apiVersion).toMatch(/^(v1|apps\/v1|rbac\.authorization\.k8s\.io\/v1|networking\.k8s\.io\/v1)$/);
      expect(m.metadata.name).toMatch(/^[a-z0-9-]+$/);
      expect(m.metadata.namespace).toBe(clusterWide.includes(m.kind) ? undefined : 'maestro');
    }
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(APPS);
  });

  it('runs each app under its own service account, and mounts a Kubernetes token in the worker only', () => {
    const accounts = ofKind('ServiceAccount').map((a) => a.metadata.name);
    expect(accounts.sort()).toEqual(APPS.map((app) => `maestro-${app}`));
    for (const app of APPS) {
      expect(podOf(app).serviceAccountName).toBe(`maestro-${app}`);
      expect(podOf(app).automountServiceAccountToken).toBe(app === 'worker');
    }
    const bindings = [...ofKind('ClusterRoleBinding'), ...ofKind('RoleBinding')];
    expect(bindings.flatMap((b) => b.subjects)).toEqual([{ kind: 'ServiceAccount', name: 'maestro-worker', namespace: 'maestro' }]);
  });

  it('grants the worker exactly what libs/runtime-k8s calls', () => {
    const [role] = ofKind('ClusterRole');
    const grants: Record<string, string[]> = {};
    for (const rule of role.rules as { apiGroups?: string[]; resources?: string[]; nonResourceURLs?: string[]; verbs: string[] }[]) {
      for (const resource of rule.resources ?? []) grants[`${rule.apiGroups?.[0] ?? ''}/${resource}`] = [...rule.verbs].sort();
      for (const url of rule.nonResourceURLs ?? []) grants[url] = [...rule.verbs].sort();
    }
    const used = rulesUsedByTheRuntime();
    // The pod watch is a raw path (`/pods`) next to the typed calls on `/pods`.
    const { '/pods': watched = [], ...typed } = used;
    typed['/pods'] = [...new Set([...(typed['/pods'] ?? []), ...watched])].sort();
    expect(grants).toEqual(typed);
    expect(Object.keys(grants)).toEqual(expect.arrayContaining(['/namespaces', '/pods', '/nodes', '/events', 'policy/poddisruptionbudgets', '/version']));
  });

  it('runs every pod non-root, read-only, without privilege escalation, capabilities or seccomp exemptions', () => {
    for (const app of APPS) {
      const pod = podOf(app);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.hostNetwork ?? false).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        const tmp = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
        expect(pod.volumes.find((v: { name: string }) => v.name === tmp.name)).toMatchObject({ emptyDir: {} });
      }
    }
  });

  it('puts public and internal ports on Services of their own', () => {
    const services = ofKind('Service').map((s) => ({
      name: s.metadata.name,
      app: s.spec.selector['app.kubernetes.io/component'],
      ports: s.spec.ports.map((p: { targetPort: string }) => p.targetPort),
    }));
    expect(services.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'management-api', app: 'management-api', ports: ['http'] },
      { name: 'management-api-internal', app: 'management-api', ports: ['internal'] },
      { name: 'rooms-api', app: 'rooms-api', ports: ['http'] },
      { name: 'rooms-api-internal', app: 'rooms-api', ports: ['internal'] },
      { name: 'worker-internal', app: 'worker', ports: ['internal'] },
    ]);
    for (const service of services) {
      const ports = podOf(service.app).containers[0].ports.map((p: { name: string }) => p.name);
      expect(ports).toEqual(expect.arrayContaining(service.ports));
    }
  });

  it('lets game rooms reach the rooms API only, and Prometheus alone reach the internal ports', () => {
    const room = { namespace: { 'kubernetes.io/metadata.name': 'my-scheduler', 'app.kubernetes.io/managed-by': 'maestro' }, pod: { heritage: 'maestro' } };
    const prometheus = { namespace: { 'kubernetes.io/metadata.name': 'monitoring' }, pod: { 'app.kubernetes.io/name': 'prometheus' } };
    const other = { namespace: { 'kubernetes.io/metadata.name': 'monitoring' }, pod: { 'app.kubernetes.io/name': 'grafana' } };
    const matchmaker = { namespace: { 'kubernetes.io/metadata.name': 'matchmaking' }, pod: { app: 'matchmaker' } };
    expect(reachable(all, room)).toEqual(['rooms-api:http']);
    expect(reachable(all, prometheus)).toEqual(['management-api:http', 'management-api:internal', 'rooms-api:http', 'rooms-api:internal', 'worker:internal']);
    expect(reachable(all, other)).toEqual(['management-api:http', 'rooms-api:http']);
    expect(reachable(all, matchmaker)).toEqual(['management-api:http', 'rooms-api:http']);
  });

  it('takes secrets from the Secret maestro only: none in clear text, none in a ConfigMap', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const config of ofKind('ConfigMap')) {
      for (const key of Object.keys(config.data)) expect(key).not.toMatch(/TOKEN|SECRET|PASSWORD|POSTGRES_URL/);
    }
    for (const app of APPS) {
      for (const variable of envOf(app)) {
        if (SECRET_VARIABLES.includes(variable.name) || /TOKEN|SECRET|PASSWORD/.test(variable.name)) {
          expect(variable.value).toBeUndefined();
          expect(variable.valueFrom.secretKeyRef.name).toBe('maestro');
        }
      }
    }
    const secretsOf = (app: string) =>
      envOf(app)
        .filter((v) => v.valueFrom?.secretKeyRef)
        .map((v) => v.name);
    expect(secretsOf('management-api')).toEqual(['MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'MAESTRO_API_AUTH_BOOTSTRAPTOKEN']);
    expect(secretsOf('rooms-api')).toEqual(['MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'MAESTRO_ROOMSAPI_AUTH_SECRET']);
    expect(secretsOf('worker')).toEqual(['MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'MAESTRO_ROOMSAPI_AUTH_SECRET']);
  });

  it("gives the worker more time to stop than its operations' stop timeout (2 minutes)", () => {
    expect(podOf('worker').terminationGracePeriodSeconds).toBeGreaterThan(120);
  });

  it('selects its own pods, probes the internal port and runs a component the image entrypoint knows', () => {
    const entrypoint = readFileSync(path.join(__dirname, 'entrypoint.sh'), 'utf8');
    for (const d of deployments) {
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
      const container = d.spec.template.spec.containers[0];
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'internal' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'internal' });
      expect(container.args).toEqual([d.metadata.name]);
      expect(entrypoint).toContain(d.metadata.name);
    }
  });

  it(overlay === 'production' ? 'pins the image and restricts forwarder addresses' : 'lets forwarders reach any address, as Maestro', () => {
    const [config] = ofKind('ConfigMap');
    const images = deployments.map((d) => d.spec.template.spec.containers[0].image);
    if (overlay === 'production') {
      for (const image of images) expect(image).toMatch(/:\d+\.\d+\.\d+$/);
      expect(config.data.MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES).not.toContain('*,');
      expect(config.data.MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES).not.toBe('*');
    } else {
      expect(config.data.MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES).toBe('*');
    }
  });
});
