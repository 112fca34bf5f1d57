/**
 * The shell: one `Shell` per shell process, the one implementation of `ShellContext`. It holds the state
 * (./state.ts) and the process-level parts: parsing source, forking subshells, yielding the CPU and running
 * traps, and its signal handlers. A subshell (pipeline stage, `( … )`, `$( … )`, `&`) is a child process running
 * a copy of it (`fork`). Running commands is in ./exec.ts, parameters in ./params.ts, diagnostics in
 * ./diagnostics.ts.
 */
import type { Signal } from '../../engine/kernel/signals.js';
import type { SignalDisposition, Sys } from '../../engine/kernel/sys.js';
import type { AndOrNode, Command, ListNode, Word } from './ast.js';
import type { Builtin, ShellContext } from './context.js';
import * as diag from './diagnostics.js';
import { CommandInterrupt, DiscardCommand, PromptInterrupt } from './errors.js';
import * as exec from './exec.js';
import { forkRetrying } from './forkretry.js';
import { reapJobsQuietly, waitPid } from './jobctl.js';
import { getParam, tilde } from './params.js';
import { Parser, ParseError } from './parser.js';
import { InterpreterState } from './state.js';

const YIELD_EVERY = 200;

export class Shell extends InterpreterState implements ShellContext {
  private ticks = 0;
  private readonly evalCache = new Map<string, ListNode>();

  // ------------------------------------------------------------------ parameters

  getParam(name: string): string | undefined {
    return getParam(this, name);
  }

  tilde(user: string): string {
    return tilde(this, user);
  }

  // ------------------------------------------------------------------ signals

  defaultDisposition(sig: Signal): SignalDisposition {
    if (this.interactive && this.sys.pid === this.rootPid && (sig === 'SIGINT' || sig === 'SIGQUIT' || sig === 'SIGTERM')) {
      return this.interactiveHandler;
    }
    return 'default';
  }

  interactiveHandler = (sig: Signal): void => {
    if (sig !== 'SIGINT') return;
    if (this.atPrompt) throw new PromptInterrupt();
    // Ctrl-C while the shell itself runs a loop of builtins: abandon the command line, as bash does.
    if (this.sys.pid === this.rootPid) throw new CommandInterrupt(false);
  };

  onTrappedSignal(): void {
    if (this.atPrompt) throw new PromptInterrupt();
  }

  // ------------------------------------------------------------------ messages

  error(msg: string): Promise<void> {
    return this.writeErr(`${diag.prefix(this)}${msg}\n`);
  }

  writeErr(text: string): Promise<void> {
    return diag.writeErr(this, text);
  }

  reportParseError(e: ParseError, src: string): Promise<number> {
    return diag.reportParseError(this, e, src);
  }

  settle(e: unknown): Promise<number> {
    return diag.settle(this, e);
  }

  redirFailed(e: unknown): Promise<number> {
    return diag.redirFailed(this, e);
  }

  arithFailed(e: unknown): Promise<number> {
    return diag.arithFailed(this, e);
  }

  // ------------------------------------------------------------------ running

  /** Runs source text (eval, source, -c): parses one command at a time, as bash does. */
  async runSource(src: string, opts: { line?: number; cacheable?: boolean } = {}): Promise<number> {
    if (opts.cacheable) {
      let ast = this.evalCache.get(src);
      if (!ast) {
        try {
          ast = new Parser(src, { final: true, posix: this.flavor !== 'bash' }).parseAll();
        } catch (e) {
          if (e instanceof ParseError) return this.reportParseError(e, src);
          throw e;
        }
        if (this.evalCache.size > 500) this.evalCache.clear();
        this.evalCache.set(src, ast);
      }
      if (this.opts.verbose) await this.echoInput(src);
      return this.runList(ast);
    }
    const p = new Parser(src, { final: true, line: opts.line, posix: this.flavor !== 'bash' });
    let status = 0;
    let read = 0;
    for (;;) {
      let list: ListNode | null;
      try {
        list = p.parseNext();
      } catch (e) {
        if (e instanceof ParseError) return this.reportParseError(e, src);
        throw e;
      }
      if (this.opts.verbose) await this.echoInput(src.slice(read, p.offset));
      read = p.offset;
      // Only bash warns of a here-document cut short by the end of input; dash 0.5.12 and busybox ash say nothing.
      // `bash -c` gives this warning no place (`bash: warning: …`); a script, `file: line N: warning: …`.
      for (const w of p.warnings.splice(0)) {
        if (this.flavor === 'bash') await this.writeErr(`${this.commandString ? `${this.name}: ` : diag.syntaxPrefix(this, w.line)}${w.text}\n`);
      }
      if (!list) return status;
      // `set -n` reads on without running anything; an interactive shell ignores it.
      if (this.opts.noexec && !this.interactive) continue;
      status = await this.runListDiscarding(list);
    }
  }

  /** Runs one command read from input; a discarded one ends there with its status, and reading goes on. */
  async runListDiscarding(list: ListNode): Promise<number> {
    try {
      return await this.runList(list);
    } catch (e) {
      if (!(e instanceof DiscardCommand)) throw e;
      this.status = e.status;
      return e.status;
    }
  }

  /** `set -v`: input as it is read, a line at a time, on stderr. */
  async echoInput(text: string): Promise<void> {
    if (text === '') return;
    await this.writeErr(text.endsWith('\n') ? text : `${text}\n`);
  }

  evalText(text: string): Promise<number> {
    return this.runSource(text, { cacheable: true });
  }

  lookupBuiltin(name: string): Builtin | undefined {
    return exec.lookupBuiltin(this, name);
  }

  runArgv(argv: string[], _opts: { skipFunctions: boolean }): Promise<number> {
    return exec.runArgv(this, argv);
  }

  runList(list: ListNode): Promise<number> {
    return exec.runList(this, list);
  }

  runAndOr(node: AndOrNode): Promise<number> {
    return exec.runAndOr(this, node);
  }

  runCommand(cmd: Command, forked: boolean): Promise<number> {
    return exec.runCommand(this, cmd, forked);
  }

  runBuiltin(name: string, fn: Builtin, argv: string[]): Promise<number> {
    return exec.runBuiltin(this, name, fn, argv);
  }

  callFunction(name: string, body: Command, args: string[]): Promise<number> {
    return exec.callFunction(this, name, body, args);
  }

  arith(w: Word): Promise<bigint> {
    return exec.arith(this, w);
  }

  // ------------------------------------------------------------------ scheduling

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

  // ------------------------------------------------------------------ subshells

  childFds(skip: readonly number[] = []): Record<number, number> {
    const m: Record<number, number> = {};
    for (const fd of this.sys.fds()) if (!this.internalFds.has(fd) && !skip.includes(fd)) m[fd] = fd;
    return m;
  }

  forkChild(body: (sh: ShellContext) => Promise<number>, fds: Record<number, number>, pgid?: number): Promise<number> {
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

  /** A copy of this shell for the child process `cs`. */
  fork(cs: Sys): Shell {
    const sh = new Shell(cs, this.flavor);
    sh.inheritState(this);
    return sh;
  }

  /** Top of a forked child: turns exits and errors into a status. */
  async runChild(body: (sh: ShellContext) => Promise<number>): Promise<number> {
    try {
      return await body(this);
    } catch (e) {
      return this.settle(e);
    }
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
}
