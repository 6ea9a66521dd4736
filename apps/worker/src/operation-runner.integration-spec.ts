import {
  type AddRoomsInput,
  addRoomsDefinition,
  type Operation,
  type OperationExecutor,
  OperationRegistry,
  OperationRunner,
  type OperationStatus,
  registerOperation,
  silentLogger,
  systemClock,
} from '@maestro/domain';
import { RedisOperationLease, RedisOperationStorage } from '@maestro/storage';
import { anOperation, createTestRedis, type TestRedis } from '@maestro/testing';

/** Redis whose `in_progress` write fails once, as a connection blip would make it. */
class StartFailingStorage extends RedisOperationStorage {
  failNextStart = true;

  override async updateOperationStatus(operation: Operation, options?: { expected?: OperationStatus; noAction?: boolean }): Promise<boolean> {
    if (operation.status === 'in_progress' && this.failNextStart) {
      this.failNextStart = false;
      throw new Error('Connection is closed.');
    }
    return super.updateOperationStatus(operation, options);
  }
}

describe('operation runner on Redis', () => {
  let redis: TestRedis;
  let storage: StartFailingStorage;
  let lease: RedisOperationLease;
  const executed: string[] = [];
  const executor: OperationExecutor<AddRoomsInput> = {
    name: 'add_rooms',
    execute: (context) => {
      executed.push(context.operation.id);
      return Promise.resolve();
    },
    rollback: () => Promise.resolve(),
  };

  beforeAll(async () => {
    redis = await createTestRedis();
    storage = new StartFailingStorage(redis.client, redis.keyPrefix);
    lease = new RedisOperationLease(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  const runner = () =>
    new OperationRunner(
      { storage, lease, registry: new OperationRegistry([registerOperation(addRoomsDefinition, executor)]), clock: systemClock, logger: silentLogger },
      { leaseTtlMs: 5_000 },
    );

  it('ends an operation whose in_progress write fails as error, with the reason and no lease left', async () => {
    const operation = anOperation({ id: 'c0ffee00-0000-4000-8000-000000000011' });
    await storage.createOperation(operation);

    const ended = await runner().run(operation.schedulerName, operation.id);

    const stored = await storage.getOperation(operation.schedulerName, operation.id);
    expect(ended?.status).toBe('error');
    expect(stored.status).toBe('error');
    expect(stored.executionHistory.map((e) => e.event)).toEqual(['Created', 'Starting operation', 'Failed to start operation, reason: Connection is closed.']);
    expect(executed).not.toContain(operation.id);
    await expect(lease.fetchLease(operation.schedulerName, operation.id)).rejects.toThrow();
    // It is final: it is listed with the finished operations, not with the active ones.
    expect((await storage.listActiveOperations(operation.schedulerName)).map((op) => op.id)).not.toContain(operation.id);
  });
});
