/**
 * An operation's definition: its name and the JSON input stored with it
 * (Maestro's key names, e.g. `{"amount": 10}` or `{"scheduler": {...}}`).
 */
export interface OperationDefinition {
  readonly name: string;
  /** The JSON stored as the operation's input. */
  toInput(): Record<string, unknown>;
}

/** A definition whose input is kept as given (decoded records, simple inputs). */
export class PlainDefinition implements OperationDefinition {
  constructor(
    readonly name: string,
    private readonly input: Record<string, unknown> = {},
  ) {}

  toInput(): Record<string, unknown> {
    return { ...this.input };
  }
}
