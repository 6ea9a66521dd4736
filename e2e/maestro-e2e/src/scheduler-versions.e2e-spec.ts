import { waitFor } from '@maestro/testing';
import { info, kube, management, operations, podNames, simulatedScheduler } from './support/maestro-client';

const podVersions = async (scheduler: string) => {
  const pods = (await kube(`/api/v1/namespaces/${scheduler}/pods`)).body.items ?? [];
  return pods
    .filter((p: { metadata: { deletionTimestamp?: string } }) => !p.metadata.deletionTimestamp)
    .map((p: { metadata: { labels: { version: string } } }) => p.metadata.labels.version);
};
const activeVersion = async (scheduler: string) => (await management('GET', `/schedulers/${scheduler}`)).body.scheduler.spec.version;

describe('new versions, patch and switch (create_new_scheduler_version, patch_scheduler, switch_active_version)', () => {
  const name = 'e2e-versions';

  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler(name));
    await waitFor(async () => (await management('GET', `/schedulers/${name}`)).body.scheduler?.state === 'in-sync', { timeoutMs: 30_000 });
  });

  it('PATCH roomsReplicas is a minor version (v1.1.0) and keeps the pods', async () => {
    expect((await management('PATCH', `/schedulers/${name}`, { roomsReplicas: 2 })).status).toBe(200);
    await waitFor(async () => (await activeVersion(name)) === 'v1.1.0', { timeoutMs: 30_000, description: 'v1.1.0' });
    await waitFor(async () => (await info(name))?.roomsReady === 2, { timeoutMs: 60_000, description: '2 ready rooms' });
    const pods = await podNames(name);
    expect((await management('PATCH', `/schedulers/${name}`, { maxSurge: '100%' })).status).toBe(200);
    await waitFor(async () => (await activeVersion(name)) === 'v1.2.0', { timeoutMs: 30_000, description: 'v1.2.0' });
    expect(await podNames(name)).toEqual(pods);
  });

  it('a new image is a major version (v2.0.0): validated by a room, then the fleet is replaced', async () => {
    const body = simulatedScheduler(name, { roomsReplicas: 2, maxSurge: '100%' }, { NEW_IMAGE: 'yes' });
    const response = await management('POST', `/schedulers/${name}`, body);
    expect(response.status).toBe(200);
    await waitFor(async () => (await activeVersion(name)) === 'v2.0.0', { timeoutMs: 60_000, description: 'v2.0.0 active' });
    const versionOp = (await management('GET', `/schedulers/${name}/operations/${response.body.operationId}`)).body.operation;
    expect(versionOp.status).toBe('finished');
    expect(versionOp.executionHistory.map((e: { event: string }) => e.event)).toContain('1º Attempt: Game room validation success!');
    await waitFor(
      async () => {
        const versions = await podVersions(name);
        return versions.length === 2 && versions.every((v: string) => v === 'v2.0.0');
      },
      { timeoutMs: 90_000, description: 'every pod at v2.0.0' },
    );
    const versions = (await management('GET', `/schedulers/${name}/versions`)).body.versions.map((v: { version: string }) => v.version);
    expect(versions).toEqual(['v2.0.0', 'v1.2.0', 'v1.1.0', 'v1.0.0']);
  });

  it('switching back to v1.2.0 replaces the rooms again; a missing version ends in error', async () => {
    expect((await management('PUT', `/schedulers/${name}`, { version: 'v1.2.0' })).status).toBe(200);
    await waitFor(async () => (await activeVersion(name)) === 'v1.2.0', { timeoutMs: 30_000 });
    await waitFor(
      async () => {
        const versions = await podVersions(name);
        return versions.length === 2 && versions.every((v: string) => v === 'v1.2.0');
      },
      { timeoutMs: 90_000, description: 'every pod back at v1.2.0' },
    );
    const missing = await management('PUT', `/schedulers/${name}`, { version: 'DOES_NOT_EXIST' });
    expect(missing).toMatchObject({ status: 200 });
    await waitFor(async () => (await operations(name, 'final')).some((op) => op.id === missing.body.operationId && op.status === 'error'), {
      timeoutMs: 30_000,
    });
  });
});
