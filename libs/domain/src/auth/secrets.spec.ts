import { constantTimeEquals, hashSecret } from './secrets';

describe('constantTimeEquals', () => {
  it('tells equal strings from strings that differ anywhere, or in length', () => {
    const digest = hashSecret('a secret');
    expect(constantTimeEquals(digest, hashSecret('a secret'))).toBe(true);
    expect(constantTimeEquals(digest, hashSecret('another secret'))).toBe(false);
    expect(constantTimeEquals('abcd', 'xbcd')).toBe(false);
    expect(constantTimeEquals('abcd', 'abcx')).toBe(false);
    expect(constantTimeEquals('abcd', 'abc')).toBe(false);
    expect(constantTimeEquals('', '')).toBe(true);
    expect(constantTimeEquals('', 'a')).toBe(false);
  });
});
