import type { LoggerService } from '@nestjs/common';
import type { LogFields, Logger } from '@maestro/domain';
import pino, { type Logger as PinoLogger } from 'pino';

export interface LoggingOptions {
  service: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  format: 'json' | 'pretty';
}

/** The process logger: JSON lines with `service` and `version`, secrets redacted. */
export function createPinoLogger(options: LoggingOptions): PinoLogger {
  return pino({
    level: options.level,
    base: { service: options.service, version: process.env.npm_package_version ?? '0.1.0' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.password', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** The domain Logger port on pino. */
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
    return new PinoDomainLogger(this.pino.child(fields));
  }
}

/** Nest's own logs (start-up, routes) through the same pino logger. */
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
}
