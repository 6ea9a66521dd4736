import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { helm, HELM_VERSION } from './testing/helm';

// The Helm chart (docker/helm/maestro), rendered by a real helm (testing/helm.ts), against what
// `kubectl kustomize` renders of the production overlay: the same objects, field for field.
const CHART = path.join(__dirname, 'helm', 'maestro');

interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: any;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function objects(yaml: string): Map<string, Manifest> {
  const all = parseAllDocuments(yaml)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
  return new Map(all.map((m) => [`${m.kind}/${m.metadata.name}`, m]));
}

const template = (...args: string[]) => objects(run(helm(), ['template', 'maestro', CHART, '--namespace', 'maestro', ...args]));
const production = () => objects(run('kubectl', ['kustomize', path.join(__dirname, 'k8s', 'overlays', 'production')]));
const containers = (all: Map<string, Manifest>) =>
  [...all.values()].filter((m) => m.kind === 'Deployment').flatMap((d) => d.spec.template.spec.containers as Record<string, any>[]);

describe('the Helm chart', () => {
  beforeAll(() => {
    expect(run(helm(), ['version', '--short'])).toMatch(new RegExp(`^${HELM_VERSION.replace(/\./g, '\\.')}`));
  }, 300_000);

  it('passes helm lint --strict', () => {
    expect(run(helm(), ['lint', '--strict', CHART])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('renders the objects of the production overlay, field for field', () => {
    const kustomize = production();
    const chart = template('--set', 'namespace.create=true');
    expect([...chart.keys()].sort()).toEqual([...kustomize.keys()].sort());
    for (const [key, object] of kustomize) expect({ key, object: chart.get(key) }).toEqual({ key, object });
  });

  it('leaves the Namespace to helm install --create-namespace by default', () => {
    const kustomize = production();
    kustomize.delete('Namespace/maestro');
    expect(template()).toEqual(kustomize);
  });

  it('runs the image, replicas and resources it is given', () => {
    const all = template(
      ...['--set', 'image.repository=registry.test/games/maestro', '--set', 'image.tag=9.9.9'],
      ...['--set', 'replicas.managementApi=5', '--set', 'replicas.roomsApi=4', '--set', 'replicas.worker=1'],
      ...['--set', 'resources.worker.limits.memory=2Gi'],
    );
    expect(new Set(containers(all).map((c) => c.image))).toEqual(new Set(['registry.test/games/maestro:9.9.9']));
    expect(['management-api', 'rooms-api', 'worker'].map((name) => all.get(`Deployment/${name}`)?.spec.replicas)).toEqual([5, 4, 1]);
    expect(all.get('Deployment/worker')?.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { memory: '2Gi' },
    });
  });

  it('reads the secrets from the Secrets it is told, and the external Postgres and Redis URLs', () => {
    const all = template(
      ...['--set', 'secrets.postgresUrl.name=db', '--set', 'secrets.apiBootstrapToken.name=admin', '--set', 'secrets.apiBootstrapToken.key=token'],
      ...['--set', 'secrets.roomsApiAuthSecret.name=rooms', '--set', 'redis.url=redis://cache.example:6380/2'],
    );
    const env = (name: string) => all.get(`Deployment/${name}`)?.spec.template.spec.containers[0].env as Record<string, any>[];
    const refOf = (name: string, variable: string) => env(name).find((e) => e.name === variable)?.valueFrom.secretKeyRef;
    expect(refOf('worker', 'MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL')).toEqual({ name: 'db', key: 'postgres-url' });
    expect(refOf('management-api', 'MAESTRO_API_AUTH_BOOTSTRAPTOKEN')).toEqual({ name: 'admin', key: 'token' });
    expect(refOf('rooms-api', 'MAESTRO_ROOMSAPI_AUTH_SECRET')).toEqual({ name: 'rooms', key: 'rooms-api-auth-secret' });
    expect(refOf('worker', 'MAESTRO_ROOMSAPI_AUTH_SECRET')).toEqual({ name: 'rooms', key: 'rooms-api-auth-secret' });
    const data = all.get('ConfigMap/maestro')?.data as Record<string, string>;
    const redisUrls = Object.entries(data).filter(([key]) => key.endsWith('_REDIS_URL'));
    expect(redisUrls).toHaveLength(6);
    expect(new Set(redisUrls.map(([, url]) => url))).toEqual(new Set(['redis://cache.example:6380/2']));

    const clear = template('--set', 'postgres.url=postgres://maestro@db.example:5432/maestro?sslmode=verify-full');
    for (const container of containers(clear)) {
      expect(container.env[0]).toEqual({
        name: 'MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL',
        value: 'postgres://maestro@db.example:5432/maestro?sslmode=verify-full',
      });
    }
  });

  it('documents every value in values.yaml and in docs/deployment.md', () => {
    const text = readFileSync(path.join(CHART, 'values.yaml'), 'utf8');
    // Values whose whole object is one setting (a Pod's resources, a Secret reference, a map of settings).
    const WHOLE = new Set([
      'resources.managementApi',
      'resources.roomsApi',
      'resources.worker',
      'secrets.postgresUrl',
      'secrets.apiBootstrapToken',
      'secrets.roomsApiAuthSecret',
      'config',
      'prometheus.podLabels',
    ]);
    const settings = (value: unknown, prefix = ''): string[] =>
      value !== null && typeof value === 'object' && !WHOLE.has(prefix)
        ? Object.entries(value).flatMap(([key, inner]) => settings(inner, prefix ? `${prefix}.${key}` : key))
        : [prefix];
    const paths = settings(parse(text));
    const docs = readFileSync(path.join(__dirname, '..', 'docs', 'deployment.md'), 'utf8');
    const section = docs.slice(docs.indexOf('### Values'), docs.indexOf('\n#', docs.indexOf('### Values') + 1));
    const documented = [...section.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...paths].sort());
    const lines = text.split('\n');
    for (const key of new Set(paths.map((p) => p.split('.')[0]))) {
      const at = lines.findIndex((line) => line.startsWith(`${key}:`));
      expect({ key, comment: lines[at - 1]?.startsWith('#') || lines[at + 1]?.trim().startsWith('#') }).toEqual({ key, comment: true });
    }
  });
});
