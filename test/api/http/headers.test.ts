import { describe, expect, it } from 'vitest';
import { canonicalKey, Headers } from '../../../src/api/http/headers.js';

describe('canonicalKey (textproto.CanonicalMIMEHeaderKey)', () => {
  it('returns a canonical key as it is and canonicalizes the rest', () => {
    const cases: [string, string][] = [
      ['Content-Type', 'Content-Type'], ['content-type', 'Content-Type'], ['CONTENT-TYPE', 'Content-Type'],
      ['api-version', 'Api-Version'], ['OSType', 'Ostype'], ['X-1a', 'X-1a'], ['x-1A', 'X-1a'], ['1-a', '1-A'],
      ['-', '-'], ['a--b', 'A--B'], ['Www_Auth', 'Www_auth'], ['', ''], ['Bad Key', 'Bad Key'], ['É', 'É'],
    ];
    for (const [name, want] of cases) expect(canonicalKey(name), name).toBe(want);
  });

  it('finds a field whatever case it was added in', () => {
    const h = new Headers([['content-length', '5']]);
    expect(h.get('Content-Length')).toBe('5');
    expect(h.has('CONTENT-LENGTH')).toBe(true);
  });
});
