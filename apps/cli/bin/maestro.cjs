#!/usr/bin/env node
'use strict';
// The `maestro` command (a bin of the root package.json: `npx maestro ...` from a clone).
// It runs the TypeScript sources through the workspace's SWC hook with a compile cache
// (node_modules/.cache/maestro-cli, keyed by each file's content), so after the first run it
// starts without loading the compiler and no build step can leave it stale.
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
require(path.join(root, 'tools', 'scripts', 'register.cjs')).useCache(path.join(root, 'node_modules', '.cache', 'maestro-cli'));
require(path.join(root, 'apps', 'cli', 'src', 'main.ts'));
