import { deleteSchedulerDefinition } from './delete-scheduler.definition';

describe('delete_scheduler definition', () => {
  it('is named as Maestro names it', () => {
    expect(deleteSchedulerDefinition.name).toBe('delete_scheduler');
  });

  it('stores `{}` and reads it back, also from null', () => {
    expect(JSON.stringify(deleteSchedulerDefinition.toJson({}))).toBe('{}');
    expect(deleteSchedulerDefinition.parse(JSON.parse('{}'))).toEqual({});
    expect(deleteSchedulerDefinition.parse(null)).toEqual({});
  });

  it('refuses an input that is not an object', () => {
    expect(() => deleteSchedulerDefinition.parse(['x'])).toThrow('invalid delete_scheduler input: input must be a JSON object, got ["x"]');
  });
});
