/**
 * nano's buffer: lines of text whose last one is always the empty "magic line" (what follows the file's
 * final newline), the cursor as line and index plus the column it wants to keep (placewewant), the cut
 * buffer, and the undo stack. Editing operations are nano's (text.c, cut.c), without the screen.
 */

export const TABSIZE = 8;

/** Columns `text[0..index)` takes on screen: tabs to the next multiple of 8, control characters as ^X. */
export function wideness(text: string, index: number): number {
  let col = 0;
  for (let i = 0; i < index && i < text.length; i++) col = advance(text[i], col);
  return col;
}

function advance(ch: string, col: number): number {
  if (ch === '\t') return col + TABSIZE - (col % TABSIZE);
  const code = ch.charCodeAt(0);
  return col + (code < 0x20 || code === 0x7f ? 2 : 1);
}

/** The index in `text` whose column is the last one not beyond `column` (actual_x). */
export function indexForColumn(text: string, column: number): number {
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const next = advance(text[i], col);
    if (next > column) return i;
    col = next;
  }
  return text.length;
}

/** The cells a line shows from column `from` for `width` columns, and whether more of it lies beyond. */
export function displayCells(text: string, from: number, width: number): { cells: string; more: boolean } {
  let cells = '';
  let col = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const shown = ch === '\t' ? ' '.repeat(TABSIZE - (col % TABSIZE)) : code < 0x20 ? `^${String.fromCharCode(code + 64)}` : code === 0x7f ? '^?' : ch;
    for (const c of shown) {
      if (col >= from) cells += c;
      col++;
    }
    if (col - from > width) break;
  }
  const more = cells.length > width;
  return { cells: cells.slice(0, width), more };
}

export type UndoKind = 'addition' | 'deletion' | 'line break' | 'line join' | 'cut' | 'paste';

interface Snapshot {
  readonly lines: readonly string[];
  readonly row: number;
  readonly x: number;
}

interface UndoItem {
  readonly kind: UndoKind;
  readonly before: Snapshot;
  after: Snapshot;
  /** The group can take one more of the same action at this cursor position. */
  continueAt: { row: number; x: number } | null;
}

export class Buffer {
  lines: string[];
  row = 0;
  x = 0;
  /** The column the cursor tries to keep on vertical moves. */
  want = 0;
  modified = false;
  cutBuffer: string[] | null = null;
  /** The last action was a cut: the next ^K adds to the cut buffer rather than replacing it. */
  keepCut = false;
  private undos: UndoItem[] = [];
  private redos: UndoItem[] = [];
  /** The undo item the file on disk matches (null: the state before any edit); undoing back to it unmodifies. */
  private savedAt: UndoItem | null = null;

  constructor(lines: readonly string[]) {
    this.lines = lines.length === 0 || lines[lines.length - 1] !== '' ? [...lines, ''] : [...lines];
  }

  get line(): string {
    return this.lines[this.row];
  }

  /** Lines of the file, without the magic line. */
  get count(): number {
    return this.lines.length - 1;
  }

  /** The file's text as it is written: each line ends with a newline (nano adds the last one). */
  text(eol = '\n'): string {
    return this.lines.slice(0, -1).map((l) => l + eol).join('');
  }

  column(): number {
    return wideness(this.line, this.x);
  }

  // ---- moving

  moveTo(row: number, x: number): void {
    this.row = Math.max(0, Math.min(row, this.lines.length - 1));
    this.x = Math.max(0, Math.min(x, this.line.length));
    this.want = this.column();
  }

  left(): void {
    if (this.x > 0) this.moveTo(this.row, this.x - 1);
    else if (this.row > 0) this.moveTo(this.row - 1, this.lines[this.row - 1].length);
  }

  right(): void {
    if (this.x < this.line.length) this.moveTo(this.row, this.x + 1);
    else if (this.row < this.lines.length - 1) this.moveTo(this.row + 1, 0);
  }

  /** Up or down `n` lines, keeping the wanted column; false when already at the edge. */
  vertical(n: number): boolean {
    const target = Math.max(0, Math.min(this.row + n, this.lines.length - 1));
    if (target === this.row) return false;
    this.row = target;
    this.x = indexForColumn(this.line, this.want);
    return true;
  }

  home(): void {
    this.moveTo(this.row, 0);
  }

  end(): void {
    this.moveTo(this.row, this.line.length);
  }

  // ---- editing

  insert(text: string): void {
    const kind: UndoKind = text === '\n' ? 'line break' : 'addition';
    this.record(kind, () => {
      const parts = text.split('\n');
      const head = this.line.slice(0, this.x);
      const tail = this.line.slice(this.x);
      parts[0] = head + parts[0];
      const lastLen = parts[parts.length - 1].length;
      parts[parts.length - 1] += tail;
      this.lines.splice(this.row, 1, ...parts);
      this.row += parts.length - 1;
      this.x = lastLen + (parts.length === 1 ? head.length : 0);
      if (this.row === this.lines.length - 1 && this.line !== '') this.lines.push('');
    });
  }

  /** Backspace: the character before the cursor, or the line break before the line. */
  backspace(): void {
    if (this.x > 0) {
      this.record('deletion', () => {
        this.lines[this.row] = this.line.slice(0, this.x - 1) + this.line.slice(this.x);
        this.x--;
      });
    } else if (this.row > 0) {
      this.record('line join', () => {
        const prev = this.lines[this.row - 1];
        this.lines.splice(this.row - 1, 2, prev + this.line);
        this.row--;
        this.x = prev.length;
        this.fixMagic();
      });
    }
  }

  /** Delete: the character under the cursor, or the line break after the line. */
  del(): void {
    if (this.x < this.line.length) {
      this.record('deletion', () => {
        this.lines[this.row] = this.line.slice(0, this.x) + this.line.slice(this.x + 1);
      });
    } else if (this.row < this.lines.length - 1) {
      this.record('line join', () => {
        this.lines.splice(this.row, 2, this.line + this.lines[this.row + 1]);
        this.fixMagic();
      });
    }
  }

  /** ^K: false when there is nothing to cut (the magic line). Consecutive cuts pile up in the cut buffer. */
  cutLine(): boolean {
    if (this.row === this.lines.length - 1 && this.line === '') return false;
    const keep = this.keepCut && this.cutBuffer !== null;
    this.record('cut', () => {
      const [cut] = this.lines.splice(this.row, 1);
      this.cutBuffer = keep ? [...this.cutBuffer!, cut] : [cut];
      if (this.lines.length === 0) this.lines.push('');
      this.fixMagic();
      this.x = 0;
    });
    this.keepCut = true;
    return true;
  }

  /** ^U: false when the cut buffer is empty. */
  paste(): boolean {
    if (this.cutBuffer === null) return false;
    const text = this.cutBuffer.map((l) => `${l}\n`).join('');
    this.record('paste', () => {
      const head = this.line.slice(0, this.x);
      const tail = this.line.slice(this.x);
      const parts = (head + text + tail).split('\n');
      this.lines.splice(this.row, 1, ...parts);
      this.row += this.cutBuffer!.length;
      this.x = 0;
      this.fixMagic();
    });
    return true;
  }

  private fixMagic(): void {
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  // ---- undo

  private snapshot(): Snapshot {
    return { lines: [...this.lines], row: this.row, x: this.x };
  }

  /** Runs an edit, recording it for undo; typing, Backspace and Delete runs at one spot are one step each. */
  private record(kind: UndoKind, edit: () => void): void {
    const last = this.undos[this.undos.length - 1];
    const joins =
      last !== undefined && last.kind === kind && (kind === 'addition' || kind === 'deletion') &&
      last.continueAt !== null && last.continueAt.row === this.row && last.continueAt.x === this.x;
    const before = this.snapshot();
    edit();
    this.want = this.column();
    this.modified = true;
    if (kind !== 'cut') this.keepCut = false;
    this.redos = [];
    const after = this.snapshot();
    const continueAt = kind === 'addition' || kind === 'deletion' ? { row: this.row, x: this.x } : null;
    if (joins) {
      last.after = after;
      last.continueAt = continueAt;
    } else this.undos.push({ kind, before, after, continueAt });
  }

  /** M-U: what was undone, or null when nothing is left to undo. */
  undo(): UndoKind | null {
    const item = this.undos.pop();
    if (!item) return null;
    item.continueAt = null;
    this.restore(item.before);
    this.redos.push(item);
    return item.kind;
  }

  redo(): UndoKind | null {
    const item = this.redos.pop();
    if (!item) return null;
    this.undos.push(item);
    this.restore(item.after);
    return item.kind;
  }

  private restore(s: Snapshot): void {
    this.lines = [...s.lines];
    this.row = s.row;
    this.x = s.x;
    this.want = this.column();
    this.modified = (this.undos[this.undos.length - 1] ?? null) !== this.savedAt;
    this.keepCut = false;
  }

  /** The buffer was written: this state is the file's. */
  saved(): void {
    this.modified = false;
    this.savedAt = this.undos[this.undos.length - 1] ?? null;
    const last = this.undos[this.undos.length - 1];
    if (last) last.continueAt = null;
  }

  /** Any action but a cut ends a run of cuts. */
  breakCut(): void {
    this.keepCut = false;
  }

  /** The first match of `needle` after the cursor, wrapping around (case-insensitive, as nano by default). */
  find(needle: string): { row: number; x: number; wrapped: boolean } | null {
    const n = needle.toLowerCase();
    const total = this.lines.length;
    for (let i = 0; i <= total; i++) {
      const row = (this.row + i) % total;
      const hay = this.lines[row].toLowerCase();
      const from = i === 0 ? this.x + 1 : 0;
      const limit = i === total ? this.x + 1 : hay.length;
      const at = hay.indexOf(n, from);
      if (at >= 0 && (i < total || at < limit)) return { row, x: at, wrapped: this.row + i >= total };
    }
    return null;
  }
}
