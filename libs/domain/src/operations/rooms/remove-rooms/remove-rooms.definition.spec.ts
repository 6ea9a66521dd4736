import { removeRoomsDefinition } from './remove-rooms.definition';

describe('remove_rooms definition', () => {
  it('is named as Maestro names it', () => {
    expect(removeRoomsDefinition.name).toBe('remove_rooms');
  });

  it('reads the JSON Maestro stores, by amount and by ids', () => {
    expect(removeRoomsDefinition.parse(JSON.parse('{"amount":3,"rooms_ids":null,"reason":"scale_down"}'))).toEqual({
      amount: 3,
      rooms_ids: null,
      reason: 'scale_down',
    });
    expect(removeRoomsDefinition.parse(JSON.parse('{"amount":0,"rooms_ids":["room-1","room-2"],"reason":"expired_room"}'))).toEqual({
      amount: 0,
      rooms_ids: ['room-1', 'room-2'],
      reason: 'expired_room',
    });
  });

  it('reads every reason Maestro defines', () => {
    const reasons = [
      'scale_down',
      'expired_room',
      'rolling_update_replace',
      'new_version_validation_finished',
      'new_version_rollback',
      'switch_version_rollback',
      'switch_version_replace',
    ];
    expect(reasons.map((reason) => removeRoomsDefinition.parse({ amount: 1, rooms_ids: null, reason }).reason)).toEqual(reasons);
  });

  it("stores Maestro's keys in Go's order, and reads back what it stores", () => {
    const input = { amount: 2, rooms_ids: null, reason: 'rolling_update_replace' } as const;
    const stored = JSON.stringify(removeRoomsDefinition.toJson(input));
    expect(stored).toBe('{"amount":2,"rooms_ids":null,"reason":"rolling_update_replace"}');
    expect(removeRoomsDefinition.parse(JSON.parse(stored))).toEqual(input);
    expect(JSON.stringify(removeRoomsDefinition.toJson({ amount: 0, rooms_ids: ['a'], reason: 'expired_room' }))).toBe(
      '{"amount":0,"rooms_ids":["a"],"reason":"expired_room"}',
    );
  });

  it("reads missing fields as Go's zero values, and a missing reason as scale_down", () => {
    expect(removeRoomsDefinition.parse({})).toEqual({ amount: 0, rooms_ids: null, reason: 'scale_down' });
    expect(removeRoomsDefinition.parse({ amount: 2, reason: '' })).toEqual({ amount: 2, rooms_ids: null, reason: 'scale_down' });
  });

  it('names the field of a malformed input', () => {
    expect(() => removeRoomsDefinition.parse({ amount: '3' })).toThrow('invalid remove_rooms input: amount must be an integer, got "3"');
    expect(() => removeRoomsDefinition.parse({ rooms_ids: 'room-1' })).toThrow('invalid remove_rooms input: rooms_ids must be a list of strings, got "room-1"');
    expect(() => removeRoomsDefinition.parse({ rooms_ids: ['room-1', 2] })).toThrow('invalid remove_rooms input: rooms_ids[1] must be a string, got 2');
    expect(() => removeRoomsDefinition.parse({ reason: 'because' })).toThrow(
      /^invalid remove_rooms input: reason must be one of scale_down, .*, got "because"$/,
    );
  });
});
