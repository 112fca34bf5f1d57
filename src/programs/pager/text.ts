/**
 * What the pagers share: their arguments, reading all of their input, and cutting text into the rows a terminal
 * shows.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';

/**
 * The one file (or `-`, or none: standard input) a pager is given; options and several files are refused in one
 * line. `missing` is what the pager says when it has neither a file nor a pipe. `null`: the pager has exited 1.
 */
export async function pagerFile(sys: Sys, tool: string, missing: string): Promise<{ name: string | undefined } | null> {
  const args = sys.argv.slice(1);
  const opt = args.find((a) => a.startsWith('-') && a !== '-');
  let refusal: string | undefined;
  if (opt) refusal = `dockersim: ${tool} ${opt} is not simulated\n`;
  else if (args.length > 1) refusal = `dockersim: ${tool} shows one file at a time here\n`;
  else if (args[0] === undefined && sys.isatty(0)) refusal = missing;
  if (refusal !== undefined) {
    await sys.write(2, refusal);
    return null;
  }
  return { name: args[0] };
}

/**
 * Where a pager reads its keys: standard input, or /dev/tty when the text comes down a pipe. With no terminal
 * to page on it copies the text out as cat would and answers null.
 */
export async function pagerKeys(sys: Sys, text: string): Promise<number | null> {
  if (sys.isatty(1)) {
    if (sys.isatty(0)) return 0;
    try {
      return sys.open('/dev/tty', 'r');
    } catch (e) {
      if (isProcessEnd(e)) throw e;
    }
  }
  await sys.write(1, text);
  return null;
}

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
