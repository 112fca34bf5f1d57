/**
 * `less` 590 as Ubuntu runs it with no LESS options: a file or a pipe, a screenful at a time on the alternate
 * screen, keys from the terminal (/dev/tty when the text comes down a pipe), the prompt as less draws it (the
 * file's name first, `:` after, `(END)` at the end, all but `:` in reverse video), /pattern with n and N and
 * the matches highlighted. When its output is not a terminal it copies its input, as less does.
 */
import { isSysError, STRERROR, type Errno } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { pagerFile, pagerKeys, readAll, screenRows } from './text.js';

const ENTER = '\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=';
const LEAVE = '\x1b[?1049l\x1b[23;0;0t\r\x1b[K\x1b[?1l\x1b>';

const KEYS: Readonly<Record<string, string>> = {
  '\x1b[A': 'up', '\x1bOA': 'up', '\x1b[B': 'down', '\x1bOB': 'down', '\x1b[5~': 'back', '\x1b[6~': 'forward',
  '\x1b[H': 'top', '\x1bOH': 'top', '\x1b[F': 'bottom', '\x1bOF': 'bottom', '\x1bv': 'back', '\x1b<': 'top', '\x1b>': 'bottom',
  ' ': 'forward', f: 'forward', '\x06': 'forward', '\x16': 'forward', z: 'forward',
  b: 'back', '\x02': 'back', w: 'back',
  '\r': 'down', '\n': 'down', j: 'down', e: 'down', '\x05': 'down', '\x0e': 'down',
  k: 'up', y: 'up', '\x19': 'up', '\x0b': 'up', '\x10': 'up',
  d: 'half', '\x04': 'half', u: 'halfback', '\x15': 'halfback',
  g: 'top', '<': 'top', G: 'bottom', '>': 'bottom',
  q: 'quit', Q: 'quit', '/': 'search', n: 'next', N: 'previous', h: 'help', H: 'help', '\x0c': 'redraw', r: 'redraw',
};

export const less: Program = async (sys) => {
  const file = await pagerFile(sys, 'less', 'Missing filename ("less --help" for help)\n');
  if (!file) return 1;
  const name = file.name;
  const text = await readInput(sys, name);
  if (text === null) return 1;
  const keyFd = await pagerKeys(sys, text);
  if (keyFd === null) return 0;
  return new Pager(sys, keyFd, text, name && name !== '-' ? name : null).run();
};

/** The file's text, or its error as less words it (null). */
async function readInput(sys: Sys, name: string | undefined): Promise<string | null> {
  if (name === undefined || name === '-') return readAll(sys, 0);
  try {
    if (sys.fs.stat(name).type === 'dir') {
      await sys.write(2, `${name} is a directory\n`);
      return null;
    }
    return sys.fs.readText(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.write(2, `${name}: ${STRERROR[e.code as Errno]}\n`);
    return null;
  }
}

class Pager {
  private top = 0;
  private first = true;
  private pattern: RegExp | null = null;
  private rows: string[] = [];
  private height = 24;
  private width = 80;

  constructor(
    private readonly sys: Sys,
    private readonly keyFd: number,
    private readonly text: string,
    private readonly name: string | null,
  ) {}

  async run(): Promise<number> {
    const sys = this.sys;
    const saved = sys.tcgetattr(this.keyFd);
    sys.tcsetattr(this.keyFd, { icanon: false, echo: false });
    const oldWinch = sys.signal('SIGWINCH', () => this.draw());
    await sys.write(1, ENTER);
    try {
      await this.draw();
      for (let key = await this.key(); key !== null; key = await this.key()) {
        const action = KEYS[key];
        if (action === 'quit') break;
        await this.act(action);
      }
    } finally {
      sys.tcsetattr(this.keyFd, saved);
      sys.signal('SIGWINCH', oldWinch);
    }
    await sys.write(1, LEAVE);
    return 0;
  }

  private input = '';

  /** The next key: one character, or a whole escape sequence. Null at the end of input. */
  private async key(): Promise<string | null> {
    if (this.input === '') {
      const data = await this.sys.read(this.keyFd);
      if (data === null) return null;
      this.input = data;
    }
    const seq = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/.exec(this.input);
    const key = seq ? seq[0] : this.input[0];
    this.input = this.input.slice(key.length);
    return key;
  }

  private get page(): number {
    return Math.max(1, this.height - 1);
  }

  private get last(): number {
    return Math.max(0, this.rows.length - this.page);
  }

  private async act(action: string | undefined): Promise<void> {
    this.first = false;
    switch (action) {
      case 'forward': this.top = Math.min(this.last, this.top + this.page); break;
      case 'back': this.top = Math.max(0, this.top - this.page); break;
      case 'down': this.top = Math.min(this.last, this.top + 1); break;
      case 'up': this.top = Math.max(0, this.top - 1); break;
      case 'half': this.top = Math.min(this.last, this.top + Math.floor(this.page / 2)); break;
      case 'halfback': this.top = Math.max(0, this.top - Math.floor(this.page / 2)); break;
      case 'top': this.top = 0; break;
      case 'bottom': this.top = this.last; break;
      case 'search': await this.search(); return;
      case 'next': case 'previous':
        if (this.pattern) await this.find(action === 'next' ? 1 : -1);
        return this.draw();
      case 'help': await this.pause("dockersim: less's help screen is not simulated"); break;
      case 'redraw': break;
      default:
        // less rings the bell at a key it has no command for.
        await this.sys.write(1, '\x07');
        return;
    }
    await this.draw();
  }

  /** A message on the prompt line that waits for a key (less's "(press RETURN)"). */
  private async pause(message: string): Promise<void> {
    await this.draw(`\x1b[7m${message}  (press RETURN)\x1b[27m`);
    await this.key();
  }

  private async search(): Promise<void> {
    let typed = '';
    for (;;) {
      await this.sys.write(1, `\x1b[${this.height};1H\x1b[K/${typed}`);
      const ch = await this.key();
      if (ch === null) return;
      {
        if (ch === '\r' || ch === '\n') {
          if (typed !== '') {
            try {
              this.pattern = new RegExp(typed, 'g');
            } catch {
              return this.pause('Invalid pattern');
            }
          }
          if (this.pattern) await this.find(1);
          return this.draw();
        }
        if (ch === '\x7f' || ch === '\b') {
          if (typed === '') return this.draw();
          typed = typed.slice(0, -1);
        } else if (ch === '\x03' || ch === '\x1b') return this.draw();
        else if (ch.length === 1 && ch >= ' ') typed += ch;
      }
    }
  }

  /** From the line after the top one (or before it), the next line with a match goes to the top. */
  private async find(dir: number): Promise<void> {
    const pattern = this.pattern!;
    for (let r = this.top + dir; r >= 0 && r < this.rows.length; r += dir) {
      pattern.lastIndex = 0;
      if (pattern.test(this.rows[r])) {
        this.top = r;
        return;
      }
    }
    await this.pause('Pattern not found');
  }

  private async draw(prompt?: string): Promise<void> {
    const { rows, cols } = this.sys.getWinSize(1);
    if (rows !== this.height || cols !== this.width || this.rows.length === 0) {
      this.height = rows;
      this.width = cols;
      this.rows = screenRows(this.text, cols);
      this.top = Math.min(this.top, this.last);
    }
    const shown = this.rows.slice(this.top, this.top + this.page);
    const atEnd = this.top + this.page >= this.rows.length;
    let out = '';
    // The first screen of a short file is written from the top and the prompt follows it at once.
    const short = this.first && shown.length < this.page;
    out += '\x1b[H';
    // A row as wide as the screen leaves the cursor waiting to wrap: an erase there would take its last cell.
    for (const line of shown) out += `${this.highlight(line)}${line.length < this.width ? '\x1b[K' : ''}\r\n`;
    if (!short) for (let i = shown.length; i < this.page; i++) out += '\x1b[1m~\x1b[22m\x1b[K\r\n';
    out += prompt ?? this.prompt(atEnd);
    out += '\x1b[K';
    await this.sys.write(1, out);
  }

  private prompt(atEnd: boolean): string {
    const name = this.first && this.name !== null ? this.name : '';
    const text = atEnd ? (name === '' ? '(END)' : `${name} (END)`) : name;
    return text === '' ? ':' : `\x1b[7m${text}\x1b[27m`;
  }

  private highlight(line: string): string {
    if (!this.pattern) return line;
    this.pattern.lastIndex = 0;
    return line.replace(this.pattern, (m) => (m === '' ? m : `\x1b[7m${m}\x1b[27m`));
  }
}
