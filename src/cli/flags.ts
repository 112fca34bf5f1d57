/**
 * pflag's command-line grammar (spf13/pflag flag.go parseArgs/parseLongArg/parseSingleShortArg), used by cobra
 * and so by docker: `--name=x`, `--name x`, `-d`, `-dit`, `-eFOO=bar`, `-e FOO=bar`, `-e=FOO`, `--rm=false`,
 * `--` ends flags. With interspersed=false (run, create, exec, top, and the global flags before a command) the
 * first positional argument ends flag parsing and everything after it is kept verbatim.
 */
import { checkValue } from './values.js';
import { goQuote, goQuoteRune, parseGoBool, parseGoInt } from '../pkg/strconv.js';

/**
 * What pflag knows about one flag before parsing. Flag text is recorded from the real 28.2.2 client's `--help`
 * (see test/cli/capture.py). `type` is the value name pflag prints in help ('' for a boolean flag, 'list',
 * 'int', 'duration', 'bytes'…); it also decides how a value is checked while parsing (see values.ts).
 */
/**
 * The cobra/pflag annotations docker reads against the daemon it talks to (cmd/docker/docker.go): `experimental`
 * (needs a daemon with experimental features), `ostype` (only that OS's daemon), `swarm` (`manager`, `active`, or
 * '' for swarm commands that need neither). Help hides what the daemon cannot serve; a run stops on the first two.
 */
export interface Annotations {
  readonly experimental?: boolean;
  readonly ostype?: string;
  readonly swarm?: string;
}

export interface FlagSpec {
  readonly name: string;
  /** One character, or '' when the flag has no shorthand. */
  readonly short: string;
  readonly type: string;
  readonly usage: string;
  /** The default as help prints it after `(default `: already Go-quoted for strings (`"no"`), else `0s`, `[]`… */
  readonly def?: string;
  /** False/absent: a real docker flag that parses but whose effect the simulation does not model. */
  readonly sim?: boolean;
  /** Parses but is not listed by `--help` (pflag MarkHidden, or deprecated). */
  readonly hidden?: boolean;
  /** pflag's deprecation notice, printed (on stdout) each time the flag is used. */
  readonly deprecated?: string;
  /** Shorthand accepted with a notice (`-h` for help). */
  readonly shortDeprecated?: string;
  readonly annotations?: Annotations;
}

export interface FlagOptions {
  def?: string;
  sim?: boolean;
  hidden?: boolean;
  deprecated?: string;
  shortDeprecated?: string;
  annotations?: Annotations;
}

export function flag(name: string, short: string, type: string, usage: string, opts: FlagOptions = {}): FlagSpec {
  return { name, short, type, usage, ...opts };
}

/** A parse failure; `message` is pflag's error text (`unknown flag: --bogus`). */
export class FlagError extends Error {
  readonly kind = 'flag' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

export interface ParsedFlags {
  /** Every value given, per flag name, in order (booleans as 'true'/'false'); absent = never set. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
  /** Index in `args` where a `--` was seen, or -1. */
  readonly argsLenAtDash: number;
  /** Deprecation notices pflag prints (on stdout) while parsing, each ending in a newline. */
  readonly notices: readonly string[];
  readonly specs: readonly FlagSpec[];
}

export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[], interspersed = true): ParsedFlags {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const f of specs) {
    if (!byName.has(f.name)) byName.set(f.name, f);
    if (f.short && !byShort.has(f.short)) byShort.set(f.short, f);
  }
  const values = new Map<string, string[]>();
  const notices: string[] = [];
  const args: string[] = [];
  let argsLenAtDash = -1;

  const set = (f: FlagSpec, value: string): void => {
    const err = checkValue(f.name, f.type, value);
    if (err !== null) {
      const label = f.short && !f.shortDeprecated ? `-${f.short}, --${f.name}` : `--${f.name}`;
      throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(label)} flag: ${err}`);
    }
    if (f.deprecated) notices.push(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
    const v = f.type === '' ? String(parseGoBool(value)) : value;
    const list = values.get(f.name);
    if (list) list.push(v);
    else values.set(f.name, [v]);
  };

  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== '-') {
      args.push(s);
      if (!interspersed) {
        args.push(...rest);
        break;
      }
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      }
      parseLong(s, rest);
    } else {
      parseShort(s, rest);
    }
  }
  return { values, args, argsLenAtDash, notices, specs };

  function parseLong(s: string, rest: string[]): void {
    const body = s.slice(2);
    if (body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = byName.get(name);
    if (!f) throw new FlagError(`unknown flag: --${name}`);
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (f.type === '') value = 'true';
    else if (rest.length > 0) value = rest.shift()!;
    else throw new FlagError(`flag needs an argument: ${s}`);
    set(f, value);
  }

  function parseShort(s: string, rest: string[]): void {
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const f = byShort.get(c);
      if (!f) throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorts}`);
      let value: string;
      let next = shorts.slice(1);
      if (shorts.length > 2 && shorts[1] === '=') {
        value = shorts.slice(2);
        next = '';
      } else if (f.type === '') {
        value = 'true';
      } else if (shorts.length > 1) {
        value = shorts.slice(1);
        next = '';
      } else if (rest.length > 0) {
        value = rest.shift()!;
      } else {
        throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorts}`);
      }
      if (f.shortDeprecated) notices.push(`Flag shorthand -${f.short} has been deprecated, ${f.shortDeprecated}\n`);
      set(f, value);
      shorts = next;
    }
  }
}

/** True when the flag was given on the command line (cobra's `Flags().Changed`). */
export function changed(p: ParsedFlags, name: string): boolean {
  return p.values.has(name);
}

/** The last value given, else the flag's default (unquoted), else ''. */
export function getString(p: ParsedFlags, name: string): string {
  const v = p.values.get(name);
  if (v) return v[v.length - 1];
  const def = p.specs.find((f) => f.name === name)?.def;
  if (def === undefined || def === '[]' || def === 'map[]') return '';
  return def.startsWith('"') ? (JSON.parse(def) as string) : def;
}

export function getBool(p: ParsedFlags, name: string): boolean {
  return getString(p, name) === 'true';
}

/** For int flags (already validated while parsing); NaN when unset without default. */
export function getInt(p: ParsedFlags, name: string): number {
  const v = parseGoInt(getString(p, name), false);
  return v === null ? NaN : Number(v);
}

/** Every value of a repeatable flag (`-e`, `-p`, `-v`…), in command-line order. */
export function getList(p: ParsedFlags, name: string): string[] {
  return [...(p.values.get(name) ?? [])];
}

/** Flags given on the command line whose effect the simulation does not model (to be reported plainly). */
export function unsimulatedFlags(p: ParsedFlags): FlagSpec[] {
  return p.specs.filter((f) => p.values.has(f.name) && !f.sim);
}
