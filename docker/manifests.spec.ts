import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  rules?: { apiGroups?: string[]; resources?: string[]; verbs: string[]; nonResourceURLs?: string[] }[];
}

const load = (file: string): Manifest[] =>
  parseAllDocuments(readFileSync(path.join(__dirname, 'k8s', file), 'utf8')).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Manifest;
  });

/** A schema check of the deployment manifests (no cluster needed). */
describe('Kubernetes manifests of Maestro', () => {
  const all = [...load('maestro.yaml'), ...load('rbac.yaml')];
  const deployments = all.filter((m) => m.kind === 'Deployment');

  it('declares every object with apiVersion, kind and name', () => {
    for (const m of all) {
      expect(m.apiVersion).toMatch(/^(v1|apps\/v1|rbac\.authorization\.k8s\.io\/v1)$/);
      expect(m.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
    expect(deployments.map((d) => d.metadata.name)).toEqual(['management-api', 'rooms-api', 'worker']);
  });

  it("gives the worker more time to stop than its operations' stop timeout (2 minutes)", () => {
    const worker = deployments.find((d) => d.metadata.name === 'worker');
    expect(worker?.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(120);
  });

  it('selects its own pods, probes named ports and runs as the maestro service account', () => {
    for (const d of deployments) {
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
      const pod = d.spec.template.spec;
      expect(pod.serviceAccountName).toBe('maestro');
      const container = pod.containers[0];
      const ports = container.ports.map((p: { name: string }) => p.name);
      expect(ports).toContain(container.readinessProbe.httpGet.port);
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.args).toEqual([d.metadata.name]);
    }
  });

  it('exposes every service port on a container port of its deployment', () => {
    for (const service of all.filter((m) => m.kind === 'Service')) {
      const target = deployments.find((d) => d.metadata.name === service.metadata.name);
      const names = target?.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name);
      for (const port of service.spec.ports) expect(names).toContain(port.targetPort);
    }
  });

  it("grants exactly Maestro's permissions: nodes read; pods, namespaces, events and PDBs managed", () => {
    const role = all.find((m) => m.kind === 'ClusterRole');
    const grants = Object.fromEntries((role?.rules ?? []).map((r) => [(r.resources ?? r.nonResourceURLs ?? []).join(','), [...r.verbs].sort()]));
    expect(grants).toEqual({
      namespaces: ['create', 'delete', 'get'],
      pods: ['create', 'delete', 'get', 'list', 'watch'],
      nodes: ['get'],
      events: ['create', 'patch'],
      poddisruptionbudgets: ['create', 'delete', 'get', 'update'],
      '/version': ['get'],
    });
    const binding = all.find((m) => m.kind === 'ClusterRoleBinding') as unknown as { subjects: { name: string; namespace: string }[] };
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'maestro', namespace: 'maestro' }]);
  });

  it('runs only components the image entrypoint knows', () => {
    const entrypoint = readFileSync(path.join(__dirname, 'entrypoint.sh'), 'utf8');
    for (const d of deployments) expect(entrypoint).toContain(d.metadata.name);
  });
});
