/** What the pagers share: reading all of their input, and cutting text into the rows a terminal shows. */
import type { Sys } from '../../engine/kernel/sys.js';

export async function readAll(sys: Sys, fd: number): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) {
    parts.push(d);
    size += d.length;
    sys.hold(size);
  }
  return parts.join('');
}

/** Each line with its tabs expanded (every 8 columns), cut into rows of `cols`; an empty line is one row. */
export function screenRows(text: string, cols: number): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const rows: string[] = [];
  for (const raw of lines) {
    let line = '';
    for (const ch of raw.replace(/\r$/, '')) line += ch === '\t' ? ' '.repeat(8 - (line.length % 8)) : ch;
    if (line === '') rows.push('');
    for (let i = 0; i < line.length; i += cols) rows.push(line.slice(i, i + cols));
  }
  return rows;
}
