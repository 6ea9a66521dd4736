import { InputReader } from './input/input-reader';
import type { OperationDefinition } from './operation-definition';
import type { OperationExecutor } from './operation-executor';
import { OperationName } from './operation-names';
import { OperationRegistry, registerOperation } from './operation-registry';

const definition = (name: OperationName): OperationDefinition<{ amount: number }> => ({
  name,
  toJson: ({ amount }) => ({ amount }),
  parse: (json) => ({ amount: new InputReader(name, json).integer('amount') }),
});

const executor = (name: OperationName): OperationExecutor<{ amount: number }> => ({
  name,
  execute: async () => undefined,
  rollback: async () => undefined,
});

const operation = (name: OperationName) => registerOperation(definition(name), executor(name));

describe('OperationRegistry', () => {
  it('finds the definition and the executor of a stored definition name', () => {
    const registry = new OperationRegistry([operation(OperationName.AddRooms)]);
    const found = registry.get('add_rooms');
    expect(found?.definition.name).toBe('add_rooms');
    expect(found?.executor.name).toBe('add_rooms');
    expect(found?.definition.parse({ amount: 3 })).toEqual({ amount: 3 });
    expect(registry.get('remove_rooms')).toBeUndefined();
    expect(registry.get('no_such_operation')).toBeUndefined();
  });

  it('refuses two executors for one operation', () => {
    expect(() => new OperationRegistry([operation(OperationName.AddRooms), operation(OperationName.AddRooms)])).toThrow(
      'two executors registered for operation add_rooms',
    );
  });

  it('refuses an executor registered under another operation', () => {
    expect(() => new OperationRegistry([registerOperation(definition(OperationName.AddRooms), executor(OperationName.RemoveRooms))])).toThrow(
      'executor of remove_rooms registered for operation add_rooms',
    );
  });

  it('names the operations that have no executor', () => {
    const registry = new OperationRegistry([operation(OperationName.AddRooms)]);
    expect(() => registry.assertComplete(['add_rooms', 'remove_rooms', 'health_controller'])).toThrow(
      'no executor registered for operations: remove_rooms, health_controller',
    );
  });
});
