import type { LogFields, Logger } from '@maestro/domain';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One line a logger wrote: its level, message, and every field (those of its parents included). */
export interface LoggedLine {
  level: LogLevel;
  msg: string;
  fields: LogFields;
}

/**
 * The Logger port that keeps its lines in memory for the test to read. A child writes to the same
 * `lines` as its parent, with its own fields added to each line.
 */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LoggedLine[] = [],
    private readonly bound: LogFields = {},
  ) {}

  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }

  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }

  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }

  error(msg: string, fields?: LogFields): void {
    this.write('error', msg, fields);
  }

  child(fields: LogFields): Logger {
    return new RecordingLogger(this.lines, { ...this.bound, ...fields });
  }

  /** The messages written at `level` (every level when not given), in order. */
  messages(level?: LogLevel): string[] {
    return this.lines.filter((line) => level === undefined || line.level === level).map((line) => line.msg);
  }

  private write(level: LogLevel, msg: string, fields: LogFields = {}): void {
    this.lines.push({ level, msg, fields: { ...this.bound, ...fields } });
  }
}
