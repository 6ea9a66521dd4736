// Runs one project's jest suite of one kind (unit | integration | e2e) and records the
// results as JSON under tmp/test-results, where test-all.mjs adds them up.
// No --forceExit: a suite must end by itself. One that does not ("Jest did not exit one second
// after the test run has completed") leaks a server, client or timer: find it with
// `node tools/scripts/jest.mjs <projectRoot> <kind> --detectOpenHandles`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
const result = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MAESTRO_TEST_KIND: kind },
});
process.exit(result.status ?? 1);
