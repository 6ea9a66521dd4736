import { anOperation } from '@maestro/testing';
import type { Operation } from '../entities/operation';
import type { Logger, LogFields } from '../ports/logger.port';
import type { OperationLease } from '../ports/operation-lease.port';
import type { OperationStorage } from '../ports/operation-storage.port';
import type { ExecutionContext, OperationExecutor } from '../operations/operation-executor';
import { OperationRegistry, registerOperation } from '../operations/operation-registry';
import { removeRoomsDefinition, type RemoveRoomsInput } from '../operations/rooms/remove-rooms/remove-rooms.definition';
import { OperationRunner } from './operation-runner';

/** One operation record, as much of OperationStorage as the runner uses. */
class OneOperation {
  readonly history: string[] = [];
  readonly definitions: Record<string, unknown>[] = [];

  constructor(public operation: Operation) {}

  storage(): OperationStorage {
    return {
      getOperation: async () => this.operation,
      updateOperationStatus: async (op: Operation) => ((this.operation = { ...this.operation, status: op.status }), true),
      updateOperationDefinition: async (op: Operation) => void this.definitions.push(op.input),
      appendExecutionHistory: async (_s: string, _id: string, event: string) => void this.history.push(event),
    } as unknown as OperationStorage;
  }
}

const lease = { grantLease: async () => undefined, renewLease: async () => undefined, revokeLease: async () => undefined } as unknown as OperationLease;

function recordingLogger(lines: { msg: string; fields: LogFields }[]): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (msg, fields = {}) => void lines.push({ msg, fields }),
    error: (msg, fields = {}) => void lines.push({ msg, fields }),
    child: () => logger,
  };
  return logger;
}

describe('OperationRunner reading the input with the definition (operations.md 4 step 1)', () => {
  function runnerFor(record: OneOperation) {
    const received: ExecutionContext<RemoveRoomsInput>[] = [];
    const executor: OperationExecutor<RemoveRoomsInput> = {
      name: 'remove_rooms',
      execute: async (context) => {
        received.push(context);
        return { input: { ...context.input, amount: 50 } };
      },
      rollback: async () => undefined,
    };
    const logs: { msg: string; fields: LogFields }[] = [];
    const runner = new OperationRunner(
      {
        storage: record.storage(),
        lease,
        registry: new OperationRegistry([registerOperation(removeRoomsDefinition, executor)]),
        clock: { now: () => new Date() },
        logger: recordingLogger(logs),
      },
      { leaseTtlMs: 60_000 },
    );
    return { runner, received, logs };
  }

  it("hands the executor the parsed input and stores what it returns with Maestro's keys", async () => {
    const record = new OneOperation(anOperation({ definitionName: 'remove_rooms', input: { amount: 500, rooms_ids: ['a'], reason: 'expired_room' } }));
    const { runner, received } = runnerFor(record);

    const ended = await runner.run(record.operation.schedulerName, record.operation.id);

    expect(received.map((context) => context.input)).toEqual([{ amount: 500, rooms_ids: ['a'], reason: 'expired_room' }]);
    expect(record.definitions).toEqual([{ amount: 50, rooms_ids: ['a'], reason: 'expired_room' }]);
    expect(ended?.status).toBe('finished');
  });

  it('skips an operation whose input does not parse: error logged naming the field, status and history untouched', async () => {
    const record = new OneOperation(anOperation({ definitionName: 'remove_rooms', input: { amount: 1, rooms_ids: 'a' } }));
    const { runner, received, logs } = runnerFor(record);

    expect(await runner.run(record.operation.schedulerName, record.operation.id)).toBeUndefined();

    expect(received).toEqual([]);
    expect(record.operation.status).toBe('pending');
    expect(record.history).toEqual([]);
    expect(logs).toEqual([
      {
        msg: 'operation input could not be decoded; skipped',
        fields: { operation_definition: 'remove_rooms', error: 'invalid remove_rooms input: rooms_ids must be a list of strings, got "a"' },
      },
    ]);
  });

  it('skips an operation of an unknown definition name the same way', async () => {
    const record = new OneOperation(anOperation({ definitionName: 'resize_rooms', input: {} }));
    const { runner, received, logs } = runnerFor(record);

    expect(await runner.run(record.operation.schedulerName, record.operation.id)).toBeUndefined();

    expect(received).toEqual([]);
    expect(record.operation.status).toBe('pending');
    expect(record.history).toEqual([]);
    expect(logs).toEqual([{ msg: 'operation has an unknown definition name; skipped', fields: { operation_definition: 'resize_rooms' } }]);
  });
});
