/**
 * A process's argument and environment strings as Linux keeps them: one block of the process's memory, argv's
 * strings then envp's, each ending in NUL. /proc/PID/cmdline and /proc/PID/environ read that memory, so a
 * program that writes over it (setproctitle, as redis and nginx do) changes what ps, top and `docker top` show,
 * while comm (the executable's name, /proc/PID/comm) stays.
 */
import { utf8Decode, utf8Encode } from './utf8.js';

/** The block after a rewrite: `argLen` bytes were argv's when the program started; the rest was its environment. */
export interface ArgArea {
  readonly argLen: number;
  readonly bytes: Uint8Array;
}

/** What of a process these functions read and write (a Process). */
export interface ArgBlock {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  argArea: ArgArea | null;
}

function nulJoined(strings: readonly string[]): string {
  return strings.map((s) => `${s}\0`).join('');
}

function environStrings(p: ArgBlock): string[] {
  return Object.entries(p.env).map(([k, v]) => `${k}=${v}`);
}

/**
 * Writes `title` over the block from argv[0] on and clears the rest of it, as setproctitle implementations do
 * after moving environ elsewhere. The title is cut to leave its terminating NUL inside the block. A later
 * rewrite reuses the same block: its size was fixed at exec.
 */
export function writeArgArea(p: ArgBlock, title: string): void {
  const area = p.argArea;
  const argLen = area ? area.argLen : utf8Encode(nulJoined(p.argv)).length;
  const size = area ? area.bytes.length : argLen + utf8Encode(nulJoined(environStrings(p))).length;
  const bytes = new Uint8Array(size);
  const t = utf8Encode(title);
  bytes.set(t.subarray(0, Math.max(0, size - 1)));
  p.argArea = { argLen, bytes };
}

/**
 * /proc/PID/cmdline (fs/proc/base.c get_mm_cmdline): the argv block; but when its last byte is no longer NUL the
 * program has written a longer title over it, and the kernel reads from the start up to the first NUL, which may
 * lie in what was the environment.
 */
export function cmdlineOf(p: ArgBlock): string {
  const area = p.argArea;
  if (!area) return nulJoined(p.argv);
  const { argLen, bytes } = area;
  if (argLen > 0 && bytes[argLen - 1] !== 0) {
    const nul = bytes.indexOf(0);
    return utf8Decode(bytes.subarray(0, nul < 0 ? bytes.length : nul + 1));
  }
  return utf8Decode(bytes.subarray(0, argLen));
}

/** /proc/PID/environ: the environment block, as a rewrite left it. */
export function environOf(p: ArgBlock): string {
  const area = p.argArea;
  return area ? utf8Decode(area.bytes.subarray(area.argLen)) : nulJoined(environStrings(p));
}

/**
 * The command line's words as procps reads them (readproc's read_unvectored): trailing NULs dropped, the others
 * separators. An empty list: a kernel thread or a zombie, shown as `[comm]`.
 */
export function shownArgv(cmdline: string): string[] {
  const trimmed = cmdline.replace(/\0+$/, '');
  return trimmed === '' ? [] : trimmed.split('\0');
}
