import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// docker/docker-compose.yml's structure, checked without a Docker engine: its services and profile,
// the files it mounts, the configuration it gives the apps, and the observability profile's wiring
// (Prometheus scrapes each app where the app serves its metrics; Grafana shows the dashboard).

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: string[] | Record<string, unknown>;
}

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker/docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const APPS = ['management-api', 'rooms-api', 'worker'];

/** The apps' internal (health and metrics) ports, as libs/config sets them by default. */
function internalPorts(): Record<string, number> {
  const source = read('libs/config/src/maestro-config.ts');
  const ports: Record<string, number> = {};
  for (const [, app, port] of source.matchAll(/'?([\w-]+)'?: \{ api: \d+, internal: (\d+) \}/g)) ports[app] = Number(port);
  return ports;
}

/** `source:target[:mode]` of a service's bind mounts (sources relative to docker/). */
const bindMounts = (service: Service) =>
  (service.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([source]) => source.startsWith('.'))
    .map(([source, target]) => ({ source: path.resolve(__dirname, source), target }));

describe('docker/docker-compose.yml', () => {
  it('runs Postgres, Redis, kube-sim and the three apps by default, Prometheus and Grafana in the observability profile', () => {
    const inProfile = (profile?: string) =>
      Object.entries(services)
        .filter(([, service]) => (profile ? service.profiles?.includes(profile) : !service.profiles))
        .map(([name]) => name)
        .sort();
    expect(inProfile()).toEqual(['kube-sim', 'management-api', 'postgres', 'redis', 'rooms-api', 'worker']);
    expect(inProfile('observability')).toEqual(['grafana', 'prometheus']);
  });

  it('runs every Maestro component from one production image', () => {
    const maestro = ['kube-sim', ...APPS].map((name) => services[name]);
    expect(new Set(maestro.map((s) => s.image))).toEqual(new Set(['${MAESTRO_IMAGE:-maestro:local}']));
    for (const service of maestro) expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(read('docker/Dockerfile')).toMatch(/^FROM \S+ AS runtime$/m);
  });

  it('mounts only files of the repository', () => {
    const mounts = Object.values(services).flatMap(bindMounts);
    expect(mounts.length).toBeGreaterThan(0);
    for (const { source } of mounts) expect({ source, exists: existsSync(source) }).toEqual({ source, exists: true });
  });

  it('points every app at the Postgres and Redis services, with variables the configuration knows, and no secret in clear', () => {
    const known = new Set([...read('README.md').matchAll(/^\| `(MAESTRO_[A-Z_]+)` \|/gm)].map((m) => m[1]));
    for (const app of APPS) {
      const env = services[app].environment ?? {};
      for (const name of Object.keys(env)) expect({ name, known: known.has(name) }).toEqual({ name, known: true });
      expect(env.MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL).toMatch(/^postgres:\/\/postgres@postgres:5432\//);
      const redisUrls = Object.entries(env).filter(([name]) => name.endsWith('_REDIS_URL'));
      expect(redisUrls.map(([name]) => name).sort()).toEqual([...known].filter((name) => name.endsWith('_REDIS_URL')).sort());
      for (const [, url] of redisUrls) expect(url).toBe('redis://redis:6379/0');
      expect(env.MAESTRO_API_AUTH_BOOTSTRAPTOKEN).toMatch(/^\$\{MAESTRO_API_AUTH_BOOTSTRAPTOKEN:\?.+\}$/);
      expect(env.MAESTRO_ROOMSAPI_AUTH_SECRET).toMatch(/^\$\{MAESTRO_ROOMSAPI_AUTH_SECRET:\?.+\}$/);
    }
  });

  it('has Prometheus scrape each app, as its own job, where the app serves its metrics', () => {
    const [config] = bindMounts(services.prometheus).filter((m) => m.target === '/etc/prometheus/prometheus.yml');
    expect(services.prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    const prometheus = parse(readFileSync(config.source, 'utf8')) as {
      scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }[];
    };
    const ports = internalPorts();
    expect(Object.keys(ports).sort()).toEqual([...APPS].sort());
    expect(prometheus.scrape_configs.map((job) => [job.job_name, job.metrics_path, job.static_configs.flatMap((s) => s.targets)])).toEqual(
      APPS.map((app) => [app, '/metrics', [`${app}:${ports[app]}`]]),
    );
    expect(read('libs/platform/src/health/internal-api.controller.ts')).toContain("@Get('metrics')");
    // The dashboard tells the apps apart by that job label.
    expect(read('docker/observability/maestro-dashboard.json')).toContain('sum by (job)');
  });

  it("has Grafana show Maestro's dashboard on the compose file's Prometheus", () => {
    const mounts = new Map(bindMounts(services.grafana).map((m) => [path.relative(root, m.source), m.target]));
    expect(mounts.get('docker/observability/grafana/datasources.yaml')).toMatch(/^\/etc\/grafana\/provisioning\/datasources\//);
    const datasources = parse(read('docker/observability/grafana/datasources.yaml')) as { datasources: unknown[] };
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090', isDefault: true })]);

    const dashboard = JSON.parse(read('docker/observability/maestro-dashboard.json')) as { templating: { list: { name: string; query: string }[] } };
    expect(dashboard.templating.list.find((v) => v.name === 'datasource')?.query).toBe('prometheus');
    const dashboardAt = mounts.get('docker/observability/maestro-dashboard.json');
    expect(mounts.get('docker/observability/grafana/dashboards.yaml')).toMatch(/^\/etc\/grafana\/provisioning\/dashboards\//);
    const providers = parse(read('docker/observability/grafana/dashboards.yaml')) as { providers: { options: { path: string } }[] };
    expect(providers.providers.map((p) => `${p.options.path}/maestro-dashboard.json`)).toEqual([dashboardAt]);
    expect(services.grafana.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(dashboardAt);
  });
});
