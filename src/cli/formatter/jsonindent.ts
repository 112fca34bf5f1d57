/**
 * Go's json.Indent over JSON text (what `docker inspect` does to the daemon's bytes): structure
 * re-indented, strings copied byte for byte (so the daemon's `\u003c` escapes survive), `[]`/`{}` kept.
 */
export function indentJSON(src: string, indent = '    '): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const nl = (): string => '\n' + indent.repeat(depth);
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      let j = i + 1;
      while (j < src.length && ' \n\t\r'.includes(src[j])) j++;
      if (src[j] === (c === '{' ? '}' : ']')) {
        out += c + src[j];
        i = j + 1;
        continue;
      }
      depth++;
      out += c + nl();
    } else if (c === '}' || c === ']') {
      depth--;
      out += nl() + c;
    } else if (c === ',') {
      out += ',' + nl();
    } else if (c === ':') {
      out += ': ';
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

/** json.Marshal's escaping of a value the client only has parsed: HTML characters as \u003c etc. */
export function marshalGo(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
