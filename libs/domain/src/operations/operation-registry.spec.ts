import type { OperationExecutor } from './operation-executor';
import { OperationExecutorRegistry } from './operation-registry';

const executor = (name: string): OperationExecutor => ({
  name,
  execute: async () => undefined,
  rollback: async () => undefined,
});

describe('OperationExecutorRegistry', () => {
  it('finds executors by definition name', () => {
    const registry = new OperationExecutorRegistry([executor('add_rooms')]);
    expect(registry.get('add_rooms')?.name).toBe('add_rooms');
    expect(registry.get('remove_rooms')).toBeUndefined();
  });

  it('refuses two executors for one operation', () => {
    expect(() => new OperationExecutorRegistry([executor('add_rooms'), executor('add_rooms')])).toThrow(
      'two executors registered for operation add_rooms',
    );
  });

  it('names the operations that have no executor', () => {
    const registry = new OperationExecutorRegistry([executor('add_rooms')]);
    expect(() => registry.assertComplete(['add_rooms', 'remove_rooms', 'health_controller'])).toThrow(
      'no executor registered for operations: remove_rooms, health_controller',
    );
  });
});
