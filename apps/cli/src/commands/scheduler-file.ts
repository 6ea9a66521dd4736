import { readFileSync } from 'node:fs';
import type { SchedulerJson } from '../api/wire-types';
import { UsageError } from '../errors';
import { yaml } from '../lazy';

/** Reads all of a stream (stdin for `-f -`). */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** A scheduler file's text (YAML or JSON, JSON being YAML) as the API's JSON; it must name the scheduler. */
export function parseSchedulerFile(text: string, source: string): SchedulerJson {
  let value: unknown;
  try {
    value = yaml().parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${source}: a scheduler must be an object`);
  const scheduler = value as SchedulerJson;
  if (typeof scheduler.name !== 'string' || scheduler.name === '') throw new UsageError(`${source}: the scheduler has no name`);
  return scheduler;
}

/** The file named by `-f` (`-` for stdin). */
export async function loadSchedulerFile(file: string, stdin: NodeJS.ReadableStream): Promise<SchedulerJson> {
  if (file === '-') return parseSchedulerFile(await readStream(stdin), 'stdin');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseSchedulerFile(text, file);
}
