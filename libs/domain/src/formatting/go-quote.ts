const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/**
 * The text as Go's `%q` (strconv.Quote) prints it: double-quoted, with `\"`, `\\`, the named control
 * escapes, and `\x`/`\u`/`\U` for other characters that are not printable. Maestro formats error
 * details this way, so clients see the same text.
 */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const named = NAMED_ESCAPES[char];
    if (named) quoted += named;
    else if (code >= 0xd800 && code <= 0xdfff)
      quoted += '\\ufffd'; // a lone surrogate: Go reads U+FFFD
    else if (PRINTABLE.test(char)) quoted += char;
    else if (code < 0x80) quoted += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) quoted += `\\u${hex(code, 4)}`;
    else quoted += `\\U${hex(code, 8)}`;
  }
  return `${quoted}"`;
}
