/**
 * The interpreter's state and its command runner. One `Shell` per shell process; a subshell (pipeline stage,
 * `( … )`, `$( … )`, `&`) is a child process running a copy of it (`fork`).
 */
import { SysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Signal } from '../../engine/kernel/signals.js';
import type { Sys, WaitStatus } from '../../engine/kernel/sys.js';
import type { AndOrNode, Command, ListNode, PipelineNode, SimpleNode } from './ast.js';
import { evalArith, ArithError, type ArithVars } from './arith.js';
import { BASH_ONLY, BUILTINS, SPECIAL_BUILTINS, type Builtin } from './builtins/index.js';
import { BreakSignal, CommandInterrupt, ExitSignal, ReturnSignal, ShellError } from './errors.js';
import { assignArray } from './arrays.js';
import { dynamicParam, noteLastArg } from './bashvars.js';
import { expandString, expandWords } from './expand.js';
import { applyRedirs, undoRedirs, type Saved } from './redirect.js';
import { runCompound } from './compound.js';
import { runExternal } from './external.js';
import { ForkFailed, forkRetrying } from './forkretry.js';
import { CopyOnWrite } from './cow.js';
import { reapJobsQuietly, runMulti, startBackground, waitPid } from './jobctl.js';
import { Parser, ParseError } from './parser.js';

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
}

const YIELD_EVERY = 200;

function copyVars(vars: Map<string, Var>): Map<string, Var> {
  const m = new Map<string, Var>();
  for (const [k, v] of vars) m.set(k, v.arr ? { ...v, arr: new Map(v.arr) } : { ...v });
  return m;
}

export class Shell {
  private varTable = new CopyOnWrite(new Map<string, Var>(), copyVars);
  private funcTable = new CopyOnWrite(new Map<string, Command>(), (m) => new Map(m));
  private aliasTable = new CopyOnWrite(new Map<string, string>(), (m) => new Map(m));
  get vars(): Map<string, Var> {
    return this.varTable.get();
  }
  get funcs(): Map<string, Command> {
    return this.funcTable.get();
  }
  set funcs(m: Map<string, Command>) {
    this.funcTable.set(m);
  }
  get aliases(): Map<string, string> {
    return this.aliasTable.get();
  }
  opts: ShellOptions = { errexit: false, xtrace: false, nounset: false, pipefail: false, noglob: false, monitor: false };
  args: string[] = [];
  name = 'bash';
  status = 0;
  lastBg: number | undefined;
  interactive = false;
  /** bash's expand_aliases: on in an interactive shell and in the subshells it forks (pipeline stages). */
  expandAliases = false;
  /** The name bash gives itself in messages when running as itself (not a script): argv[0]'s basename. */
  diagName: string | undefined;
  /** A login shell (`-bash`, `bash -l`): says `logout` rather than `exit` when it leaves. */
  login = false;
  /** A script's name for messages (`bash: line 1:` vs `./x.sh: line 1:`). */
  lineno = 1;
  rootPid: number;
  jobs: Job[] = [];
  traps = new Map<string, string>();
  pendingTraps: Signal[] = [];
  /** Leftover input per descriptor (`read`, scripts on stdin). */
  inbufs = new Map<number, { buf: string; eof: boolean }>();
  /** Descriptors the shell holds for itself (saved by redirections): not passed to children. */
  readonly internalFds = new Set<number>();
  funcDepth = 0;
  /** `getopts` position inside a bundle of options (`-abc`). */
  getoptsState: { optind: number; pos: number } | undefined;
  /** Lines typed at the interactive prompt. */
  readonly history: string[] = [];
  /** bash's `shopt` options, created on first use. */
  shopts: Set<string> | undefined;
  /** Depth of `.`/`source`: `return` is allowed there too. */
  sourcing = 0;
  loopDepth = 0;
  noErrexit = 0;
  pipestatus: number[] = [];
  /** bash's `$_`. */
  lastArg: string | undefined;
  private ticks = 0;
  private envCache: Record<string, string> | null = null;
  private readonly evalCache = new Map<string, ListNode>();
  private localFrames: Map<string, Var | undefined>[] = [];
  readonly arithVars: ArithVars = {
    get: (n) => this.getParam(n),
    set: (n, v) => this.setVar(n, v),
  };

  constructor(
    public sys: Sys,
    readonly flavor: Flavor,
  ) {
    this.rootPid = sys.pid;
  }

  // ------------------------------------------------------------------ variables

  getVar(name: string): string | undefined {
    const v = this.vars.get(name);
    if (v?.arr) return v.arr.get(0);
    return v && !v.unsetExported ? v.value : undefined;
  }

  setVar(name: string, value: string, opts: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: readonly variable`, 1, true);
    if (v?.arr) {
      v.arr.set(0, value);
      return;
    }
    if (v) {
      v.value = value;
      v.unsetExported = undefined;
      if (opts.export) v.exported = true;
      if (v.exported) this.envCache = null;
    } else {
      this.vars.set(name, { value, exported: opts.export ?? false });
      if (opts.export) this.envCache = null;
    }
  }

  unsetVar(name: string): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`unset: ${name}: cannot unset: readonly variable`, 1);
    if (v?.exported) this.envCache = null;
    this.vars.delete(name);
  }

  exportVar(name: string, on = true): void {
    const v = this.vars.get(name);
    if (v) v.exported = on;
    else if (on) this.vars.set(name, { value: '', exported: true, unsetExported: true });
    this.envCache = null;
  }

  isExported(name: string): boolean {
    return this.vars.get(name)?.exported ?? false;
  }

  setReadonly(name: string): void {
    const v = this.vars.get(name);
    if (v) v.readonly = true;
    else this.vars.set(name, { value: '', exported: false, readonly: true });
  }

  /** `local`: the old value comes back when the function returns. */
  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame) throw new ShellError('local: can only be used in a function', 1);
    if (!frame.has(name)) {
      const v = this.vars.get(name);
      frame.set(name, v ? { ...v, arr: v.arr && new Map(v.arr) } : undefined);
    }
  }

  envFor(extra?: Record<string, string>): Record<string, string> {
    if (!this.envCache) {
      const env: Record<string, string> = {};
      for (const [k, v] of this.vars) if (v.exported && !v.unsetExported && !v.arr) env[k] = v.value;
      this.envCache = env;
    }
    return extra ? { ...this.envCache, ...extra } : this.envCache;
  }

  getParam(name: string): string | undefined {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(name);
      return n === 0 ? this.name : this.args[n - 1];
    }
    switch (name) {
      case '?':
        return String(this.status);
      case '#':
        return String(this.args.length);
      case '$':
        return String(this.rootPid);
      case '!':
        return this.lastBg === undefined ? undefined : String(this.lastBg);
      case '@':
      case '*':
        return this.args.join(' ');
      case '-':
        return this.flagString();
      case 'RANDOM':
        if (!this.vars.has('RANDOM') || this.flavor === 'bash') return String(Math.floor(this.sys.random() * 32768));
        break;
      case 'LINENO':
        return String(this.lineno);
      case 'BASHPID':
      case 'PIPESTATUS':
      case '_':
        return dynamicParam(this, name) ?? this.getVar(name);
    }
    return this.getVar(name);
  }

  private flagString(): string {
    let s = '';
    if (this.opts.errexit) s += 'e';
    if (this.opts.noglob) s += 'f';
    s += 'h';
    if (this.interactive) s += 'i';
    if (this.opts.monitor) s += 'm';
    if (this.opts.nounset) s += 'u';
    if (this.opts.xtrace) s += 'x';
    return this.flavor === 'bash' ? `${s}B` : s;
  }

  tilde(user: string): string {
    if (user === '') return this.getVar('HOME') ?? '/';
    if (user === '+') return this.getVar('PWD') ?? this.sys.cwd();
    if (user === '-' && this.getVar('OLDPWD') !== undefined) return this.getVar('OLDPWD')!;
    const home = lookupPasswd(this.sys, (f) => f[0] === user)?.[5];
    return home ?? `~${user}`;
  }

  lookupBuiltin(name: string): Builtin | undefined {
    if (!Object.hasOwn(BUILTINS, name)) return undefined;
    const b = BUILTINS[name];
    if ( this.flavor !== 'bash' && BASH_ONLY.has(name) && (this.flavor === 'dash' || name !== 'let')) return undefined;
    return b;
  }

  /** The disposition a signal returns to on `trap - SIG`: an interactive shell keeps ignoring INT/QUIT/TERM. */
  defaultDisposition(sig: Signal): import('../../engine/kernel/sys.js').SignalDisposition {
    if (this.interactive && this.sys.pid === this.rootPid && (sig === 'SIGINT' || sig === 'SIGQUIT' || sig === 'SIGTERM')) {
      return this.interactiveHandler;
    }
    return 'default';
  }

  /** The interactive shell's own SIGINT handler (a function, so children still get the default action). */
  interactiveHandler = (sig: Signal): void => {
    if (sig !== 'SIGINT') return;
    if (this.atPrompt) throw new PromptInterrupt();
    // Ctrl-C while the shell itself runs a loop of builtins: abandon the command line, as bash does.
    if (this.sys.pid === this.rootPid) throw new CommandInterrupt(false);
  };

  /** True while the interactive shell waits at its prompt. */
  atPrompt = false;

  /** Called from a trapped signal's handler (inside whatever system call was blocked). */
  onTrappedSignal(): void {
    if (this.atPrompt) throw new PromptInterrupt();
  }

  /** Runs a command from an argv (`command name args`): builtins and files, never functions. */
  async runArgv(argv: string[], _opts: { skipFunctions: boolean }): Promise<number> {
    const b = this.lookupBuiltin(argv[0]);
    if (b) return this.runBuiltin(argv[0], b, argv);
    const node: SimpleNode = { t: 'simple', assigns: [], words: [], redirs: [], line: this.lineno };
    return runExternal(this, node, argv, {}, false);
  }

  // ------------------------------------------------------------------ messages

  /** `bash: line 3: ` / `bash: ` / `sh: 1: `, as each shell prefixes its diagnostics. */
  prefix(): string {
    const name = this.diagName ?? this.name;
    if (this.flavor === 'bash') return this.interactive ? `${name}: ` : `${name}: line ${this.lineno}: `;
    if (this.flavor === 'dash') return `${this.name}: ${this.lineno}: `;
    return `${this.name}: `;
  }

  async error(msg: string): Promise<void> {
    await this.writeErr(`${this.prefix()}${msg}\n`);
  }

  async writeErr(text: string): Promise<void> {
    try {
      await this.sys.write(2, text);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
    }
  }

  // ------------------------------------------------------------------ running

  /** Runs source text (eval, source, -c): parses one command at a time, as bash does. */
  async runSource(src: string, opts: { line?: number; cacheable?: boolean } = {}): Promise<number> {
    if (opts.cacheable) {
      let ast = this.evalCache.get(src);
      if (!ast) {
        try {
          ast = new Parser(src, { final: true }).parseAll();
        } catch (e) {
          if (e instanceof ParseError) return this.reportParseError(e, src);
          throw e;
        }
        if (this.evalCache.size > 500) this.evalCache.clear();
        this.evalCache.set(src, ast);
      }
      return this.runList(ast);
    }
    const p = new Parser(src, { final: true, line: opts.line });
    let status = 0;
    for (;;) {
      let list: ListNode | null;
      try {
        list = p.parseNext();
      } catch (e) {
        if (e instanceof ParseError) return this.reportParseError(e, src);
        throw e;
      }
      for (const w of p.warnings.splice(0)) await this.writeErr(`${this.syntaxPrefix(w.line)}${w.text}\n`);
      if (!list) return status;
      status = await this.runList(list);
    }
  }

  syntaxPrefix(line: number): string {
    if (this.flavor !== 'bash') return `${this.name}: ${line}: `;
    if (this.interactive) return `${this.name}: `;
    return this.commandString ? `${this.name}: -c: line ${line}: ` : `${this.name}: line ${line}: `;
  }

  /** Set for `bash -c`: its syntax errors say `bash: -c: line 1:`. */
  commandString = false;

  async reportParseError(e: ParseError, src: string): Promise<number> {
    const lines = src.split('\n');
    if (this.flavor === 'ash') {
      let msg: string;
      if (e.detail.quote === '"' || e.detail.quote === "'") msg = 'unterminated quoted string';
      else if (e.incomplete || e.detail.atEof) msg = `unexpected end of file${e.detail.expecting ? ` (expecting "${e.detail.expecting}")` : ''}`;
      else msg = e.detail.message && !e.token ? e.detail.message : `unexpected "${e.token}"`.replace('"newline"', 'newline');
      await this.writeErr(`${this.name}: syntax error: ${msg}\n`);
    } else if (this.flavor !== 'bash') {
      let msg: string;
      if (e.detail.quote === '"' || e.detail.quote === "'") msg = 'Unterminated quoted string';
      else if (e.detail.message && !e.incomplete && !e.token) msg = e.detail.message;
      else if (e.incomplete || e.detail.atEof) msg = `end of file unexpected${e.detail.expecting ? ` (expecting "${e.detail.expecting}")` : ''}`;
      else msg = e.token === 'newline' ? 'newline unexpected' : `"${e.token}" unexpected`;
      await this.writeErr(`${this.syntaxPrefix(e.line)}Syntax error: ${msg}\n`);
    } else if (e.incomplete && !e.detail.quote) {
      const eofLine = src.replace(/\n$/, '').split('\n').length + 1;
      await this.writeErr(`${this.syntaxPrefix(eofLine)}syntax error: unexpected end of file\n`);
    } else {
      await this.writeErr(`${this.syntaxPrefix(e.line)}${e.message}\n`);
      if (!e.incomplete && !this.interactive && e.token) {
        await this.writeErr(`${this.syntaxPrefix(e.line)}\`${lines[e.line - 1] ?? ''}'\n`);
      }
    }
    this.status = 2;
    if (!this.interactive) throw new ExitSignal(2);
    return 2;
  }

  /** Accounts one statement; every YIELD_EVERY statements gives the CPU away. Callers skip the await when false. */
  needsYield(): boolean {
    this.sys.cpu(1);
    return ++this.ticks >= YIELD_EVERY || this.pendingTraps.length > 0;
  }

  async tick(): Promise<void> {
    if (this.needsYield()) await this.slowTick();
  }

  async slowTick(): Promise<void> {
    if (this.ticks >= YIELD_EVERY) {
      this.ticks = 0;
      await this.sys.yield();
      // Finished background jobs are collected here so a long script leaves no zombies behind.
      if (this.jobs.length > 0 && !this.interactive) await reapJobsQuietly(this);
    }
    if (this.pendingTraps.length > 0) await this.runPendingTraps();
  }

  async runPendingTraps(): Promise<void> {
    const sigs = this.pendingTraps.splice(0);
    for (const sig of sigs) {
      const cmd = this.traps.get(sig.slice(3));
      if (cmd) {
        const saved = this.status;
        await this.runSource(cmd, { cacheable: true });
        this.status = saved;
      }
    }
  }

  async runList(list: ListNode): Promise<number> {
    let status = this.status;
    for (const item of list.items) {
      if (item.bg) {
        await startBackground(this, item.node, item.text);
        status = 0;
      } else {
        status = await this.runAndOr(item.node);
      }
      this.status = status;
    }
    return status;
  }

  async runAndOr(node: AndOrNode): Promise<number> {
    if (node.rest.length === 0) {
      const s = await this.runPipeline(node.first);
      if (s !== 0 && this.opts.errexit && this.noErrexit === 0 && !node.first.bang) throw new ExitSignal(s);
      return s;
    }
    this.noErrexit++;
    let s: number;
    try {
      s = await this.runPipeline(node.first);
      this.status = s;
      for (let i = 0; i < node.rest.length; i++) {
        const r = node.rest[i];
        if ((r.op === '&&') !== (s === 0)) continue;
        if (i === node.rest.length - 1) {
          this.noErrexit--;
          try {
            s = await this.runPipeline(r.cmd);
          } finally {
            this.noErrexit++;
          }
          if (s !== 0 && this.opts.errexit && this.noErrexit === 1 && !r.cmd.bang) {
            this.noErrexit--;
            throw new ExitSignal(s);
          }
        } else s = await this.runPipeline(r.cmd);
        this.status = s;
      }
    } finally {
      this.noErrexit--;
    }
    return s;
  }

  async runPipeline(p: PipelineNode): Promise<number> {
    if (!p.bang && p.cmds.length === 1) {
      const s = await this.runCommand(p.cmds[0], false);
      this.pipestatus = [s];
      return s;
    }
    if (p.bang) this.noErrexit++;
    let s: number;
    try {
      if (p.cmds.length === 1) {
        s = await this.runCommand(p.cmds[0], false);
        this.pipestatus = [s];
      } else s = await runMulti(this, p);
    } finally {
      if (p.bang) this.noErrexit--;
    }
    return p.bang ? (s === 0 ? 1 : 0) : s;
  }

  /** Descriptor map for a child: everything open except the shell's private copies and `skip`. */
  childFds(skip: readonly number[] = []): Record<number, number> {
    const m: Record<number, number> = {};
    for (const fd of this.sys.fds()) if (!this.internalFds.has(fd) && !skip.includes(fd)) m[fd] = fd;
    return m;
  }

  /** Starts a child shell process running `body` on a copy of this shell (bash's make_child, retries and all). */
  forkChild(body: (sh: Shell) => Promise<number>, fds: Record<number, number>, pgid?: number): Promise<number> {
    return forkRetrying(this, () =>
      this.sys.spawn({
        program: async (cs) => this.fork(cs).runChild(body),
        argv: this.sys.argv,
        env: this.envFor(),
        fds,
        pgid,
      }),
    );
  }

  fork(cs: Sys): Shell {
    const sh = new Shell(cs, this.flavor);
    sh.varTable = this.varTable.fork();
    sh.funcTable = this.funcTable.fork();
    sh.aliasTable = this.aliasTable.fork();
    sh.envCache = this.envCache;
    sh.opts = { ...this.opts, monitor: false };
    sh.expandAliases = this.interactive || this.expandAliases;
    sh.args = [...this.args];
    sh.name = this.name;
    sh.diagName = this.diagName;
    sh.status = this.status;
    sh.lastBg = this.lastBg;
    sh.lineno = this.lineno;
    sh.lastArg = this.lastArg;
    sh.rootPid = this.rootPid;
    sh.commandString = this.commandString;
    sh.funcDepth = this.funcDepth;
    sh.localFrames = this.localFrames.map(() => new Map());
    for (const [sig, cmd] of this.traps) if (cmd === '') sh.traps.set(sig, '');
    return sh;
  }

  /** Top of a forked child: turns exits and errors into a status. */
  async runChild(body: (sh: Shell) => Promise<number>): Promise<number> {
    try {
      return await body(this);
    } catch (e) {
      return this.settle(e);
    }
  }

  async settle(e: unknown): Promise<number> {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof BreakSignal) return this.status;
    if (e instanceof ForkFailed) return e.status;
    if (e instanceof ShellError) {
      await this.error(e.message);
      return e.status;
    }
    throw e;
  }

  // ------------------------------------------------------------------ commands

  async runCommand(cmd: Command, forked: boolean): Promise<number> {
    if (cmd.t === 'simple') return this.runSimple(cmd, forked);
    if (cmd.t === 'func') {
      this.funcs.set(cmd.name, cmd.body);
      return 0;
    }
    let saved: Saved | null = null;
    if (cmd.redirs.length > 0) {
      try {
        saved = await applyRedirs(this, cmd.redirs, false);
      } catch (e) {
        return this.redirFailed(e);
      }
    }
    try {
      return await runCompound(this, cmd, forked);
    } finally {
      if (saved) undoRedirs(this, saved);
    }
  }

  async redirFailed(e: unknown): Promise<number> {
    if (e instanceof ShellError) {
      await this.error(e.message);
      return e.status;
    }
    throw e;
  }

  async arith(w: import('./ast.js').Word): Promise<bigint> {
    return evalArith(await expandString(this, w), this.arithVars);
  }

  async arithFailed(e: unknown): Promise<number> {
    if (e instanceof ArithError) {
      await this.error(e.message);
      if (!this.interactive) throw new ExitSignal(1);
      return 1;
    }
    throw e;
  }

  async runSimple(cmd: SimpleNode, forked: boolean): Promise<number> {
    this.lineno = cmd.line;
    if (this.needsYield()) await this.slowTick();
    let argv: string[];
    try {
      argv = cmd.words.length === 0 ? [] : await expandWords(this, cmd.words);
    } catch (e) {
      return this.expansionFailed(e);
    }
    if (argv.length > 0 && this.aliases.size > 0 && (this.interactive || this.expandAliases) && cmd.words[0].plain !== undefined) {
      const a = this.aliases.get(argv[0]);
      if (a !== undefined) argv = [...a.split(/\s+/).filter(Boolean), ...argv.slice(1)];
    }
    if (argv.length === 0) return this.runAssignOnly(cmd);
    try {
      return await this.runArgvCommand(cmd, argv, forked);
    } finally {
      noteLastArg(this, argv);
    }
  }

  private async runArgvCommand(cmd: SimpleNode, argv: string[], forked: boolean): Promise<number> {
    const temp: Record<string, string> = {};
    try {
      for (const a of cmd.assigns) temp[a.name] = await expandString(this, a.value);
    } catch (e) {
      return this.expansionFailed(e);
    }
    if (this.opts.xtrace) await this.trace(cmd.assigns.map((a) => `${a.name}=${temp[a.name]}`).concat(argv));
    const name = argv[0];
    if (name === 'exec' && argv.length === 1) {
      try {
        const saved = await applyRedirs(this, cmd.redirs, true);
        for (const s of saved) if (s.copy >= 0) this.internalFds.delete(s.copy);
      } catch (e) {
        const st = await this.redirFailed(e);
        if (!this.interactive) throw new ExitSignal(st);
        return st;
      }
      return 0;
    }
    const fn = this.funcs.get(name);
    const builtin = fn ? undefined : this.lookupBuiltin(name);
    if (fn || builtin) {
      let saved: Saved | null = null;
      if (cmd.redirs.length > 0) {
        try {
          saved = await applyRedirs(this, cmd.redirs, false);
        } catch (e) {
          return this.redirFailed(e);
        }
      }
      const restore = this.pushTemp(temp, builtin !== undefined && SPECIAL_BUILTINS.has(name));
      try {
        if (fn) return await this.callFunction(name, fn, argv.slice(1));
        return await this.runBuiltin(name, builtin!, argv);
      } finally {
        restore();
        if (saved) undoRedirs(this, saved);
      }
    }
    return runExternal(this, cmd, argv, temp, forked);
  }

  private async expansionFailed(e: unknown): Promise<number> {
    if (e instanceof ShellError) {
      await this.error(e.message);
      if (e.fatal && !this.interactive) throw new ExitSignal(e.status);
      return e.status;
    }
    if (e instanceof ArithError) return this.arithFailed(e);
    throw e;
  }

  private async runAssignOnly(cmd: SimpleNode): Promise<number> {
    this.status = 0;
    let saved: Saved | null = null;
    try {
      for (const a of cmd.assigns) {
        if (a.sub || a.items) {
          await assignArray(this, a, expandWords, expandString);
          continue;
        }
        const v = await expandString(this, a.value);
        this.setVar(a.name, a.append ? (this.getVar(a.name) ?? '') + v : v);
        if (this.opts.xtrace) await this.trace([`${a.name}=${v}`]);
      }
      if (cmd.redirs.length > 0) saved = await applyRedirs(this, cmd.redirs, false);
    } catch (e) {
      return this.expansionFailed(e);
    } finally {
      if (saved) undoRedirs(this, saved);
    }
    return this.status;
  }

  private pushTemp(temp: Record<string, string>, permanent: boolean): () => void {
    const names = Object.keys(temp);
    if (names.length === 0) return () => {};
    const old = names.map((n) => this.vars.get(n));
    for (const n of names) this.setVar(n, temp[n], { export: !permanent });
    if (permanent) return () => {};
    return () => {
      names.forEach((n, i) => {
        const o = old[i];
        if (o) this.vars.set(n, o);
        else this.vars.delete(n);
      });
      this.envCache = null;
    };
  }

  private async trace(words: string[]): Promise<void> {
    const ps4 = this.getVar('PS4') ?? '+ ';
    const q = words.map((w) => (w === '' || /[^\w@%+=:,./-]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w));
    await this.writeErr(`${ps4}${q.join(' ')}\n`);
  }

  async runBuiltin(name: string, fn: Builtin, argv: string[]): Promise<number> {
    try {
      return await fn(this, argv);
    } catch (e) {
      if (e instanceof ShellError) {
        await this.error(e.message);
        if (e.fatal && !this.interactive) throw new ExitSignal(e.status);
        return e.status;
      }
      if (e instanceof SysError && (e.syscall === 'write' || e.code === 'EBADF')) {
        await this.error(`${name}: write error: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }

  async callFunction(name: string, body: Command, args: string[]): Promise<number> {
    if (this.funcDepth >= 1000) throw new ShellError(`${name}: maximum function nesting level exceeded (1000)`, 1);
    const savedArgs = this.args;
    this.args = args;
    this.funcDepth++;
    const frame = new Map<string, Var | undefined>();
    this.localFrames.push(frame);
    try {
      return await this.runCommand(body, false);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.localFrames.pop();
      for (const [n, v] of frame) {
        if (v) this.vars.set(n, v);
        else this.vars.delete(n);
      }
      if (frame.size > 0) this.envCache = null;
      this.funcDepth--;
      this.args = savedArgs;
    }
  }

  /** Runs source text as `eval` does: the status of the last command. */
  async evalText(text: string): Promise<number> {
    return this.runSource(text, { cacheable: true });
  }

  async commandSubst(body: ListNode): Promise<string> {
    const [r, w] = this.sys.pipe();
    const fds = this.childFds([r, w]);
    fds[1] = w;
    let pid: number;
    try {
      pid = await this.forkChild((sh) => sh.runList(body), fds);
    } catch (e) {
      this.sys.close(r);
      throw e;
    } finally {
      this.sys.close(w);
    }
    let out = '';
    try {
      for (let chunk = await this.sys.read(r); chunk !== null; chunk = await this.sys.read(r)) out += chunk;
    } finally {
      this.sys.close(r);
    }
    const st = await waitPid(this, pid);
    this.status = st.status;
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 10) end--;
    return end === out.length ? out : out.slice(0, end);
  }

  // ------------------------------------------------------------------ external commands

}

/** A passwd entry's fields, or undefined. */
export function lookupPasswd(sys: Sys, pred: (fields: string[]) => boolean): string[] | undefined {
  try {
    for (const line of sys.fs.readText('/etc/passwd').split('\n')) {
      const f = line.split(':');
      if (f.length >= 7 && pred(f)) return f;
    }
  } catch {
    /* no passwd */
  }
  return undefined;
}

/** Thrown out of a blocked read when Ctrl-C is pressed at the interactive prompt. */
export class PromptInterrupt extends Error {
  constructor() {
    super('interrupt');
    this.name = 'PromptInterrupt';
  }
}
