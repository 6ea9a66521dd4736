import { goQuote } from './go-quote';

describe('goQuote (Go %q)', () => {
  it.each([
    ['', '""'],
    ['unknown', '"unknown"'],
    ['Back-off pulling image "broken:1"', '"Back-off pulling image \\"broken:1\\""'],
    ['a\\b', '"a\\\\b"'],
    ['line\nnext\ttab\rcr', '"line\\nnext\\ttab\\rcr"'],
    ['\x07\b\f\v', '"\\a\\b\\f\\v"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['café ñ 日本', '"café ñ 日本"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
    ['emoji 🎮', '"emoji 🎮"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\ud800', '"\\ufffd"'],
  ])('quotes %j as %s', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
