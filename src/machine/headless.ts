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
}

/** How many ticks `finish` waits at most for typed-ahead lines to be read. */
const MAX_DRAIN_TICKS = 60;

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;

/** Runs until the terminal waits for input (true) or the tick elapses (false). */
export async function settle(m: Machine, term: Terminal, tickMs: number): Promise<boolean> {
  const k = m.kernel;
  // A terminal in raw mode is relaying keys somewhere (docker run -it, docker attach): the learner waits for
  // the program on the far side (a container's shell) to ask for input, not for the relay.
  const relayed = (): boolean =>
    term.tty.termios.icanon || [...k.ttys.values()].some((t) => t !== term.tty && t.waitingForInput);
  const ready = (): boolean =>
    !term.alive() || (term.tty.waitingForInput && k.sched.runnable() === 0 && relayed());
  const until = k.now() + tickMs;
  for (;;) {
    const r = await k.run({ until, stop: ready });
    if (r !== 'stopped') return ready();
    // Keys in flight (a relay's promise callbacks between processes) must land before the terminal
    // counts as waiting: let pending callbacks run, then look again.
    await k.sched.drainPending();
    if (ready()) return true;
  }
}

export class HeadlessSession {
  private out = '';
  private readonly tickMs: number;
  private readonly transcript: boolean;

  constructor(
    readonly machine: Machine,
    readonly term: Terminal,
    opts: HeadlessOptions = {},
  ) {
    this.tickMs = opts.tickMs ?? 1000;
    this.transcript = opts.transcript ?? false;
    term.tty.onOutput((data, echo) => {
      if (echo && !this.transcript) return;
      this.out += data;
    });
  }

  /** Types one line (Enter is added unless the line holds control keys such as Ctrl-C or Ctrl-D). */
  async type(line: string): Promise<void> {
    const waiting = await settle(this.machine, this.term, this.tickMs);
    if (!this.term.alive()) return;
    if (waiting && !this.transcript) this.dropPrompt();
    this.term.tty.input(CONTROL.test(line) ? line : `${line}\r`);
  }

  /**
   * Lets the last command finish and returns everything shown. Lines typed ahead (while a command that
   * does not read was running) still get their turn; a program that never reads gets one more tick.
   */
  async finish(): Promise<string> {
    let waiting = await settle(this.machine, this.term, this.tickMs);
    for (let i = 0; i < MAX_DRAIN_TICKS && !waiting && this.term.alive() && this.term.tty.pendingInput > 0; i++) {
      waiting = await settle(this.machine, this.term, this.tickMs);
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
  }
}
