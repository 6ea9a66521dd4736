import { isKubeResourceName, isSemanticVersion, isValidMaxSurge, parseGoInt } from './field-rules';

describe('field rules', () => {
  it.each([
    ['10', true],
    ['1', true],
    ['0', false],
    ['-1', false],
    ['10%', true],
    ['0%', true],
    ['-5%', true],
    ['+2', true],
    ['', false],
    ['%', false],
    ['1.5', false],
    ['10%%', false],
    ['1 0', false],
    ['abc', false],
  ])('maxSurge %j valid: %s', (value, valid) => {
    expect(isValidMaxSurge(value)).toBe(valid);
  });

  it('parses integers like Go strconv.Atoi, int64 range included', () => {
    expect(parseGoInt('-9223372036854775808')).toBe(-9223372036854775808);
    expect(parseGoInt('9223372036854775808')).toBeUndefined();
    expect(parseGoInt('0x10')).toBeUndefined();
    expect(parseGoInt('007')).toBe(7);
  });

  it.each([
    ['a', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['a-b-1', true],
    ['1abc', true],
    ['a.b', false],
    ['A', false],
    ['-a', false],
    ['a-', false],
    ['', false],
  ])('kube resource name %j valid: %s', (value, valid) => {
    expect(isKubeResourceName(value)).toBe(valid);
  });

  it.each([
    ['v1.0.0', true],
    ['1.2.3', true],
    ['v1.1', true],
    ['v2', true],
    ['v1.0.0-rc.1', true],
    ['one', false],
    ['v1.0.0.0', false],
  ])('semantic version %j valid: %s', (value, valid) => {
    expect(isSemanticVersion(value)).toBe(valid);
  });
});
