import { checkResourceVersion, parseGoBool, parseInt64, queryFlag } from './query-values';

const flag = (value: string) => queryFlag(new URLSearchParams({ watch: value }), 'watch');

describe('query parameter values, read as the API server reads them', () => {
  it('reads boolean parameters as apimachinery: only "0" and "false" in any case are false', () => {
    for (const value of ['true', 'True', 'TRUE', '1', 't', 'yes', 'f', '']) expect([value, flag(value)]).toEqual([value, true]);
    for (const value of ['false', 'False', 'FALSE', 'fAlSe', '0']) expect([value, flag(value)]).toEqual([value, false]);
    expect(queryFlag(new URLSearchParams(), 'watch')).toBeUndefined();
    expect(queryFlag(new URLSearchParams('watch=false&watch=true'), 'watch')).toBe(false);
  });

  it("parses `pretty` as Go's strconv.ParseBool", () => {
    for (const value of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseGoBool(value)).toBe(true);
    for (const value of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseGoBool(value)).toBe(false);
    for (const value of ['yes', 'tRUE', '', ' true']) expect(parseGoBool(value)).toBeUndefined();
  });

  it("parses integers as Go's strconv.ParseInt, failing with its text as a 400", () => {
    expect(parseInt64('42')).toBe(42);
    expect(parseInt64('+7')).toBe(7);
    expect(parseInt64('-3')).toBe(-3);
    for (const value of ['abc', '', '1.5', '0x10', ' 5', '1e3']) {
      expect(() => parseInt64(value)).toThrow(
        expect.objectContaining({ code: 400, reason: 'BadRequest', message: `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax` }),
      );
    }
    expect(() => parseInt64('9223372036854775808')).toThrow('strconv.ParseInt: parsing "9223372036854775808": value out of range');
    expect(parseInt64('-9223372036854775808')).toBe(-9223372036854775808);
  });

  it('accepts "", "0" and unsigned integers as resource versions and refuses anything else', () => {
    for (const value of [undefined, '', '0', '12', '18446744073709551615']) expect(() => checkResourceVersion(value)).not.toThrow();
    expect(() => checkResourceVersion('abc')).toThrow(
      expect.objectContaining({
        code: 400,
        message: 'invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
      }),
    );
    expect(() => checkResourceVersion('-1')).toThrow('strconv.ParseUint: parsing "-1": invalid syntax');
    expect(() => checkResourceVersion('18446744073709551616')).toThrow('value out of range');
  });
});
