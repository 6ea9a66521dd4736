import { waitFor } from '@maestro/testing';
import { kube, management, operations, simulatedScheduler } from './support/maestro-client';

/** Versions of the live pods (those not being deleted and not ended). */
const podVersions = async (scheduler: string): Promise<string[]> => {
  const pods = (await kube(`/api/v1/namespaces/${scheduler}/pods`)).body.items ?? [];
  return pods
    .filter((p: { metadata: { deletionTimestamp?: string }; status?: { phase?: string } }) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running')
    .map((p: { metadata: { labels: { version: string } } }) => p.metadata.labels.version)
    .sort();
};

const activeVersion = async (scheduler: string): Promise<string> => (await management('GET', `/schedulers/${scheduler}`)).body.scheduler.spec.version;

/** kube-sim's fault injection (tools/kube-sim/README.md). */
const simFault = (path: string, body: unknown = {}) =>
  fetch(`${process.env.E2E_KUBE_URL ?? 'http://127.0.0.1:18001'}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The history of the newest abort_rolling_update once it has ended. */
async function endedAbort(scheduler: string, after: string[] = []): Promise<OperationJson> {
  const ended = await waitFor(
    async () =>
      ((await operations(scheduler, 'final')) as OperationJson[]).find((op) => op.definitionName === 'abort_rolling_update' && !after.includes(op.id)),
    { timeoutMs: 90_000, description: 'abort_rolling_update ended' },
  );
  return (await management('GET', `/schedulers/${scheduler}/operations/${ended.id}`)).body.operation as OperationJson;
}

interface OperationJson {
  id: string;
  definitionName: string;
  status: string;
  executionHistory?: { event: string }[];
}

describe('a rolling update that aborts itself (issue 16, part 4)', () => {
  const name = 'e2e-rollback';
  let firstAbort = '';

  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler(name, { roomsReplicas: 2 }));
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 60_000, description: '2 rooms of v1.0.0' });
  });

  afterAll(async () => {
    await simFault('reset');
    await management('DELETE', `/schedulers/${name}`);
  });

  it('rolls back, without an operator, a new major version whose rooms exit seconds after becoming ready', async () => {
    // The validation room is ready after 100 ms and deleted before it would exit: the version passes.
    const crashing = simulatedScheduler(name, { roomsReplicas: 2 }, { ROOM_FAILURE_MODE: 'exit', ROOM_FAIL_AFTER_MS: '3000' });
    const created = await management('POST', `/schedulers/${name}`, crashing);
    expect(created.status).toBe(200);

    const operation = await endedAbort(name);
    firstAbort = operation.id;
    const history = (operation.executionHistory ?? []).map((e) => e.event);
    expect(operation.status).toBe('error');
    expect(history).toContainEqual(
      expect.stringMatching(/^rolling update to version v2\.0\.0 aborted: \d+ of its rooms failed \(rollback threshold: 1 rooms\)$/),
    );
    expect(history).toContainEqual(expect.stringMatching(/^failed room e2e-rollback-\w+: status error; pod error/));
    expect(history).toContain('rolled back to version v1.0.0: its rooms replace the rooms of version v2.0.0');
    expect(await activeVersion(name)).toBe('v1.0.0');

    // The fleet ends at its target, every room of the previous version.
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 90_000, description: '2 rooms of v1.0.0 again' });
  });

  it('rolls back a switch to a version whose rooms never become ready (their image cannot be pulled)', async () => {
    // v3.0.0 runs another image: validated and rolled out while the image can be pulled, then left.
    const other = simulatedScheduler(name, { roomsReplicas: 2 });
    (other.spec as { containers: { image: string }[] }).containers[0].image = 'maestro/room-simulator:unpullable';
    expect((await management('POST', `/schedulers/${name}`, other)).status).toBe(200);
    await waitFor(async () => (await podVersions(name)).join() === 'v3.0.0,v3.0.0', { timeoutMs: 90_000, description: '2 rooms of v3.0.0' });
    expect((await management('PUT', `/schedulers/${name}`, { version: 'v1.0.0' })).status).toBe(200);
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 90_000, description: 'back to v1.0.0' });

    expect((await simFault('faults/image-pull-error', { image: 'maestro/room-simulator:unpullable' })).status).toBeLessThan(300);
    expect((await management('PUT', `/schedulers/${name}`, { version: 'v3.0.0' })).status).toBe(200);

    const operation = await endedAbort(name, [firstAbort]);
    const history = (operation.executionHistory ?? []).map((e) => e.event);
    expect(operation.status).toBe('error');
    expect(history).toContainEqual(expect.stringMatching(/^failed room e2e-rollback-\w+: status error; pod error: (ErrImagePull|ImagePullBackOff)/));
    expect(history).toContain('rolled back to version v1.0.0: its rooms replace the rooms of version v3.0.0');
    expect(await activeVersion(name)).toBe('v1.0.0');
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 90_000, description: '2 rooms of v1.0.0 again' });
  });
});
