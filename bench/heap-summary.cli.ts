/**
 * Sums a V8 heap snapshot (`node --heapsnapshot-signal=SIGUSR2`, or DevTools) by constructor: for
 * each kind of node (objects by their constructor, closures, strings, code...) how many there are
 * and their own size, largest first. Objects counted about once per scheduler show what each
 * scheduler costs a worker.
 *
 *   node --max-old-space-size=8192 -r ./tools/scripts/register.cjs bench/heap-summary.cli.ts <file.heapsnapshot> [rows]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface Group {
  count: number;
  bytes: number;
}

/** Node kinds whose name is their constructor (or, for closures, the function's name). */
const NAMED = new Set(['object', 'closure', 'native', 'hidden', 'object shape']);

function summarise(file: string): { groups: Map<string, Group>; total: number; nodes: number } {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, Group>();
  let total = 0;
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt]];
    const size = data.nodes[i + sizeAt];
    const key = NAMED.has(type) ? `${type} ${data.strings[data.nodes[i + nameAt]].slice(0, 60)}` : type;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += size;
    groups.set(key, group);
    total += size;
  }
  return { groups, total, nodes: data.nodes.length / width };
}

function main(): void {
  const [file, rowsArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: heap-summary.cli.ts <file.heapsnapshot> [rows]');
    process.exit(2);
  }
  const { groups, total, nodes } = summarise(file);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`${nodes} nodes, ${mib(total)} MiB of own sizes`);
  console.log(`${'MiB'.padStart(8)} ${'count'.padStart(9)}  kind and constructor`);
  const rows = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(rowsArg ?? 60));
  for (const [key, { count, bytes }] of rows) console.log(`${mib(bytes).padStart(8)} ${String(count).padStart(9)}  ${key}`);
}

main();
