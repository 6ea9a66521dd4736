import type { OperationInputJson } from '../../entities/operation';
import { InvalidOperationInputError } from './invalid-operation-input.error';

/** A JSON value as the error messages quote it (shortened: a wrong value may be a whole document). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isObject = (value: unknown): value is OperationInputJson => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the fields of a stored operation input the way Go's `encoding/json` fills Maestro's
 * definition structs: a missing or `null` field is the type's zero value, unknown fields are ignored,
 * a value of the wrong type is an error (here an InvalidOperationInputError naming the field).
 */
export class InputReader {
  /** The object read (`{}` for `null`). */
  readonly fields: OperationInputJson;

  /**
   * `null` (or nothing) reads as `{}`, as Go's Unmarshal of `null` leaves the struct as it is.
   * `at` is the path of this object inside the input (`scheduler` for a nested one), '' for the input.
   */
  constructor(
    private readonly definitionName: string,
    json: unknown,
    private readonly at = '',
  ) {
    if (json !== null && json !== undefined && !isObject(json)) {
      throw new InvalidOperationInputError(definitionName, at || 'input', `must be a JSON object, got ${shown(json)}`);
    }
    this.fields = json ?? {};
  }

  /** An integer (Go `int`, `int32`); 0 when absent. */
  integer(field: string): number {
    const value = this.fields[field];
    if (value === undefined || value === null) return 0;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw this.invalid(field, `must be an integer, got ${shown(value)}`);
    return value;
  }

  /** A finite number; 0 when absent. */
  number(field: string): number {
    const value = this.fields[field];
    if (value === undefined || value === null) return 0;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.invalid(field, `must be a number, got ${shown(value)}`);
    return value;
  }

  /** A string; `''` when absent. */
  string(field: string): string {
    const value = this.fields[field];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw this.invalid(field, `must be a string, got ${shown(value)}`);
    return value;
  }

  /** One of `allowed`; `fallback` when absent or empty. */
  oneOf<T extends string>(field: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(field);
    if (value === '') return fallback;
    if (!(allowed as readonly string[]).includes(value)) throw this.invalid(field, `must be one of ${allowed.join(', ')}, got ${shown(value)}`);
    return value as T;
  }

  /** A boolean (Go `*bool` with `omitempty`); undefined when absent. */
  optionalBoolean(field: string): boolean | undefined {
    const value = this.fields[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.invalid(field, `must be a boolean, got ${shown(value)}`);
    return value;
  }

  /** A list of strings (Go `[]string`); `null` when absent, as Go encodes a nil slice. */
  stringListOrNull(field: string): string[] | null {
    const value = this.fields[field];
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) throw this.invalid(field, `must be a list of strings, got ${shown(value)}`);
    value.forEach((item, i) => {
      if (typeof item !== 'string') throw this.invalid(`${field}[${i}]`, `must be a string, got ${shown(item)}`);
    });
    return value as string[];
  }

  /** A JSON object that must be present (a Go pointer the executor dereferences), to read in turn. */
  object(field: string): InputReader {
    const value = this.fields[field];
    if (value === undefined || value === null) throw this.invalid(field, 'is missing');
    return new InputReader(this.definitionName, value, this.pathOf(field));
  }

  /** An error about one field of this object (also for checks made by the caller). */
  invalid(field: string, problem: string): InvalidOperationInputError {
    return new InvalidOperationInputError(this.definitionName, this.pathOf(field), problem);
  }

  private pathOf(field: string): string {
    return this.at ? `${this.at}.${field}` : field;
  }
}
