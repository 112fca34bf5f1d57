/**
 * The line being edited and readline's editing commands on it. Pure: no terminal, so each command is a
 * testable state change. Positions are UTF-16 indices; the simulation types BMP text.
 */

/** Characters readline counts as part of a word for M-f / M-b / M-d (alphanumerics). */
const WORD = /[\p{L}\p{N}]/u;

export class LineBuffer {
  /** The kill ring's newest entry (readline keeps several; C-y yanks the last). */
  killed = '';

  constructor(
    public text = '',
    public point = text.length,
  ) {}

  set(text: string, point = text.length): void {
    this.text = text;
    this.point = point;
  }

  insert(s: string): void {
    // At the end, a plain append: V8 then never copies the line (a long paste stays linear).
    if (this.point === this.text.length) this.text += s;
    else this.text = this.text.slice(0, this.point) + s + this.text.slice(this.point);
    this.point += s.length;
  }

  /** C-h / Backspace: false at the start of the line (readline rings the bell). */
  backwardDeleteChar(): boolean {
    if (this.point === 0) return false;
    this.text = this.text.slice(0, this.point - 1) + this.text.slice(this.point);
    this.point--;
    return true;
  }

  deleteChar(): boolean {
    if (this.point >= this.text.length) return false;
    this.text = this.text.slice(0, this.point) + this.text.slice(this.point + 1);
    return true;
  }

  left(): boolean {
    if (this.point === 0) return false;
    this.point--;
    return true;
  }

  right(): boolean {
    if (this.point >= this.text.length) return false;
    this.point++;
    return true;
  }

  home(): void {
    this.point = 0;
  }

  end(): void {
    this.point = this.text.length;
  }

  /** M-f: to the end of the next word. */
  forwardWord(): void {
    let p = this.point;
    while (p < this.text.length && !WORD.test(this.text[p])) p++;
    while (p < this.text.length && WORD.test(this.text[p])) p++;
    this.point = p;
  }

  /** M-b: to the start of the previous word. */
  backwardWord(): void {
    let p = this.point;
    while (p > 0 && !WORD.test(this.text[p - 1])) p--;
    while (p > 0 && WORD.test(this.text[p - 1])) p--;
    this.point = p;
  }

  private kill(from: number, to: number): void {
    if (from === to) return;
    this.killed = this.text.slice(from, to);
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.point = from;
  }

  /** C-k */
  killLine(): void {
    this.kill(this.point, this.text.length);
  }

  /** C-u: bash binds it to unix-line-discard (kill backwards to the start of the line). */
  unixLineDiscard(): void {
    this.kill(0, this.point);
  }

  /** C-w: the previous whitespace-delimited word, as the terminal's werase does. */
  unixWordRubout(): void {
    let p = this.point;
    while (p > 0 && /\s/.test(this.text[p - 1])) p--;
    while (p > 0 && !/\s/.test(this.text[p - 1])) p--;
    this.kill(p, this.point);
  }

  /** M-d */
  killWord(): void {
    const start = this.point;
    this.forwardWord();
    const end = this.point;
    this.point = start;
    this.kill(start, end);
  }

  /** M-Backspace */
  backwardKillWord(): void {
    const end = this.point;
    this.backwardWord();
    this.kill(this.point, end);
  }

  /** C-y */
  yank(): void {
    this.insert(this.killed);
  }

  /** C-t: swap the characters around point (the last two at the end of the line). */
  transpose(): boolean {
    if (this.text.length < 2 || this.point === 0) return false;
    const p = this.point === this.text.length ? this.point - 1 : this.point;
    this.text = this.text.slice(0, p - 1) + this.text[p] + this.text[p - 1] + this.text.slice(p + 1);
    this.point = p + 1;
    return true;
  }
}
