/**
 * The interpreter's state and its command runner. One `Shell` per shell process; a subshell (pipeline stage,
 * `( … )`, `$( … )`, `&`) is a child process running a copy of it (`fork`).
 */
import { isSysError, SysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { SIGNAL_DESCRIPTIONS, type Signal } from '../../engine/kernel/signals.js';
import type { Sys, WaitStatus } from '../../engine/kernel/sys.js';
import type { AndOrNode, Command, ListNode, PipelineNode, SimpleNode } from './ast.js';
import { evalArith, ArithError, type ArithVars } from './arith.js';
import { BASH_ONLY, BUILTINS, SPECIAL_BUILTINS, type Builtin } from './builtins/index.js';
import { BreakSignal, ExitSignal, ReturnSignal, ShellError } from './errors.js';
import { expandPattern, expandString, expandWords } from './expand.js';
import { matchPattern } from './pattern.js';
import { applyRedirs, undoRedirs, type Saved } from './redirect.js';
import { runCond } from './builtins/test.js';
import { Parser, ParseError } from './parser.js';

export type Flavor = 'bash' | 'dash' | 'ash';

interface Var {
  value: string;
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

export class Shell {
  vars = new Map<string, Var>();
  funcs = new Map<string, Command>();
  aliases = new Map<string, string>();
  opts: ShellOptions = { errexit: false, xtrace: false, nounset: false, pipefail: false, noglob: false, monitor: false };
  args: string[] = [];
  name = 'bash';
  status = 0;
  lastBg: number | undefined;
  interactive = false;
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
  /** bash's `shopt` options, created on first use. */
  shopts: Set<string> | undefined;
  /** Depth of `.`/`source`: `return` is allowed there too. */
  sourcing = 0;
  loopDepth = 0;
  noErrexit = 0;
  pipestatus: number[] = [];
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
    return v && !v.unsetExported ? v.value : undefined;
  }

  setVar(name: string, value: string, opts: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: readonly variable`, 1, true);
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
      frame.set(name, v ? { ...v } : undefined);
    }
  }

  envFor(extra?: Record<string, string>): Record<string, string> {
    if (!this.envCache) {
      const env: Record<string, string> = {};
      for (const [k, v] of this.vars) if (v.exported && !v.unsetExported) env[k] = v.value;
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
    if (sig === 'SIGINT' && this.atPrompt) throw new PromptInterrupt();
  };

  /** True while the interactive shell waits at its prompt. */
  atPrompt = false;

  /** Called from a trapped signal's handler (inside whatever system call was blocked). */
  onTrappedSignal(): void {
    if (this.atPrompt) throw new PromptInterrupt();
  }

  async reapJobsQuietly(): Promise<void> {
    for (const job of this.jobs) {
      if (job.status) continue;
      try {
        const st = await this.sys.wait(job.pids[0], { nohang: true });
        if (st) job.status = st;
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        job.status = { pid: job.pids[0], code: 0, signal: undefined, status: 0 };
      }
    }
  }

  /** Runs a command from an argv (`command name args`): builtins and files, never functions. */
  async runArgv(argv: string[], _opts: { skipFunctions: boolean }): Promise<number> {
    const b = this.lookupBuiltin(argv[0]);
    if (b) return this.runBuiltin(argv[0], b, argv);
    const node: SimpleNode = { t: 'simple', assigns: [], words: [], redirs: [], line: this.lineno };
    return this.runExternal(node, argv, {}, false);
  }

  // ------------------------------------------------------------------ messages

  /** `bash: line 3: ` / `bash: ` / `sh: 1: `, as each shell prefixes its diagnostics. */
  prefix(): string {
    if (this.flavor === 'bash') return this.interactive ? `${this.name}: ` : `${this.name}: line ${this.lineno}: `;
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
    if (this.flavor !== 'bash') {
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
        await this.startBackground(item.node, item.text);
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
      } else s = await this.runMulti(p);
    } finally {
      if (p.bang) this.noErrexit--;
    }
    return p.bang ? (s === 0 ? 1 : 0) : s;
  }

  private jobControl(): boolean {
    return this.opts.monitor && this.sys.isatty(0);
  }

  /** Descriptor map for a child: everything open except the shell's private copies and `skip`. */
  childFds(skip: readonly number[] = []): Record<number, number> {
    const m: Record<number, number> = {};
    for (const fd of this.sys.fds()) if (!this.internalFds.has(fd) && !skip.includes(fd)) m[fd] = fd;
    return m;
  }

  /** Starts a child shell process running `body` on a copy of this shell. */
  forkChild(body: (sh: Shell) => Promise<number>, fds: Record<number, number>, pgid?: number): number {
    return this.sys.spawn({
      program: async (cs) => this.fork(cs).runChild(body),
      argv: this.sys.argv,
      env: this.envFor(),
      fds,
      pgid,
    });
  }

  fork(cs: Sys): Shell {
    const sh = new Shell(cs, this.flavor);
    for (const [k, v] of this.vars) sh.vars.set(k, { ...v });
    sh.funcs = new Map(this.funcs);
    sh.aliases = new Map(this.aliases);
    sh.opts = { ...this.opts, monitor: false };
    sh.args = [...this.args];
    sh.name = this.name;
    sh.status = this.status;
    sh.lastBg = this.lastBg;
    sh.lineno = this.lineno;
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
    if (e instanceof ShellError) {
      await this.error(e.message);
      return e.status;
    }
    throw e;
  }

  private async runMulti(p: PipelineNode): Promise<number> {
    const n = p.cmds.length;
    const pids: number[] = [];
    const jc = this.jobControl();
    let prevRead = -1;
    for (let i = 0; i < n; i++) {
      let r = -1;
      let w = -1;
      if (i < n - 1) [r, w] = this.sys.pipe();
      const fds = this.childFds([r, w, prevRead]);
      if (prevRead >= 0) fds[0] = prevRead;
      if (w >= 0) fds[1] = w;
      const cmd = p.cmds[i];
      pids.push(this.forkChild((sh) => sh.runCommand(cmd, true), fds, jc ? (i === 0 ? 0 : pids[0]) : undefined));
      if (prevRead >= 0) this.sys.close(prevRead);
      if (w >= 0) this.sys.close(w);
      prevRead = r;
    }
    const statuses = await this.waitForeground(pids, jc ? pids[0] : 0, p.cmds.map(() => ''));
    this.pipestatus = statuses;
    if (this.opts.pipefail) {
      for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i];
      return 0;
    }
    return statuses[n - 1];
  }

  /** Waits for a foreground job, with the terminal handed to its group meanwhile. */
  async waitForeground(pids: number[], pgid: number, _titles: string[]): Promise<number[]> {
    if (pgid) this.setFg(pgid);
    const out: number[] = [];
    let signalled: WaitStatus | undefined;
    try {
      for (const pid of pids) {
        const st = await this.waitPid(pid);
        out.push(st.status);
        if (st.signal) signalled = st;
      }
    } finally {
      if (pgid) this.setFg(this.sys.getpgrp());
    }
    if (signalled?.signal) await this.reportSignal(signalled.signal);
    return out;
  }

  async waitPid(pid: number): Promise<WaitStatus> {
    for (;;) {
      try {
        const st = await this.sys.wait(pid);
        if (st) return st;
      } catch (e) {
        if (isSysError(e, 'ECHILD')) return { pid, code: 127, signal: undefined, status: 127 };
        throw e;
      }
    }
  }

  private setFg(pgid: number): void {
    try {
      this.sys.tcsetpgrp(0, pgid);
    } catch {
      /* not a terminal */
    }
  }

  private async reportSignal(sig: Signal): Promise<void> {
    if (sig === 'SIGPIPE') return;
    if (sig === 'SIGINT') {
      if (this.interactive) await this.writeErr('\n');
      return;
    }
    const desc = SIGNAL_DESCRIPTIONS[sig] ?? sig;
    await this.writeErr(`${desc}\n`);
  }

  private async startBackground(node: AndOrNode, text: string): Promise<void> {
    const jc = this.jobControl();
    const fds = this.childFds();
    if (!this.interactive && !jc && fds[0] !== undefined) {
      // Non-interactive background jobs read /dev/null, as POSIX asks.
      try {
        const nul = this.sys.open('/dev/null', 'r');
        fds[0] = nul;
        const pid = this.forkChild((sh) => sh.runAndOr(node), fds, undefined);
        this.sys.close(nul);
        this.addJob(pid, pid, text);
        return;
      } catch (e) {
        if (isProcessEnd(e)) throw e;
      }
    }
    const pid = this.forkChild((sh) => sh.runAndOr(node), fds, jc ? 0 : undefined);
    const job = this.addJob(pid, pid, text);
    if (this.interactive) await this.writeErr(`[${job.id}] ${pid}\n`);
  }

  private addJob(pid: number, pgid: number, text: string): Job {
    this.lastBg = pid;
    const id = this.jobs.length === 0 ? 1 : Math.max(...this.jobs.map((j) => j.id)) + 1;
    const job: Job = { id, pgid, pids: [pid], text, status: null };
    this.jobs.push(job);
    return job;
  }

  /** Polls background jobs; returns the finished ones (removed from the table). */
  async reapJobs(): Promise<Job[]> {
    const done: Job[] = [];
    for (const job of this.jobs) {
      if (!job.status) {
        try {
          const st = await this.sys.wait(job.pids[0], { nohang: true });
          if (st) job.status = st;
        } catch (e) {
          if (isProcessEnd(e)) throw e;
          job.status = { pid: job.pids[0], code: 0, signal: undefined, status: 0 };
        }
      }
      if (job.status) done.push(job);
    }
    this.jobs = this.jobs.filter((j) => !done.includes(j));
    return done;
  }

  jobMark(job: Job): string {
    const live = this.jobs;
    if (live[live.length - 1] === job) return '+';
    if (live[live.length - 2] === job) return '-';
    return ' ';
  }

  static jobState(st: WaitStatus | null): string {
    if (!st) return 'Running';
    if (st.signal) return SIGNAL_DESCRIPTIONS[st.signal] ?? st.signal;
    return st.code === 0 ? 'Done' : `Exit ${st.code}`;
  }

  async notifyJobs(): Promise<void> {
    const all = [...this.jobs];
    const done = await this.reapJobs();
    for (const job of done) {
      const mark = all[all.length - 1] === job ? '+' : all[all.length - 2] === job ? '-' : ' ';
      await this.writeErr(`[${job.id}]${mark}  ${Shell.jobState(job.status).padEnd(24)}${job.text}\n`);
    }
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
      return await this.runCompound(cmd, forked);
    } finally {
      if (saved) undoRedirs(this, saved);
    }
  }

  private async redirFailed(e: unknown): Promise<number> {
    if (e instanceof ShellError) {
      await this.error(e.message);
      return e.status;
    }
    throw e;
  }

  private async runCompound(cmd: Exclude<Command, SimpleNode>, forked: boolean): Promise<number> {
    this.lineno = cmd.line;
    switch (cmd.t) {
      case 'group':
        return this.runList(cmd.body);
      case 'subshell': {
        if (forked) return this.runList(cmd.body);
        const pid = this.forkChild((sh) => sh.runList(cmd.body), this.childFds());
        return (await this.waitForeground([pid], 0, ['']))[0];
      }
      case 'if':
        for (const c of cmd.clauses) {
          if ((await this.runCondition(c.cond)) === 0) return this.runList(c.body);
        }
        return cmd.otherwise ? this.runList(cmd.otherwise) : 0;
      case 'while':
        return this.runLoop(async () => ((await this.runCondition(cmd.cond)) === 0) !== cmd.until, cmd.body);
      case 'for': {
        const items = cmd.items ? await expandWords(this, cmd.items) : [...this.args];
        let i = 0;
        return this.runLoop(async () => {
          if (i >= items.length) return false;
          this.setVar(cmd.name, items[i++]);
          return true;
        }, cmd.body);
      }
      case 'cfor': {
        await this.arith(cmd.init);
        let first = true;
        return this.runLoop(async () => {
          if (!first) await this.arith(cmd.step);
          first = false;
          return cmd.cond.raw.trim() === '' || (await this.arith(cmd.cond)) !== 0n;
        }, cmd.body);
      }
      case 'case': {
        const word = await expandString(this, cmd.word);
        let status = 0;
        let fall = false;
        for (const arm of cmd.arms) {
          let hit = fall;
          if (!hit) {
            for (const p of arm.patterns) {
              if (matchPattern(await expandPattern(this, p), word)) {
                hit = true;
                break;
              }
            }
          }
          if (!hit) continue;
          status = await this.runList(arm.body);
          if (arm.fall === ';;') return status;
          fall = arm.fall === ';&';
        }
        return status;
      }
      case 'cond':
        await this.tick();
        return runCond(this, cmd.words);
      case 'arithcmd':
        await this.tick();
        try {
          return (await this.arith(cmd.expr)) !== 0n ? 0 : 1;
        } catch (e) {
          return this.arithFailed(e);
        }
    }
    return 0;
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

  private async runCondition(list: ListNode): Promise<number> {
    this.noErrexit++;
    try {
      return await this.runList(list);
    } finally {
      this.noErrexit--;
    }
  }

  private async runLoop(next: () => Promise<boolean>, body: ListNode): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        if (this.needsYield()) await this.slowTick();
        if (!(await next())) break;
        try {
          status = await this.runList(body);
        } catch (e) {
          if (!(e instanceof BreakSignal)) throw e;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          status = 0;
          if (!e.isContinue) break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
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
    if (argv.length > 0 && this.aliases.size > 0 && this.interactive && cmd.words[0].plain !== undefined) {
      const a = this.aliases.get(argv[0]);
      if (a !== undefined) argv = [...a.split(/\s+/).filter(Boolean), ...argv.slice(1)];
    }
    if (argv.length === 0) return this.runAssignOnly(cmd);
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
    return this.runExternal(cmd, argv, temp, forked);
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
    const pid = this.forkChild((sh) => sh.runList(body), fds);
    this.sys.close(w);
    let out = '';
    try {
      for (let chunk = await this.sys.read(r); chunk !== null; chunk = await this.sys.read(r)) out += chunk;
    } finally {
      this.sys.close(r);
    }
    const st = await this.waitPid(pid);
    this.status = st.status;
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 10) end--;
    return end === out.length ? out : out.slice(0, end);
  }

  // ------------------------------------------------------------------ external commands

  findCommand(name: string): string | null {
    const path = this.getVar('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const fs = this.sys.fs;
    for (const dir of path.split(':')) {
      const p = `${dir || '.'}/${name}`;
      try {
        const st = fs.stat(p);
        if (st.type === 'file' && fs.access(p, 'x')) return p;
      } catch {
        /* next */
      }
    }
    return null;
  }

  async runExternal(cmd: SimpleNode, argv: string[], temp: Record<string, string>, forked: boolean): Promise<number> {
    const name = argv[0];
    const path = name.includes('/') ? name : this.findCommand(name);
    const env = Object.keys(temp).length > 0 ? this.envFor(temp) : this.envFor();
    let saved: Saved | null = null;
    if (cmd.redirs.length > 0) {
      try {
        saved = await applyRedirs(this, cmd.redirs, forked);
      } catch (e) {
        return this.redirFailed(e);
      }
    }
    try {
      if (path === null) {
        await this.error(this.flavor === 'bash' ? `${name}: command not found` : `${name}: not found`);
        return 127;
      }
      if (forked && this.traps.size === 0) {
        try {
          await this.sys.exec(path, argv, env);
        } catch (e) {
          if (isProcessEnd(e)) throw e;
          return this.execFailed(e, path, argv);
        }
      }
      const jc = this.jobControl();
      let pid: number;
      try {
        pid = this.sys.spawn({ path, argv, env, fds: this.childFds(), pgid: jc ? 0 : undefined });
      } catch (e) {
        return this.execFailed(e, path, argv);
      }
      return (await this.waitForeground([pid], jc ? pid : 0, [cmd.words.map((w) => w.raw).join(' ')]))[0];
    } finally {
      if (saved) undoRedirs(this, saved);
    }
  }

  private async execFailed(e: unknown, path: string, argv: string[]): Promise<number> {
    if (!(e instanceof SysError)) throw e;
    const dash = this.flavor !== 'bash';
    if (e.code === 'ENOENT') {
      await this.error(dash ? `${path}: not found` : `${path}: No such file or directory`);
      return 127;
    }
    if (e.code === 'ENOEXEC') {
      let text = '';
      try {
        text = new TextDecoder().decode(this.sys.fs.readFile(path).subarray(0, 512));
      } catch {
        /* unreadable */
      }
      if (text.startsWith('\x7fELF') || text.includes('\0') || text.startsWith('#!')) {
        await this.error(`${path}: cannot execute binary file: Exec format error`);
        return 126;
      }
      const source = new TextDecoder().decode(this.sys.fs.readFile(path));
      const pid = this.forkChild(async (sh) => {
        sh.name = path;
        sh.args = argv.slice(1);
        sh.funcs = new Map();
        return sh.runSource(source);
      }, this.childFds());
      return (await this.waitForeground([pid], 0, ['']))[0];
    }
    let isDir = false;
    try {
      isDir = this.sys.fs.stat(path).type === 'dir';
    } catch {
      /* gone */
    }
    await this.error(`${path}: ${isDir && !dash ? 'Is a directory' : e.message}`);
    return 126;
  }
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
