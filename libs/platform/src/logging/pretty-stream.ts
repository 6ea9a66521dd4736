import type { DestinationStream } from 'pino';

const HIDDEN = new Set(['time', 'level', 'msg', 'service', 'version', 'pid', 'hostname']);

/** One JSON log line as `12:00:00.000 INFO  message key=value ...` for a terminal. */
export function prettyLine(json: string): string {
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
  return [
    time,
    String(entry.level ?? '')
      .toUpperCase()
      .padEnd(5),
    entry.msg,
    ...fields,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** A pino destination that writes pretty lines to `target` (MAESTRO_LOG_FORMAT=pretty). */
export function prettyStream(target: DestinationStream): DestinationStream {
  return { write: (chunk: string) => void target.write(`${prettyLine(chunk)}\n`) };
}
