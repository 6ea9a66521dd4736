// Compiles one entry point of the workspace and every TypeScript file it requires at run time
// (type-only imports vanish when SWC compiles, so they are never followed) into an output folder
// that mirrors the workspace's layout: apps/x/src/a.ts becomes <outDir>/apps/x/src/a.js, next to
// its source map. The @maestro/* aliases become relative requires, which the mirrored layout keeps valid.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { transformFileSync } = require('@swc/core');

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspaceSwcOptions = require(path.join(root, 'tools/scripts/swc-options.cjs'));
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));

const swcOptions = {
  ...workspaceSwcOptions,
  // Rewrites `@maestro/domain` into the relative path from the requiring file to libs/domain/src.
  jsc: { ...workspaceSwcOptions.jsc, baseUrl: root, paths: compilerOptions.paths },
  sourceMaps: true,
  inlineSourcesContent: false,
};

/** SWC's CommonJS output spells the require of every import this way; a lazy require() of the source keeps its single quotes. */
const REQUIRE = /\brequire\((["'])([^"']+)\1\)/g;

/**
 * `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`.
 * @param {string} specifier
 */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The file a relative require of `from` means: a.ts, a/index.ts, or the file as named (JSON).
 * @param {string} from
 * @param {string} specifier
 */
function resolveRelative(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(root, from)} requires "${specifier}", which is no file of the workspace`);
}

/**
 * The folder of the Nx project (the nearest one with a project.json) that holds `file`.
 * @param {string} file
 */
function projectRootOf(file) {
  for (let dir = path.dirname(file); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'project.json'))) return dir;
  }
  throw new Error(`${path.relative(root, file)} belongs to no Nx project`);
}

/**
 * Where the compiled (or copied) form of a workspace file goes.
 * @param {string} source
 * @param {string} outDir
 */
const targetOf = (source, outDir) => path.join(outDir, path.relative(root, source)).replace(/\.ts$/, '.js');

/**
 * @param {string} source
 * @param {string} outDir
 * @returns {string} the compiled code
 */
function compileFile(source, outDir) {
  const target = targetOf(source, outDir);
  /** @type {{ code: string, map?: string }} */
  const { code, map } = transformFileSync(source, swcOptions);
  if (map === undefined) throw new Error(`${path.relative(root, source)}: SWC wrote no source map`);
  const sourceMap = JSON.parse(map);
  // Stack traces name the TypeScript file, relative to the compiled one.
  sourceMap.sources = [path.relative(path.dirname(target), source)];
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  writeFileSync(`${target}.map`, JSON.stringify(sourceMap));
  return code;
}

/**
 * @param {string} source
 * @param {string} outDir
 */
function copyFile(source, outDir) {
  const target = targetOf(source, outDir);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
}

/**
 * Files a project reads at run time beside its code (events.proto): whatever its src holds besides TypeScript.
 * @param {string} projectRoot
 */
function assetsOf(projectRoot) {
  const src = path.join(projectRoot, 'src');
  if (!existsSync(src)) return [];
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Compiles `entry` (a path from the workspace root) and everything it requires into `outDir`,
 * with the assets of every project it reaches. Returns the workspace files written (compiled or
 * copied) and the packages required from node_modules.
 * @param {string} entry
 * @param {string} outDir
 */
export function compileGraph(entry, outDir) {
  /** @type {Set<string>} */
  const compiled = new Set();
  /** @type {Set<string>} */
  const projects = new Set();
  /** @type {Set<string>} */
  const packages = new Set();
  const pending = [path.resolve(root, entry)];
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    if (compiled.has(source)) continue;
    compiled.add(source);
    projects.add(projectRootOf(source));
    if (!source.endsWith('.ts')) {
      copyFile(source, outDir);
      continue;
    }
    const code = compileFile(source, outDir);
    for (const [, , specifier] of code.matchAll(REQUIRE)) {
      if (specifier.startsWith('.')) pending.push(resolveRelative(source, specifier));
      else if (specifier.startsWith('@maestro/')) throw new Error(`${path.relative(root, source)}: alias ${specifier} was not rewritten`);
      else if (!isBuiltin(specifier)) packages.add(packageName(specifier));
    }
  }
  const assets = [...projects].flatMap(assetsOf).filter((asset) => !compiled.has(asset));
  for (const asset of assets) copyFile(asset, outDir);
  return { files: [...compiled, ...assets], packages: [...packages].sort() };
}
