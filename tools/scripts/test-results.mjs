// The results jest.mjs writes under tmp/test-results, added up for test-all.mjs's closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The jest results files under `dir` (`<project>/<kind>.json`), sorted; not the diagnostic reports
 * jest.mjs writes beside them (`<project>/<kind>-reports/*.json`) when it stops a suite.
 * @param {string} dir
 * @returns {string[]}
 */
export function resultFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.json') && !file.split(path.sep).some((part) => part.endsWith('-reports')))
    .sort();
}

/**
 * Every suite's counts, and their totals. A suite that failed to load counts as one failed test:
 * its tests never ran.
 * @param {string} dir
 * @returns {{ suites: { name: string, passed: number, failed: number, success: boolean }[], passed: number, failed: number }}
 */
export function sumResults(dir) {
  const suites = resultFiles(dir).map((file) => {
    /** @type {{ numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites?: number, success: boolean }} */
    const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    return {
      name: file.replace(/\.json$/, ''),
      passed: result.numPassedTests,
      failed: result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0),
      success: result.success,
    };
  });
  return {
    suites,
    passed: suites.reduce((sum, suite) => sum + suite.passed, 0),
    failed: suites.reduce((sum, suite) => sum + suite.failed, 0),
  };
}
