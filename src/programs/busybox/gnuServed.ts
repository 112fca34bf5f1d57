/**
 * Applets whose ordinary output is GNU's, served by the coreutils programs behind busybox's front door: an
 * option the applet does not have (`--version`, GNU's `--lines=5`, `-y`) is the C library's message and the
 * usage, exit 1, before GNU's code sees it (`--help` first is the dispatcher's, as in appletlib). What
 * passes is GNU's to handle, so GNU's wording of the rarer errors remains (listed in the report).
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { parseArgs, type LongOpt } from '../lib/args.js';
import { getoptMessage } from './common.js';
import { showUsage } from './usage.js';

export interface FrontDoor {
  /** busybox's getopt string (its `:+`, `:*` made plain `:`): every option is checked against it. */
  readonly short?: string;
  /** The applet's long options (busybox's getopt32long table); none for a getopt32 applet. */
  readonly long?: readonly LongOpt[];
  /** Without `short` (an applet that also takes `-5` or `-1` as words): short options that take a value. */
  readonly valued?: string;
  /** getopt's `+`: options end at the first operand (long-only checking). */
  readonly stopAtOperand?: boolean;
  /** The applet parses its own arguments: `--foo` is an operand to it. */
  readonly raw?: boolean;
}

const flag = (name: string, key?: string): LongOpt => ({ name, key });
const valued = (name: string, key?: string, arg: 'required' | 'optional' = 'required'): LongOpt => ({ name, key, arg });

/** Each served applet's arguments as busybox 1.37 (defconfig) parses them. */
export const FRONT_DOORS: Readonly<Record<string, FrontDoor>> = {
  cp: {
    short: 'pdRfinlsLHarPvuTt:',
    long: [flag('archive', 'a'), flag('force', 'f'), flag('interactive', 'i'), flag('no-clobber', 'n'), flag('link', 'l'),
      flag('dereference', 'L'), flag('no-dereference', 'P'), flag('recursive', 'R'), flag('symbolic-link', 's'),
      flag('no-target-directory', 'T'), valued('target-directory', 't'), flag('verbose', 'v'), flag('update', 'u'),
      flag('remove-destination'), flag('parents'), valued('reflink', undefined, 'optional')],
  },
  grep: { short: 'lnqvscFiHhe:f:LorRm:wxA:B:C:EzaI', long: [valued('color', undefined, 'optional')] },
  sort: { short: 'nghMVucszbrdfimS:T:o:k:t:' },
  uniq: { short: 'cduf:s:w:iz' },
  env: { short: '+i0u:', long: [flag('ignore-environment'), flag('null'), valued('unset')] },
  tee: { short: 'ia' },
  // seq's operands may be negative numbers.
  seq: { valued: 's', stopAtOperand: true },
  yes: { raw: true },
  date: { short: 'Rs:ud:r:I::D:', long: [flag('rfc-822'), flag('rfc-2822'), valued('set'), flag('utc'), valued('date'), valued('reference')] },
  basename: { short: '+as:' },
  dirname: { raw: true },
  chown: { short: 'RhvcfLHP', long: [flag('recursive'), flag('dereference'), flag('no-dereference'), flag('changes'), flag('silent'), flag('quiet'), flag('verbose')] },
  find: { raw: true },
  xargs: { short: '+trn:s:e::E:opx0I:i::P:a:', long: [flag('no-run-if-empty')] },
  tr: { short: '+Ccds' },
  cut: { short: 'b:c:f:d:O:sDF:n' },
  printf: { raw: true },
  test: { raw: true },
  '[': { raw: true },
  readlink: { short: 'nfvsq' },
  realpath: { raw: true },
  expr: { raw: true },
  mktemp: { short: 'dqtp:u', long: [flag('directory'), flag('quiet'), flag('dry-run'), valued('tmpdir', undefined, 'optional')] },
  tac: { short: '' },
  sync: { short: 'df' },
  tty: { short: 's' },
  nproc: { short: '', long: [valued('ignore'), flag('all')] },
  printenv: { raw: true },
  which: { short: 'a' },
  od: {
    short: 'A:N:abcdDfhHiIj:lLoOBt:vxXsS:w::',
    long: [valued('skip-bytes'), valued('address-radix'), valued('read-bytes'), valued('format'), flag('output-duplicates'),
      valued('strings', undefined, 'optional'), valued('width', undefined, 'optional'), flag('traditional')],
  },
  timeout: { short: '+s:k:' },
  clear: { raw: true },
};

/** The first long option busybox would refuse, with glibc's (or musl's) message for it. */
function refusedLong(sys: Sys, args: readonly string[], door: FrontDoor): string | null {
  const long = door.long ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return null;
    if (a.startsWith('--')) {
      const r = parseArgs([a], { short: '', long });
      if (!r.ok && !/requires an argument/.test(r.error)) return getoptMessage(sys, r.error, args);
      // `--target-directory DIR`: the next word is its value.
      if (r.ok && !a.includes('=') && long.find((l) => a.slice(2).length > 0 && l.name.startsWith(a.slice(2)))?.arg === 'required') i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const letters = a.slice(1);
      for (let j = 0; j < letters.length; j++) {
        if (!(door.valued ?? '').includes(letters[j])) continue;
        if (j === letters.length - 1) i++;
        break;
      }
      continue;
    }
    if (door.stopAtOperand) return null;
  }
  return null;
}

/** The first option busybox's getopt would refuse, with the C library's message. */
function refusedOption(sys: Sys, args: readonly string[], door: FrontDoor): string | null {
  const r = parseArgs(args, { short: door.short ?? '', long: door.long ?? [] });
  return r.ok ? null : getoptMessage(sys, r.error, args);
}

/** `impl` behind busybox's handling of --help and of long options it does not know. */
export function servedByGnu(name: string, impl: Program): Program {
  const door = FRONT_DOORS[name] ?? {};
  return async (sys) => {
    const args = sys.argv.slice(1);
    if (!door.raw) {
      const refused = door.short !== undefined ? refusedOption(sys, args, door) : refusedLong(sys, args, door);
      if (refused !== null) {
        await sys.write(2, `${sys.argv[0] || name}: ${refused}\n`);
        return showUsage(sys, name);
      }
    }
    return impl(sys);
  };
}
