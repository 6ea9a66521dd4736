import { UnexpectedError } from '../../errors/domain-error';

/** A stored operation input that its definition cannot read; names the definition and the field. */
export class InvalidOperationInputError extends UnexpectedError {
  constructor(
    readonly definitionName: string,
    /** The JSON path of the field, e.g. `rooms_ids[1]`, or `input` for the whole document. */
    readonly field: string,
    problem: string,
  ) {
    super(`invalid ${definitionName} input: ${field} ${problem}`);
  }
}
