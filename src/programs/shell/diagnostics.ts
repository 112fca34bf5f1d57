/**
 * How the shell reports errors: each flavour's prefix (`bash: line 3: `, `sh: 1: `, `sh: `), its wording of
 * syntax errors, and which failures end a non-interactive shell.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import { ArithError } from './arith.js';
import type { ShellContext } from './context.js';
import { BreakSignal, DiscardCommand, ExitSignal, GlobFailure, ReturnSignal, ShellError } from './errors.js';
import { ForkFailed } from './forkretry.js';
import type { ParseError } from './parser.js';

/** `bash: line 3: ` / `bash: ` / `sh: 1: `, as each shell prefixes its diagnostics. */
export function prefix(sh: ShellContext): string {
  const name = sh.diagName ?? sh.name;
  if (sh.flavor === 'bash') return sh.interactive || sh.interactiveShell ? `${name}: ` : `${name}: line ${sh.lineno}: `;
  if (sh.flavor === 'dash') return `${sh.name}: ${sh.lineno}: `;
  return `${sh.name}: `;
}

export async function writeErr(sh: ShellContext, text: string): Promise<void> {
  try {
    await sh.sys.write(2, text);
  } catch (e) {
    if (isProcessEnd(e)) throw e;
  }
}

export function syntaxPrefix(sh: ShellContext, line: number): string {
  if (sh.flavor !== 'bash') return `${sh.name}: ${line}: `;
  if (sh.interactive) return `${sh.name}: `;
  return sh.commandString ? `${sh.name}: -c: line ${line}: ` : `${sh.name}: line ${line}: `;
}

export async function reportParseError(sh: ShellContext, e: ParseError, src: string): Promise<number> {
  const lines = src.split('\n');
  if (sh.flavor === 'ash') {
    let msg: string;
    if (e.detail.quote === '"' || e.detail.quote === "'") msg = 'unterminated quoted string';
    else if (e.incomplete || e.detail.atEof) msg = `unexpected end of file${e.detail.expecting ? ` (expecting "${e.detail.expecting}")` : ''}`;
    else msg = e.detail.message && !e.token ? e.detail.message : `unexpected "${e.token}"`.replace('"newline"', 'newline');
    await sh.writeErr(`${sh.name}: syntax error: ${msg}\n`);
  } else if (sh.flavor !== 'bash') {
    let msg: string;
    if (e.detail.quote === '"' || e.detail.quote === "'") msg = 'Unterminated quoted string';
    else if (e.detail.message && !e.incomplete && !e.token) msg = e.detail.message;
    else if (e.incomplete || e.detail.atEof) msg = `end of file unexpected${e.detail.expecting ? ` (expecting "${e.detail.expecting}")` : ''}`;
    else msg = e.token === 'newline' ? 'newline unexpected' : `"${e.token}" unexpected`;
    await sh.writeErr(`${syntaxPrefix(sh, e.line)}Syntax error: ${msg}\n`);
  } else if (e.incomplete && !e.detail.quote) {
    const eofLine = src.replace(/\n$/, '').split('\n').length + 1;
    await sh.writeErr(`${syntaxPrefix(sh, eofLine)}syntax error: unexpected end of file\n`);
  } else {
    await sh.writeErr(`${syntaxPrefix(sh, e.line)}${e.message}\n`);
    if (!e.incomplete && !sh.interactive && e.token) {
      await sh.writeErr(`${syntaxPrefix(sh, e.line)}\`${lines[e.line - 1] ?? ''}'\n`);
    }
  }
  sh.status = 2;
  if (!sh.interactive) throw new ExitSignal(2);
  return 2;
}

/** What a caught exception means at the top of a (sub)shell: its status, after any diagnostic. */
export async function settle(sh: ShellContext, e: unknown): Promise<number> {
  if (e instanceof ExitSignal) return e.status;
  if (e instanceof ReturnSignal) return e.status;
  if (e instanceof DiscardCommand) return e.status;
  if (e instanceof BreakSignal) return sh.status;
  if (e instanceof ForkFailed) return e.status;
  if (e instanceof ShellError) {
    await sh.error(e.message);
    return e.status;
  }
  throw e;
}

export async function redirFailed(sh: ShellContext, e: unknown): Promise<number> {
  if (e instanceof ShellError) {
    await sh.error(e.message);
    return e.status;
  }
  throw e;
}

export async function arithFailed(sh: ShellContext, e: unknown): Promise<number> {
  if (e instanceof ArithError) {
    await sh.error(e.message);
    if (!sh.interactive) throw new ExitSignal(1);
    return 1;
  }
  throw e;
}

/** A failed expansion: fatal ones (`${x?}`, a readonly assignment) end a non-interactive shell. */
export async function expansionFailed(sh: ShellContext, e: unknown): Promise<number> {
  if (e instanceof GlobFailure) {
    await sh.error(e.message);
    throw new DiscardCommand(e.status);
  }
  if (e instanceof ShellError) {
    await sh.error(e.message);
    if (e.fatal && !sh.interactive) throw new ExitSignal(e.status);
    return e.status;
  }
  if (e instanceof ArithError) return arithFailed(sh, e);
  throw e;
}
