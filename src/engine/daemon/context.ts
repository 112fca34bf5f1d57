/** What every daemon operation runs with: the engine's state and the calling process (for spawning and blocking). */
import type { Sys } from '../kernel/sys.js';
import type { DockerEngine } from './engine.js';

export interface DaemonContext {
  readonly engine: DockerEngine;
  readonly sys: Sys;
}
