import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@maestro/testing';
import { startKubeSim, type KubeSim } from './index';
import { aPod, call } from './testing/kube-sim-client';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';

/** A client nobody here wrote: kubectl v1.32 drives kube-sim through its kubeconfig. */
describe('kubectl against kube-sim', () => {
  let sim: KubeSim;
  const dir = path.resolve(`tmp/kube-sim-${process.pid}/kubectl`);
  const kubectl = async (...args: string[]) => (await run(KUBECTL, ['--kubeconfig', sim.kubeconfigPath, ...args])).stdout;

  beforeAll(async () => {
    if (!existsSync(KUBECTL)) throw new Error(`kubectl is not installed at ${KUBECTL}: this test needs the real kubectl (v1.32)`);
    mkdirSync(dir, { recursive: true });
    sim = await startKubeSim({ port: 0, kubeconfigPath: path.join(dir, 'kubeconfig.yaml') });
  });

  afterAll(() => sim?.stop());

  it('creates a namespace, lists nodes and pods, and deletes a pod', async () => {
    const namespaceFile = path.join(dir, 'namespace.json');
    writeFileSync(namespaceFile, JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kubectl-test' } }));
    // --validate=false: kube-sim serves no OpenAPI schema for client-side validation.
    expect(await kubectl('create', '--validate=false', '-f', namespaceFile)).toContain('namespace/kubectl-test created');

    const nodes = JSON.parse(await kubectl('get', 'nodes', '-o', 'json'));
    expect(nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['kube-sim-node-0', 'kube-sim-node-1', 'kube-sim-node-2']);

    await call(sim.url, 'POST', '/api/v1/namespaces/kubectl-test/pods', aPod('victim'));
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/kubectl-test/pods/victim')).body.status.phase === 'Running');
    const pods = JSON.parse(await kubectl('get', 'pods', '-n', 'kubectl-test', '-o', 'json'));
    expect(pods.items).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ name: 'victim' }), status: expect.objectContaining({ phase: 'Running' }) })]);

    expect(await kubectl('delete', 'pod', 'victim', '-n', 'kubectl-test', '--grace-period=0', '--force')).toContain('pod "victim" force deleted');
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/kubectl-test/pods/victim')).status).toBe(404);
  });
});
