/** Go's default value printing (`%v`), `encoding/json` as docker's `{{json}}` uses it, and strings.Title. */

/** Objects carrying this key print their Go type name in errors and refuse unknown fields (structs, not maps). */
export const GO_TYPE = Symbol('goType');

export type GoValue = unknown;

/** fmt's `%v` of a float64 (strconv 'g', shortest): exponent form when exp < -4 or exp >= 6, so 1e+06. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** fmt's `%v` for JSON-shaped values: `map[a:1 b:x]` with sorted keys, `[a b]`, `<nil>`, `true`. */
export function goSprint(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  // Templates run on docker's typed structs (int64 fields) or, as a fallback, on JSON decoded with
  // UseNumber: either way an integer prints as digits (268435456, not 2.68435456e+08).
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return '[' + v.map(goSprint).join(' ') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (GO_TYPE in o) return '{' + Object.keys(o).map((k) => goSprint(o[k])).join(' ') + '}';
    return 'map[' + Object.keys(o).sort().map((k) => `${k}:${goSprint(o[k])}`).join(' ') + ']';
  }
  return String(v);
}

/**
 * docker/cli's formatter contexts implement MarshalJSON with json.Marshal, which escapes `<`, `>` and `&`
 * (`\u003e`); the template's encoder keeps those bytes as they come.
 */
const HTML_ESCAPED_TYPES = new Set(['*formatter.ContainerContext', '*formatter.imageContext', '*container.statsContext', '*registry.searchContext']);

/** json.Encoder with SetEscapeHTML(false) (docker/cli templates: `<`, `>`, `&` stay literal); map keys sorted. */
export function goJSON(v: GoValue, escapeHTML = false): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return escapeHTML ? jsonString(v).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : jsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? jsonNumber(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => goJSON(x, escapeHTML)).join(',') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string | symbol, unknown>;
    const esc = escapeHTML || HTML_ESCAPED_TYPES.has(o[GO_TYPE] as string);
    const keys = GO_TYPE in o ? Object.keys(o) : Object.keys(o).sort();
    return '{' + keys.filter((k) => o[k] !== undefined).map((k) => `${jsonString(k)}:${goJSON(o[k], esc)}`).join(',') + '}';
  }
  return 'null';
}

function jsonNumber(f: number): string {
  const a = Math.abs(f);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    return f.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(f);
}

function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c < 0xe000) out += '\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** strings.Title: upper-case the first letter of each word (words split at non-letters/digits). */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += /[\p{L}\p{N}_']/u.test(prev) ? ch : ch.toUpperCase();
    prev = ch;
  }
  return out;
}
