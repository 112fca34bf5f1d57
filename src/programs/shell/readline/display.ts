/**
 * Redisplay: keeps the terminal showing prompt + line with the cursor at point, sending only the change
 * (readline's update_line). Positions count cells from the start of the prompt's last line, a wide (CJK)
 * character two of them as wcwidth says; a line that fills the last column gets readline's " \r" so the
 * cursor really sits on the next row.
 */
import { displayWidth } from '../../../pkg/runewidth.js';

/** Printing width of prompt text: escape sequences and readline's \001/\002 markers take no cells. */
export function visibleWidth(s: string): number {
  const plain = s
    .replace(/\x01[^\x02]*\x02/g, '')
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[@-_]/g, '')
    .replace(/[\x00-\x1f]/g, '');
  return displayWidth(plain);
}

/** The prompt's last line: earlier lines of a multi-line PS1 scroll away and are never redrawn in place. */
function lastLine(prompt: string): string {
  const nl = prompt.lastIndexOf('\n');
  const tail = nl < 0 ? prompt : prompt.slice(nl + 1);
  const cr = tail.lastIndexOf('\r');
  return cr < 0 ? tail : tail.slice(cr + 1);
}

/** Cursor motion between two cell positions (rows go down with CR LF, which also scrolls at the bottom). */
export function motion(from: number, to: number, cols: number): string {
  const r1 = Math.floor(from / cols);
  const r2 = Math.floor(to / cols);
  let c = from % cols;
  const c2 = to % cols;
  let s = '';
  if (r2 < r1) s += `\x1b[${r1 - r2}A`;
  else if (r2 > r1) {
    s += '\r\n'.repeat(r2 - r1);
    c = 0;
  }
  if (c2 === c) return s;
  if (c2 === 0) return `${s}\r`;
  if (c2 < c) return s + (c - c2 <= 4 ? '\b'.repeat(c - c2) : `\x1b[${c - c2}D`);
  return `${s}\x1b[${c2 - c}C`;
}

export class Display {
  private prompt = '';
  private promptWidth = 0;
  private shown = '';
  /** Cells `shown` takes. */
  private shownCells = 0;
  /** Cell position of the cursor, from the start of the prompt's last line. */
  private cursor = 0;

  constructor(
    private readonly write: (s: string) => Promise<void>,
    private readonly cols: () => number,
  ) {}

  private width(): number {
    return Math.max(1, this.cols());
  }

  /** Text written from cell `at`, plus the wrap fix when it ends exactly at a row's end. */
  private put(at: number, text: string): string {
    const end = at + displayWidth(text);
    return text.length > 0 && end % this.width() === 0 ? `${text} \r` : text;
  }

  /** Prints the whole prompt and line from where the cursor is (a fresh line). */
  async fresh(prompt: string, text: string, point: number): Promise<void> {
    const last = lastLine(prompt);
    this.prompt = last;
    this.promptWidth = visibleWidth(last);
    const head = prompt.slice(0, prompt.length - last.length);
    let out = head + this.put(0, last + text);
    this.shown = text;
    this.shownCells = displayWidth(text);
    this.cursor = this.promptWidth + this.shownCells;
    out += this.moveTo(point);
    await this.write(out);
  }

  /** To character `point` of the line shown. */
  private moveTo(point: number): string {
    const cells = point === this.shown.length ? this.shownCells : displayWidth(this.shown.slice(0, point));
    return this.moveToCell(this.promptWidth + cells);
  }

  private moveToCell(target: number): string {
    const s = motion(this.cursor, target, this.width());
    this.cursor = target;
    return s;
  }

  /** Shows `text` with the cursor at `point`, under `prompt` (a different prompt redraws the whole line). */
  async update(prompt: string, text: string, point: number): Promise<void> {
    let out = '';
    const cells = displayWidth(text);
    if (prompt !== this.prompt) {
      out += this.moveToCell(0);
      this.prompt = lastLine(prompt);
      const oldEnd = this.promptWidth + this.shownCells;
      this.promptWidth = visibleWidth(this.prompt);
      out += this.put(0, this.prompt + text);
      this.cursor = this.promptWidth + cells;
      if (this.cursor < oldEnd) out += '\x1b[J';
    } else if (text !== this.shown) {
      let k = 0;
      while (k < text.length && k < this.shown.length && text[k] === this.shown[k]) k++;
      // A surrogate pair split by the common prefix is redrawn whole.
      if (k > 0 && k < text.length && /[\ud800-\udbff]/.test(text[k - 1])) k--;
      out += this.moveTo(k);
      out += this.put(this.cursor, text.slice(k));
      const shorter = cells < this.shownCells;
      this.cursor = this.promptWidth + cells;
      if (shorter) out += '\x1b[J';
    }
    this.shown = text;
    this.shownCells = cells;
    out += this.moveTo(point);
    if (out !== '') await this.write(out);
  }

  /**
   * `update` for `text` that is the line shown with `added` typed at its end, the cursor there too: writes
   * exactly what update would, in time proportional to `added` rather than to the whole line.
   */
  async append(prompt: string, added: string, text: string): Promise<void> {
    const { shown } = this;
    if (prompt !== this.prompt || text.length !== shown.length + added.length || this.cursor !== this.promptWidth + this.shownCells) {
      await this.update(prompt, text, text.length);
      return;
    }
    const out = this.put(this.cursor, added);
    const w = displayWidth(added);
    this.cursor += w;
    this.shownCells += w;
    this.shown = text;
    if (out !== '') await this.write(out);
  }

  /**
   * Accepting the line: the cursor goes past its end and onto a new row. A line that ends exactly at the
   * margin left the cursor on the row below after its " \r"; readline's _rl_update_final goes back up,
   * rewrites the last character (so the row below is not a continuation of it) and then starts a new line,
   * which is where the command's output goes.
   */
  async finish(): Promise<void> {
    const end = this.moveTo(this.shown.length);
    const w = this.width();
    const last = [...this.shown].pop();
    if (this.cursor % w !== 0 || this.cursor === 0) {
      await this.write(`${end}\n`);
      return;
    }
    if (last === undefined) {
      await this.write(end);
      return;
    }
    const back = w > 1 ? `\x1b[${w - 1}C` : '';
    await this.write(`${end}\x1b[A${back}\x1b[K${last}\n`);
  }

  /** Text printed below the line (completion lists): leaves the cursor after it, the line to be redrawn fresh. */
  async below(text: string): Promise<void> {
    await this.write(`${this.moveTo(this.shown.length)}\n${text}`);
  }

  /** C-l: clear the screen, then the full prompt and line at the top. */
  async clear(prompt: string, text: string, point: number): Promise<void> {
    await this.write('\x1b[H\x1b[2J');
    await this.fresh(prompt, text, point);
  }
}
