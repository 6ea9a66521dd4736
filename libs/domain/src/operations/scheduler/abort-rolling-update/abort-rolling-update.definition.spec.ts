import { abortRollingUpdateDefinition } from './abort-rolling-update.definition';

describe('abort_rolling_update definition', () => {
  const input = { version: 'v2.0.0', rollbackVersion: 'v1.0.0', threshold: 2, failedRooms: [{ id: 'fleet-a', description: 'status error' }] };

  it('stores camelCase JSON and reads back what it stores', () => {
    const stored = JSON.parse(JSON.stringify(abortRollingUpdateDefinition.toJson(input)));
    expect(stored).toEqual(input);
    expect(abortRollingUpdateDefinition.parse(stored)).toEqual(input);
  });

  it('names the field of a malformed input', () => {
    expect(() => abortRollingUpdateDefinition.parse({ ...input, failedRooms: [{ id: 3 }] })).toThrow('failedRooms[0].id must be a string, got 3');
    expect(() => abortRollingUpdateDefinition.parse({ ...input, failedRooms: 'fleet-a' })).toThrow('failedRooms must be a list of rooms');
  });
});
