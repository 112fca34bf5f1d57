/** The interactive read–eval loop: prompts, continuation lines, Ctrl-C at the prompt, Ctrl-D, job notices. */
import { checkWinSize } from './bashvars.js';
import { notifyJobs } from './jobctl.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { readRecord } from './builtins/vars.js';
import { CommandInterrupt, DiscardCommand, ExitSignal } from './errors.js';
import { expandString } from './expand.js';
import { prefix } from './diagnostics.js';
import type { expandHistory } from './histexpand.js';
import { ParseError, Parser, parseDqString } from './parser.js';
import type { ShellContext } from './context.js';
import { lookupPasswd } from './params.js';
import { PromptInterrupt } from './errors.js';
import { loadHistory, readLineEdited, recordHistory, saveHistory, usesLineEditor } from './readline/index.js';
import { LateSlot } from '../../engine/kernel/late.js';

/** History expansion (`!!`, `^old^new`) acts on lines the learner types: none before the first prompt. */
export const LATE_HISTEXPAND = new LateSlot<typeof expandHistory>('history expansion');

/** Reads one line: edited by the line editor (bash, ash), or as the canonical TTY hands it over (dash). */
export async function readInputLine(sh: ShellContext, promptText = ''): Promise<string | null> {
  if (usesLineEditor(sh)) return readLineEdited(sh, promptText);
  if (promptText !== '') await sh.writeErr(promptText);
  if (sh.sys.isatty(0)) return sh.sys.read(0);
  const rec = await readRecord(sh, 0);
  if (!rec) return null;
  return rec.complete ? `${rec.text}\n` : rec.text;
}

function userName(sh: ShellContext): string {
  const uid = String(sh.sys.euid);
  return lookupPasswd(sh.sys, (f) => f[2] === uid)?.[0] ?? sh.getVar('USER') ?? 'I have no name!';
}

/** Decodes PS1's backslash escapes, then expands parameters in the result (bash's promptvars). */
export async function expandPrompt(sh: ShellContext, ps: string): Promise<string> {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i];
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const e = ps[++i];
    switch (e) {
      case 'u':
        out += userName(sh);
        break;
      case 'h':
        out += sh.sys.hostname().split('.')[0];
        break;
      case 'H':
        out += sh.sys.hostname();
        break;
      case 'w':
      case 'W': {
        const pwd = sh.getVar('PWD') ?? sh.sys.cwd();
        const home = sh.getVar('HOME');
        if (e === 'W') out += pwd === home ? '~' : pwd === '/' ? '/' : pwd.slice(pwd.lastIndexOf('/') + 1);
        else out += home && home !== '/' && (pwd === home || pwd.startsWith(`${home}/`)) ? `~${pwd.slice(home.length)}` : pwd;
        break;
      }
      case '$':
        out += sh.sys.euid === 0 ? '#' : '$';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'e':
        out += '\x1b';
        break;
      case '[':
      case ']':
        break;
      case '\\':
        out += '\\\\';
        break;
      case 's':
        out += sh.name.replace(/^-/, '').replace(/^.*\//, '');
        break;
      case 'v':
        out += '5.2';
        break;
      case 'V':
        out += '5.2.21';
        break;
      case 'j':
        out += String(sh.jobs.length);
        break;
      case 'l':
        out += (sh.sys.ttyname(0) ?? 'tty').replace(/^.*\//, '');
        break;
      case 't':
      case 'T':
      case 'A':
      case '@': {
        const d = new Date(sh.sys.now());
        const hh = d.getUTCHours();
        const mm = String(d.getUTCMinutes()).padStart(2, '0');
        const ss = String(d.getUTCSeconds()).padStart(2, '0');
        const h12 = String(hh % 12 === 0 ? 12 : hh % 12).padStart(2, '0');
        if (e === 't') out += `${String(hh).padStart(2, '0')}:${mm}:${ss}`;
        else if (e === 'T') out += `${h12}:${mm}:${ss}`;
        else if (e === 'A') out += `${String(hh).padStart(2, '0')}:${mm}`;
        else out += `${h12}:${mm} ${hh < 12 ? 'AM' : 'PM'}`;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          const m = /^[0-7]{1,3}/.exec(ps.slice(i))![0];
          out += String.fromCharCode(parseInt(m, 8));
          i += m.length - 1;
        } else out += `\\${e}`;
    }
  }
  if (sh.flavor !== 'bash' && !out.includes('$')) return out;
  try {
    return await expandString(sh, parseDqString(out));
  } catch (e) {
    if (isProcessEnd(e)) throw e;
    return out;
  }
}

async function prompt(sh: ShellContext, name: 'PS1' | 'PS2'): Promise<string> {
  const ps = sh.getVar(name) ?? '';
  // dash expands parameters in prompts but knows no backslash escapes.
  return sh.flavor === 'dash' ? (ps.includes('$') ? await expandString(sh, parseDqString(ps)) : ps) : await expandPrompt(sh, ps);
}

export async function interactiveLoop(sh: ShellContext): Promise<number> {
  if (usesLineEditor(sh)) loadHistory(sh);
  try {
    return await commandLoop(sh);
  } finally {
    if (usesLineEditor(sh)) saveHistory(sh);
  }
}

function recordLine(sh: ShellContext, entry: string): void {
  if (usesLineEditor(sh)) recordHistory(sh, entry);
  else if (entry.trim() !== '' && sh.history[sh.history.length - 1] !== entry) sh.history.push(entry);
}

async function commandLoop(sh: ShellContext): Promise<number> {
  const sys = sh.sys;
  if (sh.opts.monitor) {
    try {
      sys.tcsetpgrp(0, sys.getpgrp());
    } catch {
      /* no terminal */
    }
  }
  let pending = '';
  for (;;) {
    if (pending === '') await notifyJobs(sh);
    // readline reads the terminal's size as it starts each line.
    if (usesLineEditor(sh)) checkWinSize(sh, 0);
    const promptText = await prompt(sh, pending === '' ? 'PS1' : 'PS2');
    let line: string | null;
    sh.atPrompt = true;
    try {
      line = await readInputLine(sh, promptText);
    } catch (e) {
      if (!(e instanceof PromptInterrupt)) throw e;
      sh.atPrompt = false;
      await sh.writeErr('\n');
      pending = '';
      sh.status = 130;
      continue;
    } finally {
      sh.atPrompt = false;
    }
    if (line === null) {
      if (pending !== '' && sh.flavor === 'bash') {
        await sh.writeErr(`${sh.name}: syntax error: unexpected end of file\n`);
      }
      if (sh.flavor === 'bash') await sh.writeErr(sh.login ? 'logout\n' : 'exit\n');
      return sh.status;
    }
    if (sh.opts.histexpand && sh.flavor === 'bash') {
      const body = line.replace(/\n$/, '');
      const x = LATE_HISTEXPAND.get()(body, sh.history);
      if (!x.ok) {
        await sh.writeErr(`${prefix(sh)}${x.error}\n`);
        pending = '';
        continue;
      }
      if (x.changed) {
        // bash shows the line it will run; `:p` only shows it, and keeps it in the history.
        await sh.writeErr(`${x.line}\n`);
        line = x.line + line.slice(body.length);
        if (x.printOnly) {
          recordLine(sh, (pending + line).replace(/\n$/, ''));
          pending = '';
          continue;
        }
      }
    }
    if (sh.opts.verbose) await sh.echoInput(line);
    pending += line;
    let list;
    try {
      list = new Parser(pending, { final: false, line: 1, posix: sh.flavor !== 'bash' }).parseAll();
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      if (e.incomplete) continue;
      const text = pending;
      pending = '';
      await sh.reportParseError(e, text);
      continue;
    }
    recordLine(sh, pending.replace(/\n$/, ''));
    pending = '';
    try {
      await sh.runList(list);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (e instanceof DiscardCommand) sh.status = e.status;
      else if (e instanceof CommandInterrupt) {
        if (!e.newlineShown) await sh.writeErr('\n');
        sh.status = 130;
      } else sh.status = await sh.settle(e);
    }
    if (sh.pendingTraps.length > 0) await sh.runPendingTraps();
  }
}
