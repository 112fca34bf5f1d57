/**
 * What busybox's applets share: getopt32's option parsing with the C library's messages and the usage text
 * on a misuse, `--help` as the first argument, and libbb's make_human_readable_str.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { parseArgs, type LongOpt, type ParsedOpt } from '../lib/args.js';
import { showUsage } from './usage.js';

/** The official busybox image is a glibc build; Alpine's busybox links musl, whose getopt words its messages otherwise. */
export function isMusl(sys: Sys): boolean {
  return sys.fs.exists('/lib/ld-musl-x86_64.so.1');
}

/** glibc's getopt message (as parseArgs words it) in musl's words. */
export function muslWording(msg: string): string {
  let m = /^invalid option -- '(.)'$/.exec(msg);
  if (m) return `unrecognized option: ${m[1]}`;
  m = /^option requires an argument -- '(.)'$/.exec(msg);
  if (m) return `option requires an argument: ${m[1]}`;
  m = /^unrecognized option '--(.*)'$/.exec(msg);
  if (m) return `unrecognized option: ${m[1]}`;
  m = /^option '--([^']*)' is ambiguous/.exec(msg);
  if (m) return `option is ambiguous: ${m[1]}`;
  return msg;
}

/**
 * A getopt error as the C library words it for these arguments: glibc and musl name an unknown long option
 * with its `=value` (`unrecognized option '--lines=5'`), which the shared parser leaves off.
 */
export function getoptMessage(sys: Sys, error: string, args: readonly string[]): string {
  const m = /^unrecognized option '--([^']*)'$/.exec(error);
  const whole = m ? args.find((a) => a.startsWith(`--${m[1]}=`)) : undefined;
  const msg = whole === undefined ? error : `unrecognized option '${whole}'`;
  return isMusl(sys) ? muslWording(msg) : msg;
}

/**
 * A view of `sys` with another argv: how one binary hands its arguments to an applet. exec goes to `sys`
 * itself, so the program it starts sees its own argv, not this view's (`busybox env CMD` exec'd CMD with
 * env's argv, which ran env again, forever).
 */
export function withArgv(sys: Sys, argv: readonly string[]): Sys {
  return Object.create(sys, {
    argv: { value: argv },
    exec: { value: (path: string, args: readonly string[], env?: Record<string, string>) => sys.exec(path, args, env) },
  }) as Sys;
}

export interface BbOpts {
  /** getopt32's option string, without its complementary part: `n:` takes an argument, a leading `+` stops at the first operand. */
  readonly short: string;
  /** The applet's long options (getopt32long), if it has any. */
  readonly long?: readonly LongOpt[];
}

export type BbParsed = { readonly opts: ParsedOpt[]; readonly operands: string[] };

/**
 * Parses an applet's arguments as getopt32 does: a bad option prints the C library's message and the usage,
 * exit 1 (the returned status). `--help` first never gets here: the dispatcher shows the usage.
 */
export async function bbGetopt(sys: Sys, name: string, spec: BbOpts): Promise<BbParsed | number> {
  const args = sys.argv.slice(1);
  const parsed = parseArgs(args, { short: spec.short, long: spec.long ?? [] });
  if (parsed.ok) return { opts: parsed.opts, operands: parsed.operands };
  const argv0 = sys.argv[0] || name;
  await sys.write(2, `${argv0}: ${getoptMessage(sys, parsed.error, args)}\n`);
  return showUsage(sys, name);
}

/** The options given, as a set of keys. */
export function keys(opts: readonly ParsedOpt[]): Set<string> {
  return new Set(opts.map((o) => o.key));
}

/** The last value given for an option. */
export function valueOf(opts: readonly ParsedOpt[], key: string): string | undefined {
  return opts.filter((o) => o.key === key).pop()?.value;
}

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/**
 * libbb's make_human_readable_str: `val` blocks of `blockSize` bytes, in units of `displayUnit` bytes rounded to
 * nearest, or with `displayUnit` 0 scaled by 1024s with one decimal (`120.1M`; a `blockSize` of 0 drops it).
 */
export function humanReadable(val: number, blockSize: number, displayUnit: number): string {
  if (val === 0) return '0';
  let v = blockSize > 1 ? val * blockSize : val;
  if (displayUnit) return String(Math.floor((v + Math.floor(displayUnit / 2)) / displayUnit));
  let u = 0;
  let frac = 0;
  while (v >= 1024) {
    u++;
    frac = Math.floor((((v % 1024) * 10) + 512) / 1024);
    v = Math.floor(v / 1024);
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  if (u === 0) return String(v);
  if (blockSize === 0) return `${frac >= 5 ? v + 1 : v}${UNITS[u]}`;
  return `${v}.${frac}${UNITS[u]}`;
}
