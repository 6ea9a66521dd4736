import { aGameRoom, anInstance, anOperation, aScheduler } from '@maestro/testing';
import { silentLogger } from '../../../ports/logger.port';
import type { OperationDefinition } from '../../operation-definition';
import type { ExecutionContext } from '../../operation-executor';
import type { HealthControllerInput } from './health-controller.definition';
import { HealthControllerExecutor } from './health-controller.executor';

describe('HealthControllerExecutor classification', () => {
  it('counts a room whose instance is pending as available without needing its record', async () => {
    const scheduler = aScheduler().withName('fleet').withRoomsReplicas(2).build();
    const ready = aGameRoom({ id: 'fleet-ready', schedulerId: 'fleet', status: 'ready', version: scheduler.spec.version, lastPingAt: new Date() });
    const enqueued: string[] = [];
    const ports = {
      schedulers: { getScheduler: async () => scheduler, updateScheduler: async () => undefined },
      rooms: {
        getAllRoomIds: async () => ['fleet-starting', ready.id],
        // The starting room has no record yet.
        findRoom: async (_: string, id: string) => (id === ready.id ? ready : undefined),
      },
      instances: {
        getAllInstances: async () => [
          anInstance({ id: 'fleet-starting', schedulerId: 'fleet', status: { type: 'pending', description: '' } }),
          anInstance({ id: ready.id, schedulerId: 'fleet', status: { type: 'ready', description: '' } }),
        ],
      },
      operations: { createPriorityOperation: async (_: string, definition: OperationDefinition<unknown>) => (enqueued.push(definition.name), { id: 'op-1' }) },
      clock: { now: () => new Date() },
      lookup: {},
    };
    const executor = new HealthControllerExecutor(ports as never, {
      roomInitializationTimeoutMs: 120_000,
      roomPingTimeoutMs: 240_000,
      roomDeletionTimeoutMs: 120_000,
    });
    const history: string[] = [];
    const context = {
      operation: anOperation({ schedulerName: 'fleet', definitionName: 'health_controller', input: {} }),
      input: {},
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    } as ExecutionContext<HealthControllerInput>;

    const result = await executor.execute(context);

    expect(enqueued).toEqual([]);
    expect(history).toEqual([]);
    expect(result).toEqual({ input: { took_action: false }, noAction: true });
  });
});
