import type { LoggerService } from '@nestjs/common';
import type { LogFields, Logger } from '@maestro/domain';
import type { MaestroConfig } from '@maestro/config';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { prettyStream } from './pretty-stream';
import { redactSecrets } from './redact';

export interface LoggingOptions {
  /** The app: management-api, rooms-api or worker. */
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  /** json lines; pretty lines coloured by level; auto: pretty when stdout is a terminal, else json. */
  format: 'auto' | 'json' | 'pretty';
  /** Whether stdout is a terminal (for `auto`); process.stdout.isTTY unless a test says otherwise. */
  terminal?: boolean;
  /** Version in every line (MaestroConfig.version); 0.1.0 when not given. */
  version?: string;
  /** Where lines go; stdout unless a test says otherwise. */
  destination?: DestinationStream;
}

/**
 * The process logger: JSON lines (or pretty lines for humans) with `service` and `version` on
 * every line, an ISO time, the level as a word, secrets redacted. Pretty lines carry the same fields.
 */
export function createPinoLogger(options: LoggingOptions): PinoLogger {
  const stdout = options.destination ?? pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: options.level,
      base: { service: options.service, version: options.version ?? '0.1.0' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Secrets are censored at every depth of a line's fields (redact.ts); PinoDomainLogger's children too.
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactSecrets(fields) as Record<string, unknown>,
      },
    },
    isPretty(options) ? prettyStream(stdout) : stdout,
  );
}

function isPretty({ format, terminal = process.stdout.isTTY === true }: Pick<LoggingOptions, 'format' | 'terminal'>): boolean {
  return format === 'pretty' || (format === 'auto' && terminal);
}

/** The domain Logger port on pino: fields first, message last, children carry their fields. */
export class PinoDomainLogger implements Logger {
  constructor(private readonly pino: PinoLogger) {}

  debug(msg: string, fields?: LogFields): void {
    this.pino.debug(fields ?? {}, msg);
  }
  info(msg: string, fields?: LogFields): void {
    this.pino.info(fields ?? {}, msg);
  }
  warn(msg: string, fields?: LogFields): void {
    this.pino.warn(fields ?? {}, msg);
  }
  error(msg: string, fields?: LogFields): void {
    this.pino.error(fields ?? {}, msg);
  }
  child(fields: LogFields): Logger {
    // A child's fields are written as they are given (pino's log formatter does not see them).
    return new PinoDomainLogger(this.pino.child(redactSecrets(fields) as LogFields));
  }
}

/** Nest's own logs (start-up, routes) through the same pino logger, with Nest's context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.pino.fatal({ context }, String(message));
  }
}

/** The logger of one app from its configuration (service = component, level, format, version). */
export function createAppLogger(config: Pick<MaestroConfig, 'component' | 'log' | 'version'>, destination?: DestinationStream): PinoLogger {
  return createPinoLogger({ service: config.component, level: config.log.level, format: config.log.format, version: config.version, destination });
}
