/**
 * Buffered output for simulated programs, and the quoting GNU tools use in messages. A program printing
 * 10,000 lines should cost a handful of `sys.write` calls, not 10,000 trips through the scheduler.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';

export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    /** Flush once this many characters are buffered. */
    private readonly limit = 8192,
  ) {}

  /** Buffers text; writes through only when the buffer is full. Bytes go out at once, after what is buffered. */
  async write(s: string | Uint8Array): Promise<void> {
    if (typeof s !== 'string') {
      await this.flush();
      if (s.length > 0) await this.sys.write(this.fd, s);
      return;
    }
    if (s === '') return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sys.write(this.fd, data);
  }

  /** Drops what is buffered (after a write error, retrying would only fail again). */
  discard(): void {
    this.parts = [];
    this.size = 0;
  }
}

/** strerror text for a system-call failure; other errors (bugs) print their message. */
export function errorText(err: unknown): string {
  if (isSysError(err)) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** True when the environment selects a UTF-8 locale (LC_ALL, then LC_CTYPE, then LANG, as setlocale does). */
export function isUtf8Locale(env: Readonly<Record<string, string>>): boolean {
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(v);
}

/** gnulib's quote(): ‘x’ in a UTF-8 locale, 'x' in the C locale. */
export function quoteLocale(env: Readonly<Record<string, string>>, s: string): string {
  return isUtf8Locale(env) ? `\u2018${s}\u2019` : `'${s}'`;
}

const SHELL_SAFE = /^[A-Za-z0-9_./:=+,%@^-]+$/;

/** Quotes like `ls --quoting-style=shell-escape`: control characters as $'\n'. */
function shellEscape(s: string): string {
  if (!/[\x00-\x1f\x7f]/.test(s)) return `'${s.replace(/'/g, `'\\''`)}'`;
  let out = '';
  let inPlain = false;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) {
      if (inPlain) out += "'";
      inPlain = false;
      const esc: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E' };
      out += `$'${esc[ch] ?? `\\${code.toString(8).padStart(3, '0')}`}'`;
    } else {
      if (!inPlain) out += "'";
      inPlain = true;
      out += ch === "'" ? `'\\''` : ch;
    }
  }
  return inPlain ? `${out}'` : out;
}

/** gnulib's quoteaf(): always quoted, shell-escaped ('x'); what ls, rm, cp, mv print around file names. */
export function quoteAlways(s: string): string {
  return shellEscape(s);
}

/** gnulib's quotef(): bare when the name is shell-safe, else shell-escaped; what cat, wc, grep print. */
export function quoteIfNeeded(s: string): string {
  return SHELL_SAFE.test(s) ? s : shellEscape(s);
}
