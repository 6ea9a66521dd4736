import { RedisKeys, RedisRoomStorage } from '@maestro/storage';
import { aGameRoom } from '@maestro/testing';
import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

describe('GET /schedulers/{name}/rooms (not in Maestro)', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
  });

  afterAll(() => api.stop());

  it("lists the scheduler's rooms by id with their status and version", async () => {
    await api.request('POST', '/schedulers', aSchedulerBody('listed'));
    const rooms = new RedisRoomStorage(api.redis.client, new RedisKeys(api.redis.keyPrefix));
    const createdAt = new Date('2026-01-02T10:00:00Z');
    await rooms.createRoom(aGameRoom({ id: 'room-b', schedulerId: 'listed', status: 'ready', version: 'v1.1.0', createdAt, lastPingAt: createdAt }));
    await rooms.createRoom(aGameRoom({ id: 'room-a', schedulerId: 'listed', status: 'pending', version: 'v1.0.0', createdAt, lastPingAt: createdAt }));
    const response = await api.request('GET', '/schedulers/listed/rooms');
    expect(response.status).toBe(200);
    expect(response.body.rooms.map((r: Record<string, unknown>) => [r.id, r.status, r.version])).toEqual([
      ['room-a', 'pending', 'v1.0.0'],
      ['room-b', 'ready', 'v1.1.0'],
    ]);
    expect(Object.keys(response.body.rooms[0])).toEqual([
      'id',
      'status',
      'version',
      'pingStatus',
      'runningMatches',
      'isValidationRoom',
      'lastPingAt',
      'createdAt',
    ]);
  });

  it('answers 404 with the message for an unknown scheduler', async () => {
    expect(await api.request('GET', '/schedulers/nobody/rooms')).toEqual({
      status: 404,
      body: { code: 5, message: 'scheduler nobody not found', details: [] },
    });
  });

  it('is in the OpenAPI document', async () => {
    const docs = (await api.request('GET', '/docs-json')).body;
    expect(Object.keys(docs.paths['/schedulers/{schedulerName}/rooms'] ?? {})).toEqual(['get']);
  });
});
