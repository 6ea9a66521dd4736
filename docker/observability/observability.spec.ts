import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parseAllDocuments } from 'yaml';

// What promtool checks of a rules file (`promtool check rules`), on the PrometheusRule's spec, and
// that every query of the Grafana dashboard is PromQL. That the metrics they name exist is checked
// against the running apps (e2e/maestro-e2e/src/observability.e2e-spec.ts).

interface Rule {
  alert?: string;
  record?: string;
  expr: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

interface PrometheusRule {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: { groups: { name: string; interval?: string; rules: Rule[] }[] };
}

interface Panel {
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: { expr: string; refId: string }[];
}

const file = (name: string) => readFileSync(path.join(__dirname, name), 'utf8');
/** Prometheus durations: 5m, 1h30m, 10s... */
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Grafana's variables, replaced as Grafana does before the query reaches Prometheus. */
const GRAFANA_VARIABLES: [RegExp, string][] = [
  [/\$__rate_interval|\$__interval/g, '5m'],
  [/\$\{?[a-zA-Z_]+\}?/g, '.*'],
];

/** The positions of PromQL syntax errors in `expr` (none when it parses). */
function syntaxErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

describe('Prometheus alert rules (docker/observability/maestro-alerts.yaml)', () => {
  const documents = parseAllDocuments(file('maestro-alerts.yaml'));
  const resource = documents[0]?.toJS() as PrometheusRule;
  const rules = resource.spec.groups.flatMap((group) => group.rules);

  it('is one YAML document, a PrometheusRule of the Prometheus Operator', () => {
    expect(documents.map((document) => document.errors)).toEqual([[]]);
    expect(resource).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'maestro' } });
    expect(Object.keys(resource.spec)).toEqual(['groups']);
  });

  it('has groups with unique names, each with rules', () => {
    const names = resource.spec.groups.map((group) => group.name);
    expect(new Set(names).size).toBe(names.length);
    for (const group of resource.spec.groups) {
      expect(group.rules.length).toBeGreaterThan(0);
      if (group.interval !== undefined) expect(group.interval).toMatch(DURATION);
    }
  });

  it('has rules that are an alert or a recording, with only the fields promtool accepts', () => {
    for (const rule of rules) {
      expect(Boolean(rule.alert) !== Boolean(rule.record)).toBe(true);
      const allowed = rule.alert ? ['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'] : ['record', 'expr', 'labels'];
      expect(Object.keys(rule).filter((key) => !allowed.includes(key))).toEqual([]);
      if (rule.alert) expect(rule.alert).toMatch(LABEL_NAME);
      if (rule.for !== undefined) expect(String(rule.for)).toMatch(DURATION);
      for (const map of [rule.labels ?? {}, rule.annotations ?? {}])
        for (const [key, value] of Object.entries(map)) {
          expect(key).toMatch(LABEL_NAME);
          expect(typeof value).toBe('string');
        }
    }
    const alerts = rules.map((rule) => rule.alert);
    expect(new Set(alerts).size).toBe(alerts.length);
  });

  it('has an expression in PromQL for every rule', () => {
    for (const rule of rules) {
      expect(typeof rule.expr).toBe('string');
      expect({ rule: rule.alert ?? rule.record, errors: syntaxErrors(String(rule.expr)) }).toEqual({ rule: rule.alert ?? rule.record, errors: [] });
    }
  });

  it('covers stuck operations, fleets off target, forwarder failures and API error rates', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(['MaestroOperationStuck', 'MaestroFleetOffTarget', 'MaestroForwarderFailures', 'MaestroApiErrorRate']),
    );
  });

  it('finds a syntax error where there is one (the check can fail)', () => {
    expect(syntaxErrors('sum by (job (rate(http_requests_total[5m]))')).not.toEqual([]);
  });
});

describe('Grafana dashboard (docker/observability/maestro-dashboard.json)', () => {
  const dashboard = JSON.parse(file('maestro-dashboard.json')) as { uid: string; title: string; panels: Panel[] };
  const queries = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));

  it('has a uid, a title and panels that do not overlap on its grid', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    const cells = new Set<string>();
    for (const { gridPos } of dashboard.panels)
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++)
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(x).toBeLessThan(24);
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
  });

  it('queries in PromQL once its variables are replaced', () => {
    expect(queries.length).toBeGreaterThan(10);
    for (const { panel, expr } of queries) {
      const promql = GRAFANA_VARIABLES.reduce((text, [variable, value]) => text.replace(variable, value), expr);
      expect({ panel, errors: syntaxErrors(promql) }).toEqual({ panel, errors: [] });
    }
  });
});
