// Runs a TypeScript entry point of the workspace: node tools/scripts/run.mjs <file.ts> [args].
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run.mjs <file.ts> [args]');
  process.exit(2);
}
const child = spawn(process.execPath, ['-r', path.join(here, 'register.cjs'), entry, ...args], { stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
