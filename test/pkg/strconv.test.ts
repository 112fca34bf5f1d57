import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteRune } from '../../src/pkg/strconv.js';

describe('strconv.Quote', () => {
  it('escapes what Go does not count as printable', () => {
    expect(goQuote('a\tb\u00a0\x01é')).toBe('"a\\tb\\u00a0\\x01é"');
    expect(goQuoteRune("'")).toBe("'\\''");
    expect(goQuoteRune('\n')).toBe("'\\n'");
  });
});
