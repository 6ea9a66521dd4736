import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sumResults } from './test-results.mjs';

describe("the totals of npm test's closing line", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'test-results-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, content: unknown) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(content));
  };

  it("adds up every suite's results, leaving out the diagnostic reports of a stopped suite", () => {
    write('apps/worker/integration.json', { numPassedTests: 29, numFailedTests: 0, success: true });
    write('apps/worker/integration-reports/report.20261204.203233.27652.0.001.json', { header: {}, libuv: [] });
    write('libs/domain/unit.json', { numPassedTests: 900, numFailedTests: 2, numRuntimeErrorTestSuites: 1, success: false });
    const totals = sumResults(dir);
    expect(totals.suites.map((suite) => suite.name)).toEqual(['apps/worker/integration', 'libs/domain/unit']);
    expect([totals.passed, totals.failed]).toEqual([929, 3]);
  });

  it('answers zero of each without results', () => {
    expect(sumResults(path.join(dir, 'none'))).toEqual({ suites: [], passed: 0, failed: 0 });
  });
});
