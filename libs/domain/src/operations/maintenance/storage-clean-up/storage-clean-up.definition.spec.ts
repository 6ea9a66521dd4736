import { storageCleanUpDefinition } from './storage-clean-up.definition';

describe('storage_clean_up definition', () => {
  it('is named as Maestro names it', () => {
    expect(storageCleanUpDefinition.name).toBe('storage_clean_up');
  });

  it('stores `{}` and reads it back, also from null and with keys it does not know', () => {
    expect(JSON.stringify(storageCleanUpDefinition.toJson({}))).toBe('{}');
    expect(storageCleanUpDefinition.parse(JSON.parse('{}'))).toEqual({});
    expect(storageCleanUpDefinition.parse(JSON.parse('null'))).toEqual({});
    expect(storageCleanUpDefinition.parse({ later: true })).toEqual({});
  });

  it('refuses an input that is not an object', () => {
    expect(() => storageCleanUpDefinition.parse(3)).toThrow('invalid storage_clean_up input: input must be a JSON object, got 3');
  });
});
