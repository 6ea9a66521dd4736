import { waitFor } from '@maestro/testing';
import { info, kube, management, podNames, rooms, simulatedScheduler } from './support/maestro-client';

describe('authentication on both APIs (tokens, roles, rooms with their own token)', () => {
  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler('e2e-auth', { roomsReplicas: 2 }));
  });

  it('answers 401 without a token on the management API and on a room route', async () => {
    expect(await management('GET', '/schedulers', undefined, null)).toMatchObject({ status: 401, body: { code: 16 } });
    expect(await rooms('PUT', '/scheduler/e2e-auth/rooms/any/ping', { status: 'ready' }, null)).toMatchObject({ status: 401, body: { code: 16 } });
  });

  it("gives each room's pod its token, with which the simulated rooms become ready", async () => {
    await waitFor(async () => (await info('e2e-auth'))?.roomsReady === 2, { timeoutMs: 60_000, description: '2 ready rooms' });
    const [pod] = (await kube('/api/v1/namespaces/e2e-auth/pods')).body.items;
    expect(pod.spec.containers[0].env.map((variable: { name: string }) => variable.name)).toContain('MAESTRO_ROOM_TOKEN');
  });

  it('lets a matchmaker of the game allocate but not change schedulers, and revokes it at once', async () => {
    const created = await management('POST', '/tokens', { name: 'e2e-matchmaker', role: 'matchmaker', games: ['e2e'] });
    expect(created.status).toBe(200);
    const { secret, token } = created.body;
    expect((await management('GET', '/tokens/current', undefined, secret)).body.token).toMatchObject({ name: 'e2e-matchmaker', role: 'matchmaker' });
    expect((await management('POST', '/schedulers/e2e-auth/add-rooms', { amount: 1 }, secret)).status).toBe(403);
    const allocated = await rooms('POST', '/scheduler/e2e-auth/rooms/allocate', {}, secret);
    expect(allocated).toMatchObject({ status: 200, body: { success: true } });
    expect(await podNames('e2e-auth')).toContain(allocated.body.roomId);
    expect((await management('DELETE', `/tokens/${token.id}`)).status).toBe(200);
    expect((await rooms('POST', '/scheduler/e2e-auth/rooms/allocate', {}, secret)).status).toBe(401);
  });
});
