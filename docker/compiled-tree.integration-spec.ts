import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { WORKSPACE_ROOT } from './testing/production-runtime';

/** The outputs of the build targets (npx nx run-many -t build), each with its launcher and a package it must require. */
const BUILDS = [
  { project: 'apps/management-api', launcher: 'main.js', uses: '@nestjs/core' },
  { project: 'apps/rooms-api', launcher: 'main.js', uses: '@nestjs/core' },
  { project: 'apps/worker', launcher: 'main.js', uses: '@kubernetes/client-node' },
  { project: 'tools/kube-sim', launcher: 'main.js', uses: 'yaml' },
  { project: 'libs/storage', launcher: 'migrate.js', uses: 'typeorm' },
];

const packageJson = JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const outputOf = (project: string) => path.join(WORKSPACE_ROOT, 'dist', project);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const javaScriptOf = (project: string) => filesUnder(outputOf(project)).filter((file) => file.endsWith('.js'));

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package the compiled files require from node_modules. */
function requiredPackages(project: string): string[] {
  const packages = new Set<string>();
  for (const file of javaScriptOf(project)) {
    for (const [, , specifier] of readFileSync(file, 'utf8').matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
      if (!specifier.startsWith('.') && !isBuiltin(specifier)) packages.add(packageName(specifier));
    }
  }
  return [...packages].sort();
}

/** The compiled tree that the build targets leave in dist/ (built first: the target depends on them). */
describe('the compiled tree in dist/', () => {
  describe.each(BUILDS)('$project', ({ project, launcher, uses }) => {
    it('holds its launcher and JavaScript, no TypeScript and no @maestro/* alias', () => {
      const files = filesUnder(outputOf(project));
      expect(files).toContain(path.join(outputOf(project), launcher));
      expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
      const withAlias = javaScriptOf(project).filter((file) => /require\(["']@maestro\//.test(readFileSync(file, 'utf8')));
      expect(withAlias).toEqual([]);
    });

    it('requires no package but the dependencies of package.json (none of its devDependencies)', () => {
      const packages = requiredPackages(project);
      expect(packages).toContain(uses);
      expect(packages.filter((name) => name in packageJson.devDependencies)).toEqual([]);
      expect(packages.filter((name) => !(name in packageJson.dependencies))).toEqual([]);
    });

    it('maps every compiled file to its TypeScript source', () => {
      const compiled = javaScriptOf(project).filter((file) => file !== path.join(outputOf(project), launcher));
      expect(compiled.length).toBeGreaterThan(0);
      const unmapped = compiled.filter((file) => {
        if (!readFileSync(file, 'utf8').includes(`//# sourceMappingURL=${path.basename(file)}.map`) || !existsSync(`${file}.map`)) return true;
        const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
        return !existsSync(path.resolve(path.dirname(file), sources[0]));
      });
      expect(unmapped).toEqual([]);
    });
  });

  it('gives stack traces with the TypeScript file and line where the error was thrown', () => {
    const configLib = path.join(outputOf('apps/worker'), 'libs/config/src');
    const source = readFileSync(path.join(WORKSPACE_ROOT, 'libs/config/src/load-config.ts'), 'utf8').split('\n');
    const throwLine = source.findIndex((line) => line.includes('throw new ConfigError(`invalid configuration')) + 1;
    expect(throwLine).toBeGreaterThan(0);
    // As the launchers do (module.setSourceMapsSupport since Node 22.14, process.setSourceMapsEnabled before).
    const script = `
      const { setSourceMapsSupport } = require('node:module');
      if (setSourceMapsSupport) setSourceMapsSupport(true); else process.setSourceMapsEnabled(true);
      const { loadConfig } = require(${JSON.stringify(configLib)});
      try { loadConfig({ MAESTRO_INTERNALAPI_PORT: 'eighty' }, 'worker'); } catch (error) { console.log(error.stack); }`;
    const { stdout, status } = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(status).toBe(0);
    expect(stdout).toContain('MAESTRO_INTERNALAPI_PORT');
    expect(stdout).toMatch(new RegExp(`libs/config/src/load-config\\.ts:${throwLine}:\\d+`));
  });
});
