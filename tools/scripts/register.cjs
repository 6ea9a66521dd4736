// Lets Node run the TypeScript sources directly: compiles .ts files with SWC on require
// (decorator metadata included, which Nest's dependency injection needs) and resolves the
// workspace aliases of tsconfig.base.json (@maestro/*). Used by `npm start`, the CLIs and e2e.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

/**
 * Node's internals that this hook replaces (not in Node's typings).
 * @typedef {(this: unknown, request: string, ...rest: unknown[]) => string} ResolveFilename
 * @typedef {NodeJS.Module & { _compile(code: string, filename: string): void }} CompilableModule
 */
const internals = /** @type {{ _resolveFilename: ResolveFilename }} */ (/** @type {unknown} */ (Module));
const originalResolve = internals._resolveFilename;
/** @type {ResolveFilename} */
internals._resolveFilename = function resolveWithAliases(request, ...rest) {
  const target = aliases.get(request);
  return originalResolve.call(this, target ?? request, ...rest);
};

const swcOptions = require('./swc-options.cjs');

/**
 * @param {NodeJS.Module} module
 * @param {string} filename
 */
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename });
  /** @type {CompilableModule} */ (module)._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
