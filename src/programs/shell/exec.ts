/**
 * Running commands: lists, `&&`/`||`, pipelines, simple commands (expansion, aliases, prefix assignments,
 * redirections, then a function, a builtin or a file), and function calls. Compound commands are in
 * ./compound.ts, multi-stage pipelines and background jobs in ./jobctl.ts, files in ./external.ts.
 */
import { timePipeline } from './timing.js';
import { SysError } from '../../engine/kernel/errno.js';
import { evalArith } from './arith.js';
import { assignArray } from './arrays.js';
import type { AndOrNode, Command, ListNode, PipelineNode, SimpleNode, Word } from './ast.js';
import { noteLastArg } from './bashvars.js';
import { BASH_ONLY, BUILTINS, SPECIAL_BUILTINS } from './builtins/index.js';
import { runCompound } from './compound.js';
import type { Builtin, ShellContext } from './context.js';
import { expansionFailed } from './diagnostics.js';
import { ExitSignal, ReturnSignal, ShellError } from './errors.js';
import { expandString, expandWords } from './expand.js';
import { runExternal } from './external.js';
import { runMulti, startBackground } from './jobctl.js';
import { applyRedirs, redirectCommand, undoRedirs, type Saved } from './redirect.js';

/** The builtins this flavour has: dash and ash lack bash's extras (ash keeps `let`). */
export function lookupBuiltin(sh: ShellContext, name: string): Builtin | undefined {
  if (!Object.hasOwn(BUILTINS, name)) return undefined;
  const b = BUILTINS[name];
  if (sh.flavor !== 'bash' && BASH_ONLY.has(name) && (sh.flavor === 'dash' || name !== 'let')) return undefined;
  return b;
}

export async function runArgv(sh: ShellContext, argv: string[]): Promise<number> {
  const b = lookupBuiltin(sh, argv[0]);
  if (b) return runBuiltin(sh, argv[0], b, argv);
  const node: SimpleNode = { t: 'simple', assigns: [], words: [], redirs: [], line: sh.lineno };
  return runExternal(sh, node, argv, {}, false);
}

export async function runList(sh: ShellContext, list: ListNode): Promise<number> {
  let status = sh.status;
  for (const item of list.items) {
    if (item.bg) {
      await startBackground(sh, item.node, item.text);
      status = 0;
    } else {
      status = await runAndOr(sh, item.node);
    }
    sh.status = status;
  }
  return status;
}

/** `a && b || c`: only the last command's failure can trigger `set -e`. */
export async function runAndOr(sh: ShellContext, node: AndOrNode): Promise<number> {
  if (node.rest.length === 0) {
    const s = await runPipeline(sh, node.first);
    if (s !== 0 && sh.opts.errexit && sh.noErrexit === 0 && !node.first.bang) throw new ExitSignal(s);
    return s;
  }
  sh.noErrexit++;
  let s: number;
  try {
    s = await runPipeline(sh, node.first);
    sh.status = s;
    for (let i = 0; i < node.rest.length; i++) {
      const r = node.rest[i];
      if ((r.op === '&&') !== (s === 0)) continue;
      if (i === node.rest.length - 1) {
        sh.noErrexit--;
        try {
          s = await runPipeline(sh, r.cmd);
        } finally {
          sh.noErrexit++;
        }
        if (s !== 0 && sh.opts.errexit && sh.noErrexit === 1 && !r.cmd.bang) {
          sh.noErrexit--;
          throw new ExitSignal(s);
        }
      } else s = await runPipeline(sh, r.cmd);
      sh.status = s;
    }
  } finally {
    sh.noErrexit--;
  }
  return s;
}

async function runPipeline(sh: ShellContext, p: PipelineNode): Promise<number> {
  if (p.time) return timePipeline(sh, p, (q) => runPipeline(sh, q));
  if (!p.bang && p.cmds.length === 1) {
    const s = await runCommand(sh, p.cmds[0], false);
    sh.pipestatus = [s];
    return s;
  }
  if (p.bang) sh.noErrexit++;
  let s: number;
  try {
    if (p.cmds.length === 1) {
      s = await runCommand(sh, p.cmds[0], false);
      sh.pipestatus = [s];
    } else s = await runMulti(sh, p);
  } finally {
    if (p.bang) sh.noErrexit--;
  }
  return p.bang ? (s === 0 ? 1 : 0) : s;
}

export async function runCommand(sh: ShellContext, cmd: Command, forked: boolean): Promise<number> {
  if (cmd.t === 'simple') return runSimple(sh, cmd, forked);
  if (cmd.t === 'func') {
    sh.funcs.set(cmd.name, cmd.body);
    return 0;
  }
  const redir = await redirectCommand(sh, cmd.redirs, false);
  if ('status' in redir) return redir.status;
  try {
    return await runCompound(sh, cmd, forked);
  } finally {
    if (redir.saved) undoRedirs(sh, redir.saved);
  }
}

export async function arith(sh: ShellContext, w: Word): Promise<bigint> {
  return evalArith(await expandString(sh, w), sh.arithVars);
}

async function runSimple(sh: ShellContext, cmd: SimpleNode, forked: boolean): Promise<number> {
  sh.lineno = cmd.line;
  if (sh.needsYield()) await sh.slowTick();
  let argv: string[];
  try {
    argv = cmd.words.length === 0 ? [] : await expandWords(sh, cmd.words);
  } catch (e) {
    return expansionFailed(sh, e);
  }
  if (argv.length > 0 && sh.aliases.size > 0 && (sh.interactive || sh.expandAliases) && cmd.words[0].plain !== undefined) {
    const a = sh.aliases.get(argv[0]);
    if (a !== undefined) argv = [...a.split(/\s+/).filter(Boolean), ...argv.slice(1)];
  }
  if (argv.length === 0) return runAssignOnly(sh, cmd);
  try {
    return await runArgvCommand(sh, cmd, argv, forked);
  } finally {
    noteLastArg(sh, argv);
  }
}

async function runArgvCommand(sh: ShellContext, cmd: SimpleNode, argv: string[], forked: boolean): Promise<number> {
  const temp: Record<string, string> = {};
  try {
    for (const a of cmd.assigns) temp[a.name] = await expandString(sh, a.value);
  } catch (e) {
    return expansionFailed(sh, e);
  }
  if (sh.opts.xtrace) await trace(sh, cmd.assigns.map((a) => `${a.name}=${temp[a.name]}`).concat(argv));
  const name = argv[0];
  if (name === 'exec' && argv.length === 1) {
    try {
      const saved = await applyRedirs(sh, cmd.redirs, true);
      for (const s of saved) if (s.copy >= 0) sh.internalFds.delete(s.copy);
    } catch (e) {
      const st = await sh.redirFailed(e);
      if (!sh.interactive) throw new ExitSignal(st);
      return st;
    }
    return 0;
  }
  const fn = sh.funcs.get(name);
  const builtin = fn ? undefined : lookupBuiltin(sh, name);
  if (fn || builtin) {
    const redir = await redirectCommand(sh, cmd.redirs, false);
    if ('status' in redir) return redir.status;
    const restore = sh.pushTemp(temp, builtin !== undefined && SPECIAL_BUILTINS.has(name));
    try {
      if (fn) return await callFunction(sh, name, fn, argv.slice(1));
      return await runBuiltin(sh, name, builtin!, argv);
    } finally {
      restore();
      if (redir.saved) undoRedirs(sh, redir.saved);
    }
  }
  return runExternal(sh, cmd, argv, temp, forked);
}

async function runAssignOnly(sh: ShellContext, cmd: SimpleNode): Promise<number> {
  sh.status = 0;
  let saved: Saved | null = null;
  try {
    for (const a of cmd.assigns) {
      if (a.sub || a.items) {
        await assignArray(sh, a, expandWords, expandString);
        continue;
      }
      const v = await expandString(sh, a.value);
      sh.setVar(a.name, a.append ? (sh.getVar(a.name) ?? '') + v : v);
      if (sh.opts.xtrace) await trace(sh, [`${a.name}=${v}`]);
    }
    if (cmd.redirs.length > 0) saved = await applyRedirs(sh, cmd.redirs, false);
  } catch (e) {
    return expansionFailed(sh, e);
  } finally {
    if (saved) undoRedirs(sh, saved);
  }
  return sh.status;
}

/** `set -x`: the command as it will run, after `$PS4`, quoted so it could be typed again. */
async function trace(sh: ShellContext, words: string[]): Promise<void> {
  const ps4 = sh.getVar('PS4') ?? '+ ';
  const q = words.map((w) => (w === '' || /[^\w@%+=:,./-]/.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w));
  await sh.writeErr(`${ps4}${q.join(' ')}\n`);
}

export async function runBuiltin(sh: ShellContext, name: string, fn: Builtin, argv: string[]): Promise<number> {
  try {
    return await fn(sh, argv);
  } catch (e) {
    if (e instanceof ShellError) {
      await sh.error(e.message);
      if (e.fatal && !sh.interactive) throw new ExitSignal(e.status);
      return e.status;
    }
    if (e instanceof SysError && (e.syscall === 'write' || e.code === 'EBADF')) {
      await sh.error(`${name}: write error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export async function callFunction(sh: ShellContext, name: string, body: Command, args: string[]): Promise<number> {
  if (sh.funcDepth >= 1000) throw new ShellError(`${name}: maximum function nesting level exceeded (1000)`, 1);
  const leave = sh.enterFunction(args);
  try {
    return await runCommand(sh, body, false);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    leave();
  }
}
