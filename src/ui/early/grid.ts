/**
 * The cells of the early screen (earlyScreen.ts): the part of xterm.js's parser a shell's first screens use,
 * kept to xterm's own rules (its InputHandler, buffer and Unicode 6 widths) so that what it shows is what
 * xterm.js shows for the same bytes. Text, CR/LF/BS/TAB, the SGR attributes a prompt uses (bold, dim,
 * italic, inverse, the 16 and 256 colours), cursor moves, erasing, inserting and deleting characters, and
 * window titles (which draw nothing). Anything else (another mode, an unknown character width, RGB colour,
 * underline) is not guessed at: `ok` turns false for good and the screen stops drawing until xterm.js is in.
 */

/** A cell's attributes packed in one number: the same number means the same look. */
export type Attr = number;

const FG_SHIFT = 0;
const BG_SHIFT = 9;
/** Colour fields: 0 is the default, n + 1 palette entry n. */
const COLOR_MASK = 0x1ff;
export const BOLD = 1 << 18;
export const DIM = 1 << 19;
export const ITALIC = 1 << 20;
export const INVERSE = 1 << 21;

/** The palette entry of the foreground (-1: the default). */
export const fgOf = (a: Attr): number => ((a >> FG_SHIFT) & COLOR_MASK) - 1;
export const bgOf = (a: Attr): number => ((a >> BG_SHIFT) & COLOR_MASK) - 1;
const withFg = (a: Attr, c: number): Attr => (a & ~(COLOR_MASK << FG_SHIFT)) | ((c + 1) << FG_SHIFT);
const withBg = (a: Attr, c: number): Attr => (a & ~(COLOR_MASK << BG_SHIFT)) | ((c + 1) << BG_SHIFT);

export interface Cell {
  /** The character, '' for a cell nothing was written to (xterm's null cell). */
  ch: string;
  /** 1, 2 for a wide character, 0 for the cell a wide character covers. */
  w: 0 | 1 | 2;
  attr: Attr;
}

/**
 * xterm.js's Unicode 6 width of `cp` where it is sure to be right without xterm's full tables; undefined
 * elsewhere (combining marks, zero-width and rarer scripts): such a character stops the early screen.
 */
export function widthOf(cp: number): 1 | 2 | undefined {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp >= 0xa0 && cp < 0x300) return 1;
  if ((cp >= 0x2010 && cp < 0x2028) || (cp >= 0x2030 && cp < 0x205f) || (cp >= 0x2070 && cp < 0x20d0)) return 1;
  if (cp >= 0x2100 && cp < 0x2800) return cp === 0x2329 || cp === 0x232a ? 2 : 1;
  if (cp >= 0x1100 && cp < 0x1160) return 2;
  if (cp >= 0x2e80 && cp < 0xa4d0) {
    if (cp === 0x303f) return 1;
    if ((cp >= 0x302a && cp <= 0x302f) || cp === 0x3099 || cp === 0x309a) return undefined;
    return 2;
  }
  if ((cp >= 0xac00 && cp < 0xd7a4) || (cp >= 0xf900 && cp < 0xfb00) || (cp >= 0xfe10 && cp < 0xfe1a) || (cp >= 0xfe30 && cp < 0xfe70)) return 2;
  if ((cp >= 0xff00 && cp < 0xff61) || (cp >= 0xffe0 && cp < 0xffe7)) return 2;
  if ((cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd)) return 2;
  return undefined;
}

const isPrintable = (code: number): boolean => code >= 0x20 && code !== 0x7f && (code < 0x80 || code >= 0xa0);

type State = 'ground' | 'esc' | 'csi' | 'osc' | 'oscEsc';

export class EarlyGrid {
  lines: Cell[][] = [];
  x = 0;
  y = 0;
  cursorHidden = false;
  /** False from the first sequence it does not draw as xterm.js would. */
  ok = true;
  /** Rows changed since the caller last looked (the caller clears it). */
  readonly dirty = new Set<number>();
  private attr: Attr = 0;
  private state: State = 'ground';
  private seq = '';
  /** A high surrogate waiting for its pair. */
  private high = '';
  private printing = false;

  /** Set once a line wrapped or scrolled off: xterm.js would reflow those on a resize, which is not done here. */
  private moved = false;

  constructor(
    public rows: number,
    public cols: number,
  ) {
    for (let r = 0; r < rows; r++) this.lines.push(this.blank(0));
  }

  /**
   * A new size, as xterm.js's Buffer.resize makes it where its reflow has nothing to do: no line ever wrapped
   * or scrolled away, nothing beyond the new width, the cursor's row kept. Anything else stops the grid.
   */
  resize(rows: number, cols: number): boolean {
    if (!this.ok) return false;
    const beyond = this.lines.some((line) => line.slice(Math.min(cols, this.cols)).some((c) => c.ch !== '' || bgOf(c.attr) >= 0) || (cols < this.cols && line[cols - 1].w === 2));
    if (this.moved || beyond || this.y >= rows || this.state !== 'ground') {
      this.ok = false;
      return false;
    }
    for (const line of this.lines) {
      line.length = Math.min(line.length, cols);
      while (line.length < cols) line.push({ ch: '', w: 1, attr: 0 });
    }
    this.rows = rows;
    this.cols = cols;
    this.lines.length = Math.min(this.lines.length, rows);
    while (this.lines.length < rows) this.lines.push(this.blank(0));
    this.x = Math.min(this.x, cols - 1);
    for (let r = 0; r < rows; r++) this.dirty.add(r);
    return true;
  }

  /** Feeds output; returns `ok`. */
  write(data: string): boolean {
    for (let i = 0; i < data.length && this.ok; i++) {
      const c = data[i];
      if (this.printing && (this.state !== 'ground' || !isPrintable(c.charCodeAt(0)))) this.printed();
      switch (this.state) {
        case 'ground':
          this.ground(c);
          break;
        case 'esc':
          if (c === '[') {
            this.state = 'csi';
            this.seq = '';
          } else if (c === ']') {
            this.state = 'osc';
            this.seq = '';
          } else this.ok = false;
          break;
        case 'csi':
          if (c >= '@' && c <= '~') {
            this.state = 'ground';
            this.csi(this.seq, c);
          } else if (this.seq.length > 64) this.ok = false;
          else this.seq += c;
          break;
        case 'osc':
          if (c === '\x07') this.osc();
          else if (c === '\x1b') this.state = 'oscEsc';
          else if (this.seq.length > 4096) this.ok = false;
          else this.seq += c;
          break;
        case 'oscEsc':
          if (c === '\\') this.osc();
          else this.ok = false;
          break;
      }
    }
    if (this.printing) this.printed();
    return this.ok;
  }

  private ground(c: string): void {
    const code = c.charCodeAt(0);
    if (isPrintable(code)) {
      if (code >= 0xd800 && code < 0xdc00) {
        this.high = c;
        return;
      }
      const ch = code >= 0xdc00 && code < 0xe000 ? this.high + c : c;
      this.high = '';
      const w = widthOf(ch.codePointAt(0)!);
      if (w === undefined || (ch.length === 2 && ch.codePointAt(0)! < 0x10000)) this.ok = false;
      else this.print(ch, w);
      return;
    }
    switch (c) {
      case '\r':
        this.x = 0;
        return;
      case '\n':
      case '\x0b':
      case '\x0c':
        this.lineFeed();
        return;
      case '\b':
        this.x = Math.min(this.x, this.cols - 1);
        if (this.x > 0) this.x--;
        return;
      case '\t':
        if (this.x >= this.cols) this.ok = false;
        else this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8);
        return;
      case '\x07':
        return;
      case '\x1b':
        this.state = 'esc';
        return;
      default:
        this.ok = false;
    }
  }

  /**
   * InputHandler.print: a character at the cursor, wrapping first when it does not fit. A run of printable
   * characters is one print for xterm, which mends a wide character cut in two at the run's two ends only.
   */
  private print(ch: string, w: 1 | 2): void {
    if (!this.printing) {
      this.printing = true;
      if (this.x > 0 && this.x <= this.cols && this.lines[this.y][this.x - 1].w === 2) this.lines[this.y][this.x - 1] = { ch: '', w: 1, attr: this.attr };
    }
    if (this.x + w > this.cols) {
      const line = this.lines[this.y];
      while (this.x < this.cols) line[this.x++] = { ch: '', w: 1, attr: this.attr };
      this.dirty.add(this.y);
      this.moved = true;
      this.x = 0;
      this.lineFeed();
    }
    const line = this.lines[this.y];
    line[this.x++] = { ch, w, attr: this.attr };
    if (w === 2) line[this.x++] = { ch: '', w: 0, attr: this.attr };
    this.dirty.add(this.y);
  }

  /** The end of a run of printable characters. */
  private printed(): void {
    this.printing = false;
    const line = this.lines[this.y];
    if (this.x < this.cols && line[this.x].w === 0) line[this.x] = { ch: '', w: 1, attr: this.attr };
  }

  private lineFeed(): void {
    if (this.y === this.rows - 1) {
      this.moved = true;
      this.lines.shift();
      this.lines.push(this.blank(this.eraseAttr()));
      for (let r = 0; r < this.rows; r++) this.dirty.add(r);
    } else {
      this.dirty.add(this.y);
      this.y++;
      this.dirty.add(this.y);
    }
    if (this.x >= this.cols) this.x--;
  }

  /** What erased cells get: the background colour alone (xterm's eraseAttrData). */
  private eraseAttr(): Attr {
    return this.attr & (COLOR_MASK << BG_SHIFT);
  }

  private blank(attr: Attr): Cell[] {
    return Array.from({ length: this.cols }, () => ({ ch: '', w: 1, attr }));
  }

  private nullCell(): Cell {
    return { ch: '', w: 1, attr: this.eraseAttr() };
  }

  /** BufferLine.replaceCells: a wide character cut at either end goes too. */
  private erase(y: number, from: number, to: number): void {
    const line = this.lines[y];
    if (from > 0 && line[from - 1].w === 2) line[from - 1] = this.nullCell();
    if (to < this.cols && line[to - 1].w === 2) line[to] = this.nullCell();
    for (let x = from; x < Math.min(this.cols, to); x++) line[x] = this.nullCell();
    this.dirty.add(y);
  }

  /** BufferLine.insertCells. */
  private insert(pos: number, n: number): void {
    const line = this.lines[this.y];
    if (pos > 0 && line[pos - 1].w === 2) line[pos - 1] = this.nullCell();
    const k = Math.min(n, this.cols - pos);
    line.splice(pos, 0, ...Array.from({ length: k }, () => this.nullCell()));
    line.length = this.cols;
    if (line[this.cols - 1].w === 2) line[this.cols - 1] = this.nullCell();
  }

  /** BufferLine.deleteCells. */
  private delete(pos: number, n: number): void {
    const line = this.lines[this.y];
    const k = Math.min(n, this.cols - pos);
    line.splice(pos, k);
    while (line.length < this.cols) line.push(this.nullCell());
    if (pos > 0 && line[pos - 1].w === 2) line[pos - 1] = this.nullCell();
    if (line[pos].w === 0) line[pos] = this.nullCell();
  }

  private osc(): void {
    this.state = 'ground';
    // A window title (bash's PS1 sets one): xterm.js reports it, draws nothing.
    if (!/^[012];/.test(this.seq)) this.ok = false;
  }

  private csi(body: string, final: string): void {
    const dirty = this.y;
    if (body === '?25' && (final === 'h' || final === 'l')) {
      this.cursorHidden = final === 'l';
      this.dirty.add(this.y);
      return;
    }
    if (!/^[0-9;]*$/.test(body)) {
      this.ok = false;
      return;
    }
    const params = body === '' ? [] : body.split(';').map((p) => (p === '' ? 0 : Number(p)));
    const n = Math.max(1, params[0] ?? 0);
    const restrict = (maxCol = this.cols - 1): void => {
      this.x = Math.min(Math.max(this.x, 0), maxCol);
      this.y = Math.min(Math.max(this.y, 0), this.rows - 1);
    };
    switch (final) {
      case 'm':
        this.sgr(params.length === 0 ? [0] : params);
        return;
      case 'A':
        restrict();
        this.y = Math.max(0, this.y - n);
        break;
      case 'B':
        restrict();
        this.y = Math.min(this.rows - 1, this.y + n);
        break;
      case 'C':
        restrict();
        this.x = Math.min(this.cols - 1, this.x + n);
        break;
      case 'D':
        restrict();
        this.x = Math.max(0, this.x - n);
        break;
      case 'G':
        this.x = Math.min(this.cols - 1, n - 1);
        restrict();
        break;
      case 'H':
      case 'f':
        this.y = Math.min(this.rows - 1, Math.max(1, params[0] ?? 0) - 1);
        this.x = Math.min(this.cols - 1, Math.max(1, params[1] ?? 0) - 1);
        break;
      case 'J': {
        restrict(this.cols);
        const p = params[0] ?? 0;
        if (p === 0) {
          this.erase(this.y, this.x, this.cols);
          for (let y = this.y + 1; y < this.rows; y++) this.erase(y, 0, this.cols);
        } else if (p === 1) {
          // xterm.js 6 throws here (it clears the wrap flag of the row below, which is not there).
          if (this.x + 1 >= this.cols && this.y === this.rows - 1) {
            this.ok = false;
            return;
          }
          for (let y = 0; y < this.y; y++) this.erase(y, 0, this.cols);
          this.erase(this.y, 0, this.x + 1);
        } else if (p === 2) {
          for (let y = 0; y < this.rows; y++) this.erase(y, 0, this.cols);
        } else if (p !== 3) this.ok = false;
        break;
      }
      case 'K': {
        restrict(this.cols);
        const p = params[0] ?? 0;
        if (p === 0) this.erase(this.y, this.x, this.cols);
        else if (p === 1) this.erase(this.y, 0, this.x + 1);
        else if (p === 2) this.erase(this.y, 0, this.cols);
        else this.ok = false;
        break;
      }
      case 'X':
        restrict();
        this.erase(this.y, this.x, this.x + n);
        break;
      case 'P':
        restrict();
        this.delete(this.x, n);
        break;
      case '@':
        restrict();
        this.insert(this.x, n);
        break;
      default:
        this.ok = false;
    }
    this.dirty.add(dirty);
    this.dirty.add(this.y);
  }

  private sgr(params: readonly number[]): void {
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let a = this.attr;
      if (p === 0) a = 0;
      else if (p === 1) a |= BOLD;
      else if (p === 2) a |= DIM;
      else if (p === 3) a |= ITALIC;
      else if (p === 7) a |= INVERSE;
      else if (p === 22) a &= ~(BOLD | DIM);
      else if (p === 23) a &= ~ITALIC;
      else if (p === 24 || p === 25 || p === 28 || p === 29) {
        // Turns off what this screen never turns on.
      } else if (p === 27) a &= ~INVERSE;
      else if (p >= 30 && p <= 37) a = withFg(a, p - 30);
      else if (p === 39) a = withFg(a, -1);
      else if (p >= 40 && p <= 47) a = withBg(a, p - 40);
      else if (p === 49) a = withBg(a, -1);
      else if (p >= 90 && p <= 97) a = withFg(a, p - 90 + 8);
      else if (p >= 100 && p <= 107) a = withBg(a, p - 100 + 8);
      else if ((p === 38 || p === 48) && params[i + 1] === 5 && params[i + 2] !== undefined && params[i + 2] <= 255) {
        a = p === 38 ? withFg(a, params[i + 2]) : withBg(a, params[i + 2]);
        i += 2;
      } else {
        this.ok = false;
        return;
      }
      this.attr = a;
    }
  }
}
