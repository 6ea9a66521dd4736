import { waitFor } from '@maestro/testing';
import { info, management, podNames, rooms, simulatedScheduler } from './support/maestro-client';

describe('game rooms report to the rooms API (room status transitions, address, allocate)', () => {
  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler('e2e-rooms', { roomsReplicas: 3 }));
  });

  it('reaches the fleet size with ready rooms reached through their host ports', async () => {
    await waitFor(async () => (await info('e2e-rooms'))?.roomsReady === 3, { timeoutMs: 60_000, description: '3 ready rooms' });
    const [room] = await podNames('e2e-rooms');
    const address = await rooms('GET', `/scheduler/e2e-rooms/rooms/${room}/address`);
    expect(address.body).toEqual({ host: '127.0.0.1', ipv6Label: '', ports: [{ name: 'game', port: expect.any(Number), protocol: 'UDP' }] });
    expect(address.body.ports[0].port).toBeGreaterThanOrEqual(40000);
  });

  it('allocates each ready room once, then answers that none is left', async () => {
    const allocated = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await rooms('POST', '/scheduler/e2e-rooms/rooms/allocate', {});
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ success: true, host: '127.0.0.1' });
      allocated.add(response.body.roomId);
    }
    expect(allocated.size).toBe(3);
    const none = await rooms('POST', '/scheduler/e2e-rooms/rooms/allocate', {});
    expect(none).toEqual({ status: 500, body: { code: 2, message: 'no ready rooms available for scheduler e2e-rooms', details: [] } });
  });

  it('moves a room through its statuses on pings, and rejects terminated from ready', async () => {
    const room = (await podNames('e2e-rooms'))[0];
    const ping = (status: string) => rooms('PUT', `/scheduler/e2e-rooms/rooms/${room}/ping`, { status, timestamp: '12312312313' });
    expect((await ping('occupied')).body).toEqual({ success: true });
    await waitFor(async () => ((await info('e2e-rooms'))?.roomsOccupied ?? 0) >= 1, { timeoutMs: 10_000 });
    expect((await ping('ready')).body).toEqual({ success: true });
    expect((await ping('terminated')).body).toEqual({ success: false });
    expect((await rooms('PUT', `/scheduler/e2e-rooms/rooms/${room}/ping`, { status: 'sleeping' })).status).toBe(400);
  });
});
