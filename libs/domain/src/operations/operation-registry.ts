import type { OperationExecutor } from './operation-executor';

/** The one place where executors are registered; refuses duplicates and missing names. */
export class OperationExecutorRegistry {
  private readonly executors = new Map<string, OperationExecutor>();

  constructor(executors: OperationExecutor[] = []) {
    executors.forEach((executor) => this.register(executor));
  }

  /** Adds an executor; throws if one is already registered for its name. */
  register(executor: OperationExecutor): void {
    if (this.executors.has(executor.name)) {
      throw new Error(`two executors registered for operation ${executor.name}`);
    }
    this.executors.set(executor.name, executor);
  }

  /** The executor of a definition name, or undefined (the operation is then evicted). */
  get(name: string): OperationExecutor | undefined {
    return this.executors.get(name);
  }

  /** Throws unless every given definition name has an executor. */
  assertComplete(names: readonly string[]): void {
    const missing = names.filter((name) => !this.executors.has(name));
    if (missing.length > 0) throw new Error(`no executor registered for operations: ${missing.join(', ')}`);
  }
}
