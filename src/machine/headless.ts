/**
 * Types a script into a machine's terminal the way a learner would, and records what the terminal shows.
 * A line is typed as soon as the foreground program waits for input; a program that never reads (a busy
 * loop, `sleep 60`) gets the next line once the virtual clock has moved on by `tickMs`.
 */
import type { Terminal } from './machine.js';
import type { Machine } from './machine.js';

export interface HeadlessOptions {
  /** Virtual ms to wait for a program that does not read before typing the next line. */
  readonly tickMs?: number;
  /** Include prompts and echoed input, as the screen shows them. */
  readonly transcript?: boolean;
  /**
   * Asked between slices: true when the host wants its event loop back for a moment (the sim CLI, every
   * ~100 ms of real time, to print what was shown so far and to hear SIGTERM). Only the host's real time
   * decides it; the machine runs the same either way, as it does under the page's driver.
   */
  readonly hostTurn?: () => boolean;
  /** Called at each host turn. */
  readonly onProgress?: () => void;
  /** Follows the output as it is shown (the sim CLI streams it). */
  readonly follower?: OutputFollower;
}

/** Sees each piece of output as it is added, and the unfinished last line being taken back (a prompt). */
export interface OutputFollower {
  shown(data: string): void;
  unfinishedDropped(): void;
}

/** How many ticks `finish` waits at most for typed-ahead lines to be read. */
const MAX_DRAIN_TICKS = 60;

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;
/** readline's redraw of the last character of a line that ended at the margin (Display.finish). */
const FINAL_UPDATE = /^\x1b\[A(?:\x1b\[\d+C)?\x1b\[K[^\r\n]/u;

/** Key names a script line may hold (`docker ps --a<Tab><Tab>`); such a line is typed as is, Enter only if written. */
export const KEY_NAMES: Readonly<Record<string, string>> = {
  '<Enter>': '\r', '<Tab>': '\t', '<Esc>': '\x1b', '<Backspace>': '\x7f', '<Delete>': '\x1b[3~',
  '<Up>': '\x1b[A', '<Down>': '\x1b[B', '<Right>': '\x1b[C', '<Left>': '\x1b[D', '<Home>': '\x1b[H', '<End>': '\x1b[F',
  '<Ctrl-\\>': '\x1c', '<Space>': ' ',
  ...Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => [`<Ctrl-${c}>`, String.fromCharCode(c.charCodeAt(0) - 64)])),
  ...Object.fromEntries([...'bdf.'].map((c) => [`<Alt-${c}>`, `\x1b${c}`])),
};

const KEY_TOKEN = /<(?:Enter|Tab|Esc|Backspace|Delete|Up|Down|Right|Left|Home|End|Space|Ctrl-[A-Z\\]|Alt-[bdf.])>/g;

/** A script line with key names in it becomes the keys to send (no Enter added); other lines stay null. */
export function scriptKeys(line: string): string | null {
  if (!KEY_TOKEN.test(line)) return null;
  KEY_TOKEN.lastIndex = 0;
  return line.replace(KEY_TOKEN, (t) => KEY_NAMES[t]);
}

/** Runs until the terminal waits for input (true) or the tick elapses (false). */
export async function settle(
  m: Machine,
  term: Terminal,
  tickMs: number,
  host: { hostTurn?: () => boolean; onProgress?: () => void } = {},
): Promise<boolean> {
  const k = m.kernel;
  // A terminal in raw mode is relaying keys somewhere (docker run -it, docker attach): the learner waits for
  // the program on the far side (a container's shell) to ask for input, not for the relay. A line editor
  // (readline) reads keys itself but keeps signals on, which a relay's raw mode turns off.
  const relayed = (): boolean =>
    term.tty.termios.icanon || term.tty.termios.isig ||
    [...k.ttys.values()].some((t) => t !== term.tty && t.waitingForInput);
  const ready = (): boolean =>
    !term.alive() || (term.tty.waitingForInput && k.sched.runnable() === 0 && relayed());
  const until = k.now() + tickMs;
  const turn = host.hostTurn;
  for (;;) {
    const r = await k.run({ until, stop: turn ? () => ready() || turn() : ready });
    if (r !== 'stopped') return ready();
    if (turn) host.onProgress?.();
    // Keys in flight (a relay's promise callbacks between processes) must land before the terminal
    // counts as waiting: let pending callbacks run, then look again.
    await k.sched.drainPending();
    if (ready()) return true;
  }
}

export class HeadlessSession {
  private out = '';
  /** What a line editor is expected to echo for the line just typed (non-transcript runs drop it). */
  private lineEcho = '';
  private readonly tickMs: number;
  private readonly transcript: boolean;
  private readonly host: Pick<HeadlessOptions, 'hostTurn' | 'onProgress'>;
  private readonly follower: OutputFollower | undefined;

  constructor(
    readonly machine: Machine,
    readonly term: Terminal,
    opts: HeadlessOptions = {},
  ) {
    this.tickMs = opts.tickMs ?? 1000;
    this.transcript = opts.transcript ?? false;
    this.host = { hostTurn: opts.hostTurn, onProgress: opts.onProgress };
    this.follower = opts.follower;
    term.tty.onOutput((data, echo) => {
      if (echo && !this.transcript) return;
      const shown = this.lineEcho === '' ? data : this.dropEcho(data);
      this.out += shown;
      if (shown !== '') this.follower?.shown(shown);
    });
  }

  /** Types one line (Enter is added unless the line holds control keys such as Ctrl-C or Ctrl-D). */
  async type(line: string): Promise<void> {
    const waiting = await settle(this.machine, this.term, this.tickMs, this.host);
    if (!this.term.alive()) return;
    if (waiting && !this.transcript) this.dropPrompt();
    const keys = scriptKeys(line);
    const t = this.term.tty.termios;
    // A line editor echoes typed text as program output: without --transcript, drop that echo too.
    if (!this.transcript && keys === null && !CONTROL.test(line) && !t.icanon && !t.echo && t.isig) this.lineEcho = `${line}\r\n`;
    const data = keys ?? (CONTROL.test(line) ? line : `${line}\r`);
    // A person types the keys before Ctrl-C (or Ctrl-\, Ctrl-Z) well before it, so a line editor has read
    // them by then; the terminal driver would otherwise flush them unread when the signal key arrives.
    const parts = data.split(/(?=[\x03\x1a\x1c])/);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0 && !t.icanon) await settle(this.machine, this.term, this.tickMs, this.host);
      this.term.tty.input(parts[i]);
    }
  }

  /** The part of `data` left once the expected echo of a typed line is taken off its front. */
  private dropEcho(data: string): string {
    let i = 0;
    while (i < data.length && this.lineEcho !== '') {
      if (data[i] === this.lineEcho[0]) {
        this.lineEcho = this.lineEcho.slice(1);
        i++;
      } else if (data.startsWith(' \r', i)) i += 2; // the line editor's wrap at the right margin
      else if (this.lineEcho === '\r\n' && FINAL_UPDATE.test(data.slice(i, i + 16))) {
        // A line that ended at the margin: the editor's redraw of its last character before the newline.
        i += FINAL_UPDATE.exec(data.slice(i, i + 16))![0].length;
      }
      else {
        this.lineEcho = '';
        break;
      }
    }
    return data.slice(i);
  }

  /**
   * Lets the last command finish and returns everything shown. Lines typed ahead (while a command that
   * does not read was running) still get their turn; a program that never reads gets one more tick.
   */
  async finish(): Promise<string> {
    let waiting = await settle(this.machine, this.term, this.tickMs, this.host);
    for (let i = 0; i < MAX_DRAIN_TICKS && !waiting && this.term.alive() && this.term.tty.pendingInput > 0; i++) {
      waiting = await settle(this.machine, this.term, this.tickMs, this.host);
    }
    if (waiting && !this.transcript && this.term.alive()) this.dropPrompt();
    return this.out;
  }

  /** What has been shown so far. */
  get output(): string {
    return this.out;
  }



  /** The unfinished last line while a shell waits at its prompt is the prompt itself. */
  private dropPrompt(): void {
    this.out = this.out.slice(0, this.out.lastIndexOf('\n') + 1);
    this.follower?.unfinishedDropped();
  }
}
