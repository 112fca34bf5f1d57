/**
 * History for the line editor: walking it with Up/Down (edits to the line being typed survive a trip into
 * history and back), and bash's history file (read at start-up, written at exit, trimmed to HISTFILESIZE).
 */
import type { Fs } from '../../../engine/kernel/fsTypes.js';

export class HistoryWalk {
  /** Index into `entries`; `entries.length` is the line being typed. */
  private pos: number;
  private readonly edits = new Map<number, string>();

  constructor(
    private readonly entries: readonly string[],
    current: string,
  ) {
    this.pos = entries.length;
    this.edits.set(this.pos, current);
  }

  get position(): number {
    return this.pos;
  }

  private text(i: number): string {
    return this.edits.get(i) ?? this.entries[i] ?? '';
  }

  /** Moves by `delta` (-1: older), remembering `current` as the edited text of the entry left. */
  move(delta: number, current: string): string | null {
    const next = this.pos + delta;
    if (next < 0 || next > this.entries.length) return null;
    this.edits.set(this.pos, current);
    this.pos = next;
    return this.text(next);
  }

  /** M-< and M->. */
  jump(to: 'first' | 'last', current: string): string | null {
    return this.move((to === 'first' ? 0 : this.entries.length) - this.pos, current);
  }

  /** After a search picks an entry: walking continues from there. */
  moveTo(index: number, current: string): void {
    this.edits.set(this.pos, current);
    this.pos = index;
  }
}

/** A history size variable as bash reads it: unset → the default, non-numeric → the default, <0 → unlimited. */
export function historyLimit(value: string | undefined, def: number): number {
  if (value === undefined || value === '' || !/^-?[0-9]+$/.test(value)) return def;
  const n = Number(value);
  return n < 0 ? Infinity : n;
}

/** Lines of a history file (bash skips `#<digits>` timestamp lines when HISTTIMEFORMAT is unset too). */
export function readHistoryFile(fs: Fs, path: string, limit: number): string[] {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    return [];
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const kept = lines.filter((l) => !/^#[0-9]+$/.test(l));
  return limit === Infinity ? kept : kept.slice(Math.max(0, kept.length - limit));
}

/** Writes the history file at exit, as bash does with histappend off: the file becomes the last `limit` lines. */
export function writeHistoryFile(fs: Fs, path: string, entries: readonly string[], limit: number): void {
  const kept = limit === Infinity ? entries : entries.slice(Math.max(0, entries.length - limit));
  try {
    fs.writeFile(path, kept.length === 0 ? '' : `${kept.join('\n')}\n`, { mode: 0o600 });
  } catch {
    /* bash says nothing when it cannot write the history file */
  }
}
