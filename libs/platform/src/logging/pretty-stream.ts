import type { DestinationStream } from 'pino';

const HIDDEN = new Set(['time', 'level', 'msg', 'service', 'version', 'pid', 'hostname']);

/** ANSI colours of the level words: what needs a look stands out. */
const LEVEL_COLOURS: Record<string, string> = { trace: '90', debug: '36', info: '32', warn: '33', error: '31', fatal: '35' };
const paint = (code: string | undefined, text: string) => (code ? `\u001b[${code}m${text}\u001b[39m` : text);

/** One JSON log line as `12:00:00.000 INFO  message key=value ...` for a terminal, the level coloured when asked. */
export function prettyLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const fields = Object.entries(entry)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const level = String(entry.level ?? '');
  const word = level.toUpperCase().padEnd(5);
  return [time, colour ? paint(LEVEL_COLOURS[level], word) : word, entry.msg, ...fields].filter((part) => part !== '').join(' ');
}

/** A pino destination that writes pretty lines, coloured by level, to `target` (MAESTRO_LOG_FORMAT=pretty). */
export function prettyStream(target: DestinationStream): DestinationStream {
  return { write: (chunk: string) => void target.write(`${prettyLine(chunk, true)}\n`) };
}
