import { describe, expect, it } from 'vitest';
import { checkSyntax, encodeJSON } from '../../src/pkg/gojson.js';

describe('Go JSON syntax errors', () => {
  it.each([
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b"}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{a}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a":', 'unexpected EOF'],
    ['"\n"', "invalid character '\\n' in string literal"],
  ])('%j', (input, message) => {
    expect(checkSyntax(input).error).toBe(message);
  });
});

describe('json.Encoder with SetEscapeHTML(false)', () => {
  it('keeps <>& and escapes U+2028/U+2029, one value a line', () => {
    expect(encodeJSON({ a: '<b>&\u2028\u2029' })).toBe('{"a":"<b>&\\u2028\\u2029"}\n');
  });
});
