// `npm test`: every suite of the workspace through Nx (lint, typecheck, unit, integration, e2e),
// then one closing line with the totals of every jest suite that ran: `N passed, N failed`.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servicesOf } from './first-run/defaults.mjs';
import { LocalServices, ServiceError } from './first-run/services.mjs';
import { sumResults } from './test-results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

const nxBin = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const phases = [
  { name: 'format, lint, typecheck and unit tests', args: ['run-many', '-t', 'format-check', 'lint', 'typecheck', 'test', '--parallel=2'] },
  { name: 'integration tests', args: ['run-many', '-t', 'integration', '--parallel=2'] },
  { name: 'end-to-end tests', args: ['run-many', '-t', 'e2e', '--parallel=1'] },
];

// Postgres and Redis at their default URLs are found, or started as `npm start` starts them
// (first-run/), and what was started is stopped at the end; Redis still needs a redis-server.
const services = new LocalServices({
  ...servicesOf(process.env),
  stateDir: path.join(root, '.maestro'),
  log: (line) => process.stdout.write(`[services] ${line}\n`),
});
try {
  await services.provide();
} catch (error) {
  console.log(error instanceof ServiceError ? error.message : String(error));
  await services.stop();
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/**
 * Runs one phase without blocking this process: the services it started keep their pipes read.
 * @param {string[]} args
 * @returns {Promise<number>}
 */
const runPhase = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [nxBin, ...args, '--outputStyle=static', ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });

const failedPhases = [];
for (const phase of phases) {
  console.log(`\n=== ${phase.name} ===`);
  const status = await runPhase(phase.args);
  if (status !== 0) failedPhases.push(phase.name);
}
await services.stop();

const totals = sumResults(resultsDir);
let { failed } = totals;
for (const suite of totals.suites) {
  const line = `${suite.name}: ${suite.passed} passed, ${suite.failed} failed`;
  console.log(suite.success ? line : `${line} (FAILED)`);
}
if (failedPhases.length > 0) console.log(`failed phases: ${failedPhases.join(', ')}`);
if (failedPhases.length > 0 && failed === 0) failed = 1; // lint/typecheck failure or a crashed runner
console.log(`${totals.passed} passed, ${failed} failed`);
process.exit(failedPhases.length > 0 || failed > 0 ? 1 : 0);
