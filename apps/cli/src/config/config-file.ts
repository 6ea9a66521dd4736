import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors';
import { yaml } from '../lazy';

/** One API the CLI knows, like a kubectl context. */
export interface Context {
  name: string;
  url: string;
  roomsUrl?: string;
  token?: string;
}

/** ~/.config/maestro/config.yaml. */
export interface CliConfig {
  currentContext?: string;
  contexts: Context[];
}

/** `$XDG_CONFIG_HOME/maestro/config.yaml`, `~/.config/maestro/config.yaml` without it. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), '.config');
  return path.join(base, 'maestro', 'config.yaml');
}

/** The configuration file's contexts; none when the file does not exist. */
export function readConfig(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { contexts: [] };
    throw error;
  }
  const value = (yaml().parse(text) ?? {}) as Partial<CliConfig>;
  if (typeof value !== 'object' || (value.contexts !== undefined && !Array.isArray(value.contexts))) {
    throw new UsageError(`${file}: contexts must be a list`);
  }
  return { currentContext: value.currentContext, contexts: (value.contexts ?? []).filter((c) => c && typeof c.name === 'string' && typeof c.url === 'string') };
}

/** Writes the file readable by its owner only (it holds tokens): mode 0600, its folder 0700. */
export function writeConfig(file: string, config: CliConfig): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, yaml().stringify(config), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/** The configuration with `context` added (or replacing the one of its name) and made current. */
export function withContext(config: CliConfig, context: Context): CliConfig {
  return { currentContext: context.name, contexts: [...config.contexts.filter((c) => c.name !== context.name), context] };
}
