import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startKubeSim, type KubeSim } from './index';

const run = promisify(execFile);
/** Debian's python3-kubernetes installs the client for the system interpreter (not for a pyenv or venv python3 on the PATH). */
const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'testing', 'python-client', 'exercise_kube_sim.py');
const NAMESPACE = 'python-client';

/** The environment of the script: the system interpreter with nothing of another Python's paths, and no bytecode left in src/. */
function pythonEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  return env;
}

/** Fails (never skips) when the interpreter or the client is missing, saying how to install it. */
function requirePythonClient(): void {
  const install = 'install it with `apt-get install -y python3-kubernetes` (.ci/run does)';
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: this test needs the official Kubernetes Python client; ${install}`);
  const probe = spawnSync(PYTHON, ['-c', 'import kubernetes'], { env: pythonEnvironment(), encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`${PYTHON} cannot import kubernetes (${probe.stderr.trim().split('\n').at(-1)}); ${install}`);
}

/**
 * A second official client: the Kubernetes Python client, with its client-side validation on
 * (it refuses objects missing a field the OpenAPI schema requires), drives kube-sim through the
 * kubeconfig kube-sim wrote. The script prints what it saw as JSON.
 */
describe('the official Python client (python3-kubernetes) against kube-sim', () => {
  let sim: KubeSim;
  let seen: Record<string, any>;

  beforeAll(async () => {
    requirePythonClient();
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: path.resolve(`tmp/kube-sim-${process.pid}/python/kubeconfig.yaml`),
      timing: { scheduleMs: 5, containerCreatingMs: 50, readyMs: 50 },
    });
    try {
      const { stdout } = await run(PYTHON, [SCRIPT, sim.kubeconfigPath, NAMESPACE], { env: pythonEnvironment(), timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
      seen = JSON.parse(stdout);
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`the Python client script failed: ${(error as Error).message}\n${stderr ?? ''}${stdout ?? ''}`);
    }
  }, 120_000);

  afterAll(() => sim?.stop());

  it('reads /version', () => {
    expect(seen.version).toEqual({ major: '1', minor: '32', gitVersion: 'v1.32.0-kube-sim', platform: 'linux/amd64' });
  });

  it('creates, lists (with a label selector) and reads a namespace, and gets 409 for a duplicate', () => {
    expect(seen.namespaces).toEqual({
      created: NAMESPACE,
      phase: 'Active',
      listedWithLabel: [NAMESPACE],
      allNames: ['default', 'kube-public', 'kube-system', NAMESPACE],
      duplicate: { status: 409, reason: 'AlreadyExists', message: `namespaces "${NAMESPACE}" already exists` },
    });
  });

  it('lists nodes whose NodeSystemInfo has every field the schema requires', () => {
    expect(seen.nodes.names).toEqual(['kube-sim-node-0', 'kube-sim-node-1', 'kube-sim-node-2']);
    expect(seen.nodes.ready).toEqual(['True', 'True', 'True']);
    expect(seen.nodes.addressTypes).toEqual(['InternalIP', 'ExternalIP', 'Hostname']);
    expect(seen.nodes.fieldSelected).toEqual(['kube-sim-node-0']);
    expect(seen.nodes.nodeInfo).toEqual({
      machineID: expect.stringMatching(/^[0-9a-f]{32}$/),
      systemUUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      bootID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kernelVersion: expect.any(String),
      osImage: expect.any(String),
      containerRuntimeVersion: expect.any(String),
      kubeletVersion: 'v1.32.0-kube-sim',
      kubeProxyVersion: 'v1.32.0-kube-sim',
      operatingSystem: 'linux',
      architecture: 'amd64',
    });
  });

  it('creates, lists (label and field selectors, pages, all namespaces), reads and deletes pods', () => {
    const { pods } = seen;
    expect(pods.listedWithLabel).toEqual(['py-a']);
    expect(pods.listedWithSetLabel).toEqual(['py-a', 'py-b']);
    expect(pods.listedWithFields).toEqual(['py-a']);
    expect(pods.pages).toEqual([['py-a'], ['py-b']]);
    expect(pods.remainingAfterFirstPage).toBe(1);
    expect(pods.allNamespaces).toEqual([[NAMESPACE, 'py-b']]);
    expect(pods.read).toEqual({
      phase: 'Running',
      node: expect.stringMatching(/^kube-sim-node-\d$/),
      podIP: expect.stringMatching(/^10\.244\./),
      containerReady: true,
      restartCount: 0,
      imageID: 'kube-sim://game:1.0',
      conditions: ['ContainersReady', 'Initialized', 'PodScheduled', 'Ready'],
    });
    expect(pods.deleted).toBe('py-a');
    expect(pods.missing).toEqual({ status: 404, reason: 'NotFound', message: 'pods "py-a" not found' });
    expect(pods.invalid).toMatchObject({ status: 422, reason: 'Invalid', message: expect.stringContaining('Pod "Not_Valid" is invalid: metadata.name') });
  });

  it('watches pods (watch=True, a label selector, a resource version and a timeout) from ADDED through MODIFIED to DELETED', () => {
    const { watched, watchEnded } = seen.pods;
    expect(watchEnded).toBe(true);
    const types: string[] = watched.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('ADDED');
    expect(types.at(-1)).toBe('DELETED');
    expect(types.slice(1, -1).length).toBeGreaterThan(0);
    expect(new Set(types.slice(1, -1))).toEqual(new Set(['MODIFIED']));
    expect(new Set(watched.map((e: { name: string }) => e.name))).toEqual(new Set(['py-a']));
    expect(watched[0].phase).toBe('Pending');
    expect(watched.some((e: { phase: string }) => e.phase === 'Running')).toBe(true);
  });

  it('creates, reads, replaces (409 when stale) and deletes a policy/v1 PodDisruptionBudget', () => {
    expect(seen.podDisruptionBudget).toEqual({
      created: { minAvailable: 1, disruptionsAllowed: 0, expectedPods: 0 },
      replacedMinAvailable: 2,
      generation: 2,
      stale: { status: 409, reason: 'Conflict', message: expect.stringContaining('Operation cannot be fulfilled on poddisruptionbudgets.policy "py-pdb"') },
      listed: ['py-pdb'],
      deleted: { status: 'Success', name: 'py-pdb', kind: 'poddisruptionbudgets', group: 'policy' },
      gone: { status: 404, reason: 'NotFound', message: 'poddisruptionbudgets.policy "py-pdb" not found' },
    });
  });

  it('creates an event (CoreV1Api.create_namespaced_event) and lists it by involved object', () => {
    expect(seen.event).toEqual({
      generatedName: true,
      involvedUid: true,
      listedReasons: ['GameRoomDeleted'],
      mismatchedNamespace: {
        status: 422,
        reason: 'Invalid',
        message: 'Event "elsewhere" is invalid: involvedObject.namespace: Invalid value: "other": does not match event.namespace',
      },
    });
  });

  it('deletes the namespace, and gets 403 for a protected one', () => {
    expect(['Terminating', 'Gone']).toContain(seen.namespaceDeleted.phase);
    expect(seen.namespaceDeleted.protected).toMatchObject({ status: 403, reason: 'Forbidden' });
  });
});
