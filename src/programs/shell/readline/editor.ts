/**
 * The line editor proper: reads keys from a terminal in non-canonical, no-echo mode (as GNU readline and
 * busybox lineedit do), edits the line, and restores the terminal before the command runs. Keys typed
 * while a command ran were buffered by the terminal and are read here at the next prompt.
 */
import { LateSlot } from '../../../engine/kernel/late.js';
import type { TermiosState } from '../../../engine/kernel/sys.js';
import type { ShellContext } from '../context.js';
import { PromptInterrupt } from '../errors.js';
import { LineBuffer } from './buffer.js';
import type { busyboxColumns, commonPrefix, readlineColumns } from './columns.js';
import type { complete, Completions, quoteFilename } from './complete.js';
import { Display } from './display.js';
import { HistoryWalk } from './history.js';
import { decodeKeys, type Key } from './keys.js';
import type { ReverseSearch } from './search.js';

/**
 * Tab completion and Ctrl-R: keys no prompt has seen before it is first drawn, so their code comes after it
 * (readline/late.ts, loaded by machine/late.ts).
 */
export interface LateReadline {
  readonly complete: typeof complete;
  readonly quoteFilename: typeof quoteFilename;
  readonly ReverseSearch: typeof ReverseSearch;
  readonly readlineColumns: typeof readlineColumns;
  readonly busyboxColumns: typeof busyboxColumns;
  readonly commonPrefix: typeof commonPrefix;
}

export const LATE_READLINE = new LateSlot<LateReadline>('Tab completion or Ctrl-R');

/** readline's completion-query-items. */
const QUERY_ITEMS = 100;

interface EditorState {
  /** Keys read but not used by the previous line (a paste of several lines). */
  pending: Key[];
  /** An escape sequence cut off at the end of a read. */
  partial: string;
  killed: string;
}

const states = new WeakMap<ShellContext, EditorState>();

function stateOf(sh: ShellContext): EditorState {
  let s = states.get(sh);
  if (!s) {
    s = { pending: [], partial: '', killed: '' };
    states.set(sh, s);
  }
  return s;
}

/** True if this shell edits its lines itself: bash and busybox ash, interactive, on a terminal. dash does not. */
export function usesLineEditor(sh: ShellContext): boolean {
  return sh.flavor !== 'dash' && sh.interactive && sh.sys.isatty(0);
}

class Editor {
  private readonly buf = new LineBuffer();
  private readonly display: Display;
  private readonly walk: HistoryWalk;
  private search: ReverseSearch | null = null;
  private lastWasTab = false;
  private readonly st: EditorState;

  constructor(
    private readonly sh: ShellContext,
    private readonly prompt: string,
  ) {
    this.st = stateOf(sh);
    this.buf.killed = this.st.killed;
    this.display = new Display((s) => sh.writeErr(s), () => this.cols());
    this.walk = new HistoryWalk(sh.history, '');
  }

  private cols(): number {
    try {
      return this.sh.sys.getWinSize(0).cols || 80;
    } catch {
      return 80;
    }
  }

  private rows(): number {
    try {
      return this.sh.sys.getWinSize(0).rows || 24;
    } catch {
      return 24;
    }
  }

  private async nextKey(): Promise<Key | null> {
    while (this.st.pending.length === 0) {
      // One byte at a time, as readline does: keys past this line stay in the terminal for the command to read.
      const data = await this.sh.sys.read(0, 1);
      if (data === null) return null;
      const { keys, rest } = decodeKeys(this.st.partial + data);
      this.st.partial = rest;
      this.st.pending.push(...keys);
    }
    const k = this.st.pending[0];
    // Typed text arrives as one key per read chunk: hand it over a character at a time so Enter in a paste splits lines.
    if (k.name === 'self' && k.text!.length > 1) {
      this.st.pending[0] = { name: 'self', text: k.text!.slice(1) };
      return { name: 'self', text: k.text![0] };
    }
    return this.st.pending.shift()!;
  }

  private bell(): Promise<void> {
    return this.sh.writeErr('\x07');
  }

  private redraw(): Promise<void> {
    return this.display.update(this.prompt, this.buf.text, this.buf.point);
  }

  async run(): Promise<string | null> {
    await this.display.fresh(this.prompt, '', 0);
    for (;;) {
      const key = await this.nextKey();
      if (key === null) return null;
      const result = this.search ? await this.searchKey(key) : await this.key(key);
      this.st.killed = this.buf.killed;
      if (result !== undefined) return result;
    }
  }

  /** One key while editing: a string or null ends the line, undefined keeps editing. */
  private async key(key: Key): Promise<string | null | undefined> {
    const b = this.buf;
    const wasTab = this.lastWasTab;
    this.lastWasTab = key.name === 'Tab';
    let ok = true;
    switch (key.name) {
      case 'self':
        if (b.point === b.text.length) {
          // Typing at the end of the line (a paste of 200,000 keys): show just the new text, as update
          // would, without comparing the whole line again for every key.
          b.insert(key.text!);
          await this.display.append(this.prompt, key.text!, b.text);
          return undefined;
        }
        b.insert(key.text!);
        break;
      case 'Enter':
        await this.display.finish();
        return `${b.text}\n`;
      case 'C-d':
        if (b.text === '') {
          // readline 8.1+ with bracketed paste on prints a newline at EOF, so bash's "exit" gets a line of its own.
          if (this.sh.flavor === 'bash') await this.sh.writeErr('\n');
          return null;
        }
        ok = b.deleteChar();
        break;
      case 'C-c':
        throw new PromptInterrupt();
      case 'Backspace':
        ok = b.backwardDeleteChar();
        break;
      case 'Delete':
        ok = b.deleteChar();
        break;
      case 'C-a':
      case 'Home':
        b.home();
        break;
      case 'C-e':
      case 'End':
        b.end();
        break;
      case 'C-b':
      case 'Left':
        ok = b.left();
        break;
      case 'C-f':
      case 'Right':
        ok = b.right();
        break;
      case 'M-b':
        b.backwardWord();
        break;
      case 'M-f':
        b.forwardWord();
        break;
      case 'C-k':
        b.killLine();
        break;
      case 'C-u':
        b.unixLineDiscard();
        break;
      case 'C-w':
        b.unixWordRubout();
        break;
      case 'M-d':
        b.killWord();
        break;
      case 'M-Backspace':
        b.backwardKillWord();
        break;
      case 'C-y':
        b.yank();
        break;
      case 'C-t':
        ok = b.transpose();
        break;
      case 'C-l':
        await this.display.clear(this.prompt, b.text, b.point);
        return undefined;
      case 'Up':
      case 'C-p':
      case 'Down':
      case 'C-n':
      case 'M-<':
      case 'M->': {
        const up = key.name === 'Up' || key.name === 'C-p';
        const t = key.name === 'M-<' || key.name === 'M->'
          ? this.walk.jump(key.name === 'M-<' ? 'first' : 'last', b.text)
          : this.walk.move(up ? -1 : 1, b.text);
        if (t === null) ok = false;
        else b.set(t);
        break;
      }
      case 'C-r':
        if (this.sh.flavor === 'bash' || this.sh.flavor === 'ash') {
          this.search = new (LATE_READLINE.get().ReverseSearch)(this.sh.history, b.text, this.walk.position - 1, Infinity);
          await this.display.update(this.search.prompt, b.text, b.point);
          return undefined;
        }
        break;
      case 'Tab':
        await this.tab(wasTab);
        return undefined;
      case 'C-g':
        ok = false;
        break;
      default:
        // Unbound keys and bracketed-paste markers do nothing.
        return undefined;
    }
    if (!ok) await this.bell();
    await this.redraw();
    return undefined;
  }

  private async searchKey(key: Key): Promise<string | null | undefined> {
    const s = this.search!;
    const show = (): Promise<void> => this.display.update(s.prompt, s.text, s.point);
    switch (key.name) {
      case 'self':
        s.add(key.text!);
        if (s.failed) await this.bell();
        await show();
        return undefined;
      case 'C-r':
        s.again();
        if (s.failed) await this.bell();
        await show();
        return undefined;
      case 'Backspace':
        if (!s.back()) await this.bell();
        await show();
        return undefined;
      case 'C-g':
        this.search = null;
        await this.redraw();
        return undefined;
      default: {
        // Any other key ends the search on the line found, then does its usual job (Enter runs the line).
        this.search = null;
        if (s.index < this.sh.history.length) this.walk.moveTo(s.index, this.buf.text);
        this.buf.set(s.text, s.point);
        await this.redraw();
        if (key.name === 'Escape' || key.name === 'C-j') return undefined;
        return this.key(key);
      }
    }
  }

  private insertCompletion(c: Completions, text: string, whole: boolean): void {
    const b = this.buf;
    let ins = c.filenames ? LATE_READLINE.get().quoteFilename(text) : text;
    if (whole) ins += c.dirs.has(text) ? '/' : c.noSpace ? '' : ' ';
    b.set(b.text.slice(0, c.start) + ins + b.text.slice(b.point), c.start + ins.length);
  }

  private async tab(second: boolean): Promise<void> {
    const c = await LATE_READLINE.get().complete(this.sh, this.buf.text, this.buf.point, this.cols());
    if (c.matches.length === 0) {
      await this.bell();
      return;
    }
    if (c.matches.length === 1) {
      this.insertCompletion(c, c.matches[0], true);
      await this.redraw();
      return;
    }
    const lcd = LATE_READLINE.get().commonPrefix(c.matches);
    if (lcd.length > c.word.length) {
      if (this.sh.flavor === 'bash') await this.bell();
      this.insertCompletion(c, lcd, false);
      await this.redraw();
      this.lastWasTab = false;
      return;
    }
    if (!second) {
      await this.bell();
      return;
    }
    await this.list(c.display);
  }

  private async list(items: readonly string[]): Promise<void> {
    const busybox = this.sh.flavor === 'ash';
    if (!busybox && items.length >= QUERY_ITEMS) {
      await this.display.below(`Display all ${items.length} possibilities? (y or n)`);
      for (;;) {
        const k = await this.nextKey();
        if (k === null) return;
        const ch = k.name === 'self' ? k.text : k.name === 'Enter' ? '\r' : '';
        if (ch === 'y' || ch === 'Y' || ch === ' ') break;
        if (ch === 'n' || ch === 'N' || k.name === 'Backspace' || k.name === 'C-g') {
          await this.sh.writeErr('\n');
          await this.display.fresh(this.prompt, this.buf.text, this.buf.point);
          return;
        }
      }
      await this.sh.writeErr('\n');
    } else await this.display.below('');
    const { busyboxColumns, readlineColumns } = LATE_READLINE.get();
    const lines = busybox ? busyboxColumns(items, this.cols()) : readlineColumns(items, this.cols());
    const page = this.rows() - 1;
    for (let i = 0; i < lines.length; i++) {
      // readline's page-completions: a screenful at a time behind --More--.
      if (!busybox && i > 0 && i % page === 0) {
        await this.sh.writeErr('--More--');
        const k = await this.nextKey();
        await this.sh.writeErr('\r\x1b[K');
        const ch = k?.name === 'self' ? k.text : '';
        if (k === null || ch === 'q' || ch === 'Q' || ch === 'n' || ch === 'N') break;
      }
      await this.sh.writeErr(`${lines[i]}\n`);
    }
    await this.display.fresh(this.prompt, this.buf.text, this.buf.point);
  }
}

/**
 * Reads one line with editing (prompt included). Returns the line with its newline, or null at end of
 * input. Ctrl-C at the prompt shows `^C` and throws PromptInterrupt (from the SIGINT handler or, with the
 * key delivered as a byte, from here).
 */
export async function readLineEdited(sh: ShellContext, prompt: string): Promise<string | null> {
  const sys = sh.sys;
  let saved: TermiosState | undefined;
  try {
    saved = sys.tcgetattr(0);
    sys.tcsetattr(0, { icanon: false, echo: false });
  } catch {
    saved = undefined;
  }
  try {
    return await new Editor(sh, prompt).run();
  } catch (e) {
    if (e instanceof PromptInterrupt) {
      const st = stateOf(sh);
      st.pending = [];
      st.partial = '';
      // With ECHO off the terminal driver shows nothing for the interrupt: readline echoes it.
      await sh.writeErr('^C');
    }
    throw e;
  } finally {
    if (saved) sys.tcsetattr(0, saved);
  }
}
