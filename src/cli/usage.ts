/**
 * pflag's FlagUsagesWrapped (the Options block of `--help`): flags sorted by name, hidden ones left out,
 * usage text aligned in one column and wrapped to `cols` columns with pflag's own wrap/slop rules.
 */
import type { FlagSpec } from './flags.js';


export function flagUsagesWrapped(flags: readonly FlagSpec[], cols: number): string {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: Array<[string, string]> = [];
  let maxlen = 0;
  for (const f of visible) {
    let left = f.short && !f.shortDeprecated ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    if (f.type) left += ' ' + f.type;
    // pflag measures the line including its \x00 marker: hence the extra space of alignment.
    maxlen = Math.max(maxlen, left.length + 1);
    let usage = f.usage;
    if (f.def !== undefined) usage += ` (default ${f.def})`;
    if (f.deprecated) usage += ` (DEPRECATED: ${f.deprecated})`;
    lines.push([left, usage]);
  }
  let out = '';
  for (const [left, usage] of lines) {
    out += left + ' ' + ' '.repeat(maxlen - left.length) + ' ' + wrap(maxlen + 2, cols, usage) + '\n';
  }
  return out;
}

/** pflag wrapN: cut `s` at the last blank within `i` bytes unless all of it fits within `i + slop`. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: the first line is not indented (the caller has placed it); later lines get `i` spaces. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replace(/\n/g, '\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  const indent = '\n' + ' '.repeat(i);
  let [l, rest] = wrapN(width, slop, s);
  r += l.replace(/\n/g, indent);
  while (rest !== '') {
    [l, rest] = wrapN(width, slop, rest);
    r += indent + l.replace(/\n/g, indent);
  }
  return r;
}
