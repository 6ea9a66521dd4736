// The production build of one component: node tools/build/build.mjs <outDir> <name>=<entry.ts>...
// Each entry is compiled with what it requires (module-graph.mjs) into <outDir>, and <outDir>/<name>.js
// starts it with source maps on: `node <outDir>/<name>.js` needs neither a register hook nor TypeScript.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileGraph, root } from './module-graph.mjs';

const [outArg, ...entryArgs] = process.argv.slice(2);
const entries = entryArgs.map((arg) => arg.split('='));
if (!outArg || entries.length === 0 || entries.some(([name, entry]) => !name || !entry?.endsWith('.ts'))) {
  console.error('usage: node tools/build/build.mjs <outDir> <name>=<entry.ts>...');
  process.exit(2);
}

/** Node 22.14+ and 23.7+ have module.setSourceMapsSupport; Node 20 has process.setSourceMapsEnabled. */
/** @param {string} entry */
const launcher = (entry) => `'use strict';
// Built from ${entry} by tools/build/build.mjs. Source maps make stack traces name TypeScript lines.
const { setSourceMapsSupport } = require('node:module');
if (setSourceMapsSupport) setSourceMapsSupport(true);
else process.setSourceMapsEnabled(true);
require('./${entry.replace(/\.ts$/, '.js')}');
`;

const started = performance.now();
const outDir = path.resolve(root, outArg);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [name, entry] of entries) {
  const { files, packages } = compileGraph(entry, outDir);
  writeFileSync(path.join(outDir, `${name}.js`), launcher(path.relative(root, path.resolve(root, entry))));
  console.log(`${path.relative(root, outDir)}/${name}.js: ${files.length} files; packages: ${packages.join(', ')}`);
}
console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
