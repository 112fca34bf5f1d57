/**
 * What every coreutils program shares: option parsing with GNU's usage errors, --help and --version, a
 * buffered stdout, `prog: message` errors, and the catch-all that keeps a bug from crashing the process
 * while letting exits and fatal signals through.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { parseArgs, type LongOpt, type OptSpec, type ParsedOpt, type ParseResult } from '../lib/args.js';
import { Output, errorText, quoteLocale } from '../lib/output.js';

export interface ToolDef {
  readonly name: string;
  /** getopt short string; see `parseArgs`. */
  readonly short?: string;
  readonly long?: readonly LongOpt[];
  /** Exit status for usage errors (ls and sort: 2, env: 125). */
  readonly usageStatus?: number;
  /** The `Written by …` line of --version. */
  readonly authors: string;
  /** Package and version, as --version's first line has them in parentheses. */
  readonly pkg?: string;
  /** When the program parses its own arguments (echo, printf, test, expr…), skip getopt. */
  readonly rawArgs?: boolean;
  /** Words that look like options but are operands (chmod's `-w`); they keep their place among operands. */
  readonly operandLike?: RegExp;
  /** Rewrites the arguments before parsing (head's obsolete `-5`). */
  readonly rewrite?: (args: readonly string[]) => string[];
}

export class Tool {
  readonly out: Output;
  constructor(
    readonly sys: Sys,
    readonly name: string,
    private readonly usageStatus: number,
  ) {
    this.out = new Output(sys, 1);
  }

  /** `prog: msg` on stderr, after what stdout has buffered (so a terminal shows them in order). */
  async error(msg: string): Promise<void> {
    await this.out.flush();
    await this.sys.write(2, `${this.name}: ${msg}\n`);
  }

  /** A usage error: the message, GNU's `Try … --help` line, and the usage exit status. */
  async usage(msg?: string): Promise<number> {
    await this.out.flush();
    const first = msg === undefined ? '' : `${this.name}: ${msg}\n`;
    await this.sys.write(2, `${first}Try '${this.name} --help' for more information.\n`);
    return this.usageStatus;
  }

  /** Locale-dependent quotes (‘x’ in UTF-8, 'x' in C), as gnulib's quote(). */
  lq(s: string): string {
    return quoteLocale(this.sys.env, s);
  }
}

/** The text `--version` prints. */
export function versionText(def: ToolDef): string {
  const pkg = def.pkg ?? 'GNU coreutils) 9.4';
  return (
    `${def.name} (${pkg}\n` +
    `Copyright (C) ${pkg.includes('findutils') ? 2024 : 2023} Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n' +
    `${def.authors}\n`
  );
}

/**
 * `--help`'s text. The coreutils' help pages are a chunk of their own, loaded the first time one is asked for:
 * `cat` runs at every login, its help almost never.
 */
export async function helpText(sys: Sys, name: string, body?: string): Promise<string> {
  body ??= (await sys.hostLoad('coreutils-help', () => import('./help.js'))).HELP[name] ?? '';
  return (
    `${body}\n` +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    `Full documentation <https://www.gnu.org/software/coreutils/${name}>\n` +
    `or available locally via: info '(coreutils) ${name} invocation'\n`
  );
}

export type ToolBody = (t: Tool, opts: ParsedOpt[], operands: string[]) => Promise<number>;

/**
 * Wraps a program body. Errors a body does not handle itself end the program with `prog: strerror` and
 * status 1 rather than crashing it; ProcessExit/ProcessKilled pass through.
 */
export function tool(def: ToolDef, body: ToolBody, help?: () => string): Program {
  return async (sys: Sys): Promise<number> => {
    // GNU tools name themselves by argv[0] as invoked (`/usr/bin/ls: …`), --version by the fixed name.
    const t = new Tool(sys, sys.argv[0] || def.name, def.usageStatus ?? 1);
    try {
      const args = def.rewrite ? def.rewrite(sys.argv.slice(1)) : sys.argv.slice(1);
      let opts: ParsedOpt[] = [];
      let operands = args;
      if (!def.rawArgs) {
        const held: string[] = [];
        const masked = args.map((a) => (def.operandLike?.test(a) ? `\0${held.push(a) - 1}` : a));
        const spec: OptSpec = { short: def.short ?? '', long: [...(def.long ?? []), { name: 'help' }, { name: 'version' }] };
        let parsed: ParseResult = parseArgs(masked, spec);
        let unsimulated: ReadonlySet<string> = NONE;
        // Options the model lacks, or an abbreviation the real tool may find ambiguous: parse again as the real
        // tool's getopt would, with all of its options (loaded only then: most commands never need them).
        if (!parsed.ok || needsRealOptions(masked, spec)) {
          const m = await sys.hostLoad('coreutils-options', () => import('./realspec.js'));
          const real = m.REAL_OPTIONS[def.name];
          if (real) {
            const merged = m.withRealOptions(spec, real, { unsimulated: UNSIMULATED, valued: VALUED });
            parsed = parseArgs(masked, merged.spec);
            unsimulated = merged.unsimulated;
          }
        }
        if (!parsed.ok) return await t.usage(parsed.error);
        opts = parsed.opts;
        // A modelled flag the real tool lets take a value: without one it is the flag; with one, not modelled.
        const valued = opts.find((o) => o.key.startsWith(VALUED) && o.value !== undefined);
        if (valued) {
          const [, , name] = valued.key.split(VALUED);
          await t.error(`option '--${name}=${valued.value}' is not simulated`);
          return def.usageStatus ?? 1;
        }
        opts = opts.map((o) => (o.key.startsWith(VALUED) ? { key: o.key.split(VALUED)[1], value: undefined } : o));
        operands = parsed.operands.map((a) => (a.startsWith('\0') ? held[Number(a.slice(1))] : a));
        // GNU tools act on --help/--version as soon as getopt returns them, so the first one wins.
        const info = opts.find((o) => o.key === 'help' || o.key === 'version');
        if (info) {
          await sys.write(1, info.key === 'help' ? (help ? help() : await helpText(sys, def.name)) : versionText(def));
          return 0;
        }
        const lacking = opts.find((o) => unsimulated.has(o.key));
        if (lacking) {
          await t.error(`option '${lacking.key.startsWith(UNSIMULATED) ? lacking.key.slice(1) : `-${lacking.key}`}' is not simulated`);
          return def.usageStatus ?? 1;
        }
      }
      const status = await body(t, opts, operands);
      await t.out.flush();
      return status;
    } catch (err) {
      if (isProcessEnd(err)) throw err;
      t.out.discard();
      // A failed write to stdout (EPIPE with SIGPIPE ignored, EIO): what GNU's close_stdout reports.
      const prefix = isSysError(err, 'EPIPE') || isSysError(err, 'EIO') ? 'write error: ' : '';
      await sys.write(2, `${def.name}: ${prefix}${errorText(err)}\n`).catch(() => undefined);
      return 1;
    }
  };
}

const NONE: ReadonlySet<string> = new Set();

/** The key of a long option the real tool has and the model does not: this, then `--name`. */
const UNSIMULATED = '\0';
/** The key of a modelled flag the real tool lets take a value (`--classify[=WHEN]`): this, its key, this, its name. */
const VALUED = '\x01';

/** Whether a long option is given by a name the model does not have exactly (before `--`). */
function needsRealOptions(args: readonly string[], spec: OptSpec): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!spec.long?.some((l) => l.name === name)) return true;
  }
  return false;
}


/** The options given, by key (the last of a repeated valued option wins). */
export function flags(opts: readonly ParsedOpt[]): Map<string, string | true> {
  const m = new Map<string, string | true>();
  for (const o of opts) m.set(o.key, o.value ?? true);
  return m;
}

/** Reads a descriptor to its end. */
/**
 * The most input one tool keeps in memory at once. A tool that must hold all of its input (sort, tac) is
 * charged for it (its cgroup's OOM killer sees it), and past this bound it fails as GNU's xalloc_die does
 * instead of taking the simulation's own memory with it (`yes | sort` would otherwise crash the page).
 */
export const INPUT_HOLD_LIMIT = 64 * 1024 * 1024;

export async function readAll(sys: Sys, fd: number): Promise<string> {
  const parts: string[] = [];
  let held = 0;
  for (;;) {
    const chunk = await sys.read(fd);
    if (chunk === null) return parts.join('');
    held += chunk.length;
    if (held > INPUT_HOLD_LIMIT) throw new Error('memory exhausted');
    sys.hold(held);
    parts.push(chunk);
  }
}

/**
 * Reads `fd` to its end a line at a time, as grep and wc do: only the line being assembled is held. `onLines`
 * gets each chunk's complete lines (without `\n`; the last line of input may lack one) and whether a NUL byte
 * has been seen so far; it returns false to stop reading.
 */
export async function readLines(sys: Sys, fd: number, onLines: (lines: string[], sawNul: boolean) => Promise<boolean> | boolean): Promise<void> {
  let carry = '';
  let sawNul = false;
  for (;;) {
    const chunk = await sys.read(fd);
    if (chunk === null) {
      if (carry !== '') await onLines([carry], sawNul);
      return;
    }
    if (!sawNul && chunk.includes('\0')) sawNul = true;
    sys.cpu(1 + (chunk.length >> 14));
    let lines: string[] = [];
    // A line still arriving is joined lazily (a rope), so a long one costs no copying per chunk.
    if (!chunk.includes('\n')) carry += chunk;
    else {
      lines = (carry + chunk).split('\n');
      carry = lines.pop()!;
    }
    if (carry.length > INPUT_HOLD_LIMIT) throw new Error('memory exhausted');
    sys.hold(carry.length);
    if (lines.length > 0 && !(await onLines(lines, sawNul))) return;
  }
}

/** Reads FILE (stdin for `-`) completely. Throws SysError; a directory is EISDIR, as read(2) reports it. */
export function readInput(sys: Sys, path: string): Promise<string> {
  return withInput(sys, path, (fd) => readAll(sys, fd));
}

/** Runs `use` on FILE opened for reading (stdin for `-`), and closes what it opened. */
export async function withInput<T>(sys: Sys, path: string, use: (fd: number) => Promise<T>): Promise<T> {
  if (path === '-') return use(0);
  const fd = sys.open(path, 'r');
  try {
    return await use(fd);
  } finally {
    sys.close(fd);
  }
}

/** Lines without their `\n`; a last line with no newline is kept. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function lastComponent(path: string): string {
  const p = path.replace(/\/+$/, '');
  if (p === '') return path.startsWith('/') ? '/' : '';
  return p.slice(p.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}
