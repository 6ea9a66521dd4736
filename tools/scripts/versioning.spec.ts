import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// The release's versions, said once in package.json and followed everywhere (CHANGELOG.md, "Versions").
const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; maestro: { contract: string } };

/** CHANGELOG.md's releases, newest first: version, date and Maestro contract of each heading. */
function releases(): { version: string; date: string; contract: string }[] {
  return [...read('CHANGELOG.md').matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2}) - Maestro (v\d+)$/gm)].map(([, version, date, contract]) => ({
    version,
    date,
    contract,
  }));
}

describe('the release version', () => {
  it("is the version of the CHANGELOG's latest release, with the same Maestro contract", () => {
    const [latest] = releases();
    expect(latest).toEqual({ version: pkg.version, date: expect.any(String), contract: pkg.maestro.contract });
  });

  it('keeps the contract that docs/spec describes', () => {
    expect(read('docs/spec/README.md').split('\n')[0]).toBe(`# Maestro ${pkg.maestro.contract} behavioural specification`);
  });

  it('lists releases newest first, under an Unreleased section, every heading in the one format', () => {
    const text = read('CHANGELOG.md');
    const headings = [...text.matchAll(/^## .*$/gm)].map(([heading]) => heading);
    expect(headings.slice(0, 2)).toEqual(['## Versions', '## [Unreleased]']);
    const all = releases();
    expect(all.length).toBe(headings.length - 2);
    const order = (v: string) =>
      v
        .split('.')
        .map(Number)
        .reduce((sum, part) => sum * 1000 + part, 0);
    for (let i = 1; i < all.length; i++) {
      expect(order(all[i - 1].version)).toBeGreaterThan(order(all[i].version));
      expect(all[i - 1].date >= all[i].date).toBe(true);
    }
  });

  it("is the Helm chart's version and appVersion, and the production overlay's image tag", () => {
    const chart = parse(read('docker/helm/maestro/Chart.yaml')) as { version: string; appVersion: string };
    expect([chart.version, chart.appVersion]).toEqual([pkg.version, pkg.version]);
    const overlay = parse(read('docker/k8s/overlays/production/kustomization.yaml')) as { images: { name: string; newTag: string }[] };
    expect(overlay.images.find((image) => image.name === 'maestro')?.newTag).toBe(pkg.version);
  });
});
