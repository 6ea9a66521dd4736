import { PrivateRedis, RecordingLogger, waitFor } from '@maestro/testing';
import Redis from 'ioredis';
import { logRedisOutages } from './redis-outage-log';

describe('logRedisOutages', () => {
  let server: PrivateRedis;
  let client: Redis;

  beforeAll(async () => {
    server = await PrivateRedis.start();
  });

  afterAll(async () => {
    client?.disconnect();
    await server.stop();
  });

  it('logs an outage once however many reconnects fail, and once when the client is back', async () => {
    const logger = new RecordingLogger();
    client = logRedisOutages(new Redis(server.url, { retryStrategy: () => 20 }), 'rooms', logger);
    let errors = 0;
    client.on('error', () => void errors++);
    await client.ping();

    await server.stop();
    await waitFor(() => errors >= 3, { description: 'three failed reconnects' });
    expect(logger.lines).toEqual([
      { level: 'warn', msg: 'redis connection lost; reconnecting', fields: { component: 'rooms', error: expect.stringContaining('ECONNREFUSED') } },
    ]);

    await server.restartEmpty();
    await waitFor(() => logger.lines.length === 2, { description: 'the client back' });
    expect(logger.lines[1]).toEqual({ level: 'info', msg: 'redis connection back', fields: { component: 'rooms' } });
    expect(await client.ping()).toBe('PONG');
  });

  it('gives the duplicates of a client the same listener', () => {
    const original = logRedisOutages(new Redis(server.url, { lazyConnect: true }), 'operations', new RecordingLogger());
    const duplicate = original.duplicate({ lazyConnect: true });
    expect(duplicate.listenerCount('error')).toBe(1);
    original.disconnect();
    duplicate.disconnect();
  });
});
