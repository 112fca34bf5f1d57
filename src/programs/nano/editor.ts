/**
 * The nano session: the screen as nano 7.2 lays it out (title bar, edit window, status bar, two shortcut
 * rows), the main loop's keys, the prompts (^O's file name, ^W's search, ^X's "Save modified buffer?") and
 * the help viewer. Ubuntu's /etc/nanorc (Debian's) sets `stateflags`, so a modified buffer is a ` *` after
 * the name rather than "Modified" at the right, `locking` (a .NAME.swp lock file) and `historylog`.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys, TermiosState } from '../../engine/kernel/sys.js';
import { Buffer, displayCells, type UndoKind } from './buffer.js';
import { lockContent, lockPath, openFile, removeLock, writeFile, writeLock, type Message } from './files.js';
import { drawHelpLine, helpLines, type HelpLine } from './help.js';
import { KeyDecoder, type NanoKey } from './keys.js';
import { drawMenu, HELP_MENU, MAIN_MENU, postOneKey, SEARCH_MENU, WRITE_MENU, type MenuEntry } from './menus.js';
import { REVERSE, Screen, type Row } from './screen.js';

/** nano's error colour: bold white on red (AHEM and worse); other messages are reverse video. */
const ERROR = '1;37;41';
const CYAN = '36';

/** A message stays up for this many keystrokes (nano's statusblank without --quickblank). */
const MESSAGE_KEYS = 20;

type View =
  | { readonly kind: 'main' }
  | { kind: 'prompt'; readonly question: string; answer: string; pos: number; readonly menu: readonly MenuEntry[] }
  | { readonly kind: 'yesno'; readonly question: string }
  | { kind: 'help'; top: number; lines: HelpLine[] };

/** The terminal's input ended (it hung up): nano ends. (Real nano first saves a modified buffer to NAME.save; not modelled.) */
class InputGone extends Error {}

export class Nano {
  private readonly screen: Screen;
  private readonly decoder = new KeyDecoder();
  private queue: NanoKey[] = [];
  private buf: Buffer;
  private dos = false;
  private edittop = 0;
  private message: { text: string; sgr: string } | null = null;
  private messageKeys = 0;
  private view: View = { kind: 'main' };
  private lastSearch = '';
  /** Strings searched for this session, for the search history (historylog) written at exit. */
  private readonly searched: string[] = [];
  private lock: string | null = null;

  constructor(
    private readonly sys: Sys,
    private readonly version: string,
    private name: string,
  ) {
    const { rows, cols } = sys.getWinSize(1);
    this.screen = new Screen(rows, cols);
    this.buf = new Buffer([]);
  }

  private get editRows(): number {
    return Math.max(1, this.screen.rows - 4);
  }

  /** Edits until ^X; `start` is the command line's +LINE[,COLUMN]. */
  async run(start: string | null = null): Promise<number> {
    const sys = this.sys;
    const saved: TermiosState = sys.tcgetattr(0);
    sys.tcsetattr(0, { icanon: false, echo: false, isig: false });
    const oldWinch = sys.signal('SIGWINCH', async () => {
      const { rows, cols } = sys.getWinSize(1);
      await sys.write(1, this.screen.invalidate(rows, cols));
      if (this.view.kind === 'help') this.view.lines = helpLines(cols, rows);
      await this.draw();
    });
    await sys.write(1, '\x1b[?1049h\x1b[H\x1b[2J');
    try {
      this.makeStateDir();
      this.open();
      if (start !== null) this.goTo(start);
      await this.draw();
      await this.mainLoop();
      this.saveHistory();
    } catch (e) {
      if (isProcessEnd(e) || !(e instanceof InputGone)) throw e;
    } finally {
      if (this.lock) removeLock(sys, this.lock);
      sys.signal('SIGWINCH', oldWinch);
      sys.tcsetattr(0, saved);
    }
    await sys.write(1, `\x1b[${this.screen.rows};1H\x1b[?1049l`);
    return 0;
  }

  // ---------------------------------------------------------------- start-up

  /** historylog: nano makes ~/.local/share/nano at start-up (0755 .local, 0700 share and nano). */
  private makeStateDir(): void {
    const home = this.sys.env.HOME;
    if (!home) return;
    const fs = this.sys.fs;
    const dir = `${home}/.local/share/nano`;
    if (fs.exists(dir)) return;
    try {
      if (!fs.exists(`${home}/.local`)) fs.mkdir(`${home}/.local`, { mode: 0o777 & ~this.sys.umask() });
      if (!fs.exists(`${home}/.local/share`)) fs.mkdir(`${home}/.local/share`, { mode: 0o700 });
      fs.mkdir(dir, { mode: 0o700 });
    } catch {
      this.say({ text: 'Problems with history file', level: 'alert' });
    }
  }

  /**
   * historylog: at exit, when something was searched for, ~/.local/share/nano/search_history (0600) holds the
   * search strings oldest first, then the replace and the execute histories, each list ended by an empty line.
   */
  private saveHistory(): void {
    const home = this.sys.env.HOME;
    if (!home || this.searched.length === 0) return;
    const path = `${home}/.local/share/nano/search_history`;
    const fs = this.sys.fs;
    const groups: string[][] = [[], [], []];
    try {
      let g = 0;
      const lines = fs.exists(path) ? fs.readText(path).split('\n').slice(0, -1) : [];
      for (const l of lines) {
        if (l === '') g++;
        else if (g < 3) groups[g].push(l);
      }
      const fresh = this.searched.filter((l, i, all) => all.lastIndexOf(l) === i);
      groups[0] = [...groups[0].filter((l) => !fresh.includes(l)), ...fresh].slice(-100);
      fs.writeFile(path, groups.map((grp) => `${grp.map((l) => `${l}\n`).join('')}\n`).join(''), { mode: 0o600 });
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      // an unwritable history: nano has said "Problems with history file" at start-up
    }
  }

  private open(): void {
    if (this.name === '') {
      this.say({ text: 'Welcome to nano.  For basic help, type Ctrl+G.', level: 'remark' });
      return;
    }
    const opened = openFile(this.sys, this.name);
    this.buf = new Buffer(opened.lines);
    this.dos = opened.dos;
    if (!opened.failed) {
      const path = lockPath(this.name);
      if (writeLock(this.sys, path, this.lockBytes(false))) this.lock = path;
    }
    this.say(opened.message);
    if (opened.failed) this.name = '';
  }

  /** +LINE[,COLUMN]: 1-based, a line past the end meaning the last line. */
  private goTo(spec: string): void {
    const [l, c] = spec.split(',').map((n) => Number.parseInt(n, 10));
    const row = Number.isNaN(l) ? 0 : l < 0 ? this.buf.lines.length + l : l - 1;
    this.buf.moveTo(row, Number.isNaN(c ?? Number.NaN) ? 0 : c - 1);
    if (this.buf.row >= this.editRows) this.center();
  }

  private lockBytes(modified: boolean): Uint8Array {
    const user = this.sys.env.USER ?? this.sys.env.LOGNAME ?? (this.sys.cred.uid === 0 ? 'root' : String(this.sys.cred.uid));
    return lockContent(this.version, this.sys.pid, user, this.sys.hostname(), this.name, modified);
  }

  // ---------------------------------------------------------------- input

  private async key(): Promise<NanoKey> {
    while (this.queue.length === 0) {
      const data = await this.sys.read(0);
      if (data === null) throw new InputGone();
      this.queue.push(...this.decoder.decode(data));
    }
    return this.queue.shift()!;
  }

  // ---------------------------------------------------------------- messages

  private say(m: Message): void {
    this.message = { text: m.text, sgr: m.level === 'ahem' || m.level === 'mild' || m.level === 'alert' ? ERROR : REVERSE };
    this.messageKeys = MESSAGE_KEYS;
  }

  private notSimulated(what: string): void {
    this.say({ text: `dockersim: ${what} is not simulated`, level: 'ahem' });
  }

  // ---------------------------------------------------------------- drawing

  private async draw(): Promise<void> {
    const rows: Row[] = [];
    const { cols } = this.screen;
    for (let r = 0; r < this.screen.rows; r++) rows.push(this.screen.newRow());
    let cursor: { row: number; col: number } | null = null;
    const v = this.view;
    if (v.kind === 'help') {
      this.titleBar(rows[0], 'Main nano help text');
      for (let r = 0; r < this.editRows; r++) {
        const line = v.lines[v.top + r];
        if (line && rows[r + 1]) drawHelpLine(rows[r + 1], line);
      }
    } else {
      this.titleBar(rows[0], null);
      cursor = this.drawEdit(rows);
    }
    const status = rows[this.screen.rows - 3];
    const menuRows: [Row, Row] = [rows[this.screen.rows - 2], rows[this.screen.rows - 1]];
    if (v.kind === 'prompt') {
      status.put(0, ' '.repeat(cols), REVERSE);
      const shown = `${v.question}${v.answer}`;
      status.put(0, shown, REVERSE);
      cursor = { row: this.screen.rows - 3, col: Math.min(cols - 1, v.question.length + v.pos) };
      drawMenu(v.menu, menuRows, cols);
    } else if (v.kind === 'yesno') {
      status.put(0, ' '.repeat(cols), REVERSE);
      status.put(0, v.question.slice(0, cols - 1), REVERSE);
      cursor = { row: this.screen.rows - 3, col: Math.min(cols - 1, v.question.length) };
      const width = cols < 32 ? Math.floor(cols / 2) : 16;
      postOneKey(menuRows[0], 0, ' Y', 'Yes', width);
      postOneKey(menuRows[1], 0, ' N', 'No', width);
      postOneKey(menuRows[1], width, '^C', 'Cancel', width);
    } else {
      if (this.message && v.kind !== 'help') this.drawMessage(status, this.message.text, this.message.sgr);
      drawMenu(v.kind === 'help' ? HELP_MENU : MAIN_MENU, menuRows, cols);
    }
    await this.sys.write(1, this.screen.frame(rows, cursor));
  }

  /** titlebar(): "  GNU nano 7.2", the name centred, and with stateflags " *" after it when modified. */
  private titleBar(row: Row, helpTitle: string | null): void {
    const cols = this.screen.cols;
    row.put(0, ' '.repeat(cols), REVERSE);
    const upperleft = helpTitle === null ? `GNU nano ${this.version}` : '';
    const path = helpTitle ?? (this.name === '' ? 'New Buffer' : this.name);
    let verlen = upperleft.length + 3;
    let pathlen = path.length;
    let statelen = helpTitle === null ? '+.xxxxx'.length + 2 : 2;
    if (statelen > 2) pathlen++;
    if (verlen + pathlen + statelen <= cols) row.put(2, upperleft, REVERSE);
    else {
      verlen = 2;
      if (verlen + pathlen + statelen > cols) {
        verlen = 0;
        statelen -= 2;
      }
    }
    let offset = 0;
    if (verlen > 0) offset = verlen + Math.floor((cols - (verlen + statelen) - pathlen) / 2);
    let col = offset;
    if (pathlen + statelen <= cols) col = row.put(offset, path, REVERSE);
    else if (5 + statelen <= cols) {
      col = row.put(offset, '...', REVERSE);
      col = row.put(col, path.slice(3 + pathlen - cols + statelen), REVERSE);
    }
    if (helpTitle === null && this.buf.modified && cols > 1) row.put(col, ' *', REVERSE);
  }

  /** statusline(): the message centred between "[ " and " ]". */
  private drawMessage(row: Row, text: string, sgr: string): void {
    const cols = this.screen.cols;
    const message = text.slice(0, cols);
    const start = Math.floor((cols - message.length) / 2);
    const bracketed = start > 1;
    row.put(bracketed ? start - 2 : start, bracketed ? `[ ${message} ]` : message, sgr);
  }

  /** The edit window; the current line scrolled sideways when the cursor is past its right edge. */
  private drawEdit(rows: Row[]): { row: number; col: number } {
    const buf = this.buf;
    const cols = this.screen.cols;
    const n = this.editRows;
    if (buf.row < this.edittop) this.edittop = buf.row;
    if (buf.row >= this.edittop + n) this.edittop = buf.row - n + 1;
    let cursor = { row: 1, col: 0 };
    for (let r = 0; r < n; r++) {
      const i = this.edittop + r;
      if (i >= buf.lines.length) break;
      const text = buf.lines[i];
      const from = i === buf.row ? pageStart(buf.column(), cols) : 0;
      const { cells, more } = displayCells(text, from, cols);
      const row = rows[r + 1];
      row.put(0, cells);
      // Debian's default.nanorc syntax, which Ubuntu's nanorc includes: a comment line is cyan.
      const hash = /^[ \t]*#/.exec(text);
      if (hash) row.paint(Math.max(0, displayCells(text, 0, 1e9).cells.indexOf('#') - from), cols, CYAN);
      if (from > 0) row.put(0, '<', REVERSE);
      if (more) row.put(cols - 1, '>', REVERSE);
      if (i === buf.row) cursor = { row: r + 1, col: buf.column() - from };
    }
    return cursor;
  }

  /** Puts the current line in the middle of the edit window (after a search, as nano's CENTERING). */
  private center(): void {
    this.edittop = Math.max(0, this.buf.row - Math.floor(this.editRows / 2));
  }

  // ---------------------------------------------------------------- the main loop

  private async mainLoop(): Promise<void> {
    for (;;) {
      const k = await this.key();
      if (this.message && --this.messageKeys <= 0) this.message = null;
      if (k.name !== '^K') this.buf.breakCut();
      const done = await this.act(k);
      if (done) return;
      await this.draw();
    }
  }

  /** One key in the edit window; true when nano is to exit. */
  private async act(k: NanoKey): Promise<boolean> {
    const buf = this.buf;
    const wasModified = buf.modified;
    switch (k.name) {
      case 'text': buf.insert(k.text!); break;
      case 'Enter': case '^M': buf.insert('\n'); break;
      case 'Tab': case '^I': buf.insert('\t'); break;
      case 'Bsp': case '^H': buf.backspace(); break;
      case 'Del': case '^D': buf.del(); break;
      case 'Left': case '^B': buf.left(); break;
      case 'Right': case '^F': buf.right(); break;
      case 'Up': case '^P': buf.vertical(-1); break;
      case 'Down': case '^N': buf.vertical(1); break;
      case 'Home': case '^A': buf.home(); break;
      case 'End': case '^E': buf.end(); break;
      case 'PgUp': case '^Y': this.page(-1); break;
      case 'PgDn': case '^V': this.page(1); break;
      case 'M-\\': case '^Home': buf.moveTo(0, 0); break;
      case 'M-/': case '^End': buf.moveTo(buf.lines.length - 1, 0); buf.end(); break;
      // A cut or a paste wipes the status bar (cut.c).
      case '^K': case 'F9': if (buf.cutLine()) this.message = null; else this.say({ text: 'Nothing was cut', level: 'hush' }); break;
      case '^U': case 'F10': if (buf.paste()) this.message = null; else this.say({ text: 'Cutbuffer is empty', level: 'ahem' }); break;
      case 'M-U': this.undone(buf.undo(), 'Undid', 'Nothing to undo'); break;
      case 'M-E': this.undone(buf.redo(), 'Redid', 'Nothing to redo'); break;
      case '^C': case 'F11': this.location(); break;
      case '^G': case 'F1': await this.help(); break;
      case '^W': case 'F6': await this.search(); break;
      case 'M-W': this.findNext(); break;
      case '^O': case 'F3': await this.writeOut(); break;
      case '^S': if (this.name === '') await this.writeOut(); else this.save(this.name); break;
      case '^X': case 'F2': return this.exit();
      case '^L': await this.sys.write(1, this.screen.invalidate(this.screen.rows, this.screen.cols)); break;
      case '^Z': this.say({ text: 'To suspend, type ^T^Z', level: 'ahem' }); break;
      case 'PasteStart': case 'PasteEnd': break;
      default: this.unbound(k.name);
    }
    if (buf.modified && !wasModified && this.lock) writeLock(this.sys, this.lock, this.lockBytes(true));
    return false;
  }

  private unbound(name: string): void {
    const entry = MAIN_MENU.find(([key]) => key === name);
    if (entry) this.notSimulated(entry[1]);
    else this.say({ text: `dockersim: the key ${name} is not simulated in nano`, level: 'ahem' });
  }

  private undone(kind: UndoKind | null, verb: string, none: string): void {
    if (kind === null) this.say({ text: none, level: 'ahem' });
    else this.say({ text: `${verb} ${kind}`, level: 'hush' });
  }

  /**
   * PgUp/PgDn: two lines less than a screenful, the cursor keeping its row on the screen (do_page_up/down);
   * short of that many lines, to the first or the last line, the view moving only if the cursor left it.
   */
  private page(dir: number): void {
    const buf = this.buf;
    const must = this.editRows < 3 ? 1 : this.editRows - 2;
    const screenRow = buf.row - this.edittop;
    const target = buf.row + dir * must;
    if (target < 0) buf.moveTo(0, 0);
    else if (target > buf.lines.length - 1) {
      buf.moveTo(buf.lines.length - 1, 0);
      buf.end();
    } else {
      buf.vertical(target - buf.row);
      this.edittop = Math.max(0, buf.row - screenRow);
    }
  }

  /** ^C: report_cursor_position(). */
  private location(): void {
    const buf = this.buf;
    const lineCount = buf.lines.length;
    const fullwidth = displayCells(buf.line, 0, 1e9).cells.length + 1;
    const column = buf.column() + 1;
    let sum = 0;
    for (let i = 0; i < buf.row; i++) sum += buf.lines[i].length + 1;
    sum += buf.x;
    const total = buf.text().length;
    const pad = (n: number, w: number): string => String(n).padStart(w);
    const d = (n: number): number => Math.max(2, String(n).length);
    const linePct = Math.floor((100 * (buf.row + 1)) / lineCount);
    const colPct = Math.floor((100 * column) / fullwidth);
    const charPct = total === 0 ? 0 : Math.floor((100 * sum) / total);
    this.say({
      text: `line ${pad(buf.row + 1, d(lineCount))}/${lineCount} (${pad(linePct, 2)}%), col ${pad(column, 2)}/${pad(fullwidth, 2)} (${pad(colPct, 3)}%), char ${pad(sum, d(total))}/${total} (${pad(charPct, 2)}%)`,
      level: 'info',
    });
  }

  // ---------------------------------------------------------------- prompts

  /** A prompt on the status bar: the answer, or null for ^C (and whatever `extra` maps a key to). */
  private async prompt(question: string, initial: string, menu: readonly MenuEntry[]): Promise<string | null> {
    const v: View = { kind: 'prompt', question, answer: initial, pos: initial.length, menu };
    const before = this.view;
    this.message = null;
    this.view = v;
    try {
      for (;;) {
        await this.draw();
        const k = await this.key();
        switch (k.name) {
          case 'text': v.answer = v.answer.slice(0, v.pos) + k.text! + v.answer.slice(v.pos); v.pos += k.text!.length; break;
          case 'Enter': case '^M': return v.answer;
          case '^C': return null;
          case 'Bsp': case '^H': if (v.pos > 0) { v.answer = v.answer.slice(0, v.pos - 1) + v.answer.slice(v.pos); v.pos--; } break;
          case 'Del': case '^D': v.answer = v.answer.slice(0, v.pos) + v.answer.slice(v.pos + 1); break;
          case 'Left': case '^B': v.pos = Math.max(0, v.pos - 1); break;
          case 'Right': case '^F': v.pos = Math.min(v.answer.length, v.pos + 1); break;
          case 'Home': case '^A': v.pos = 0; break;
          case 'End': case '^E': v.pos = v.answer.length; break;
          case '^K': v.answer = ''; v.pos = 0; break;
          default: {
            const entry = menu.find(([key]) => key === k.name);
            if (entry && entry[1] !== 'Help') {
              this.view = before;
              this.notSimulated(entry[1]);
              return null;
            }
          }
        }
      }
    } finally {
      this.view = before;
    }
  }

  /** ask_user(): Y, N or ^C; anything else is ignored. */
  private async yesNo(question: string): Promise<'y' | 'n' | null> {
    const before = this.view;
    this.view = { kind: 'yesno', question };
    this.message = null;
    try {
      for (;;) {
        await this.draw();
        const k = await this.key();
        if (k.name === '^C') return null;
        if (k.name === 'text') {
          const c = k.text![0].toLowerCase();
          if (c === 'y') return 'y';
          if (c === 'n') return 'n';
        }
      }
    } finally {
      this.view = before;
    }
  }

  // ---------------------------------------------------------------- writing and exiting

  /**
   * ^O (and ^X's Y): asks for the name; true when the buffer was written. Saying no to "Save file under
   * DIFFERENT NAME?" or "OVERWRITE?" asks for the name again, keeping what was typed (do_writeout).
   */
  private async writeOut(): Promise<boolean> {
    let given = this.name;
    for (;;) {
      const answer = await this.prompt('File Name to Write: ', given, WRITE_MENU);
      if (answer === null || answer === '') {
        this.say({ text: 'Cancelled', level: 'hush' });
        return false;
      }
      given = answer;
      if (answer !== this.name) {
        if (this.name !== '' && (await this.yesNo('Save file under DIFFERENT NAME? ')) !== 'y') continue;
        if (this.sys.fs.exists(answer) && (await this.yesNo(`File "${answer}" exists; OVERWRITE? `)) !== 'y') continue;
      }
      return this.save(answer);
    }
  }

  private save(name: string): boolean {
    const r = writeFile(this.sys, name, this.buf.text(this.dos ? '\r\n' : '\n'), this.buf.count);
    this.say(r.message);
    if (!r.ok) return false;
    if (name !== this.name) {
      if (this.lock) removeLock(this.sys, this.lock);
      this.name = name;
      const path = lockPath(name);
      this.lock = writeLock(this.sys, path, this.lockBytes(false)) ? path : null;
    } else if (this.lock) writeLock(this.sys, this.lock, this.lockBytes(false));
    this.buf.saved();
    return true;
  }

  /** ^X: leaves at once when nothing changed; otherwise "Save modified buffer?". */
  private async exit(): Promise<boolean> {
    if (!this.buf.modified) return true;
    const choice = await this.yesNo('Save modified buffer? ');
    if (choice === null) {
      this.say({ text: 'Cancelled', level: 'hush' });
      return false;
    }
    if (choice === 'n') return true;
    return this.writeOut();
  }

  // ---------------------------------------------------------------- searching

  private async search(): Promise<void> {
    const question = this.lastSearch === '' ? 'Search: ' : `Search [${this.shortSearch()}]: `;
    const answer = await this.prompt(question, '', SEARCH_MENU);
    if (answer === null || (answer === '' && this.lastSearch === '')) {
      this.say({ text: 'Cancelled', level: 'hush' });
      return;
    }
    if (answer !== '') {
      this.lastSearch = answer;
      this.searched.push(answer);
    }
    this.findNext();
  }

  private shortSearch(): string {
    const max = Math.floor(this.screen.cols / 3);
    return this.lastSearch.length > max ? `${this.lastSearch.slice(0, max)}...` : this.lastSearch;
  }

  /** M-W, and the end of ^W: the next match, "Search Wrapped", or not found. */
  private findNext(): void {
    if (this.lastSearch === '') {
      this.say({ text: 'No current search pattern', level: 'ahem' });
      return;
    }
    const buf = this.buf;
    const hit = buf.find(this.lastSearch);
    if (!hit) {
      const half = Math.floor(this.screen.cols / 2);
      const shown = this.lastSearch.length > half ? `${this.lastSearch.slice(0, half)}...` : this.lastSearch;
      this.say({ text: `"${shown}" not found`, level: 'ahem' });
      return;
    }
    if (hit.row === buf.row && hit.x === buf.x) this.say({ text: 'This is the only occurrence', level: 'remark' });
    else if (hit.wrapped) this.say({ text: 'Search Wrapped', level: 'remark' });
    const offscreen = hit.row < this.edittop || hit.row >= this.edittop + this.editRows;
    buf.moveTo(hit.row, hit.x);
    if (offscreen) this.center();
  }

  // ---------------------------------------------------------------- help

  private async help(): Promise<void> {
    const before = this.view;
    const v: View = { kind: 'help', top: 0, lines: helpLines(this.screen.cols, this.screen.rows) };
    this.view = v;
    this.message = null;
    try {
      for (;;) {
        await this.draw();
        const k = await this.key();
        const last = Math.max(0, v.lines.length - this.editRows);
        const page = this.editRows < 3 ? 1 : this.editRows - 2;
        switch (k.name) {
          case '^X': case '^G': case 'F1': return;
          // Its hidden cursor sits on the top row: arrows scroll, pages move it two lines short of a screenful.
          case 'Down': case '^N': v.top = Math.min(last, v.top + 1); break;
          case 'Up': case '^P': v.top = Math.max(0, v.top - 1); break;
          case 'PgDn': case '^V': v.top = v.top + page <= v.lines.length - 1 ? v.top + page : Math.max(v.top, last); break;
          case 'PgUp': case '^Y': v.top = Math.max(0, v.top - page); break;
          case 'M-\\': case 'Home': v.top = 0; break;
          case 'M-/': case 'End': v.top = last; break;
          case '^L': await this.sys.write(1, this.screen.invalidate(this.screen.rows, this.screen.cols)); break;
          default: break;
        }
      }
    } finally {
      this.view = before;
    }
  }
}

/** get_page_start(): the first column shown of a line whose cursor is at `column`. */
export function pageStart(column: number, cols: number): number {
  if (column === 0 || column + 2 < cols) return 0;
  if (cols > 8) return column - 6 - ((column - 6) % (cols - 8));
  return column - (cols - 2);
}
