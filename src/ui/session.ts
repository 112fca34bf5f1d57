/**
 * One learner session: a booted machine, the real-time driver running it, and the learner's terminal.
 * Created once, outside React (components attach to it and may mount twice under StrictMode).
 */
import { RealtimeDriver, type DrivenKernel } from '../machine/driver.js';
import { browserHost } from './browserHost.js';
import type { MasterTty } from './terminalLink.js';

/** What the UI needs from a machine (src/machine/machine.ts). */
export interface SimulatedHost {
  readonly kernel: DrivenKernel;
  openTerminal(size: { rows: number; cols: number }): { readonly tty: MasterTty };
}

export interface Session<M extends SimulatedHost = SimulatedHost> {
  readonly seed: number;
  readonly machine: M;
  readonly driver: RealtimeDriver;
  readonly terminal: ReturnType<M['openTerminal']>;
}

export interface SessionParams {
  readonly seed: number;
  /** `?test=1`: expose the session to browser tests as `window.__dockersim`. */
  readonly testHooks: boolean;
}

export const DEFAULT_SEED = 1;

export function sessionParams(search: string): SessionParams {
  const q = new URLSearchParams(search);
  const raw = q.get('seed');
  const seed = raw !== null && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_SEED;
  return { seed, testHooks: q.get('test') === '1' };
}

export function startSession<M extends SimulatedHost>(seed: number, boot: (seed: number) => M): Session<M> {
  const machine = boot(seed);
  // The real size is set once xterm has been fitted to the page; until then output waits in the tty.
  const terminal = machine.openTerminal({ rows: 24, cols: 80 }) as ReturnType<M['openTerminal']>;
  const driver = new RealtimeDriver(machine.kernel, {
    host: browserHost(),
    onError: (err) => console.error('dockersim: simulation stopped', err),
  });
  driver.start();
  return { seed, machine, driver, terminal };
}
