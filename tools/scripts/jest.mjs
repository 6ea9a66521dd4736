// Runs one project's jest suite of one kind (unit | integration | e2e) and records the
// results as JSON under tmp/test-results, where test-all.mjs adds them up.
// No --forceExit: a suite must end by itself. One that does not ("Jest did not exit one second
// after the test run has completed") leaks a server, client or timer: find it with
// `node tools/scripts/jest.mjs <projectRoot> <kind> --detectOpenHandles`.
// Every wait is bounded: a suite still running after MAESTRO_SUITE_TIMEOUT_MINUTES (30), or still
// alive a minute after writing its results, gets a Node diagnostic report (its JavaScript stack and
// open handles, under tmp/test-results/<project>/) and is stopped, and the run fails saying so.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectRoot, kind = 'unit', ...rest] = process.argv.slice(2);
if (!projectRoot) {
  console.error('usage: jest.mjs <projectRoot> <unit|integration|e2e> [jest args]');
  process.exit(2);
}
const resultsDir = path.join(root, 'tmp', 'test-results', projectRoot);
mkdirSync(resultsDir, { recursive: true });
const outputFile = path.join(resultsDir, `${kind}.json`);
rmSync(outputFile, { force: true });
const reportDir = path.join(resultsDir, `${kind}-reports`);
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [
  jestBin,
  '--config',
  path.join(root, projectRoot, 'jest.config.js'),
  '--json',
  '--outputFile',
  outputFile,
  ...(kind === 'unit' ? [] : ['--runInBand']),
  ...rest,
];
const suiteTimeoutMs = Number(process.env.MAESTRO_SUITE_TIMEOUT_MINUTES ?? 30) * 60_000;
const exitGraceMs = 60_000;
const reportOptions = `--report-on-signal --report-signal=SIGUSR2 --report-directory="${reportDir}"`;
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MAESTRO_TEST_KIND: kind, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${reportOptions}`.trim() },
});

/** @type {string | undefined} why the suite was stopped */
let stopped;
/**
 * Dumps the suite's state, stops it, and fails the run with the reason.
 * @param {string} reason
 */
const stop = (reason) => {
  if (stopped) return;
  stopped = reason;
  mkdirSync(reportDir, { recursive: true });
  console.error(`\n[jest.mjs] ${projectRoot} ${kind}: ${reason}; diagnostic report in ${path.relative(root, reportDir)}, stopping it`);
  child.kill('SIGUSR2');
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
};
const deadline = setTimeout(() => stop(`still running after ${suiteTimeoutMs / 60_000} min`), suiteTimeoutMs);
/** @type {number | undefined} when the results file appeared */
let finishedAt;
const exitWatch = setInterval(() => {
  if (finishedAt === undefined && existsSync(outputFile)) finishedAt = Date.now();
  if (finishedAt !== undefined && Date.now() - finishedAt > exitGraceMs)
    stop('results written but jest did not exit (an open handle: a server, client or timer left running)');
}, 1_000);
child.on('exit', (code, signal) => {
  clearTimeout(deadline);
  clearInterval(exitWatch);
  process.exit(stopped ? 1 : (code ?? (signal ? 1 : 0)));
});
