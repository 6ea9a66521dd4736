import { OperationName } from '../../operation-names';
import { addRoomsDefinition } from './add-rooms.definition';

describe('add_rooms definition', () => {
  it('is named as Maestro names it', () => {
    expect(addRoomsDefinition.name).toBe(OperationName.AddRooms);
    expect(addRoomsDefinition.name).toBe('add_rooms');
  });

  it('reads the JSON Maestro stores', () => {
    expect(addRoomsDefinition.parse(JSON.parse('{"amount":10}'))).toEqual({ amount: 10 });
  });

  it("stores Maestro's keys, and reads back what it stores", () => {
    expect(JSON.stringify(addRoomsDefinition.toJson({ amount: 7 }))).toBe('{"amount":7}');
    expect(addRoomsDefinition.parse(JSON.parse(JSON.stringify(addRoomsDefinition.toJson({ amount: 7 }))))).toEqual({ amount: 7 });
  });

  it('reads a missing amount as 0, as Go does', () => {
    expect(addRoomsDefinition.parse({})).toEqual({ amount: 0 });
  });

  it('names the field of a malformed input', () => {
    expect(() => addRoomsDefinition.parse({ amount: '10' })).toThrow('invalid add_rooms input: amount must be an integer, got "10"');
    expect(() => addRoomsDefinition.parse({ amount: 1.5 })).toThrow('invalid add_rooms input: amount must be an integer, got 1.5');
    expect(() => addRoomsDefinition.parse([10])).toThrow('invalid add_rooms input: input must be a JSON object, got [10]');
  });
});
