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

interface OperationJson {
  id: string;
  definitionName: string;
  status: string;
  executionHistory?: { event: string }[];
}

describe('a rolling update that aborts itself (issue 16, part 4)', () => {
  const name = 'e2e-rollback';

  beforeAll(async () => {
    await management('POST', '/schedulers', simulatedScheduler(name, { roomsReplicas: 2 }));
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 60_000, description: '2 rooms of v1.0.0' });
  });

  afterAll(async () => {
    await management('DELETE', `/schedulers/${name}`);
  });

  it('rolls back, without an operator, a new major version whose rooms exit seconds after becoming ready', async () => {
    // The validation room is ready after 100 ms and deleted before it would exit: the version passes.
    const crashing = simulatedScheduler(name, { roomsReplicas: 2 }, { ROOM_FAILURE_MODE: 'exit', ROOM_FAIL_AFTER_MS: '3000' });
    const created = await management('POST', `/schedulers/${name}`, crashing);
    expect(created.status).toBe(200);

    const aborted = await waitFor(
      async () => ((await operations(name, 'final')) as OperationJson[]).find((op) => op.definitionName === 'abort_rolling_update'),
      { timeoutMs: 90_000, description: 'abort_rolling_update ended' },
    );
    const operation = (await management('GET', `/schedulers/${name}/operations/${aborted.id}`)).body.operation as OperationJson;
    const history = (operation.executionHistory ?? []).map((e) => e.event);
    expect(operation.status).toBe('error');
    expect(history).toContainEqual(
      expect.stringMatching(/^rolling update to version v2\.0\.0 aborted: \d+ of its rooms failed \(rollback threshold: 1 rooms\)$/),
    );
    expect(history).toContainEqual(expect.stringMatching(/^failed room e2e-rollback-\w+: status error; pod error/));
    expect(history).toContain('rolled back to version v1.0.0: its rooms replace the rooms of version v2.0.0');
    expect((await management('GET', `/schedulers/${name}`)).body.scheduler.spec.version).toBe('v1.0.0');

    // The fleet ends at its target, every room of the previous version.
    await waitFor(async () => (await podVersions(name)).join() === 'v1.0.0,v1.0.0', { timeoutMs: 90_000, description: '2 rooms of v1.0.0 again' });
  });
});
