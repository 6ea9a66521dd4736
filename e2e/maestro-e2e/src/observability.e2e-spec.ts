import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { management, rooms, simulatedScheduler } from './support/maestro-client';

const observability = path.resolve(__dirname, '../../../docker/observability');
// The internal APIs of the system that global-setup.js starts (each app's port + 1; the worker has only this one).
const internalUrls = ['http://127.0.0.1:18081', 'http://127.0.0.1:18071', process.env.E2E_WORKER_INTERNAL_URL ?? 'http://127.0.0.1:18051'];

/** The metric names a PromQL expression selects. */
function metricNames(expr: string): string[] {
  const names: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name !== 'VectorSelector') return;
      const identifier = node.node.getChild('Identifier');
      if (identifier) names.push(expr.slice(identifier.from, identifier.to));
    },
  });
  return names;
}

/** Every series name the exposition can hold: counters and gauges by name, histograms with their suffixes. */
function exposedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

/** Issue 18: the dashboard and the alert rules name metrics that the running apps expose. */
describe('the dashboard and the alert rules', () => {
  it('name only metrics that the apps expose on /metrics', async () => {
    // Something of each kind happened, so every family has had a reason to be registered.
    await management('POST', '/schedulers', simulatedScheduler('e2e-metrics', { roomsReplicas: 1 }));
    await rooms('POST', '/scheduler/e2e-metrics/rooms/allocate', {});
    const expositions = await Promise.all(internalUrls.map(async (url) => (await fetch(`${url}/metrics`)).text()));
    const exposed = new Set(expositions.flatMap((text) => [...exposedNames(text)]));

    const rules = parse(readFileSync(path.join(observability, 'maestro-alerts.yaml'), 'utf8')) as { spec: { groups: { rules: { expr: string }[] }[] } };
    const dashboard = JSON.parse(readFileSync(path.join(observability, 'maestro-dashboard.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const expressions = [
      ...rules.spec.groups.flatMap((group) => group.rules.map((rule) => rule.expr)),
      ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr.replace(/\$__rate_interval/g, '5m'))),
    ];
    const named = [...new Set(expressions.flatMap(metricNames))].sort();

    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('finds a name that no app exposes (the check can fail)', () => {
    expect(metricNames('sum(rate(maestro_no_such_metric_total[5m])) / sum(up)')).toEqual(['maestro_no_such_metric_total', 'up']);
  });
});
