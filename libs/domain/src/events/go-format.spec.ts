import { formatGoValue, mergeStringMaps } from './go-format';

describe('Go %v formatting of forwarded metadata', () => {
  it.each([
    ['text', 'text'],
    [true, 'true'],
    [null, '<nil>'],
    [245, '245'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [1000000, '1e+06'],
    [0.5, '0.5'],
    [0.00001, '1e-05'],
    [{ b: 1, a: 'x' }, 'map[a:x b:1]'],
    [[1, 'two', false], '[1 two false]'],
  ])('%p -> %s', (value, text) => {
    expect(formatGoValue(value)).toBe(text);
  });

  it('merges the e2e example: forwarder metadata, then event metadata', () => {
    expect(
      mergeStringMaps({ roomType: 'green', forwarderMetadata1: 'value1', forwarderMetadata2: 245 }, { eventMetadata1: 'value1', eventMetadata2: true }),
    ).toEqual({
      roomType: 'green',
      forwarderMetadata1: 'value1',
      forwarderMetadata2: '245',
      eventMetadata1: 'value1',
      eventMetadata2: 'true',
    });
  });
});
