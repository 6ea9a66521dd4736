// Rewrites the index of docs/compatibility.md from the area files:
// node tools/scripts/run.mjs docs/tools/compatibility-index.cli.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { COMPATIBILITY_OVERVIEW, readAreaFiles, withIndex } from './compatibility-index';

writeFileSync(COMPATIBILITY_OVERVIEW, withIndex(readFileSync(COMPATIBILITY_OVERVIEW, 'utf8'), readAreaFiles()));
