/**
 * vim's editing core without a terminal: a buffer, the cursor, normal / insert / command-line modes, motions,
 * operators, registers, undo, search and the ex commands a learner uses. It takes one key at a time (`feed`)
 * and leaves what the screen should show in its fields; `screen.ts` draws them. File access goes through
 * `EditorFiles`, so the program decides how (the simulated kernel, with its permissions).
 *
 * busybox's vi shares this core where it behaves the same and differs in `dialect` (its messages, no
 * counts on undo, its status line).
 */
import { TextBuffer, type Pos, type UndoStep } from './buffer.js';
import { vimRegex } from './pattern.js';
import { charClass, colAtVcol, firstNonBlank, utf8Bytes, vcolOf } from './text.js';

/** A file's text, and its size in bytes when the reader knows it (else counted from the text). */
export type ReadResult = { readonly text: string; readonly bytes?: number } | { readonly error: 'missing' | 'denied' | 'directory' };

export interface EditorFiles {
  read(path: string): ReadResult;
  /** Whether the user may write an existing file (vim marks the buffer [readonly] when not). */
  writable(path: string): boolean;
  /** Writes the file; an error code (EACCES, ENOENT, EISDIR…) when it cannot. */
  write(path: string, text: string): string | null;
  exists(path: string): boolean;
}

export type Dialect = 'vim' | 'busybox';
export type Mode = 'normal' | 'insert' | 'replace' | 'cmdline';
export type MessageKind = 'plain' | 'error' | 'warning' | 'bold';

export interface Message {
  readonly text: string;
  readonly kind: MessageKind;
}

interface Register {
  readonly lines: readonly string[];
  readonly linewise: boolean;
}

type Operator = 'd' | 'c' | 'y';

interface Motion {
  readonly to: Pos;
  readonly kind: 'exclusive' | 'inclusive' | 'linewise';
  /** Keeps the column the cursor wants on j/k (`curswant`), or sets it to the end of lines ($). */
  readonly keepWant?: boolean;
  readonly wantEnd?: boolean;
}

/** What a normal-mode command needs besides its key (a `3` typed before, an operator pending). */
interface Pending {
  count: string;
  op: Operator | null;
  opCount: string;
  prefix: 'g' | 'Z' | 'r' | null;
  keys: string;
}

const freshPending = (): Pending => ({ count: '', op: null, opCount: '', prefix: null, keys: '' });

/** Ex commands vim has that this editor does not model: refused in one line, never accepted and ignored. */
const UNMODELLED_EX = new Set([
  's', 'substitute', 'g', 'global', 'v', 'vglobal', 'r', 'read', 'help', 'h', 'sp', 'split', 'vs', 'vsplit',
  'new', 'vnew', 'tabnew', 'bn', 'bnext', 'bp', 'bprevious', 'ls', 'buffers', 'syntax', 'sy', 'colorscheme',
  'colo', 'map', 'nmap', 'imap', 'noremap', 'nnoremap', 'inoremap', 'normal', 'norm', 'sort', 'sor', 'm', 'move',
  't', 'co', 'copy', 'd', 'delete', 'y', 'yank', 'undo', 'u', 'redo', 'red', 'registers', 'reg', 'marks',
  'noh', 'nohlsearch', 'sh', 'shell', 'terminal', 'ter', 'source', 'so', 'let', 'echo', 'call', 'retab',
  'filetype', 'sav', 'saveas', 'up', 'update', 'f', 'file', 'Ex', 'Explore', 'e!', 'vi', 'visual',
]);

/** Normal-mode keys vim has that this editor does not model. */
const UNMODELLED_KEYS: Readonly<Record<string, string>> = {
  v: 'Visual mode', V: 'Visual mode', '<C-v>': 'Visual mode', q: 'recording', '@': 'macros', m: 'marks',
  "'": 'marks', '`': 'marks', f: 'f', F: 'F', t: 't', T: 'T', ';': ';', ',': ',', '%': '%', R: 'Replace mode',
  '>': '>', '<': '<', '=': '=', '!': '!', '*': '*', '#': '#', '"': 'registers', '~': '~', '&': '&',
  '(': '(', ')': ')', '{': '{', '}': '}', '[': '[', ']': ']', '<C-w>': 'windows', '<C-a>': 'CTRL-A',
  '<C-x>': 'CTRL-X', '<C-z>': 'suspend', s: 's', S: 'S', K: 'K', H: 'H', L: 'L', M: 'M', '<C-o>': 'jumps',
  '<C-i>': 'jumps', '<C-]>': 'tags', '<C-e>': 'CTRL-E', '<C-y>': 'CTRL-Y',
};

export interface EditorOptions {
  readonly dialect: Dialect;
  readonly files: EditorFiles;
  /** Virtual ms now (undo's `N seconds ago`). */
  readonly now: () => number;
  readonly rows: number;
  readonly cols: number;
}

export class Editor {
  buf = new TextBuffer([]);
  cursor: Pos = { row: 0, col: 0 };
  /** The column j/k aim for; Infinity after `$`. */
  private want = 0;
  top = 0;
  mode: Mode = 'normal';
  /** The command line being typed, its first character the prompt (`:`, `/`, `?`). */
  cmdline = '';
  message: Message | null = null;
  fileName: string | null = null;
  readonly = false;
  /** Started as `view`: every file opens with 'readonly' set. */
  viewOnly = false;
  number = false;
  /** Shown at the bottom until a change: vim's intro screen, when started without a file. */
  intro = false;
  quit: { code: number } | null = null;
  private pending = freshPending();
  private register: Register | null = null;
  private lastSearch: { pattern: string; forward: boolean } | null = null;
  /** Where an insert started and what it typed, for `3i` and `.`. */
  private insert: { count: number; typed: string; moved: boolean } | null = null;
  /** Keys of the last change, replayed by `.`; `recording` collects the current command's. */
  private lastChange: string[] = [];
  private recording: string[] | null = null;
  private replaying = false;
  rows: number;
  cols: number;
  readonly dialect: Dialect;
  private readonly files: EditorFiles;
  private readonly now: () => number;

  constructor(opts: EditorOptions) {
    this.dialect = opts.dialect;
    this.files = opts.files;
    this.now = opts.now;
    this.rows = opts.rows;
    this.cols = opts.cols;
  }

  get lines(): string[] {
    return this.buf.lines;
  }

  /** Text rows on the screen (the last row is the command line). */
  get textRows(): number {
    return Math.max(1, this.rows - 1);
  }

  /** Pending normal-mode keys, as 'showcmd' shows them. */
  get showcmd(): string {
    return this.pending.keys;
  }

  // ------------------------------------------------------------------ files

  /** Loads `path` as the buffer (vim's startup and `:e`), setting the message vim shows. */
  edit(path: string | null): void {
    this.fileName = path;
    this.cursor = { row: 0, col: 0 };
    this.top = 0;
    this.want = 0;
    this.readonly = false;
    this.intro = false;
    if (path === null) {
      this.buf = new TextBuffer([]);
      this.intro = this.dialect === 'vim';
      return;
    }
    const r = this.files.read(path);
    if ('error' in r) {
      this.buf = new TextBuffer([]);
      // busybox draws its status line over what it says on loading, so nothing of it is seen.
      if (r.error === 'missing') {
        if (this.dialect === 'vim') this.say(`"${path}" [New]`);
      }
      else if (r.error === 'directory') this.say(this.dialect === 'vim' ? `"${path}" is a directory` : `'${path}' is a directory`, this.dialect === 'vim' ? 'plain' : 'bold');
      else this.say(this.dialect === 'vim' ? `"${path}" [Permission Denied]` : `'${path}' Permission denied`, this.dialect === 'vim' ? 'plain' : 'bold');
      return;
    }
    const text = r.text;
    const noEol = text !== '' && !text.endsWith('\n');
    const lines = text === '' ? [] : (noEol ? text : text.slice(0, -1)).split('\n');
    this.buf = new TextBuffer(lines);
    this.readonly = this.viewOnly || !this.files.writable(path);
    if (this.dialect === 'vim') {
      const flags = `${this.readonly ? ' [readonly]' : ''}${noEol ? ' [noeol]' : ''}`;
      this.say(`"${path}"${flags} ${lines.length}L, ${r.bytes ?? utf8Bytes(text)}B`);
    }
    this.cursor = { row: 0, col: firstNonBlank(this.lines[0]) };
    if (this.lines[0] === '') this.cursor.col = 0;
  }

  /** The bytes a write puts on disk: each line ends in a newline, and a buffer with no lines is empty. */
  fileText(): string {
    if (this.buf.noLines) return this.dialect === 'busybox' ? '\n' : '';
    return `${this.lines.join('\n')}\n`;
  }

  /** `:w [file]`: true when written. */
  private write(target: string | null, force: boolean): boolean {
    const name = target ?? this.fileName;
    if (name === null) {
      this.error(this.dialect === 'vim' ? 'E32: No file name' : 'No current filename');
      return false;
    }
    const other = target !== null && target !== this.fileName;
    if (this.dialect === 'vim' && !other && this.readonly && !force) {
      this.error("E45: 'readonly' option is set (add ! to override)");
      return false;
    }
    const existed = this.files.exists(name);
    if (this.dialect === 'vim' && other && existed && !force) {
      this.error('E13: File exists (add ! to override)');
      return false;
    }
    const text = this.fileText();
    const err = this.files.write(name, text);
    if (err !== null) {
      if (this.dialect === 'vim') {
        this.error(err === 'EISDIR' ? `"${name}" E502: is a directory` : `"${name}" E212: Can't open file for writing`);
      } else this.error(`'${name}' ${err === 'EISDIR' ? 'Is a directory' : 'Permission denied'}`);
      return false;
    }
    const nLines = this.buf.noLines ? (this.dialect === 'busybox' ? 1 : 0) : this.lines.length;
    if (this.dialect === 'vim') this.say(`"${name}"${existed ? '' : ' [New]'} ${nLines}L, ${utf8Bytes(text)}B written`);
    else this.say(`'${name}' ${nLines}L, ${text.length}C`);
    if (this.fileName === null) this.fileName = name;
    if (!other) {
      this.buf.markSaved();
      if (force) this.readonly = false;
    }
    return true;
  }

  // ------------------------------------------------------------------ messages

  say(text: string, kind: MessageKind = 'plain'): void {
    this.message = { text, kind };
  }

  private error(text: string): void {
    this.message = { text, kind: 'error' };
  }

  // ------------------------------------------------------------------ keys

  /** One key typed. */
  feed(key: string): void {
    if (this.quit) return;
    if (key === '<Unknown>' || key === '<Insert>' || /^<F\d+>$/.test(key)) return;
    if (this.recording) this.recording.push(key);
    switch (this.mode) {
      case 'insert':
      case 'replace':
        this.insertKey(key);
        break;
      case 'cmdline':
        this.cmdlineKey(key);
        break;
      default:
        this.normalKey(key);
    }
    // The intro stays up until the buffer gets text (vim redraws the window then).
    if (this.intro && (this.buf.modified || !this.buf.noLines)) this.intro = false;
  }

  /** The window changed size. */
  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
  }

  private lineLen(row = this.cursor.row): number {
    return this.lines[row].length;
  }

  /** The last column the cursor may sit on in normal mode. */
  private maxCol(row = this.cursor.row): number {
    return Math.max(0, this.lineLen(row) - 1);
  }

  private clampCursor(): void {
    const c = this.cursor;
    c.row = Math.max(0, Math.min(c.row, this.lines.length - 1));
    const max = this.mode === 'insert' || this.mode === 'replace' ? this.lineLen(c.row) : this.maxCol(c.row);
    c.col = Math.max(0, Math.min(c.col, max));
  }

  private setWant(): void {
    this.want = vcolOf(this.lines[this.cursor.row], this.cursor.col);
  }

  private beep(): void {
    // A terminal bell would be heard, not seen; vim's 'belloff' is "all" in defaults.vim.
  }

  // ------------------------------------------------------------------ normal mode

  private count(p: Pending): number {
    const a = p.count === '' ? 1 : Number(p.count);
    const b = p.opCount === '' ? 1 : Number(p.opCount);
    return a * b;
  }

  private hasCount(p: Pending): boolean {
    return p.count !== '' || p.opCount !== '';
  }

  private normalKey(key: string): void {
    const p = this.pending;
    if (key === '<Esc>' || key === '<C-c>') {
      const idle = p.keys === '';
      if (key === '<C-c>' && idle && this.dialect === 'vim') this.say('Type  :qa  and press <Enter> to exit Vim');
      this.pending = freshPending();
      this.recording = null;
      return;
    }
    if (p.keys === '' && !this.replaying) this.recording = [key];
    p.keys += key.length === 1 ? key : key;
    if (p.prefix === 'r') return this.finish(this.replaceChar(key, this.count(p)));
    if (p.prefix === 'g') {
      p.prefix = null;
      if (key === 'g') return this.motionOrOperator(this.gotoLine(this.hasCount(p) ? this.count(p) : 1));
      if (key === 'J' && !p.op) return this.finish(this.join(Math.max(2, this.count(p)), false));
      return this.unmodelled(`g${key}`);
    }
    if (p.prefix === 'Z') {
      this.pending = freshPending();
      if (key === 'Z') return this.ex('x');
      if (key === 'Q') return this.ex('q!');
      return;
    }
    if (/^[1-9]$/.test(key) || (key === '0' && (p.op ? p.opCount : p.count) !== '')) {
      if (p.op) p.opCount += key;
      else p.count += key;
      return;
    }
    const motion = this.motion(key, p);
    if (motion !== undefined) {
      if (motion === null) {
        this.beep();
        this.pending = freshPending();
        return;
      }
      return this.motionOrOperator(motion);
    }
    if (p.op) {
      if (key === p.op) return this.finish(this.linewiseOp(p.op, this.count(p)));
      if ((key === 'i' || key === 'a') && this.dialect === 'vim') return this.unmodelled(`text objects (${p.op}${key}w, ${p.op}${key}"…)`);
      if (p.op === 'c' && (key === 'w' || key === 'W')) return;
      this.beep();
      this.pending = freshPending();
      return;
    }
    this.command(key, p);
  }

  /** Ends a normal command: clears what was pending; a change becomes what `.` repeats. */
  private finish(changed: boolean): void {
    this.pending = freshPending();
    if (changed && this.recording && this.mode === 'normal') this.lastChange = this.recording;
    if (this.mode === 'normal') {
      this.recording = null;
      if (this.buf.stepOpen) this.buf.endStep(this.cursor);
    }
    if (this.lines[this.cursor.row] !== undefined && this.mode === 'normal') this.clampCursor();
  }

  private motionOrOperator(m: Motion | null): void {
    const p = this.pending;
    if (m === null) {
      this.beep();
      this.pending = freshPending();
      return;
    }
    if (!p.op) {
      this.cursor = { ...m.to };
      this.clampCursor();
      if (m.wantEnd) this.want = Infinity;
      else if (!m.keepWant) this.setWant();
      this.finish(false);
      return;
    }
    this.finish(this.operate(p.op, m));
  }

  private unmodelled(what: string): void {
    this.pending = freshPending();
    this.recording = null;
    this.error(`dockersim: ${what} is not simulated in this vim`);
  }

  /** A motion for `key` (null: it cannot move; undefined: `key` is no motion). */
  private motion(key: string, p: Pending): Motion | null | undefined {
    const n = this.count(p);
    const c = this.cursor;
    const line = this.lines[c.row];
    switch (key) {
      case 'h':
      case '<Left>':
      case '<BS>':
      case '<C-h>':
        if (c.col === 0) return p.op ? null : null;
        return { to: { row: c.row, col: Math.max(0, c.col - n) }, kind: 'exclusive' };
      case 'l':
      case '<Right>':
      case ' ': {
        const limit = p.op ? line.length : this.maxCol();
        if (c.col >= limit) return null;
        return { to: { row: c.row, col: Math.min(limit, c.col + n) }, kind: 'exclusive' };
      }
      case 'j':
      case '<Down>':
      case '<C-n>':
      case '<C-j>':
      case '<NL>':
        if (c.row + n > this.lines.length - 1 && !(p.op && c.row < this.lines.length - 1)) return null;
        return this.vertical(Math.min(this.lines.length - 1, c.row + n));
      case 'k':
      case '<Up>':
      case '<C-p>':
        if (c.row === 0) return null;
        return this.vertical(Math.max(0, c.row - n));
      case '+':
      case '<CR>':
      case '-': {
        const row = key === '-' ? c.row - n : c.row + n;
        if (row < 0 || row > this.lines.length - 1) return null;
        return { to: { row, col: firstNonBlank(this.lines[row]) }, kind: 'linewise' };
      }
      case '0':
      case '<Home>':
        return { to: { row: c.row, col: 0 }, kind: 'exclusive' };
      case '^':
        return { to: { row: c.row, col: firstNonBlank(line) }, kind: 'exclusive' };
      case '$':
      case '<End>': {
        const row = Math.min(this.lines.length - 1, c.row + n - 1);
        return { to: { row, col: Math.max(0, this.lineLen(row) - 1) }, kind: 'inclusive', wantEnd: true };
      }
      case 'G':
        return this.gotoLine(this.hasCount(p) ? n : this.lines.length);
      case 'w':
      case 'W':
      case '<S-Right>':
      case '<C-Right>': {
        if (p.op === 'c' && charClass(line[c.col]) !== 0) return this.wordEnd(n, key === 'W', true);
        let to = { ...c };
        for (let i = 0; i < n; i++) {
          const next = this.wordForward(to, key === 'W');
          // With an operator, a word motion stops at the end of the line its last word is on.
          if (p.op && next.row > to.row && (i === n - 1 || next.row === this.lines.length)) {
            to = { row: to.row, col: this.lineLen(to.row) };
            if (to.row === c.row && to.col === c.col && c.row === this.lines.length - 1) return null;
            break;
          }
          to = next;
        }
        if (!p.op && to.row === c.row && to.col === c.col) return null;
        return { to, kind: 'exclusive' };
      }
      case 'b':
      case 'B':
      case '<S-Left>':
      case '<C-Left>': {
        let to = { ...c };
        for (let i = 0; i < n; i++) to = this.wordBackward(to, key === 'B');
        if (to.row === c.row && to.col === c.col) return null;
        return { to, kind: 'exclusive' };
      }
      case 'e':
      case 'E':
        return this.wordEnd(n, key === 'E', false);
      case 'n':
      case 'N':
        return this.searchAgain(key === 'N', n);
      case '<C-f>':
      case '<PageDown>':
        return this.page(n * Math.max(1, this.textRows - 2));
      case '<C-b>':
      case '<PageUp>':
        return this.page(-n * Math.max(1, this.textRows - 2));
      case '<C-d>':
        return this.page(Math.max(1, Math.floor(this.textRows / 2)));
      case '<C-u>':
        return this.page(-Math.max(1, Math.floor(this.textRows / 2)));
      default:
        return undefined;
    }
  }

  private vertical(row: number): Motion {
    const col = this.want === Infinity ? Math.max(0, this.lineLen(row) - 1) : colAtVcol(this.lines[row], this.want);
    return { to: { row, col }, kind: 'linewise', keepWant: true };
  }

  private gotoLine(n: number): Motion {
    const row = Math.max(0, Math.min(this.lines.length - 1, n - 1));
    return { to: { row, col: firstNonBlank(this.lines[row]) }, kind: 'linewise' };
  }

  private page(delta: number): Motion | null {
    const row = Math.max(0, Math.min(this.lines.length - 1, this.cursor.row + delta));
    if (row === this.cursor.row) return null;
    this.top = Math.max(0, Math.min(this.lines.length - 1, this.top + delta));
    return { to: { row, col: firstNonBlank(this.lines[row]) }, kind: 'linewise' };
  }

  private cls(ch: string | undefined, big: boolean): number {
    const k = charClass(ch);
    return big && k !== 0 ? 1 : k;
  }

  private wordForward(from: Pos, big: boolean): Pos {
    let { row, col } = from;
    let line = this.lines[row];
    const start = this.cls(line[col], big);
    if (start !== 0) while (col < line.length && this.cls(line[col], big) === start) col++;
    for (;;) {
      if (col >= line.length) {
        if (row === this.lines.length - 1) return { row, col: Math.max(0, line.length - 1) };
        row++;
        col = 0;
        line = this.lines[row];
        if (line.length === 0) return { row, col: 0 };
        continue;
      }
      if (this.cls(line[col], big) !== 0) return { row, col };
      col++;
    }
  }

  private wordBackward(from: Pos, big: boolean): Pos {
    let { row, col } = from;
    let line = this.lines[row];
    const back = (): boolean => {
      if (col > 0) {
        col--;
        return true;
      }
      if (row === 0) return false;
      row--;
      line = this.lines[row];
      col = line.length;
      return true;
    };
    if (!back()) return from;
    while (col >= line.length || this.cls(line[col], big) === 0) {
      if (line.length === 0 && col === 0) return { row, col: 0 };
      if (!back()) return { row, col };
    }
    const k = this.cls(line[col], big);
    while (col > 0 && this.cls(line[col - 1], big) === k) col--;
    return { row, col };
  }

  private wordEnd(n: number, big: boolean, fromChange: boolean): Motion | null {
    let { row, col } = this.cursor;
    let line = this.lines[row];
    for (let i = 0; i < n; i++) {
      // `cw` on a word changes to its end without first stepping off it.
      if (!(fromChange && i === 0)) {
        const step = (): boolean => {
          if (col + 1 < line.length) {
            col++;
            return true;
          }
          if (row === this.lines.length - 1) return false;
          row++;
          col = 0;
          line = this.lines[row];
          return true;
        };
        if (!step()) return i === 0 && !fromChange ? null : { to: { row, col }, kind: 'inclusive' };
        while (col >= line.length || this.cls(line[col], big) === 0) if (!step()) return null;
      }
      const k = this.cls(line[col], big);
      while (col + 1 < line.length && this.cls(line[col + 1], big) === k) col++;
    }
    return { to: { row, col }, kind: 'inclusive' };
  }

  // ------------------------------------------------------------------ operators

  private startChange(): void {
    this.buf.beginStep(this.cursor, this.now());
  }

  private setRegister(lines: readonly string[], linewise: boolean): void {
    this.register = { lines: [...lines], linewise };
  }

  /** `dd`, `yy`, `cc` with a count. */
  private linewiseOp(op: Operator, n: number): boolean {
    const row = this.cursor.row;
    if (row + n > this.lines.length && this.dialect === 'busybox') return false;
    const end = Math.min(this.lines.length, row + n);
    return this.operateLines(op, row, end);
  }

  private operateLines(op: Operator, from: number, to: number): boolean {
    const taken = this.lines.slice(from, to);
    this.setRegister(taken, true);
    const n = taken.length;
    if (op === 'y') {
      if (this.dialect === 'vim' && n > 2) this.say(`${n} lines yanked`);
      if (this.dialect === 'busybox') this.say(`Yank ${n} lines (${taken.join('\n').length + 1} chars) from [D]`);
      this.cursor = { row: from, col: this.cursor.row === from ? this.cursor.col : 0 };
      return false;
    }
    this.startChange();
    if (op === 'c') {
      const indent = '';
      this.buf.splice(from, n, [indent]);
      this.cursor = { row: from, col: 0 };
      this.startInsert(1);
      return true;
    }
    if (n >= this.lines.length) this.buf.clear();
    else this.buf.splice(from, n, []);
    const row = Math.min(from, this.lines.length - 1);
    this.cursor = { row, col: firstNonBlank(this.lines[row]) };
    if (this.dialect === 'vim') {
      if (this.buf.noLines) this.say('--No lines in buffer--');
      else if (n > 2) this.say(`${n} fewer lines`);
    } else this.say(`Delete ${n} lines (${taken.join('\n').length + 1} chars) from [D]`);
    return true;
  }

  private operate(op: Operator, m: Motion): boolean {
    const c = this.cursor;
    if (m.kind === 'linewise') {
      const from = Math.min(c.row, m.to.row);
      const to = Math.max(c.row, m.to.row) + 1;
      return this.operateLines(op, from, to);
    }
    let a = { ...c };
    let b = { ...m.to };
    if (b.row < a.row || (b.row === a.row && b.col < a.col)) [a, b] = [b, a];
    if (m.kind === 'inclusive') b = { row: b.row, col: Math.min(this.lineLen(b.row), b.col + 1) };
    if (a.row === b.row && a.col === b.col) return false;
    const taken = this.textBetween(a, b);
    this.setRegister(taken, false);
    if (op === 'y') {
      this.cursor = a;
      return false;
    }
    this.startChange();
    this.deleteBetween(a, b);
    this.cursor = a;
    if (op === 'c') {
      this.startInsert(1);
      return true;
    }
    this.clampCursor();
    return true;
  }

  private textBetween(a: Pos, b: Pos): string[] {
    if (a.row === b.row) return [this.lines[a.row].slice(a.col, b.col)];
    const out = [this.lines[a.row].slice(a.col)];
    for (let r = a.row + 1; r < b.row; r++) out.push(this.lines[r]);
    out.push(this.lines[b.row].slice(0, b.col));
    return out;
  }

  private deleteBetween(a: Pos, b: Pos): void {
    const head = this.lines[a.row].slice(0, a.col);
    const tail = this.lines[b.row].slice(b.col);
    this.buf.splice(a.row, b.row - a.row + 1, [head + tail]);
  }

  // ------------------------------------------------------------------ commands

  private command(key: string, p: Pending): void {
    const n = this.count(p);
    const c = this.cursor;
    switch (key) {
      case 'd':
      case 'c':
      case 'y':
        p.op = key;
        return;
      case 'g':
      case 'Z':
        p.prefix = key;
        return;
      case 'r':
        if (this.lineLen() === 0) return this.finish(false);
        p.prefix = 'r';
        return;
      case 'i':
      case '<Insert>':
        this.startChange();
        this.startInsert(n);
        return;
      case 'a':
        this.startChange();
        if (this.lineLen() > 0) c.col++;
        this.startInsert(n);
        return;
      case 'A':
        this.startChange();
        c.col = this.lineLen();
        this.startInsert(n);
        return;
      case 'I':
        this.startChange();
        c.col = /[^ \t]/.exec(this.lines[c.row])?.index ?? this.lineLen();
        this.startInsert(n);
        return;
      case 'o':
      case 'O': {
        this.startChange();
        const row = key === 'o' ? c.row + 1 : c.row;
        if (this.buf.noLines) this.buf.splice(0, 1, ['', '']);
        else this.buf.splice(row, 0, ['']);
        this.cursor = { row, col: 0 };
        this.startInsert(n);
        return;
      }
      case 'x':
      case '<Del>':
      case 'X': {
        const line = this.lines[c.row];
        if (line.length === 0 || (key === 'X' && c.col === 0)) return this.finish(false);
        const a = key === 'X' ? Math.max(0, c.col - n) : c.col;
        const b = key === 'X' ? c.col : Math.min(line.length, c.col + n);
        this.setRegister([line.slice(a, b)], false);
        this.startChange();
        this.buf.setLine(c.row, line.slice(0, a) + line.slice(b));
        c.col = a;
        return this.finish(true);
      }
      case 'D':
      case 'C': {
        const row = Math.min(this.lines.length - 1, c.row + n - 1);
        const to = { row, col: this.lineLen(row) };
        if (to.row === c.row && to.col <= c.col) {
          if (key === 'C') {
            this.startChange();
            this.startInsert(1);
            return;
          }
          return this.finish(false);
        }
        return this.finish(this.operate(key === 'D' ? 'd' : 'c', { to, kind: 'exclusive' }));
      }
      case 's':
        if (this.dialect === 'busybox') break;
        this.startChange();
        if (this.lineLen() > 0) this.operate('c', { to: { row: c.row, col: Math.min(this.lineLen(), c.col + n) }, kind: 'exclusive' });
        else this.startInsert(1);
        return;
      case 'S':
        return this.finish(this.linewiseOp('c', n));
      case 'Y':
        return this.finish(this.linewiseOp('y', n));
      case 'p':
      case 'P':
        return this.finish(this.put(key === 'p', n));
      case 'J':
        return this.finish(this.join(Math.max(2, n), true));
      case 'u':
        this.undo(n);
        return this.finish(false);
      case '<C-r>':
        // busybox vi has no redo: its ^R redraws the screen.
        if (this.dialect === 'vim') this.redo(n);
        return this.finish(false);
      case '.':
        return this.repeat();
      case ':':
        this.pending = freshPending();
        this.recording = null;
        this.mode = 'cmdline';
        this.cmdline = p.count !== '' ? `:.,.+${Number(p.count) - 1}` : ':';
        this.message = null;
        return;
      case '/':
      case '?':
        this.pending = freshPending();
        this.recording = null;
        this.mode = 'cmdline';
        this.cmdline = key;
        this.message = null;
        return;
      case '<C-g>':
        this.fileInfo();
        return this.finish(false);
      case '<C-l>':
        return this.finish(false);
      case '<C-c>':
        return this.finish(false);
      default:
        break;
    }
    const what = UNMODELLED_KEYS[key];
    if (what !== undefined) return this.unmodelled(what);
    this.beep();
    this.finish(false);
  }

  private fileInfo(): void {
    const name = this.fileName ?? '[No Name]';
    const mod = this.buf.modified ? ' [Modified]' : '';
    if (this.dialect === 'busybox') {
      const pct = Math.floor(((this.cursor.row + 1) * 100) / this.lines.length);
      this.say(`'${name}'${mod} line ${this.cursor.row + 1} of ${this.lines.length} --${pct}%--`);
      return;
    }
    if (this.buf.noLines) {
      this.say(`"${name}"${mod} --No lines in buffer--`);
      return;
    }
    const n = this.lines.length;
    const pct = Math.floor(((this.cursor.row + 1) * 100) / n);
    this.say(`"${name}"${mod} ${n} line${n === 1 ? '' : 's'} --${pct}%--`);
  }

  private replaceChar(key: string, n: number): boolean {
    const c = this.cursor;
    const line = this.lines[c.row];
    const ch = key === '<Tab>' ? '\t' : key.length === 1 ? key : key === '<CR>' ? '\n' : null;
    if (ch === null || c.col + n > line.length) return false;
    this.startChange();
    if (ch === '\n') {
      this.buf.splice(c.row, 1, [line.slice(0, c.col), line.slice(c.col + n)]);
      this.cursor = { row: c.row + 1, col: 0 };
      return true;
    }
    this.buf.setLine(c.row, line.slice(0, c.col) + ch.repeat(n) + line.slice(c.col + n));
    c.col += n - 1;
    return true;
  }

  private put(after: boolean, n: number): boolean {
    const reg = this.register;
    if (!reg) {
      if (this.dialect === 'vim') this.error('E353: Nothing in register "');
      return false;
    }
    this.startChange();
    const c = this.cursor;
    if (reg.linewise) {
      const many: string[] = [];
      for (let i = 0; i < n; i++) many.push(...reg.lines);
      if (this.buf.noLines) {
        this.buf.splice(0, 1, after ? ['', ...many] : [...many, '']);
        this.cursor = { row: after ? 1 : 0, col: firstNonBlank(many[0]) };
      } else {
        const row = after ? c.row + 1 : c.row;
        this.buf.splice(row, 0, many);
        this.cursor = { row, col: firstNonBlank(many[0]) };
      }
      if (this.dialect === 'vim' && many.length > 2) this.say(`${many.length} more lines`);
      if (this.dialect === 'busybox') this.say(`Put ${reg.lines.length} lines (${reg.lines.join('\n').length + 1} chars) from [D]`);
      return true;
    }
    const line = this.lines[c.row];
    const at = after && line.length > 0 ? c.col + 1 : c.col;
    let text = reg.lines;
    if (n > 1) text = text.join('\n').repeat(n).split('\n');
    const head = line.slice(0, at);
    const tail = line.slice(at);
    if (text.length === 1) {
      this.buf.setLine(c.row, head + text[0] + tail);
      this.cursor = { row: c.row, col: Math.max(at, at + text[0].length - 1) };
    } else {
      const added = [head + text[0], ...text.slice(1, -1), text[text.length - 1] + tail];
      this.buf.splice(c.row, 1, added);
      this.cursor = { row: c.row, col: at };
    }
    return true;
  }

  private join(n: number, spaces: boolean): boolean {
    const c = this.cursor;
    if (c.row + 1 >= this.lines.length) return false;
    const last = Math.min(this.lines.length - 1, c.row + n - 1);
    let text = this.lines[c.row];
    let col = 0;
    for (let r = c.row + 1; r <= last; r++) {
      let next = this.lines[r];
      if (spaces) {
        next = next.replace(/^[ \t]+/, '');
        text = text.replace(/[ \t]+$/, '');
        const sep = next === '' || text === '' || next.startsWith(')') ? '' : ' ';
        col = sep === '' && next === '' ? Math.max(0, text.length - 1) : text.length;
        text += sep + next;
      } else {
        col = text.length;
        text += next;
      }
    }
    this.startChange();
    this.buf.splice(c.row, last - c.row + 1, [text]);
    this.cursor = { row: c.row, col };
    return true;
  }

  private undo(n: number): void {
    const pendingChanges = Math.abs(this.buf.seq - this.buf.savedSeq);
    let step: UndoStep | null = null;
    const before = this.lineCount();
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const s = this.buf.undo();
      if (!s) break;
      step = s;
      changes += s.splices.length;
    }
    if (!step) {
      this.say('Already at oldest change');
      return;
    }
    this.cursor = { ...step.before };
    if (this.lines[this.cursor.row] === undefined) this.cursor.row = this.lines.length - 1;
    this.clampCursor();
    this.setWant();
    if (this.dialect === 'busybox') this.busyboxUndoMessage(step, pendingChanges);
    else this.undoMessage(this.lineCount() - before, changes, 'before', step.seq, step.time);
  }

  private redo(n: number): void {
    let step: UndoStep | null = null;
    const before = this.lineCount();
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const s = this.buf.redo();
      if (!s) break;
      step = s;
      changes += s.splices.length;
    }
    if (!step) {
      this.say('Already at newest change');
      return;
    }
    this.cursor = { ...step.before };
    this.clampCursor();
    this.setWant();
    this.undoMessage(this.lineCount() - before, changes, 'after', step.seq, step.time);
  }

  /**
   * busybox's undo_pop: `Undo [N] deleted|restored C chars at position P`, N the changes since the last write,
   * P a byte offset in the file. Reckoned from the step's first splice, as busybox reports its last entry.
   */
  private busyboxUndoMessage(step: UndoStep, changes: number): void {
    const sp = step.splices[0];
    let offset = 0;
    for (let r = 0; r < sp.at && r < this.lines.length; r++) offset += this.lines[r].length + 1;
    let inserted: number;
    let deleted: number;
    if (sp.removed.length === 0) {
      inserted = sp.added.join('\n').length + 1;
      deleted = 0;
    } else if (sp.added.length === 0) {
      deleted = sp.removed.join('\n').length + 1;
      inserted = 0;
    } else {
      const a = sp.removed.join('\n');
      const b = sp.added.join('\n');
      let p = 0;
      while (p < a.length && p < b.length && a[p] === b[p]) p++;
      let q = 0;
      while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
      offset += p;
      inserted = b.length - p - q;
      deleted = a.length - p - q;
    }
    const [word, count] = inserted > 0 ? ['deleted', inserted] : ['restored', deleted];
    this.say(`Undo [${Math.max(1, changes)}] ${word} ${count} chars at position ${offset}`);
  }

  /** Lines as vim counts them: none in a buffer with no lines. */
  private lineCount(): number {
    return this.buf.noLines ? 0 : this.lines.length;
  }

  /** vim's u_undo_end: `1 line less; before #2  5 seconds ago`. */
  private undoMessage(delta: number, changes: number, word: 'before' | 'after', seq: number, time: number): void {
    if (this.dialect === 'busybox') {
      this.message = null;
      return;
    }
    let what: string;
    if (delta === 1) what = '1 more line';
    else if (delta > 1) what = `${delta} more lines`;
    else if (delta === -1) what = '1 line less';
    else if (delta < -1) what = `${-delta} fewer lines`;
    else what = changes === 1 ? '1 change' : `${changes} changes`;
    const secs = Math.max(0, Math.floor((this.now() - time) / 1000));
    let when: string;
    if (secs >= 100) {
      const d = new Date(time);
      when = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((x) => String(x).padStart(2, '0')).join(':');
    } else when = `${secs} second${secs === 1 ? '' : 's'} ago`;
    this.say(`${what}; ${word} #${seq}  ${when}`);
  }

  private repeat(): void {
    const keys = this.lastChange;
    this.pending = freshPending();
    this.recording = null;
    if (keys.length === 0) return;
    this.replaying = true;
    try {
      for (const k of keys) this.feed(k);
      if (this.mode === 'insert') this.feed('<Esc>');
    } finally {
      this.replaying = false;
    }
  }

  // ------------------------------------------------------------------ insert mode

  private startInsert(count: number): void {
    this.mode = 'insert';
    this.insert = { count, typed: '', moved: false };
    this.pending = freshPending();
    if (this.dialect === 'vim') this.say('-- INSERT --', 'bold');
    else this.message = null;
  }

  private insertText(text: string): void {
    const c = this.cursor;
    const line = this.lines[c.row];
    this.buf.noLines = false;
    this.buf.setLine(c.row, line.slice(0, c.col) + text + line.slice(c.col));
    this.buf.noLines = false;
    c.col += text.length;
  }

  private newline(): void {
    const c = this.cursor;
    const line = this.lines[c.row];
    this.buf.splice(c.row, 1, [line.slice(0, c.col), line.slice(c.col)]);
    this.buf.noLines = false;
    this.cursor = { row: c.row + 1, col: 0 };
  }

  private insertKey(key: string): void {
    const c = this.cursor;
    const ins = this.insert ?? { count: 1, typed: '', moved: false };
    this.insert = ins;
    if (!this.buf.stepOpen) this.startChange();
    switch (key) {
      case '<Esc>':
      case '<C-c>':
      case '<C-[>': {
        if (ins.count > 1 && !ins.moved && key === '<Esc>') {
          for (let i = 1; i < ins.count; i++) this.typeBack(ins.typed);
        }
        this.mode = 'normal';
        this.insert = null;
        if (this.message?.text === '-- INSERT --') this.message = null;
        if (c.col > 0) c.col--;
        this.clampCursor();
        this.setWant();
        if (this.recording && !this.replaying) this.lastChange = this.recording;
        this.recording = null;
        this.buf.endStep(this.cursor);
        return;
      }
      case '<CR>':
      case '<NL>':
      case '<C-m>':
        this.newline();
        ins.typed += '\n';
        return;
      case '<BS>':
      case '<C-h>':
        if (c.col > 0) {
          const line = this.lines[c.row];
          this.buf.setLine(c.row, line.slice(0, c.col - 1) + line.slice(c.col));
          c.col--;
        } else if (c.row > 0) {
          const prev = this.lines[c.row - 1];
          this.buf.splice(c.row - 1, 2, [prev + this.lines[c.row]]);
          this.cursor = { row: c.row - 1, col: prev.length };
        }
        ins.typed = ins.typed.slice(0, -1);
        return;
      case '<Del>': {
        const line = this.lines[c.row];
        if (c.col < line.length) this.buf.setLine(c.row, line.slice(0, c.col) + line.slice(c.col + 1));
        else if (c.row + 1 < this.lines.length) this.buf.splice(c.row, 2, [line + this.lines[c.row + 1]]);
        return;
      }
      case '<C-w>': {
        const line = this.lines[c.row];
        let a = c.col;
        while (a > 0 && charClass(line[a - 1]) === 0) a--;
        const k = charClass(line[a - 1]);
        while (a > 0 && charClass(line[a - 1]) === k && k !== 0) a--;
        this.buf.setLine(c.row, line.slice(0, a) + line.slice(c.col));
        c.col = a;
        return;
      }
      case '<C-u>': {
        const line = this.lines[c.row];
        this.buf.setLine(c.row, line.slice(c.col));
        c.col = 0;
        return;
      }
      case '<Tab>':
        this.insertText('\t');
        ins.typed += '\t';
        return;
      case '<Left>':
      case '<Right>':
      case '<Up>':
      case '<Down>':
      case '<Home>':
      case '<End>': {
        ins.moved = true;
        const row = key === '<Up>' ? c.row - 1 : key === '<Down>' ? c.row + 1 : c.row;
        if (row < 0 || row >= this.lines.length) return;
        if (key === '<Left>') c.col = Math.max(0, c.col - 1);
        else if (key === '<Right>') c.col = Math.min(this.lineLen(), c.col + 1);
        else if (key === '<Home>') c.col = 0;
        else if (key === '<End>') c.col = this.lineLen();
        else this.cursor = { row, col: Math.min(this.lineLen(row), colAtVcol(this.lines[row], this.want)) };
        if (key !== '<Up>' && key !== '<Down>') this.setWant();
        return;
      }
      default:
        if (key.length === 1) {
          this.insertText(key);
          ins.typed += key;
          this.setWant();
        }
    }
  }

  /** Types `text` again at the cursor (the rest of `3ihi<Esc>`). */
  private typeBack(text: string): void {
    for (const ch of text) {
      if (ch === '\n') this.newline();
      else this.insertText(ch);
    }
  }

  // ------------------------------------------------------------------ command line

  private cmdlineKey(key: string): void {
    switch (key) {
      case '<Esc>':
      case '<C-c>':
        this.mode = 'normal';
        this.cmdline = '';
        return;
      case '<CR>':
      case '<NL>': {
        const line = this.cmdline;
        this.mode = 'normal';
        this.cmdline = '';
        if (line[0] === ':') {
          this.message = null;
          this.ex(line.slice(1));
          // A command that says nothing leaves itself on the command line, as vim does.
          if (this.message === null && !this.quit && this.dialect === 'vim') this.say(line);
        }
        else this.search(line.slice(1), line[0] === '/', line);
        this.clampCursor();
        return;
      }
      case '<BS>':
      case '<C-h>':
        if (this.cmdline.length <= 1) {
          this.mode = 'normal';
          this.cmdline = '';
        } else this.cmdline = this.cmdline.slice(0, -1);
        return;
      case '<C-u>':
        this.cmdline = this.cmdline[0];
        return;
      case '<Tab>':
        this.cmdline += '\t';
        return;
      default:
        if (key.length === 1) this.cmdline += key;
    }
  }

  /** Runs an ex command line (without its `:`). */
  ex(input: string): void {
    const line = input.replace(/^[\s:]+/, '').replace(/\s+$/, '');
    if (line === '') return;
    const range = /^(\d+|\$|\.)$/.exec(line);
    if (range) {
      const n = range[1] === '$' ? this.lines.length : range[1] === '.' ? this.cursor.row + 1 : Number(range[1]);
      const row = Math.max(0, Math.min(this.lines.length - 1, n - 1));
      this.cursor = { row, col: firstNonBlank(this.lines[row]) };
      this.setWant();
      return;
    }
    const m = /^([A-Za-z]+|[!&<>=#~@*]|\d+[A-Za-z]+)\s*(!?)\s*(.*)$/.exec(line);
    if (!m) {
      this.error(this.dialect === 'vim' ? `E492: Not an editor command: ${line}` : `'${line}' is not implemented`);
      return;
    }
    const [, name, bangMark, rest] = m;
    const bang = bangMark === '!';
    const arg = rest.trim();
    switch (name) {
      case 'w':
      case 'write':
        this.write(arg === '' ? null : arg, bang);
        return;
      case 'wq':
      case 'x':
      case 'xit':
      case 'exit':
      case 'wqa':
      case 'wqall':
      case 'xa':
      case 'xall': {
        const onlyIfChanged = name.startsWith('x') || name === 'exit';
        if (onlyIfChanged && !this.buf.modified && arg === '') {
          this.quit = { code: 0 };
          return;
        }
        if (this.write(arg === '' ? null : arg, bang)) this.quit = { code: 0 };
        return;
      }
      case 'q':
      case 'quit':
      case 'qa':
      case 'qall':
      case 'quita':
      case 'quitall':
        if (this.buf.modified && !bang) {
          if (this.dialect === 'vim') {
            const all = name.startsWith('qa') || name.startsWith('quita');
            this.error(all ? `E162: No write since last change for buffer "${this.fileName ?? '[No Name]'}"` : 'E37: No write since last change (add ! to override)');
          } else this.error('No write since last change (:q! overrides)');
          return;
        }
        this.quit = { code: 0 };
        return;
      case 'e':
      case 'edit': {
        if (this.buf.modified && !bang) {
          this.error(this.dialect === 'vim' ? 'E37: No write since last change (add ! to override)' : 'No write since last change (:edit! overrides)');
          return;
        }
        const target = arg === '' ? this.fileName : arg;
        if (target === null) {
          this.error(this.dialect === 'vim' ? 'E32: No file name' : 'No current filename');
          return;
        }
        this.edit(target);
        return;
      }
      case 'set':
      case 'se':
        this.set(arg);
        return;
      default:
        break;
    }
    if (this.dialect === 'vim' && (UNMODELLED_EX.has(name) || /^\d/.test(name))) {
      this.error(`dockersim: :${name} is not simulated in this vim`);
      return;
    }
    this.error(this.dialect === 'vim' ? `E492: Not an editor command: ${line}` : `'${line}' is not implemented`);
  }

  private set(arg: string): void {
    for (const opt of arg.split(/\s+/).filter((s) => s !== '')) {
      if (opt === 'nu' || opt === 'number') this.number = true;
      else if (opt === 'nonu' || opt === 'nonumber') this.number = false;
      else if (opt === 'nu!' || opt === 'invnu' || opt === 'number!' || opt === 'invnumber') this.number = !this.number;
      else if (opt === 'nu?' || opt === 'number?') this.say(this.number ? '  number' : 'nonumber');
      else {
        this.error(this.dialect === 'vim' ? `dockersim: option ${opt} is not simulated in this vim` : `bad option: ${opt}`);
        return;
      }
    }
  }

  // ------------------------------------------------------------------ search

  private search(pattern: string, forward: boolean, typed: string): void {
    if (pattern === '') {
      if (!this.lastSearch) {
        this.error(this.dialect === 'vim' ? 'E35: No previous regular expression' : 'No previous search');
        return;
      }
      pattern = this.lastSearch.pattern;
    }
    this.lastSearch = { pattern, forward };
    const to = this.find(pattern, forward, 1, typed);
    if (to) {
      this.cursor = to;
      this.setWant();
    }
  }

  private searchAgain(reverse: boolean, n: number): Motion | null {
    if (!this.lastSearch) {
      this.error(this.dialect === 'vim' ? 'E35: No previous regular expression' : 'No previous search');
      return null;
    }
    const forward = this.lastSearch.forward !== reverse;
    const to = this.find(this.lastSearch.pattern, forward, n, `${forward ? '/' : '?'}${this.lastSearch.pattern}`);
    return to ? { to, kind: 'exclusive' } : null;
  }

  /** The `n`th match from the cursor, wrapping around the end ('wrapscan') with vim's warning. */
  private find(pattern: string, forward: boolean, n: number, typed: string): Pos | null {
    const re = vimRegex(pattern);
    const notFound = (): null => {
      this.error(this.dialect === 'vim' ? `E486: Pattern not found: ${pattern}` : 'Pattern not found');
      return null;
    };
    if (!re) return notFound();
    let pos = { ...this.cursor };
    let wrapped = false;
    for (let i = 0; i < n; i++) {
      const r = forward ? this.findForward(re, pos) : this.findBackward(re, pos);
      if (!r) return notFound();
      wrapped ||= r.wrapped;
      pos = r.pos;
    }
    if (this.dialect === 'vim') {
      if (wrapped) this.say(forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM', 'warning');
      else this.say(typed);
    } else if (wrapped) this.say(forward ? 'Search wrapped to top' : 'Search wrapped to bottom');
    else this.message = null;
    return pos;
  }

  private matchIn(re: RegExp, line: string, from: number, to: number): number[] {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m.index >= from && m.index < to) out.push(m.index);
      if (m.index >= to) break;
      re.lastIndex = m.index + Math.max(1, m[0].length === 0 ? 1 : m[0].length);
    }
    return out;
  }

  private findForward(re: RegExp, from: Pos): { pos: Pos; wrapped: boolean } | null {
    const total = this.lines.length;
    for (let i = 0; i <= total; i++) {
      const row = (from.row + i) % total;
      const line = this.lines[row];
      const start = i === 0 ? from.col + 1 : 0;
      const end = i === total ? from.col + 1 : line.length + 1;
      const hits = this.matchIn(re, line, start, end);
      if (hits.length > 0) return { pos: { row, col: hits[0] }, wrapped: from.row + i >= total };
    }
    return null;
  }

  private findBackward(re: RegExp, from: Pos): { pos: Pos; wrapped: boolean } | null {
    const total = this.lines.length;
    for (let i = 0; i <= total; i++) {
      const row = (((from.row - i) % total) + total) % total;
      const line = this.lines[row];
      const end = i === 0 ? from.col : line.length + 1;
      const start = i === total ? from.col : 0;
      const hits = this.matchIn(re, line, start, end);
      if (hits.length > 0) return { pos: { row, col: hits[hits.length - 1] }, wrapped: from.row - i < 0 };
    }
    return null;
  }
}
