/**
 * What the parts of the interpreter (expansion, redirections, compound commands, job control, builtins, the line
 * editor) may ask of the shell that runs them. They depend on this interface, never on the `Shell` class, so the
 * class can import them without a circle; `Shell` (./shell.ts) is its one implementation.
 */
import type { Signal } from '../../engine/kernel/signals.js';
import type { SignalDisposition, Sys, WaitStatus } from '../../engine/kernel/sys.js';
import type { ArithVars } from './arith.js';
import type { AndOrNode, Command, ListNode, Word } from './ast.js';
import type { CommandHash } from './hashcmd.js';
import type { ParseError } from './parser.js';

export type Flavor = 'bash' | 'dash' | 'ash';

export interface Var {
  value: string;
  /** An indexed array (bash): element 0 is what `$name` reads. Never exported. */
  arr?: Map<number, string>;
  exported: boolean;
  readonly?: boolean;
  /** `export X` of an unset variable: marked for export, not yet set. */
  unsetExported?: boolean;
}

export interface Job {
  readonly id: number;
  readonly pgid: number;
  readonly pids: number[];
  readonly text: string;
  status: WaitStatus | null;
}

export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  pipefail: boolean;
  noglob: boolean;
  monitor: boolean;
  /** `set -C`: `>` does not truncate an existing regular file. */
  noclobber: boolean;
  /** bash's `set -H`: `!` history references in lines read at the prompt. */
  histexpand: boolean;
  /** `set -a`: every variable assigned is exported. */
  allexport: boolean;
  /** bash's `set -B` (on by default): `{a,b}` and `{1..3}` expand. */
  braceexpand: boolean;
  /** `set -h` (on by default in bash): commands found in PATH are remembered (hashcmd.ts). */
  hashall: boolean;
  /** `set -n`: commands are read and parsed, not run (a non-interactive shell only). */
  noexec: boolean;
  /** `set -v`: each line of input is written to stderr as it is read. */
  verbose: boolean;
}

/** A builtin: runs inside the shell process; a thrown ShellError becomes its diagnostic and status. */
export type Builtin = (sh: ShellContext, argv: string[]) => Promise<number>;

/** The interpreter's state: variables, functions, aliases, options, positional parameters, jobs, traps. */
export interface ShellState {
  readonly sys: Sys;
  readonly flavor: Flavor;
  /** `$0`. */
  name: string;
  /** The name bash gives itself in messages when running as itself (not a script): argv[0]'s basename. */
  diagName: string | undefined;
  /** The positional parameters `$1`…. */
  args: string[];
  /** `$?`. */
  status: number;
  /** `$!`. */
  lastBg: number | undefined;
  /** bash's `$_`. */
  lastArg: string | undefined;
  pipestatus: number[];
  lineno: number;
  readonly rootPid: number;
  interactive: boolean;
  /**
   * bash's interactive_shell: also true in the subshells an interactive shell forks (a pipeline's stages,
   * `( )`), whose diagnostics carry no line number and whose `$-` keeps `i`, though they exit as scripts do.
   */
  interactiveShell: boolean;
  /** Commands come from standard input (the prompt, or a script piped in): `$-` has `s`. */
  readsStdin: boolean;
  /** `$-` still shows `m` in the subshell of a shell with job control, which has none itself. */
  shownMonitor: boolean;
  /** A login shell (`-bash`, `bash -l`): says `logout` rather than `exit` when it leaves. */
  login: boolean;
  /** Set for `bash -c`: its syntax errors say `bash: -c: line 1:`. */
  commandString: boolean;
  /** bash's expand_aliases: on in an interactive shell and in the subshells it forks (pipeline stages). */
  expandAliases: boolean;
  opts: ShellOptions;
  /** bash's `shopt` options, created on first use. */
  shopts: Set<string> | undefined;
  /** The commands `set -h` remembers (hashcmd.ts). */
  commandHash: CommandHash;
  /** `pushd`'s saved directories, newest first (the current directory is the stack's top, not in here). */
  dirStack: string[];
  readonly vars: Map<string, Var>;
  funcs: Map<string, Command>;
  readonly aliases: Map<string, string>;
  jobs: Job[];
  traps: Map<string, string>;
  pendingTraps: Signal[];
  /** Leftover input per descriptor (`read`, scripts on stdin). */
  inbufs: Map<number, { buf: string; eof: boolean }>;
  /** Descriptors the shell holds for itself (saved by redirections): not passed to children. */
  readonly internalFds: Set<number>;
  /** Lines typed at the interactive prompt. */
  readonly history: string[];
  /** `getopts` position inside a bundle of options (`-abc`). */
  getoptsState: { optind: number; pos: number } | undefined;
  funcDepth: number;
  /** Depth of `.`/`source`: `return` is allowed there too. */
  sourcing: number;
  loopDepth: number;
  /** Above zero where a failure does not trigger `set -e` (conditions, `!`, all but the last of `&&`/`||`). */
  noErrexit: number;
  /** True while the interactive shell waits at its prompt. */
  atPrompt: boolean;
  readonly arithVars: ArithVars;

  getVar(name: string): string | undefined;
  setVar(name: string, value: string, opts?: { export?: boolean }): void;
  unsetVar(name: string): void;
  exportVar(name: string, on?: boolean): void;
  isExported(name: string): boolean;
  setReadonly(name: string): void;
  /** `local`: the old value comes back when the function returns. */
  makeLocal(name: string): void;
  /** The environment a child process gets: the exported variables, plus `extra`. */
  envFor(extra?: Record<string, string>): Record<string, string>;
  /**
   * A command's prefix assignments (`A=1 cmd`): exported for the command and undone by the returned function,
   * unless `permanent` (before a special builtin, where POSIX keeps them).
   */
  pushTemp(temp: Record<string, string>, permanent: boolean): () => void;
  /** A function call's scope: `$@` becomes `args`; the returned function restores them and undoes its `local`s. */
  enterFunction(args: string[]): () => void;
}

/** The shell as the rest of the interpreter sees it: its state, and the ways to run, report and fork. */
export interface ShellContext extends ShellState {
  /** `$name` for any parameter: special (`$?`, `$#`, `$-`…), positional, dynamic or a variable. */
  getParam(name: string): string | undefined;
  /** `~user` as tilde expansion reads it. */
  tilde(user: string): string;
  lookupBuiltin(name: string): Builtin | undefined;

  /** Prints `msg` with the shell's prefix (`bash: line 3: `, `sh: 1: `). */
  error(msg: string): Promise<void>;
  /** Writes to stderr; a closed stderr is not an error. */
  writeErr(text: string): Promise<void>;
  reportParseError(e: ParseError, src: string): Promise<number>;
  /** `set -v`: input as it is read. */
  echoInput(text: string): Promise<void>;
  /** What a caught exception means at the top of a (sub)shell: its status, after any diagnostic. */
  settle(e: unknown): Promise<number>;
  redirFailed(e: unknown): Promise<number>;
  arithFailed(e: unknown): Promise<number>;

  runSource(src: string, opts?: { line?: number; cacheable?: boolean }): Promise<number>;
  /** Runs source text as `eval` does: the status of the last command. */
  evalText(text: string): Promise<number>;
  runList(list: ListNode): Promise<number>;
  runAndOr(node: AndOrNode): Promise<number>;
  runCommand(cmd: Command, forked: boolean): Promise<number>;
  runBuiltin(name: string, fn: Builtin, argv: string[]): Promise<number>;
  /** Runs a command from an argv (`command name args`): builtins and files, never functions. */
  runArgv(argv: string[], opts: { skipFunctions: boolean }): Promise<number>;
  callFunction(name: string, body: Command, args: string[]): Promise<number>;
  arith(w: Word): Promise<bigint>;
  commandSubst(body: ListNode): Promise<string>;

  /** Accounts one statement; true when the caller must await `slowTick` (yield the CPU, run traps). */
  needsYield(): boolean;
  tick(): Promise<void>;
  slowTick(): Promise<void>;
  runPendingTraps(): Promise<void>;

  /** Descriptor map for a child: everything open except the shell's private copies and `skip`. */
  childFds(skip?: readonly number[]): Record<number, number>;
  /** Starts a child shell process running `body` on a copy of this shell (bash's make_child, retries and all). */
  forkChild(body: (sh: ShellContext) => Promise<number>, fds: Record<number, number>, pgid?: number): Promise<number>;

  /** The disposition a signal returns to on `trap - SIG`: an interactive shell keeps ignoring INT/QUIT/TERM. */
  defaultDisposition(sig: Signal): SignalDisposition;
  /** The interactive shell's own SIGINT handler (a function, so children still get the default action). */
  readonly interactiveHandler: (sig: Signal) => void;
  /** Called from a trapped signal's handler (inside whatever system call was blocked). */
  onTrappedSignal(): void;
}
