import { InputReader } from './input-reader';
import { InvalidOperationInputError } from './invalid-operation-input.error';

/** The error a read throws, to look at its fields. */
function errorOf(read: () => unknown): InvalidOperationInputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidOperationInputError) return error;
    throw error;
  }
  throw new Error('the read did not fail');
}

describe('InputReader (Go encoding/json rules for stored operation inputs)', () => {
  it('reads a missing or null field as its zero value, as Go fills a struct', () => {
    const input = new InputReader('op', { present: null });
    expect([input.integer('present'), input.number('absent'), input.string('absent')]).toEqual([0, 0, '']);
    expect(input.optionalBoolean('absent')).toBeUndefined();
    expect(input.stringListOrNull('absent')).toBeNull();
    expect(input.oneOf('absent', ['a', 'b'], 'b')).toBe('b');
  });

  it('reads a null or absent input as an empty object and ignores unknown fields', () => {
    expect(new InputReader('op', null).fields).toEqual({});
    expect(new InputReader('op', undefined).fields).toEqual({});
    expect(new InputReader('op', { unknown: [1] }).integer('amount')).toBe(0);
  });

  it('names the definition and the field of a value of the wrong type', () => {
    const error = errorOf(() => new InputReader('add_rooms', { amount: '10' }).integer('amount'));
    expect(error.message).toBe('invalid add_rooms input: amount must be an integer, got "10"');
    expect(error).toMatchObject({ definitionName: 'add_rooms', field: 'amount', kind: 'unexpected' });
  });

  it('refuses a fraction where Go has an integer', () => {
    expect(() => new InputReader('op', { amount: 2.5 }).integer('amount')).toThrow('invalid op input: amount must be an integer, got 2.5');
  });

  it('names the index of a wrong list element', () => {
    expect(() => new InputReader('op', { ids: ['a', 7] }).stringListOrNull('ids')).toThrow('invalid op input: ids[1] must be a string, got 7');
  });

  it('names the whole input when it is not an object', () => {
    expect(() => new InputReader('op', [1, 2])).toThrow('invalid op input: input must be a JSON object, got [1,2]');
    expect(() => new InputReader('op', 'text')).toThrow('invalid op input: input must be a JSON object, got "text"');
  });

  it('names fields of a nested object by their path', () => {
    const nested = new InputReader('op', { scheduler: { Name: 3 } }).object('scheduler');
    expect(() => nested.string('Name')).toThrow('invalid op input: scheduler.Name must be a string, got 3');
    expect(() => new InputReader('op', { scheduler: [] }).object('scheduler')).toThrow('invalid op input: scheduler must be a JSON object, got []');
    expect(() => new InputReader('op', {}).object('scheduler')).toThrow('invalid op input: scheduler is missing');
  });

  it('shortens a long wrong value in the message', () => {
    const message = errorOf(() => new InputReader('op', { name: 'x'.repeat(200) }).integer('name')).message;
    expect(message).toBe(`invalid op input: name must be an integer, got "${'x'.repeat(56)}...`);
  });
});
