import { redisUrlsOf, sameRedisForAll } from './storage.options';

describe('storage options', () => {
  it('uses redisUrl for every adapter that has no URL of its own', () => {
    const urls = redisUrlsOf({ postgresUrl: 'pg', redisUrl: 'redis://a', redis: { rooms: 'redis://rooms' } });
    expect(urls).toEqual({ ...sameRedisForAll('redis://a'), rooms: 'redis://rooms' });
  });

  it('names the adapter left without a Redis URL', () => {
    expect(() => redisUrlsOf({ postgresUrl: 'pg', redis: { rooms: 'redis://rooms' } })).toThrow('no Redis URL for instances');
  });
});
