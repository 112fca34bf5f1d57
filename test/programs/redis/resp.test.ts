import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RespReader, encode, encodeCommand, repr, splitArgs, array, bulk, error, int, status } from '../../../src/programs/redis/resp.js';
import { globMatch } from '../../../src/programs/redis/keyspace.js';

describe('RESP2', () => {
  it('counts bulk lengths in UTF-8 bytes', () => {
    expect(encode(bulk('é'))).toBe('$2\r\né\r\n');
    expect(encodeCommand(['SET', 'k', '日本'])).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\n日本\r\n');
  });

  it('reads commands split anywhere, and inline commands as telnet sends them', () => {
    const r = new RespReader();
    const wire = encodeCommand(['SET', 'ké', 'v a']) + 'PING "x y"\r\n';
    for (const ch of wire) r.push(ch);
    expect(r.command()).toEqual(['SET', 'ké', 'v a']);
    expect(r.command()).toEqual(['PING', 'x y']);
    expect(r.command()).toBeUndefined();
  });

  it('any reply survives encode then read, whatever the chunking', () => {
    const leaf = fc.oneof(
      fc.string().map((s) => status(s.replace(/[\r\n]/g, ''))),
      fc.string().map((s) => error(s.replace(/[\r\n]/g, ''))),
      fc.integer().map(int),
      fc.option(fc.string({ unit: 'binary' })).map(bulk),
    );
    const reply = fc.oneof(leaf, fc.array(leaf).map(array));
    fc.assert(fc.property(reply, fc.integer({ min: 1, max: 7 }), (r, step) => {
      const wire = encode(r);
      const reader = new RespReader();
      let got;
      for (let i = 0; i < wire.length; i += step) {
        reader.push(wire.slice(i, i + step));
        got ??= reader.reply();
      }
      expect(got ?? reader.reply()).toEqual(r);
    }));
  });
});

describe('redis-cli line splitting (sdssplitargs)', () => {
  it('handles both quotes and escapes', () => {
    expect(splitArgs('set k "a\\nb" \'it\\\'s\'')).toEqual(['set', 'k', 'a\nb', "it's"]);
    expect(splitArgs('get "\\x41"')).toEqual(['get', 'A']);
    expect(splitArgs('get "unclosed')).toBeNull();
    expect(splitArgs('get "a"b')).toBeNull();
  });

  it('shows bulk strings as sdscatrepr does', () => {
    expect(repr('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(repr('héllo')).toBe('"h\\xc3\\xa9llo"');
  });
});

describe('KEYS patterns (stringmatchlen)', () => {
  it.each([
    ['*', 'anything', true], ['h?llo', 'hello', true], ['h?llo', 'heello', false], ['h*llo', 'heeello', true],
    ['h[ae]llo', 'hallo', true], ['h[^e]llo', 'hello', false], ['h[a-b]llo', 'hbllo', true], ['h\\*', 'h*', true],
    ['user:*', 'user:1', true], ['user:*', 'session:1', false],
  ])('%s against %s', (p, s, want) => expect(globMatch(p, s)).toBe(want));
});
