import { testOperationDefinition } from './test-operation.definition';

describe('test_operation definition', () => {
  it('is named as Maestro names it', () => {
    expect(testOperationDefinition.name).toBe('test_operation');
  });

  it("reads the JSON Maestro stores, and the fractions of this project's tests", () => {
    expect(testOperationDefinition.parse(JSON.parse('{"sleepSeconds":5}'))).toEqual({ sleepSeconds: 5 });
    expect(testOperationDefinition.parse(JSON.parse('{"sleepSeconds":0.05}'))).toEqual({ sleepSeconds: 0.05 });
  });

  it("stores Maestro's key, and reads back what it stores", () => {
    const stored = JSON.stringify(testOperationDefinition.toJson({ sleepSeconds: 100 }));
    expect(stored).toBe('{"sleepSeconds":100}');
    expect(testOperationDefinition.parse(JSON.parse(stored))).toEqual({ sleepSeconds: 100 });
  });

  it('names the field of a malformed input', () => {
    expect(() => testOperationDefinition.parse({ sleepSeconds: '5' })).toThrow('invalid test_operation input: sleepSeconds must be a number, got "5"');
  });
});
