import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages with their instructions (comments dropped, no line continuations used). */
function stagesOf(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of dockerfile.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [, base, name] = /^(\S+)\s+AS\s+(\S+)$/i.exec(args) ?? [];
      stages.push({ name, base, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const argsOf = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** The components of docker/entrypoint.sh and the file each one runs (below the image's /app). */
function entrypointComponents(): Map<string, string> {
  const components = new Map<string, string>();
  for (const [, names, file] of read('docker/entrypoint.sh').matchAll(/^\s*([\w|-]+)\) exec node "\$dist\/([^"]+)"/gm)) {
    for (const name of names.split('|')) components.set(name, `dist/${file.replace('$component', name)}`);
  }
  return components;
}

/**
 * The launchers the Nx build targets write: `node tools/build/build.mjs <outDir> <name>=<entry.ts>...`
 * (other build targets, such as the dashboard's static files, write none).
 */
function buildLaunchers(): string[] {
  const launchers: string[] = [];
  for (const folder of ['apps', 'libs', 'tools']) {
    for (const project of readdirSync(path.join(root, folder))) {
      const file = path.join(root, folder, project, 'project.json');
      if (!existsSync(file)) continue;
      const command: string | undefined = JSON.parse(readFileSync(file, 'utf8')).targets?.build?.options?.command;
      if (!command?.startsWith('node tools/build/build.mjs ')) continue;
      const [outDir, ...entries] = command.replace(/^node tools\/build\/build\.mjs /, '').split(' ');
      for (const entry of entries) launchers.push(`${outDir}/${entry.split('=')[0]}.js`);
    }
  }
  return launchers.sort();
}

describe('the Docker image (docker/Dockerfile, docker/entrypoint.sh)', () => {
  const stages = stagesOf(read('docker/Dockerfile'));
  const [build, runtime] = stages;

  it('has a build stage and a runtime stage, on the same Node image', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(runtime.base).toBe(build.base);
    expect(runtime.base).toMatch(/^node:\d+/);
  });

  it('installs every dependency in the build stage and builds there', () => {
    const runs = argsOf(build, 'RUN');
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit'))).toBe(true);
    expect(runs.some((r) => /\bnx run-many -t build\b/.test(r))).toBe(true);
  });

  it('installs production dependencies only in the runtime stage and takes dist/ from the build stage', () => {
    expect(argsOf(runtime, 'RUN').some((r) => /\bnpm ci\b.*--omit=dev\b/.test(r))).toBe(true);
    expect(argsOf(runtime, 'WORKDIR')).toEqual(['/app']);
    expect(argsOf(runtime, 'COPY').sort()).toEqual([
      '--from=build /app/dist ./dist',
      'docker/entrypoint.sh /usr/local/bin/maestro',
      'package.json package-lock.json ./',
    ]);
    expect(argsOf(runtime, 'ENV')).toContain('NODE_ENV=production');
    expect(argsOf(runtime, 'USER')).toEqual(['1000:1000']);
    expect(argsOf(runtime, 'ENTRYPOINT')).toEqual(['["maestro"]']);
  });

  it('runs no TypeScript: no register hook, no SWC, no sources in the runtime stage or the entrypoint', () => {
    const runtimeText = runtime.instructions.map((i) => `${i.keyword} ${i.args}`).join('\n');
    for (const text of [runtimeText, read('docker/entrypoint.sh')]) {
      expect(text).not.toMatch(/register\.cjs|@swc|typescript|\.ts\b|\s-r\s/);
    }
  });

  it("starts each component by exec'ing node on the launcher its Nx build target writes", () => {
    const components = entrypointComponents();
    expect([...components.keys()]).toEqual(['management-api', 'rooms-api', 'worker', 'kube-sim', 'migrate']);
    expect([...components.values()].sort()).toEqual(buildLaunchers());
  });

  it('refuses an unknown component, naming the known ones', () => {
    const result = spawnSync('sh', [path.join(root, 'docker/entrypoint.sh'), 'scheduler'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown component scheduler (management-api, rooms-api, worker, kube-sim, migrate)');
  });

  it('runs every docker-compose service built from the image as a component of the entrypoint', () => {
    const compose = parse(read('docker/docker-compose.yml')) as { services: Record<string, { build?: { dockerfile: string }; command?: string[] }> };
    const built = Object.entries(compose.services).filter(([, service]) => service.build?.dockerfile === 'docker/Dockerfile');
    expect(built.map(([name]) => name).sort()).toEqual(['kube-sim', 'management-api', 'rooms-api', 'worker']);
    for (const [name, service] of built) expect(service.command?.[0]).toBe(name);
  });
});
