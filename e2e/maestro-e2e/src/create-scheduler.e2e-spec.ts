import { waitFor } from '@maestro/testing';
import { info, kube, management, operations, simulatedScheduler } from './support/maestro-client';

describe('create scheduler (create_scheduler_test, get, list, info)', () => {
  it('creates the namespace, turns in-sync, and answers get, list and info', async () => {
    const created = await management('POST', '/schedulers', simulatedScheduler('e2e-create'));
    expect(created.status).toBe(200);
    expect(created.body.scheduler).toMatchObject({ name: 'e2e-create', state: 'creating', spec: { version: 'v1.0.0' } });
    await waitFor(async () => (await operations('e2e-create', 'final')).some((op) => op.definitionName === 'create_scheduler' && op.status === 'finished'), {
      timeoutMs: 30_000,
      description: 'create_scheduler finished',
    });
    expect((await kube('/api/v1/namespaces/e2e-create')).status).toBe(200);
    expect((await management('GET', '/schedulers/e2e-create')).body.scheduler.state).toBe('in-sync');
    const list = await management('GET', '/schedulers?game=e2e');
    expect(list.body.schedulers.map((s: { name: string }) => s.name)).toContain('e2e-create');
    expect(await info('e2e-create')).toMatchObject({ roomsReady: 0, roomsPending: 0, roomsOccupied: 0, roomsTerminating: 0 });
  });

  it('refuses a duplicate (409) and an invalid scheduler (400) without storing it', async () => {
    expect((await management('POST', '/schedulers', simulatedScheduler('e2e-create'))).status).toBe(409);
    const invalid = await management('POST', '/schedulers', { ...simulatedScheduler('e2e-invalid'), maxSurge: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('Scheduler.MaxSurge: MaxSurge is a required field');
    expect((await management('GET', '/schedulers/e2e-invalid')).status).toBe(404);
  });
});
