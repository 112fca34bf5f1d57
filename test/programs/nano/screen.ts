/**
 * A terminal for full-screen programs in tests: a fresh host's login, keys typed into its pty, and what the
 * page's emulator (xterm.js, headless) would show, row by row, with the cells drawn in reverse video or colour
 * marked, so a test reads a screen as a person sees it.
 */
import xterm from '@xterm/headless';
import { settle } from '../../../src/machine/headless.js';
import { Machine, type Terminal } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';

export class ScreenTerm {
  readonly machine: Machine;
  readonly term: Terminal;
  private readonly xt: xterm.Terminal;
  private pending: Promise<void> = Promise.resolve();

  constructor(opts: { rows?: number; cols?: number; user?: string } = {}) {
    const rows = opts.rows ?? 24;
    const cols = opts.cols ?? 80;
    this.machine = Machine.boot({ drain: nodeDrain, seed: 1 });
    this.term = this.machine.openTerminal({ rows, cols, user: opts.user });
    this.xt = new xterm.Terminal({ rows, cols, allowProposedApi: true, scrollback: 1000 });
    this.term.tty.onOutput((data) => {
      this.pending = this.pending.then(() => new Promise<void>((done) => this.xt.write(data, done)));
    });
  }

  /** Types `keys` as they are (no Enter added) and lets the machine run until it waits for input. */
  async keys(keys: string, tickMs = 200): Promise<void> {
    await settle(this.machine, this.term, tickMs);
    this.term.tty.input(keys);
    await settle(this.machine, this.term, tickMs);
    await this.pending;
  }

  /** A command line at the prompt; `tickMs` is how long a program that does not read may take. */
  async line(text: string, tickMs = 200): Promise<void> {
    await this.keys(`${text}\r`, tickMs);
  }

  async resize(rows: number, cols: number): Promise<void> {
    this.xt.resize(cols, rows);
    this.term.tty.resize(rows, cols);
    await settle(this.machine, this.term, 200);
    await this.pending;
  }

  /** The rows shown, trailing blanks dropped. */
  rows(): string[] {
    const b = this.xt.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.xt.rows; y++) out.push(b.getLine(b.viewportY + y)!.translateToString(true).replace(/ +$/, ''));
    return out;
  }

  text(): string {
    return this.rows().join('\n').replace(/\n+$/, '');
  }

  /** Row `y` with reverse-video cells in [brackets] and other coloured/bold runs in {braces}. */
  styled(y: number): string {
    const b = this.xt.buffer.active;
    const line = b.getLine(b.viewportY + y)!;
    let out = '';
    let mode = '';
    const cell = b.getNullCell();
    for (let x = 0; x < this.xt.cols; x++) {
      line.getCell(x, cell);
      const m = cell.isInverse() ? '[' : !cell.isFgDefault() || !cell.isBgDefault() || cell.isBold() ? '{' : '';
      if (m !== mode) {
        out += mode === '[' ? ']' : mode === '{' ? '}' : '';
        out += m;
        mode = m;
      }
      out += cell.getChars() || ' ';
    }
    out += mode === '[' ? ']' : mode === '{' ? '}' : '';
    return out.replace(/ +$/, '');
  }

  cursor(): { row: number; col: number } {
    const b = this.xt.buffer.active;
    return { row: b.cursorY, col: b.cursorX };
  }

  get altScreen(): boolean {
    return this.xt.buffer.active.type === 'alternate';
  }

  file(path: string): string {
    const fs = this.machine.kernel.hostPidNs.init!.fsView;
    return fs.readText(path);
  }
}
