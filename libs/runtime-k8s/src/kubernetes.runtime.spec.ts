import { AlreadyExistsError, InvalidArgumentError, type Logger, NotFoundError, silentLogger, UnexpectedError } from '@maestro/domain';
import { type ConfigurationOptions, HttpMethod, RequestContext } from '@kubernetes/client-node';
import { aScheduler } from '@maestro/testing';
import type { KubernetesClient } from './client/kubernetes-client';
import { KubernetesRuntime } from './kubernetes.runtime';
import { disruptionBudget } from './pdb/disruption-budget';

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code, body: JSON.stringify({ message: `status ${code}` }) });

/** The runtime over stubbed client APIs: no I/O, every call recorded in order. */
function runtimeWithStubs(logger: Logger = silentLogger) {
  const runtime = new KubernetesRuntime({ masterUrl: 'http://127.0.0.1:1', qps: 0, burst: 0 }, logger);
  const client = (runtime as unknown as { client: KubernetesClient }).client;
  const calls: string[] = [];
  const stub = <T extends object>(api: T, name: keyof T, impl: (...args: never[]) => unknown) => {
    (api as Record<keyof T, unknown>)[name] = jest.fn(async (...args: never[]) => (calls.push(String(name)), impl(...args)));
  };
  return { runtime, client, calls, stub };
}

describe('KubernetesRuntime (stubbed API)', () => {
  const scheduler = aScheduler().withName('sched').build();

  it('creates the namespace then a zero budget; a budget failure is only logged', async () => {
    const { runtime, client, calls, stub } = runtimeWithStubs();
    stub(client.core, 'createNamespace', () => ({}));
    stub(client.policy, 'createNamespacedPodDisruptionBudget', () => Promise.reject(apiError(403)));
    await runtime.createScheduler(scheduler);
    expect(calls).toEqual(['createNamespace', 'createNamespacedPodDisruptionBudget']);
    expect(client.policy.createNamespacedPodDisruptionBudget).toHaveBeenCalledWith(
      { namespace: 'sched', body: disruptionBudget('sched', 0) },
      expect.anything(),
    );
  });

  it('maps an existing namespace to AlreadyExistsError and other failures to UnexpectedError', async () => {
    const { runtime, client, stub } = runtimeWithStubs();
    stub(client.core, 'createNamespace', () => Promise.reject(apiError(409)));
    await expect(runtime.createScheduler(scheduler)).rejects.toEqual(new AlreadyExistsError("scheduler 'sched' already exists"));
    stub(client.core, 'createNamespace', () => Promise.reject(apiError(500)));
    await expect(runtime.createScheduler(scheduler)).rejects.toBeInstanceOf(UnexpectedError);
  });

  it.each([
    ['1', '21', true],
    ['1', '27+', false],
  ])('deletes the budget before the namespace only on servers >= 1.21 (%s.%s)', async (major, minor, deletesBudget) => {
    const { runtime, client, calls, stub } = runtimeWithStubs();
    stub(client.core, 'readNamespace', () => ({
      metadata: { name: 'sched', labels: { 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'sched' } },
    }));
    stub(client.version, 'getCode', () => ({ major, minor }));
    stub(client.policy, 'deleteNamespacedPodDisruptionBudget', () => Promise.reject(apiError(500)));
    stub(client.core, 'deleteNamespace', () => ({}));
    await runtime.deleteScheduler(scheduler);
    expect(calls).toEqual(
      deletesBudget ? ['readNamespace', 'getCode', 'deleteNamespacedPodDisruptionBudget', 'deleteNamespace'] : ['readNamespace', 'getCode', 'deleteNamespace'],
    );
  });

  it('reports a missing namespace as NotFoundError without deleting anything', async () => {
    const { runtime, client, calls, stub } = runtimeWithStubs();
    stub(client.core, 'readNamespace', () => Promise.reject(apiError(404)));
    await expect(runtime.deleteScheduler(scheduler)).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toEqual(['readNamespace']);
  });

  it('reports a namespace deleted meanwhile as NotFoundError, also when /version fails', async () => {
    const { runtime, client, stub } = runtimeWithStubs();
    stub(client.core, 'readNamespace', () => ({
      metadata: { name: 'sched', labels: { 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'sched' } },
    }));
    stub(client.version, 'getCode', () => Promise.reject(apiError(500)));
    stub(client.core, 'deleteNamespace', () => Promise.reject(apiError(404)));
    await expect(runtime.deleteScheduler(scheduler)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps pod creation errors without retrying them: 422 invalid, 409 exists, 403 unexpected', async () => {
    const { runtime, client, stub } = runtimeWithStubs();
    for (const [code, type] of [
      [422, InvalidArgumentError],
      [409, AlreadyExistsError],
      [403, UnexpectedError],
    ] as const) {
      stub(client.core, 'createNamespacedPod', () => Promise.reject(apiError(code)));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec)).rejects.toBeInstanceOf(type);
      expect(client.core.createNamespacedPod).toHaveBeenCalledTimes(1);
    }
  });

  it('retries pod creation 4 times in all on 503', async () => {
    const { runtime, client, stub } = runtimeWithStubs();
    stub(client.core, 'createNamespacedPod', () => Promise.reject(apiError(503)));
    await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec)).rejects.toThrow('error creating game room sched-x: status 503');
    expect(client.core.createNamespacedPod).toHaveBeenCalledTimes(4);
  });

  /** The signal the call options hand to the HTTP request (through the client's middleware). */
  async function signalOf(options: ConfigurationOptions | undefined): Promise<AbortSignal | undefined> {
    const request = new RequestContext('http://127.0.0.1:1/api/v1/namespaces/sched/pods', HttpMethod.POST);
    for (const middleware of options?.middleware ?? []) await middleware.pre(request).toPromise();
    return request.getSignal();
  }

  describe('aborted pod creation', () => {
    const reason = new Error('room creation timed out after 5000 ms');

    it('hands the signal to the HTTP request', async () => {
      const { runtime, client, stub } = runtimeWithStubs();
      const controller = new AbortController();
      let before: boolean | undefined;
      let after: unknown;
      stub(client.core, 'createNamespacedPod', async (_: unknown, options: ConfigurationOptions) => {
        const sent = await signalOf(options);
        before = sent?.aborted;
        controller.abort(reason);
        after = sent?.aborted && sent.reason;
        return { metadata: { name: 'sched-x', namespace: 'sched', resourceVersion: '1' }, status: { phase: 'Pending' } };
      });
      stub(client.core, 'deleteNamespacedPod', () => ({}));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec, { signal: controller.signal })).rejects.toBe(reason);
      // The request's signal follows the caller's while the request runs (it also carries the request timeout).
      expect(before).toBe(false);
      expect(after).toBe(reason);
    });

    it('sends nothing when already aborted', async () => {
      const { runtime, client, calls, stub } = runtimeWithStubs();
      stub(client.core, 'createNamespacedPod', () => ({}));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(calls).toEqual([]);
    });

    it('deletes the pod when the answer came but the signal aborted meanwhile', async () => {
      const { runtime, client, calls, stub } = runtimeWithStubs();
      const controller = new AbortController();
      stub(client.core, 'createNamespacedPod', () => {
        controller.abort(reason);
        return { metadata: { name: 'sched-x', namespace: 'sched', resourceVersion: '1' } };
      });
      stub(client.core, 'deleteNamespacedPod', () => ({}));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec, { signal: controller.signal })).rejects.toBe(reason);
      expect(calls).toEqual(['createNamespacedPod', 'deleteNamespacedPod']);
      expect(client.core.deleteNamespacedPod).toHaveBeenCalledWith({ name: 'sched-x', namespace: 'sched' }, expect.anything());
    });

    it('retries no 503 once aborted, and deletes what the sent attempt may have created', async () => {
      const { runtime, client, calls, stub } = runtimeWithStubs();
      const controller = new AbortController();
      stub(client.core, 'createNamespacedPod', () => {
        controller.abort(reason);
        return Promise.reject(apiError(503));
      });
      stub(client.core, 'deleteNamespacedPod', () => Promise.reject(apiError(404)));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec, { signal: controller.signal })).rejects.toBe(reason);
      expect(calls).toEqual(['createNamespacedPod', 'deleteNamespacedPod']);
    });

    it('retries the deletion through 5xx, and logs one that keeps failing (the rejection stays the reason)', async () => {
      const warnings: string[] = [];
      const logger: Logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
      const { runtime, client, stub } = runtimeWithStubs(logger);
      const controller = new AbortController();
      stub(client.core, 'createNamespacedPod', () => {
        controller.abort(reason);
        return { metadata: { name: 'sched-x', namespace: 'sched', resourceVersion: '1' } };
      });
      stub(client.core, 'deleteNamespacedPod', () => Promise.reject(apiError(500)));
      await expect(runtime.createGameRoomInstance(scheduler, 'sched-x', scheduler.spec, { signal: controller.signal })).rejects.toBe(reason);
      expect(client.core.deleteNamespacedPod).toHaveBeenCalledTimes(4);
      expect(warnings).toEqual(['failed to delete the pod of an aborted room creation']);
    });
  });

  it('records the deletion event before deleting, and deletes even when the pod cannot be read', async () => {
    const { runtime, client, calls, stub } = runtimeWithStubs();
    const instance = { id: 'sched-x', schedulerId: 'sched', status: { type: 'ready' as const, description: '' }, resourceVersion: '1' };
    stub(client.core, 'readNamespacedPod', () => ({ metadata: { uid: 'u-1', resourceVersion: '7' } }));
    stub(client.core, 'createNamespacedEvent', () => ({}));
    stub(client.core, 'deleteNamespacedPod', () => ({}));
    await runtime.deleteGameRoomInstance(instance, 'scale_down');
    expect(calls).toEqual(['readNamespacedPod', 'createNamespacedEvent', 'deleteNamespacedPod']);
    const { body } = (client.core.createNamespacedEvent as jest.Mock).mock.calls[0][0];
    expect(body).toMatchObject({
      type: 'Normal',
      reason: 'GameRoomDeleted',
      message: 'scale_down',
      source: { component: 'maestro-next' },
      involvedObject: { kind: 'Pod', name: 'sched-x', uid: 'u-1' },
    });
    calls.length = 0;
    stub(client.core, 'readNamespacedPod', () => Promise.reject(apiError(500)));
    stub(client.core, 'deleteNamespacedPod', () => Promise.reject(apiError(404)));
    await expect(runtime.deleteGameRoomInstance(instance, 'scale_down')).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toEqual(['readNamespacedPod', 'deleteNamespacedPod']);
  });

  describe('mitigateDisruption', () => {
    it('does nothing when the budget already has the target', async () => {
      const { runtime, client, calls, stub } = runtimeWithStubs();
      stub(client.policy, 'readNamespacedPodDisruptionBudget', () => disruptionBudget('sched', 9));
      await runtime.mitigateDisruption(scheduler, 10, 0.05);
      expect(calls).toEqual(['readNamespacedPodDisruptionBudget']);
    });

    it('creates a missing budget, then replaces its spec', async () => {
      const { runtime, client, calls, stub } = runtimeWithStubs();
      stub(client.policy, 'readNamespacedPodDisruptionBudget', () => Promise.reject(apiError(404)));
      stub(client.policy, 'createNamespacedPodDisruptionBudget', () => ({ ...disruptionBudget('sched', 0), spec: { maxUnavailable: 1 } }));
      stub(client.policy, 'replaceNamespacedPodDisruptionBudget', () => ({}));
      await runtime.mitigateDisruption(scheduler, 20, 0.05);
      expect(calls).toEqual(['readNamespacedPodDisruptionBudget', 'createNamespacedPodDisruptionBudget', 'replaceNamespacedPodDisruptionBudget']);
      expect((client.policy.replaceNamespacedPodDisruptionBudget as jest.Mock).mock.calls[0][0].body.spec).toEqual(disruptionBudget('sched', 19).spec);
    });

    it('retries conflicts 5 times in all, re-reading each time', async () => {
      const { runtime, client, stub } = runtimeWithStubs();
      stub(client.policy, 'readNamespacedPodDisruptionBudget', () => disruptionBudget('sched', 0));
      stub(client.policy, 'replaceNamespacedPodDisruptionBudget', () => Promise.reject(apiError(409)));
      await expect(runtime.mitigateDisruption(scheduler, 20, 0.05)).rejects.toBeInstanceOf(UnexpectedError);
      expect(client.policy.replaceNamespacedPodDisruptionBudget).toHaveBeenCalledTimes(5);
      expect(client.policy.readNamespacedPodDisruptionBudget).toHaveBeenCalledTimes(5);
    });

    it('succeeds when a retry after a conflict goes through', async () => {
      const { runtime, client, stub } = runtimeWithStubs();
      let attempts = 0;
      stub(client.policy, 'readNamespacedPodDisruptionBudget', () => disruptionBudget('sched', 0));
      stub(client.policy, 'replaceNamespacedPodDisruptionBudget', () => (++attempts < 3 ? Promise.reject(apiError(409)) : {}));
      await runtime.mitigateDisruption(scheduler, 20, 0.05);
      expect(attempts).toBe(3);
    });
  });
});
