import { describe, expect, it } from 'vitest';
import { isUtf8Locale, quoteAlways, quoteIfNeeded, quoteLocale } from '../../../src/programs/lib/output.js';

describe('GNU quoting', () => {
  it('quoteaf always quotes, shell-escaped (ls, rm, cp messages)', () => {
    expect(quoteAlways('x')).toBe("'x'");
    expect(quoteAlways("it's")).toBe("'it'\\''s'");
    expect(quoteAlways('a\nb')).toBe("'a'$'\\n''b'");
  });

  it('quotef quotes only when needed (cat, wc, grep messages)', () => {
    expect(quoteIfNeeded('nope')).toBe('nope');
    expect(quoteIfNeeded('a b')).toBe("'a b'");
    expect(quoteIfNeeded('')).toBe("''");
  });

  it('quote() follows the locale', () => {
    expect(quoteLocale({}, 'x')).toBe("'x'");
    expect(quoteLocale({ LANG: 'C.UTF-8' }, 'x')).toBe('‘x’');
    expect(quoteLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, 'x')).toBe("'x'");
    expect(isUtf8Locale({ LC_CTYPE: 'en_US.utf8' })).toBe(true);
  });
});
