// The dashboard's component tests (Vitest in jsdom), with their results recorded as JSON under
// tmp/test-results like the jest suites', where tools/scripts/test-all.mjs adds them up.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'tmp', 'test-results', 'apps', 'dashboard');
mkdirSync(resultsDir, { recursive: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = [
  vitest,
  'run',
  '--config',
  'apps/dashboard/vite.config.mts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(resultsDir, 'unit.json')}`,
];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
