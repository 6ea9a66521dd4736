import { OperationName } from './operation-names';
import { buildOperationRegistry } from './registry';

describe('buildOperationRegistry', () => {
  it('registers every operation, each definition with the executor of the same name', () => {
    const registry = buildOperationRegistry({} as never, {} as never);
    for (const name of Object.values(OperationName)) {
      const registered = registry.get(name);
      expect(registered?.definition.name).toBe(name);
      expect(registered?.executor.name).toBe(name);
    }
  });
});
