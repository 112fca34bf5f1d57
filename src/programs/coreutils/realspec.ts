/**
 * tool()'s second parse, loaded only when the first fails or meets a long option the model lacks: the model's
 * options completed with the real tool's (realopts.ts), so an unmodelled option refuses as not simulated and an
 * abbreviation is ambiguous exactly when it is for the real tool.
 */
import type { ArgKind, LongOpt, OptSpec } from '../lib/args.js';
import type { RealOptions } from './realopts.js';

export { REAL_OPTIONS } from './realopts.js';

/**
 * The model's options completed with the real tool's, in the real tool's order (getopt lists an ambiguous
 * abbreviation's candidates in it). A real long option whose letter the model has works as that letter; the
 * rest, and real letters the model lacks, are returned as `unsimulated` keys.
 */
export function withRealOptions(spec: OptSpec, real: RealOptions, keys: { unsimulated: string; valued: string }): { spec: OptSpec; unsimulated: ReadonlySet<string> } {
  const { unsimulated: UNSIMULATED, valued: VALUED } = keys;
  const modelled = spec.long ?? [];
  // What each modelled letter (or key a modelled long gives) takes: a real long works as it only if the same.
  const kinds = new Map<string, ArgKind>();
  for (const [, ch, colons] of spec.short.replace(/^[+-]/, '').matchAll(/([^:])(:{0,2})/g)) kinds.set(ch, KIND[colons.length]);
  for (const l of modelled) if (l.key !== undefined && !kinds.has(l.key)) kinds.set(l.key, l.arg ?? 'none');
  const unsimulated = new Set<string>();
  const long: LongOpt[] = [];
  for (const [name, arg, letter] of real.long) {
    const own = modelled.find((l) => l.name === name);
    if (own && (own.arg ?? 'none') === 'none' && arg !== 'none') long.push({ name, arg, key: `${VALUED}${own.key ?? own.name}${VALUED}${name}` });
    else if (own) long.push(own);
    else if (letter !== undefined && kinds.get(letter) === arg) long.push({ name, arg, key: letter });
    else if (letter !== undefined && kinds.get(letter) === 'none' && arg === 'optional') long.push({ name, arg, key: `${VALUED}${letter}${VALUED}${name}` });
    else {
      long.push({ name, arg, key: `${UNSIMULATED}--${name}` });
      unsimulated.add(`${UNSIMULATED}--${name}`);
    }
  }
  for (const l of modelled) if (!real.long.some(([name]) => name === l.name)) long.push(l);
  let short = spec.short;
  for (const [, ch, colons] of real.short.matchAll(/([^:])(:{0,2})/g)) {
    if (short.includes(ch)) continue;
    short += ch + colons;
    if (kinds.get(ch) !== KIND[colons.length]) unsimulated.add(ch);
  }
  return { spec: { short, long }, unsimulated };
}

const KIND: readonly ArgKind[] = ['none', 'required', 'optional'];
