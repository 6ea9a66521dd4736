import { healthControllerDefinition } from './health-controller.definition';

describe('health_controller definition', () => {
  it('is named as Maestro names it', () => {
    expect(healthControllerDefinition.name).toBe('health_controller');
  });

  it('reads the JSON Maestro stores before and after execution', () => {
    expect(healthControllerDefinition.parse(JSON.parse('{}'))).toEqual({});
    expect(healthControllerDefinition.parse(JSON.parse('{"took_action":true}'))).toEqual({ took_action: true });
    expect(healthControllerDefinition.parse(JSON.parse('{"took_action":false}'))).toEqual({ took_action: false });
  });

  it("stores `{}` until the flag is set, then Maestro's key, and reads back what it stores", () => {
    expect(JSON.stringify(healthControllerDefinition.toJson({}))).toBe('{}');
    expect(JSON.stringify(healthControllerDefinition.toJson({ took_action: false }))).toBe('{"took_action":false}');
    for (const input of [{}, { took_action: true }, { took_action: false }]) {
      expect(healthControllerDefinition.parse(JSON.parse(JSON.stringify(healthControllerDefinition.toJson(input))))).toEqual(input);
    }
  });

  it('reads a null flag as unset', () => {
    expect(healthControllerDefinition.parse({ took_action: null })).toEqual({});
  });

  it('names the field of a malformed input', () => {
    expect(() => healthControllerDefinition.parse({ took_action: 'yes' })).toThrow('invalid health_controller input: took_action must be a boolean, got "yes"');
  });
});
