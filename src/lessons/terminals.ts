/** The learner's terminals as lessons number them: 1 is the first login, 2 is opened on demand. */
import type { Machine, Terminal } from '../machine/machine.js';

export interface LessonTerminals {
  /** Terminal n if it is open. */
  get(n: number): Terminal | undefined;
  /** Terminal n, opened (logged in as `user`) if it is not. */
  open(n: number): Terminal;
}

/** Terminals opened straight on the machine, for headless runs and tests. */
export class MachineTerminals implements LessonTerminals {
  private readonly open_ = new Map<number, Terminal>();

  constructor(
    private readonly machine: Machine,
    private readonly size: { rows: number; cols: number } = { rows: 24, cols: 80 },
  ) {}

  get(n: number): Terminal | undefined {
    return this.open_.get(n);
  }

  open(n: number): Terminal {
    let t = this.open_.get(n);
    if (!t || !t.alive()) {
      t = this.machine.openTerminal({ user: 'user', ...this.size });
      this.open_.set(n, t);
    }
    return t;
  }
}
