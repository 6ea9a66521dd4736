import type { OperationDefinition } from './operation-definition';
import type { OperationExecutor } from './operation-executor';

/** One operation as the worker knows it: how its input is read, and what runs it. */
export interface RegisteredOperation<Input> {
  readonly definition: OperationDefinition<Input>;
  readonly executor: OperationExecutor<Input>;
}

/** Pairs a definition with its executor; the types make both speak of the same input. */
export function registerOperation<Input>(definition: OperationDefinition<Input>, executor: OperationExecutor<Input>): RegisteredOperation<Input> {
  return { definition, executor };
}

/** The one place where operations are registered; refuses duplicates, mismatches and missing names. */
export class OperationRegistry {
  private readonly operations = new Map<string, RegisteredOperation<unknown>>();

  constructor(operations: RegisteredOperation<unknown>[] = []) {
    operations.forEach((operation) => this.register(operation));
  }

  /** Adds an operation; throws if one is already registered under its name. */
  register(operation: RegisteredOperation<unknown>): void {
    const { definition, executor } = operation;
    if (executor.name !== definition.name) {
      throw new Error(`executor of ${executor.name} registered for operation ${definition.name}`);
    }
    if (this.operations.has(definition.name)) {
      throw new Error(`two executors registered for operation ${definition.name}`);
    }
    this.operations.set(definition.name, operation);
  }

  /** The operation of a stored definition name, or undefined for a name nobody registered. */
  get(name: string): RegisteredOperation<unknown> | undefined {
    return this.operations.get(name);
  }

  /** Throws unless every given definition name is registered. */
  assertComplete(names: readonly string[]): void {
    const missing = names.filter((name) => !this.operations.has(name));
    if (missing.length > 0) throw new Error(`no executor registered for operations: ${missing.join(', ')}`);
  }
}
