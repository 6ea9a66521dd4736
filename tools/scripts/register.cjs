// Lets Node run the TypeScript sources directly: compiles .ts files with SWC on require
// (decorator metadata included, which Nest's dependency injection needs) and resolves the
// workspace aliases of tsconfig.base.json (@maestro/*). Used by `npm start`, the CLIs and e2e.
// `require(register).useCache(dir)` keeps the compiled files in `dir`, keyed by their content, so
// a short-lived command (the `maestro` CLI) skips loading SWC once its files have been compiled.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

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
/** @type {string | undefined} */
let cacheDir;
/** @type {string | undefined} */
let swcVersion;

/**
 * @param {string} source
 * @param {string} filename
 */
function compile(source, filename) {
  const { transformSync } = require('@swc/core');
  return transformSync(source, { ...swcOptions, filename }).code;
}

/**
 * The compiled file from the cache, compiled and stored there on a miss.
 * @param {string} dir
 * @param {string} source
 * @param {string} filename
 */
function compileCached(dir, source, filename) {
  swcVersion ??= String(require('@swc/core/package.json').version);
  const key = createHash('sha256')
    .update(swcVersion)
    .update('\0')
    .update(filename)
    .update('\0')
    .update(JSON.stringify(swcOptions))
    .update('\0')
    .update(source)
    .digest('hex');
  const file = path.join(dir, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const code = compile(source, filename);
    fs.mkdirSync(dir, { recursive: true });
    // Written aside then renamed: a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
    return code;
  }
}

/**
 * @param {NodeJS.Module} module
 * @param {string} filename
 */
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const code = cacheDir ? compileCached(cacheDir, source, filename) : compile(source, filename);
  /** @type {CompilableModule} */ (module)._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);

module.exports = {
  /** @param {string} dir where compiled files are kept */
  useCache(dir) {
    cacheDir = dir;
  },
};
