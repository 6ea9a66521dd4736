import { switchActiveVersionDefinition } from './switch-active-version.definition';

describe('switch_active_version definition', () => {
  it('is named as Maestro names it', () => {
    expect(switchActiveVersionDefinition.name).toBe('switch_active_version');
  });

  it('reads the JSON Maestro stores', () => {
    expect(switchActiveVersionDefinition.parse(JSON.parse('{"newActiveVersion":"v1.2.0"}'))).toEqual({ newActiveVersion: 'v1.2.0' });
  });

  it("stores Maestro's key, and reads back what it stores", () => {
    const stored = JSON.stringify(switchActiveVersionDefinition.toJson({ newActiveVersion: 'v2.0.0' }));
    expect(stored).toBe('{"newActiveVersion":"v2.0.0"}');
    expect(switchActiveVersionDefinition.parse(JSON.parse(stored))).toEqual({ newActiveVersion: 'v2.0.0' });
  });

  it('reads a missing version as empty (the executor then reports it not found)', () => {
    expect(switchActiveVersionDefinition.parse({})).toEqual({ newActiveVersion: '' });
  });

  it('names the field of a malformed input', () => {
    expect(() => switchActiveVersionDefinition.parse({ newActiveVersion: 2 })).toThrow(
      'invalid switch_active_version input: newActiveVersion must be a string, got 2',
    );
  });
});
