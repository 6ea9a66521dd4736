/** Runs the `maestro` CLI of this repository against the system of the e2e suites, like an operator would. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
export const MAESTRO_BIN = path.join(root, 'apps', 'cli', 'bin', 'maestro.cjs');
/** A configuration folder of its own: the operator's ~/.config is never read. */
const configHome = mkdtempSync(path.join(tmpdir(), 'maestro-cli-e2e-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MAESTRO_URL: process.env.E2E_MANAGEMENT_URL ?? 'http://127.0.0.1:18080',
    MAESTRO_ROOMS_URL: process.env.E2E_ROOMS_URL ?? 'http://127.0.0.1:18070',
    // The system runs with authentication on (global-setup.js): the CLI calls as its admin.
    MAESTRO_TOKEN: process.env.E2E_ADMIN_TOKEN ?? '',
    XDG_CONFIG_HOME: configHome,
    ...extra,
  };
  delete env.FORCE_COLOR;
  return env;
}

/** `maestro <args>` with its exit code and outputs (stdin from `input`, not a terminal). */
export function maestro(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [MAESTRO_BIN, ...args], { cwd: root, env: cliEnv(options.env), maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (code === -1) reject(error);
      else resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** `maestro <args>` in a pseudo-terminal (util-linux `script`): what an operator sees, escape codes included. */
export function maestroInTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const command = [process.execPath, MAESTRO_BIN, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: root,
      env: cliEnv({ TERM: 'xterm-256color', ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

/** The lines of a table, each split into its columns (separated by runs of spaces). */
export function tableRows(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));
}

/** A long-running `maestro <args>` (e.g. --watch): its output so far, and a stop that waits for its end. */
export function maestroRunning(args: string[]): { output(): string; stop(): Promise<void> } {
  const child = spawn(process.execPath, [MAESTRO_BIN, ...args], { cwd: root, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    output: () => stdout,
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
  };
}
