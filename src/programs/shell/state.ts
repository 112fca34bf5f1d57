/**
 * The interpreter's state: variables (with `local` frames and the exported environment), functions, aliases,
 * options and positional parameters. A subshell starts from a copy (`inheritState`); the three tables are shared
 * copy-on-write until either side touches them.
 */
import { CommandHash } from './hashcmd.js';
import type { Signal } from '../../engine/kernel/signals.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { ArithVars } from './arith.js';
import type { Command } from './ast.js';
import type { Flavor, Job, ShellOptions, ShellState, Var } from './context.js';
import { CopyOnWrite } from './cow.js';
import { ShellError } from './errors.js';

function copyVars(vars: Map<string, Var>): Map<string, Var> {
  const m = new Map<string, Var>();
  for (const [k, v] of vars) m.set(k, v.arr ? { ...v, arr: new Map(v.arr) } : { ...v });
  return m;
}

export abstract class InterpreterState implements ShellState {
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
  opts: ShellOptions = {
    errexit: false, xtrace: false, nounset: false, pipefail: false, noglob: false, monitor: false, noclobber: false, histexpand: false,
    allexport: false, braceexpand: true, hashall: true, noexec: false, verbose: false,
  };
  args: string[] = [];
  name = 'bash';
  status = 0;
  lastBg: number | undefined;
  interactive = false;
  interactiveShell = false;
  readsStdin = false;
  shownMonitor = false;
  expandAliases = false;
  diagName: string | undefined;
  login = false;
  lineno = 1;
  rootPid: number;
  jobs: Job[] = [];
  traps = new Map<string, string>();
  pendingTraps: Signal[] = [];
  inbufs = new Map<number, { buf: string; eof: boolean }>();
  readonly internalFds = new Set<number>();
  funcDepth = 0;
  getoptsState: { optind: number; pos: number } | undefined;
  readonly history: string[] = [];
  shopts: Set<string> | undefined;
  commandHash = new CommandHash();
  dirStack: string[] = [];
  sourcing = 0;
  loopDepth = 0;
  noErrexit = 0;
  pipestatus: number[] = [];
  lastArg: string | undefined;
  commandString = false;
  atPrompt = false;
  private envCache: Record<string, string> | null = null;
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

  abstract getParam(name: string): string | undefined;

  /** Starts this (new) subshell's state as a copy of `parent`'s. */
  protected inheritState(parent: InterpreterState): void {
    this.varTable = parent.varTable.fork();
    this.funcTable = parent.funcTable.fork();
    this.aliasTable = parent.aliasTable.fork();
    this.envCache = parent.envCache;
    this.opts = { ...parent.opts, monitor: false };
    if (parent.commandHash.size > 0) this.commandHash = parent.commandHash.copy();
    this.dirStack = [...parent.dirStack];
    this.login = parent.login;
    this.expandAliases = parent.interactive || parent.expandAliases;
    this.interactiveShell = parent.interactive || parent.interactiveShell;
    this.readsStdin = parent.readsStdin;
    this.shownMonitor = parent.opts.monitor || parent.shownMonitor;
    // `history | grep docker`: the subshell's history is the prompt's, as a forked bash's is.
    if (this.interactiveShell) this.history.push(...parent.history);
    this.args = [...parent.args];
    this.name = parent.name;
    this.diagName = parent.diagName;
    this.status = parent.status;
    this.lastBg = parent.lastBg;
    this.lineno = parent.lineno;
    this.lastArg = parent.lastArg;
    this.rootPid = parent.rootPid;
    this.commandString = parent.commandString;
    this.funcDepth = parent.funcDepth;
    this.localFrames = parent.localFrames.map(() => new Map());
    for (const [sig, cmd] of parent.traps) if (cmd === '') this.traps.set(sig, '');
  }

  getVar(name: string): string | undefined {
    const v = this.vars.get(name);
    if (v?.arr) return v.arr.get(0);
    return v && !v.unsetExported ? v.value : undefined;
  }

  setVar(name: string, value: string, opts: { export?: boolean } = {}): void {
    if (this.opts.allexport) opts = { export: true };
    if (name === 'PATH') this.commandHash.clear();
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
    if (name === 'PATH') this.commandHash.clear();
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

  pushTemp(temp: Record<string, string>, permanent: boolean): () => void {
    const names = Object.keys(temp);
    if (names.length === 0) return () => {};
    const old = names.map((n) => this.vars.get(n));
    // A PATH given to one command does not forget what the shell has remembered.
    const hash = !permanent && 'PATH' in temp ? this.commandHash.copy() : undefined;
    for (const n of names) this.setVar(n, temp[n], { export: !permanent });
    if (permanent) return () => {};
    return () => {
      if (hash) this.commandHash = hash;
      names.forEach((n, i) => {
        const o = old[i];
        if (o) this.vars.set(n, o);
        else this.vars.delete(n);
      });
      this.envCache = null;
    };
  }

  enterFunction(args: string[]): () => void {
    const savedArgs = this.args;
    this.args = args;
    this.funcDepth++;
    const frame = new Map<string, Var | undefined>();
    this.localFrames.push(frame);
    return () => {
      this.localFrames.pop();
      for (const [n, v] of frame) {
        if (v) this.vars.set(n, v);
        else this.vars.delete(n);
      }
      if (frame.size > 0) this.envCache = null;
      this.funcDepth--;
      this.args = savedArgs;
    };
  }
}
