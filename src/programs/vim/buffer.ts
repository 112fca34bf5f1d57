/**
 * The text being edited as an array of lines, and vim's undo tree flattened to a line: every change is a
 * splice (lines removed, lines put in their place), a command's splices form one undo step, and undo applies
 * them backwards. Steps are numbered as vim numbers them (`before #2`), so the messages match.
 */

export interface Pos {
  row: number;
  col: number;
}

interface Splice {
  readonly at: number;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

export interface UndoStep {
  readonly seq: number;
  readonly splices: Splice[];
  readonly before: Pos;
  after: Pos;
  /** Virtual ms when the step was made (for `N seconds ago`). */
  readonly time: number;
  /** `noLines` before and after the step. */
  readonly emptyBefore: boolean;
  emptyAfter: boolean;
}

export class TextBuffer {
  lines: string[];
  private readonly undone: UndoStep[] = [];
  private readonly done: UndoStep[] = [];
  private open: UndoStep | null = null;
  private lastSeq = 0;
  /** The step the text is at (0: as loaded); the text is unmodified while this equals `savedSeq`. */
  seq = 0;
  savedSeq = 0;
  /**
   * vim's ML_EMPTY: the buffer has no lines at all (a new or empty file, or every line deleted), which writes
   * 0 bytes, where one empty line writes a newline. The array still holds one '' for the cursor to sit on.
   */
  noLines: boolean;

  /** Takes `text` as its own (a 1 MB file is 150,000 lines: no copy). */
  constructor(text: string[]) {
    this.lines = text.length > 0 ? text : [''];
    this.noLines = text.length === 0;
  }

  get modified(): boolean {
    return this.seq !== this.savedSeq;
  }

  markSaved(): void {
    this.savedSeq = this.seq;
  }

  /** Starts an undo step (a command); changes until `endStep` undo together. */
  beginStep(cursor: Pos, now: number): void {
    if (this.open) return;
    this.open = { seq: 0, splices: [], before: { ...cursor }, after: { ...cursor }, time: now, emptyBefore: this.noLines, emptyAfter: false };
  }

  endStep(cursor: Pos): void {
    const step = this.open;
    this.open = null;
    if (!step || step.splices.length === 0) return;
    const seq = ++this.lastSeq;
    const made: UndoStep = { ...step, seq, after: { ...cursor }, emptyAfter: this.noLines };
    // A step made after an undo drops the undone branch (vim keeps it in its tree for g-, not modelled).
    this.undone.length = 0;
    this.done.push(made);
    this.seq = seq;
  }

  get stepOpen(): boolean {
    return this.open !== null;
  }

  /** Replaces `count` lines at `at` with `added`, recorded in the open step. */
  splice(at: number, count: number, added: readonly string[]): void {
    const removed = this.lines.slice(at, at + count);
    if (count === added.length && removed.every((l, i) => l === added[i])) return;
    const all = count >= this.lines.length;
    this.apply(at, count, added);
    this.noLines = this.isBlank() && (all ? added.length === 0 : this.noLines);
    if (this.open) this.open.splices.push({ at, removed, added: [...added] });
  }

  setLine(row: number, text: string): void {
    if (this.lines[row] !== text) this.splice(row, 1, [text]);
  }

  private apply(at: number, count: number, added: readonly string[]): void {
    if (count === added.length && count === 1) this.lines[at] = added[0];
    else this.lines.splice(at, count, ...added);
    if (this.lines.length === 0) this.lines.push('');
  }

  private isBlank(): boolean {
    return this.lines.length === 1 && this.lines[0] === '';
  }

  /** Deletes every line: the buffer has none left (`--No lines in buffer--`). */
  clear(): void {
    this.splice(0, this.lines.length, []);
  }

  undo(): UndoStep | null {
    const step = this.done.pop();
    if (!step) return null;
    for (let i = step.splices.length - 1; i >= 0; i--) {
      const s = step.splices[i];
      this.apply(s.at, s.added.length, s.removed);
    }
    this.undone.push(step);
    this.noLines = step.emptyBefore;
    this.seq = this.done.length > 0 ? this.done[this.done.length - 1].seq : 0;
    return step;
  }

  redo(): UndoStep | null {
    const step = this.undone.pop();
    if (!step) return null;
    for (const s of step.splices) this.apply(s.at, s.removed.length, s.added);
    this.done.push(step);
    this.noLines = step.emptyAfter;
    this.seq = step.seq;
    return step;
  }

  /** Lines added minus lines removed by a step (for `3 fewer lines`). */
  static lineDelta(step: UndoStep): number {
    return step.splices.reduce((n, s) => n + s.added.length - s.removed.length, 0);
  }

  text(): string {
    return this.lines.join('\n');
  }
}
