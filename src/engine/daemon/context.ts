/** What every daemon operation runs with: the engine's state and the calling process (for spawning and blocking). */
import type { Sys } from '../kernel/sys.js';
import type { DaemonStore } from './store.js';

export interface DaemonContext {
  readonly store: DaemonStore;
  readonly sys: Sys;
}
