/**
 * bash's directory stack: `pushd`, `popd`, `dirs` (builtins/pushd.def). The stack's top is the current
 * directory; the rest is `sh.dirStack`, newest first. Changing directory goes through `cd`, so PWD and OLDPWD move as
 * they do there, and its errors are reported under the builtin's own name.
 */
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';
import { cd } from './core.js';

function current(sh: ShellContext): string {
  return sh.getVar('PWD') ?? sh.sys.cwd();
}

/** `~` for HOME, as `dirs` shows it without `-l`. */
function polite(sh: ShellContext, dir: string): string {
  const home = sh.getVar('HOME');
  if (!home || home === '/') return dir;
  if (dir === home) return '~';
  return dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
}

async function changeTo(sh: ShellContext, name: string, dir: string): Promise<void> {
  try {
    await cd(sh, ['cd', '--', dir]);
  } catch (e) {
    if (e instanceof ShellError) throw new ShellError(e.message.replace(/^cd:/, `${name}:`), e.status);
    throw e;
  }
}

/** `+N`/`-N`: an index into the whole stack (current directory at 0), or undefined for anything else. */
function stackIndex(arg: string, size: number, name: string): number | undefined {
  const m = /^([+-])(\d+)$/.exec(arg);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (size === 1) throw new ShellError(`${name}: directory stack empty`, 1);
  if (n >= size) throw new ShellError(`${name}: ${arg}: directory stack index out of range`, 1);
  return m[1] === '+' ? n : size - 1 - n;
}

async function show(sh: ShellContext, opts: { long?: boolean; perLine?: boolean; numbered?: boolean } = {}): Promise<void> {
  const all = [current(sh), ...sh.dirStack].map((d) => (opts.long ? d : polite(sh, d)));
  if (opts.numbered) await sh.sys.write(1, all.map((d, i) => `${String(i).padStart(2)}  ${d}\n`).join(''));
  else if (opts.perLine) await sh.sys.write(1, all.map((d) => `${d}\n`).join(''));
  else await sh.sys.write(1, `${all.join(' ')}\n`);
}

/** `-n` (do not change directory) and `--` before pushd's or popd's one argument. */
function stackArgs(argv: string[]): { quiet: boolean; args: string[] } {
  const args = argv.slice(1);
  const quiet = args[0] === '-n';
  if (quiet) args.shift();
  if (args[0] === '--') args.shift();
  return { quiet, args };
}

export async function pushd(sh: ShellContext, argv: string[]): Promise<number> {
  const { quiet, args } = stackArgs(argv);
  const stack = sh.dirStack;
  if (args.length === 0) {
    if (stack.length === 0) throw new ShellError('pushd: no other directory', 1);
    const top = current(sh);
    const next = stack[0];
    if (!quiet) await changeTo(sh, 'pushd', next);
    stack[0] = top;
  } else if (args.length > 1) {
    throw new ShellError('pushd: too many arguments', 1);
  } else {
    const i = stackIndex(args[0], stack.length + 1, 'pushd');
    if (i !== undefined) {
      // Rotate the whole stack so that entry i is on top.
      const all = [current(sh), ...stack];
      const rotated = [...all.slice(i), ...all.slice(0, i)];
      if (!quiet) await changeTo(sh, 'pushd', rotated[0]);
      stack.splice(0, stack.length, ...rotated.slice(1));
    } else if (quiet) {
      stack.unshift(args[0]);
    } else {
      const top = current(sh);
      await changeTo(sh, 'pushd', args[0]);
      stack.unshift(top);
    }
  }
  await show(sh);
  return 0;
}

export async function popd(sh: ShellContext, argv: string[]): Promise<number> {
  const { quiet, args } = stackArgs(argv);
  const stack = sh.dirStack;
  if (stack.length === 0) throw new ShellError('popd: directory stack empty', 1);
  if (args.length > 1) throw new ShellError('popd: too many arguments', 1);
  const i = args.length === 0 ? 0 : stackIndex(args[0], stack.length + 1, 'popd');
  if (i === undefined) throw new ShellError(`popd: ${args[0]}: invalid argument\npopd: usage: popd [-n] [+N | -N]`, 2);
  if (i === 0) {
    if (!quiet) await changeTo(sh, 'popd', stack[0]);
    stack.shift();
  } else stack.splice(i - 1, 1);
  await show(sh);
  return 0;
}

export async function dirs(sh: ShellContext, argv: string[]): Promise<number> {
  const opts: { long?: boolean; perLine?: boolean; numbered?: boolean } = {};
  let index: string | undefined;
  for (const a of argv.slice(1)) {
    if (/^[+-]\d+$/.test(a)) index = a;
    else if (/^-[clpv]+$/.test(a)) {
      if (a.includes('c')) sh.dirStack.length = 0;
      if (a.includes('l')) opts.long = true;
      if (a.includes('p')) opts.perLine = true;
      if (a.includes('v')) opts.numbered = true;
      if (a === '-c') return 0;
    } else throw new ShellError(`dirs: ${a}: invalid option\ndirs: usage: dirs [-clpv] [+N] [-N]`, 2);
  }
  if (index !== undefined) {
    const all = [current(sh), ...sh.dirStack];
    const i = stackIndex(index, all.length, 'dirs')!;
    const d = opts.long ? all[i] : polite(sh, all[i]);
    await sh.sys.write(1, opts.numbered ? `${String(i).padStart(2)}  ${d}\n` : `${d}\n`);
    return 0;
  }
  await show(sh, opts);
  return 0;
}
