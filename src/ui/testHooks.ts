/**
 * What browser tests (test/e2e) reach through `window.__dockersim` when the page is opened with `?test=1`:
 * the session's objects, so a test reads exactly what xterm shows and can inspect the machine.
 */
import type { Terminal } from '@xterm/xterm';
import type { Session, SimulatedHost } from './session.js';

export interface TestHooks<M extends SimulatedHost = SimulatedHost> {
  readonly session: Session<M>;
  readonly machine: M;
  readonly term: Session<M>['terminal'];
  readonly driver: Session<M>['driver'];
  readonly xterm: Terminal;
}

declare global {
  interface Window {
    __dockersim?: TestHooks;
  }
}

export function installTestHooks<M extends SimulatedHost>(session: Session<M>, xterm: Terminal): void {
  const hooks: TestHooks<M> = { session, machine: session.machine, term: session.terminal, driver: session.driver, xterm };
  window.__dockersim = hooks as unknown as TestHooks;
}
