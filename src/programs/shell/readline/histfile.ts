/**
 * The shell's history list as bash keeps it: HISTCONTROL decides what is recorded, HISTSIZE bounds the
 * list, HISTFILE is read when an interactive shell starts and rewritten (HISTFILESIZE lines) when it exits.
 * busybox ash keeps ~/.ash_history the same way.
 */
import type { ShellContext } from '../context.js';
import { historyLimit, readHistoryFile, writeHistoryFile } from './history.js';

function histfile(sh: ShellContext): string | undefined {
  const v = sh.getVar('HISTFILE');
  if (v !== undefined) return v === '' ? undefined : v;
  const home = sh.getVar('HOME');
  if (!home) return undefined;
  return `${home.replace(/\/$/, '')}/${sh.flavor === 'ash' ? '.ash_history' : '.bash_history'}`;
}

function histsize(sh: ShellContext): number {
  return historyLimit(sh.getVar('HISTSIZE'), sh.flavor === 'ash' ? 255 : 500);
}

/** Start of an interactive session (after the start-up files have set HISTSIZE and friends). */
export function loadHistory(sh: ShellContext): void {
  const path = histfile(sh);
  if (!path) return;
  const lines = readHistoryFile(sh.sys.fs, path, histsize(sh));
  sh.history.splice(0, sh.history.length, ...lines);
}

/** End of the session: bash truncates the file to HISTFILESIZE (default: HISTSIZE). */
export function saveHistory(sh: ShellContext): void {
  const path = histfile(sh);
  if (!path) return;
  const limit = historyLimit(sh.getVar('HISTFILESIZE'), histsize(sh));
  writeHistoryFile(sh.sys.fs, path, sh.history, limit);
}

/** Adds a typed command (its text without the final newline) as HISTCONTROL allows. */
export function recordHistory(sh: ShellContext, entry: string): void {
  if (entry.trim() === '') return;
  const control = sh.flavor === 'bash' ? (sh.getVar('HISTCONTROL') ?? '').split(':') : ['ignoredups'];
  const has = (o: string): boolean => control.includes(o) || (control.includes('ignoreboth') && (o === 'ignorespace' || o === 'ignoredups'));
  if (has('ignorespace') && /^[ ]/.test(entry)) return;
  const h = sh.history;
  if (has('ignoredups') && h[h.length - 1] === entry) return;
  if (has('erasedups')) {
    for (let i = h.length - 1; i >= 0; i--) if (h[i] === entry) h.splice(i, 1);
  }
  h.push(entry);
  const max = histsize(sh);
  if (h.length > max) h.splice(0, h.length - max);
}
