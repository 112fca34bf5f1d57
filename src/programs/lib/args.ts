/**
 * Command-line parsing with glibc getopt_long semantics: clustered short flags (`-la`), attached or separate
 * arguments (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), unambiguous long-option prefixes (`--lin=5`), `--` to
 * end options, and operands permuted after options unless the spec asks to stop at the first operand (as
 * `env` and `xargs` do with a leading `+`). Error texts are glibc's, character for character.
 */

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOpt {
  readonly name: string;
  readonly arg?: ArgKind;
  /** The key reported for it: a short option letter it aliases, or its own name by default. */
  readonly key?: string;
}

export interface OptSpec {
  /** getopt's short option string: `n:` takes an argument, `x::` an optional one; a leading `+` stops at operands. */
  readonly short: string;
  readonly long?: readonly LongOpt[];
}

export interface ParsedOpt {
  readonly key: string;
  readonly value: string | undefined;
}

export type ParseResult =
  | { readonly ok: true; readonly opts: ParsedOpt[]; readonly operands: string[] }
  | { readonly ok: false; readonly error: string };

function shortKinds(spec: string): Map<string, ArgKind> {
  const kinds = new Map<string, ArgKind>();
  const s = spec.replace(/^[+-]/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (s[i + 1] === ':' && s[i + 2] === ':') {
      kinds.set(ch, 'optional');
      i += 2;
    } else if (s[i + 1] === ':') {
      kinds.set(ch, 'required');
      i += 1;
    } else kinds.set(ch, 'none');
  }
  return kinds;
}

function findLong(longs: readonly LongOpt[], name: string): LongOpt | string {
  const exact = longs.find((l) => l.name === name);
  if (exact) return exact;
  const matches = longs.filter((l) => l.name.startsWith(name));
  if (matches.length === 0) return `unrecognized option '--${name}'`;
  // glibc compares each later match with the first: one that differs (another key, or argument) makes the
  // abbreviation ambiguous, and the message lists the first and every one that differs from it.
  const first = matches[0];
  const differs = (m: LongOpt): boolean => (m.key ?? m.name) !== (first.key ?? first.name) || (m.arg ?? 'none') !== (first.arg ?? 'none');
  const distinct = [first, ...matches.slice(1).filter(differs)];
  if (distinct.length === 1) return first;
  return `option '--${name}' is ambiguous; possibilities:${distinct.map((m) => ` '--${m.name}'`).join('')}`;
}

/** Parses `args` (argv without argv[0]). */
export function parseArgs(args: readonly string[], spec: OptSpec): ParseResult {
  const kinds = shortKinds(spec.short);
  const longs = spec.long ?? [];
  const stopAtOperand = spec.short.startsWith('+');
  const opts: ParsedOpt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const found = findLong(longs, name);
      if (typeof found === 'string') return { ok: false, error: found };
      const kind = found.arg ?? 'none';
      const key = found.key ?? found.name;
      if (eq >= 0) {
        if (kind === 'none') return { ok: false, error: `option '--${found.name}' doesn't allow an argument` };
        opts.push({ key, value: a.slice(eq + 1) });
      } else if (kind === 'required') {
        if (i + 1 >= args.length) return { ok: false, error: `option '--${found.name}' requires an argument` };
        opts.push({ key, value: args[++i] });
      } else opts.push({ key, value: undefined });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const kind = kinds.get(ch);
        if (kind === undefined) return { ok: false, error: `invalid option -- '${ch}'` };
        if (kind === 'none') {
          opts.push({ key: ch, value: undefined });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') opts.push({ key: ch, value: rest });
        else if (kind === 'optional') opts.push({ key: ch, value: undefined });
        else if (i + 1 < args.length) opts.push({ key: ch, value: args[++i] });
        else return { ok: false, error: `option requires an argument -- '${ch}'` };
        break;
      }
      continue;
    }
    if (stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}

/** Long options every GNU tool accepts. */
export const STD_LONG: readonly LongOpt[] = [{ name: 'help' }, { name: 'version' }];
