import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteRune, parseGoBool, parseGoInt } from '../../src/pkg/strconv.js';

describe('strconv.Quote', () => {
  it('escapes what Go does not count as printable', () => {
    expect(goQuote('a\tb\u00a0\x01é')).toBe('"a\\tb\\u00a0\\x01é"');
    expect(goQuoteRune("'")).toBe("'\\''");
    expect(goQuoteRune('\n')).toBe("'\\n'");
  });
});

describe('strconv.ParseBool and ParseInt(s, 0, …)', () => {
  it('takes Go\'s spellings and base prefixes, and nothing else', () => {
    expect(['1', 't', 'TRUE', 'True', '0', 'F', 'false', 'yes', 'tRUE'].map(parseGoBool)).toEqual([true, true, true, true, false, false, false, null, null]);
    expect(['42', '-0x1F', '0o17', '017', '0b101', '0x_ff', '1_000', '08', '+7'].map((s) => parseGoInt(s, false))).toEqual([42n, -31n, 15n, 15n, 5n, 255n, null, null, 7n]);
    expect(parseGoInt('-1', true)).toBeNull();
  });
});
