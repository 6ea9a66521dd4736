/** The table `npm run bench` prints and the record of a run it appends to bench/results.md. */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';

/**
 * One line of the table. A target is a figure the issue asks for (timings: they vary with the
 * machine); a check is a correctness condition (a double allocation, a fleet over its surge): a
 * failed check fails the run.
 */
export interface Row {
  case: string;
  measure: string;
  /** Ours, and the floor or reference it is compared with (empty when none). */
  ours: string;
  floor: string;
  /** The figure the target applies to (a ratio, a p99), as printed. */
  value: string;
  target: string;
  ok: boolean;
  kind: 'target' | 'check' | 'info';
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  commit: string;
  loadAverage: string;
}

export function machine(): Machine {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty}`,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  };
}

const verdict = (row: Row) => (row.kind === 'info' ? '' : row.ok ? 'pass' : row.kind === 'check' ? 'FAIL (check)' : 'miss');
const HEADER = ['case', 'measure', 'ours', 'floor / reference', 'value', 'target', 'result'];
const cells = (row: Row) => [row.case, row.measure, row.ours, row.floor, row.value, row.target, verdict(row)];

/** The rows as an aligned plain-text table. */
export function textTable(rows: Row[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...lines.map((line) => line[c].length)));
  const format = (line: string[]) =>
    line
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [format(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n');
}

/** The rows as a Markdown table (bench/results.md). */
export function markdownTable(rows: Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`)].join('\n');
}

/** Appends one run (when, the machine, the arguments, the table) to `file`. */
export function record(file: string, rows: Row[], host: Machine, args: string, startedAt: Date, seconds: number): void {
  const heading = `\n## ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${host.commit}\n\n`;
  const about =
    `\`npm run bench --${args ? ` ${args}` : ''}\`, ${Math.round(seconds)} s; ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, ` +
    `node ${host.node}, load average at the start ${host.loadAverage}.\n\n`;
  appendFileSync(file, `${heading}${about}${markdownTable(rows)}\n`);
}
