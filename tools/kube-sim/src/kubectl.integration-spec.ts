import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startKubeSim, type KubeSim } from './index';
import { aPod, call } from './testing/kube-sim-client';
import { waitFor } from './testing/wait-for';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';

/** A client nobody here wrote: kubectl v1.32 drives kube-sim through the kubeconfig kube-sim wrote. */
describe('kubectl against kube-sim', () => {
  let sim: KubeSim;
  const kubectl = async (...args: string[]) => (await run(KUBECTL, ['--kubeconfig', sim.kubeconfigPath, ...args])).stdout;

  beforeAll(async () => {
    if (!existsSync(KUBECTL)) throw new Error(`kubectl is not installed at ${KUBECTL}: this test needs the real kubectl (v1.32)`);
    sim = await startKubeSim({ port: 0, kubeconfigPath: path.resolve(`tmp/kube-sim-${process.pid}/kubectl/kubeconfig.yaml`) });
  });

  afterAll(() => sim?.stop());

  it('creates a namespace (sent as protobuf by kubectl) and reads it back', async () => {
    expect(await kubectl('create', 'namespace', 'x')).toContain('namespace/x created');
    const namespace = JSON.parse(await kubectl('get', 'namespace', 'x', '-o', 'json'));
    expect(namespace).toMatchObject({ kind: 'Namespace', metadata: { name: 'x' }, status: { phase: 'Active' } });
    await expect(kubectl('create', 'namespace', 'x')).rejects.toThrow(/AlreadyExists.*namespaces "x" already exists/);
  });

  it('lists nodes with their addresses and capacity', async () => {
    const nodes = JSON.parse(await kubectl('get', 'nodes', '-o', 'json'));
    expect(nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['kube-sim-node-0', 'kube-sim-node-1', 'kube-sim-node-2']);
    expect(nodes.items[0].status).toMatchObject({
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      addresses: expect.arrayContaining([{ type: 'InternalIP', address: '10.0.0.1' }]),
    });
  });

  it('lists pods and deletes one, waiting for it to be gone', async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces/x/pods', aPod('victim'));
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/x/pods/victim')).body.status.phase === 'Running');
    const pods = JSON.parse(await kubectl('get', 'pods', '-n', 'x', '-o', 'json'));
    expect(pods.items).toEqual([
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'victim' }), status: expect.objectContaining({ phase: 'Running' }) }),
    ]);

    // Plain `delete` waits (through a watch) until the pod is gone after its 1 s grace period.
    expect(await kubectl('delete', 'pod', 'victim', '-n', 'x')).toContain('pod "victim" deleted');
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/x/pods/victim')).status).toBe(404);
    await expect(kubectl('get', 'pod', 'victim', '-n', 'x')).rejects.toThrow(/NotFound.*pods "victim" not found/);
  });

  it("prints kubectl's columns from server-side tables (get, -o wide, -A, one pod, nodes)", async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces/x/pods', aPod('printed'));
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/x/pods/printed')).body.status.containerStatuses?.[0]?.ready === true);
    const lines = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s{2,}/));
    expect(lines(await kubectl('get', 'pods', '-n', 'x'))).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['printed', '1/1', 'Running', '0', expect.stringMatching(/^\d+s$/)],
    ]);
    const [header, row] = lines(await kubectl('get', 'pod', 'printed', '-n', 'x', '-o', 'wide'));
    expect(header).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(row.slice(5)).toEqual([expect.stringMatching(/^10\.244\./), expect.stringMatching(/^kube-sim-node-\d$/), '<none>', '<none>']);
    expect(lines(await kubectl('get', 'pods', '-A'))[1].slice(0, 4)).toEqual(['x', 'printed', '1/1', 'Running']);
    expect(lines(await kubectl('get', 'nodes'))[1]).toEqual(['kube-sim-node-0', 'Ready', '<none>', expect.stringMatching(/^\d+s$/), 'v1.32.0-kube-sim']);
    // A deleted pod in its grace period shows Terminating.
    await call(sim.url, 'DELETE', '/api/v1/namespaces/x/pods/printed?gracePeriodSeconds=30');
    expect(lines(await kubectl('get', 'pod', 'printed', '-n', 'x'))[1][2]).toBe('Terminating');
  });

  it('creates and applies manifests with validation on (kubectl probes the OpenAPI v3 documents)', async () => {
    const dir = path.resolve(`tmp/kube-sim-${process.pid}/kubectl`);
    mkdirSync(dir, { recursive: true });
    const manifest = (label: string) => {
      const file = path.join(dir, `manifest-${label}.yaml`);
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'declared', namespace: 'x', labels: { tier: label } },
        spec: { containers: [{ name: 'c', image: 'game:1' }] },
      };
      writeFileSync(file, JSON.stringify(pod));
      return file;
    };
    expect(await kubectl('create', '-f', manifest('first'))).toContain('pod/declared created');
    expect(await kubectl('apply', '-f', manifest('second'))).toContain('pod/declared configured');
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/x/pods/declared')).body.metadata.labels).toEqual({ tier: 'second' });
    expect(await kubectl('apply', '-f', manifest('second'))).toContain('pod/declared unchanged');
    expect(await kubectl('delete', '-f', manifest('second'), '--wait=false')).toContain('pod "declared" deleted');
  });

  it('deletes a namespace with its pods', async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces/x/pods', aPod('tenant'));
    expect(await kubectl('delete', 'namespace', 'x')).toContain('namespace "x" deleted');
    expect(JSON.parse(await kubectl('get', 'namespaces', '-o', 'json')).items.map((n: { metadata: { name: string } }) => n.metadata.name)).not.toContain('x');
  });
});
