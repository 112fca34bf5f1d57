/**
 * How a file on a simulated disk names the simulated binary it runs. A real ELF header would be noise to a
 * learner who `cat`s it; a short marker line keeps files small while `file`-like checks still see "binary".
 */
import { SysError } from './errno.js';
import type { Program } from './sys.js';
import { utf8Decode } from './utf8.js';
import type { Fs } from './fsTypes.js';

const MAGIC = '\x7fELF\x02\x01\x01\x00dockersim:';

export function binaryContent(program: string): string {
  return `${MAGIC}${program}\n`;
}

export type Executable =
  | { readonly kind: 'binary'; readonly program: string }
  | { readonly kind: 'script'; readonly interpreter: string; readonly arg: string | undefined }
  | { readonly kind: 'unknown' };

export function parseExecutable(content: string): Executable {
  if (content.startsWith(MAGIC)) {
    const end = content.indexOf('\n', MAGIC.length);
    return { kind: 'binary', program: content.slice(MAGIC.length, end < 0 ? undefined : end) };
  }
  if (content.startsWith('#!')) {
    const line = content.slice(2, (content.indexOf('\n') + 1 || content.length + 1) - 1).trim();
    const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
    if (!m) return { kind: 'unknown' };
    return { kind: 'script', interpreter: m[1], arg: m[2]?.trim() || undefined };
  }
  return { kind: 'unknown' };
}

export interface ResolvedProgram {
  readonly program: Program;
  readonly argv: readonly string[];
  readonly exe: string;
  /** What comm becomes: the basename of the path given to execve (a symlink's own name, a script's). */
  readonly name: string;
  readonly setuid: number | undefined;
}

const MAX_SCRIPT_DEPTH = 4;

/** Finds the program a file runs, following `#!` lines. Errors are execve(2)'s. */
export function resolveProgram(
  programs: ReadonlyMap<string, Program>,
  fs: Fs,
  path: string,
  argv: readonly string[],
  depth = 0,
): ResolvedProgram {
  // Every spawn of a program by path comes here: one walk of the path when the file is plainly runnable.
  const probe = fs.execProbe?.(path);
  const st = probe ? probe.st : fs.stat(path);
  if (!probe) {
    if (st.type === 'dir' || st.type !== 'file') throw new SysError('EACCES', 'execve', path);
    if (!fs.access(path, 'x')) throw new SysError('EACCES', 'execve', path);
  }
  const head = utf8Decode((probe ? probe.data : fs.readFile(path)).subarray(0, 256));
  const exe = parseExecutable(head);
  const setuid = st.mode & 0o4000 ? st.uid : undefined;
  if (exe.kind === 'binary') {
    // '*' is the machine's stand-in for binaries an image ships that are not simulated yet.
    const program = programs.get(exe.program) ?? programs.get('*');
    if (!program) throw new SysError('ENOEXEC', 'execve', path);
    return { program, argv, exe: probe ? probe.abs : fs.realpath(path), name: basename(path).slice(0, 15), setuid };
  }
  if (exe.kind === 'script' && depth < MAX_SCRIPT_DEPTH) {
    const interpArgv = [exe.interpreter, ...(exe.arg ? [exe.arg] : []), path, ...argv.slice(1)];
    const inner = resolveProgram(programs, fs, exe.interpreter, interpArgv, depth + 1);
    return { ...inner, name: basename(path).slice(0, 15), setuid: undefined };
  }
  throw new SysError('ENOEXEC', 'execve', path);
}

/** The last component of a path: what comm is made from. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
