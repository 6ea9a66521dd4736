/**
 * Where a V8 CPU profile's time goes, by package or workspace project (self time of each sample's
 * function, grouped by where its script lives), and its heaviest functions.
 * Profile first: `node --cpu-prof --cpu-prof-dir=tmp/prof -r ./tools/scripts/register.cjs bench/bench.cli.ts --only ping --no-record`
 * Run: node tools/scripts/run.mjs bench/profile-summary.cli.ts <file.cpuprofile> [top functions]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The package (node_modules/<name>), project (apps/x, libs/x) or kind (node internals, GC, idle) of a frame. */
function placeOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const project = /\/((?:apps|libs|tools|bench|e2e)\/[^/]+)/.exec(url);
  return project ? project[1] : url;
}

function main(): void {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.cli.ts <file.cpuprofile> [top functions]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += micros;
    const place = placeOf(node);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${place}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(`profile of ${(total / 1e6).toFixed(1)} s`);
  console.log('\nself time by package or project');
  for (const [place, micros] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${share(micros)}  ${place}`);
  console.log(`\nheaviest ${top} functions (self time)`);
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${share(micros)}  ${name}`);
}

main();
