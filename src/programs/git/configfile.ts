/**
 * git's config file format: `[section]` or `[section "subsection"]` headers and `key = value` lines, read
 * as git reads them (section and key names are case-insensitive, a subsection is not) and edited in place as
 * `git config` edits them, so the file keeps its other lines.
 */

export interface ConfigItem {
  /** `user.name`, `remote.origin.url`: section and key lowercased, the subsection as written. */
  readonly key: string;
  readonly value: string;
}

interface Header {
  readonly section: string;
  readonly sub: string | undefined;
}

function parseHeader(line: string): Header | undefined {
  const m = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
  if (!m) return undefined;
  return { section: m[1].toLowerCase(), sub: m[2]?.replace(/\\(.)/g, '$1') };
}

function fullKey(h: Header, key: string): string {
  return h.sub === undefined ? `${h.section}.${key.toLowerCase()}` : `${h.section}.${h.sub}.${key.toLowerCase()}`;
}

function unquote(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (!quoted && (c === '#' || c === ';')) break;
    else out += c;
  }
  return quoted ? out : out.trim();
}

export function parseConfig(text: string): ConfigItem[] {
  const out: ConfigItem[] = [];
  let h: Header | undefined;
  for (const line of text.split('\n')) {
    const head = parseHeader(line);
    if (head) {
      h = head;
      continue;
    }
    const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m || !h) continue;
    out.push({ key: fullKey(h, m[1]), value: m[2] === undefined ? 'true' : unquote(m[2]) });
  }
  return out;
}

function quoteValue(v: string): string {
  const esc = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return /^\s|\s$|[#;]/.test(v) ? `"${esc}"` : esc;
}

/** Splits `remote.origin.url` into its header and key, as `git config` names them. */
export function splitKey(key: string): { section: string; sub: string | undefined; name: string } | undefined {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first <= 0 || last === key.length - 1) return undefined;
  return { section: key.slice(0, first).toLowerCase(), sub: first === last ? undefined : key.slice(first + 1, last), name: key.slice(last + 1) };
}

/** Sets (or, with `value` undefined, removes) `key` in the file's text, keeping every other line. */
export function setConfig(text: string, key: string, value: string | undefined): string {
  const k = splitKey(key);
  if (!k) throw new Error(`invalid key: ${key}`);
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const want = fullKey({ section: k.section, sub: k.sub }, k.name);
  let h: Header | undefined;
  let lastInSection = -1;
  for (let i = 0; i < lines.length; i++) {
    const head = parseHeader(lines[i]);
    if (head) {
      h = head;
      if (h.section === k.section && h.sub === k.sub) lastInSection = i;
      continue;
    }
    if (h && h.section === k.section && h.sub === k.sub) {
      lastInSection = i;
      const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=|$)/.exec(lines[i]);
      if (m && fullKey(h, m[1]) === want) {
        if (value === undefined) lines.splice(i, 1);
        else lines[i] = `\t${k.name} = ${quoteValue(value)}`;
        return lines.length ? `${lines.join('\n')}\n` : '';
      }
    }
  }
  if (value === undefined) return text;
  const line = `\t${k.name} = ${quoteValue(value)}`;
  if (lastInSection >= 0) lines.splice(lastInSection + 1, 0, line);
  else lines.push(k.sub === undefined ? `[${k.section}]` : `[${k.section} "${k.sub.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`, line);
  return `${lines.join('\n')}\n`;
}
