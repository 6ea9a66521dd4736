import { LogField, type Logger } from '@maestro/domain';
import type Redis from 'ioredis';

/**
 * Gives a client the `error` listener ioredis needs (without one it prints "Unhandled error event"
 * on every failed reconnect) and logs an outage once: a warning at its first error, a line when the
 * client is ready again. ioredis reconnects on its own; commands meanwhile fail or wait as configured.
 * The client's duplicates (subscriptions) get the same listener.
 */
export function logRedisOutages(client: Redis, name: string, logger: Logger): Redis {
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override) => logRedisOutages(duplicate(override), `${name} subscriber`, logger);
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn('redis connection lost; reconnecting', { [LogField.Component]: name, [LogField.Error]: String(error) });
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis connection back', { [LogField.Component]: name });
  });
  return client;
}
