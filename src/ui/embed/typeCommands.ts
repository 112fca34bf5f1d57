/**
 * Types an embed's commands at the prompt as a reader would: each one once the shell waits for input, with
 * Enter. The keys go through the session's input path (Session's MasterTty), so they are journaled like any
 * typing and a persisted embed replays them exactly; a command that never returns holds back the next, as it
 * would for a person.
 */
import type { Session } from '../session.js';

/** The page-side facts that say the shell has finished the last command and waits at its prompt. */
export interface PromptProbe {
  /** Inputs submitted but not yet delivered to the machine. */
  readonly pending: number;
  readonly waitingForInput: boolean;
  readonly runnable: number;
}

export function atPrompt(p: PromptProbe): boolean {
  return p.pending === 0 && p.waitingForInput && p.runnable === 0;
}

function probe(session: Session): PromptProbe | null {
  const t = session.terminals[0];
  if (!t) return null;
  return {
    pending: session.recorder.pending,
    waitingForInput: t.terminal.tty.waitingForInput,
    runnable: session.machine.kernel.sched.runnable(),
  };
}

export interface TypeOptions {
  /** Waits before the next look (default: 30 real ms; tests move the machine on instead). */
  readonly wait?: () => Promise<void>;
  /** Stops typing (the page is going away). */
  readonly signal?: AbortSignal;
}

export async function typeCommands(session: Session, cmds: readonly string[], o: TypeOptions = {}): Promise<void> {
  const wait = o.wait ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 30)));
  const ready = async (): Promise<boolean> => {
    for (;;) {
      if (o.signal?.aborted) return false;
      const p = probe(session);
      if (p && atPrompt(p)) return true;
      await wait();
    }
  };
  for (const cmd of cmds) {
    if (!(await ready())) return;
    session.terminals[0]!.master.input(`${cmd}\r`);
  }
}
