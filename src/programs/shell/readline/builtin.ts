/** bash's `complete` builtin: `-W wordlist`, `-C command`, `-F function`, `-o option`, `-p` and `-r`. */
import type { ShellContext } from '../context.js';
import { compspecs, DEFAULT_SPEC, describeSpec, type CompSpec } from './compspec.js';

export async function completeBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  const reg = compspecs(sh);
  const options: string[] = [];
  let wordlist: string | undefined;
  let command: string | undefined;
  let func: string | undefined;
  let print = false;
  let remove = false;
  /** -D: the default spec, for commands with none of their own (bash-completion's loader). */
  let fallback = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const value = (): string | undefined => {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        j = a.length;
        return v;
      };
      if (c === 'p') print = true;
      else if (c === 'D') fallback = true;
      else if (c === 'r') remove = true;
      else if (c === 'o' || c === 'W' || c === 'C' || c === 'F' || c === 'A' || c === 'G' || c === 'X' || c === 'P' || c === 'S') {
        const v = value();
        if (v === undefined) {
          await sh.error(`complete: -${c}: option requires an argument`);
          return 2;
        }
        if (c === 'o') options.push(v);
        else if (c === 'W') wordlist = v;
        else if (c === 'C') command = v;
        else if (c === 'F') func = v;
      } else if (!'abcdefgjksuvDEI'.includes(c)) {
        await sh.error(`complete: -${c}: invalid option`);
        await sh.writeErr('complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]\n');
        return 2;
      }
    }
  }
  const names = fallback ? [DEFAULT_SPEC] : argv.slice(i);
  if (remove) {
    if (names.length === 0) reg.clear();
    for (const n of names) reg.delete(n);
    return 0;
  }
  const defining = wordlist !== undefined || command !== undefined || func !== undefined || options.length > 0;
  if (print || !defining) {
    let status = 0;
    let out = '';
    for (const n of names.length > 0 ? names : [...reg.keys()]) {
      const spec = reg.get(n);
      if (spec) out += `${describeSpec(n, spec)}\n`;
      else {
        await sh.error(`complete: ${n}: no completion specification`);
        status = 1;
      }
    }
    await sh.sys.write(1, out);
    return status;
  }
  const spec: CompSpec = { options, wordlist, command, func };
  for (const n of names) reg.set(n, spec);
  return 0;
}
