/**
 * A program whose code the page loads on demand (the Docker half of the simulator is a separate chunk).
 * The load goes through `Sys.hostLoad`, so when the chunk arrives in real time never shows in the
 * simulation: the first run in a machine always yields once, the machine stands still until the code is
 * there, and every later run starts at once.
 */
import type { Program } from './sys.js';

/** `pick` finds the program in what `load` delivered (one chunk may hold several programs, loaded once). */
export function lazyProgram<M>(key: string, load: () => Promise<M>, pick: (loaded: M) => Program): Program {
  return async (sys) => {
    const loaded = await sys.hostLoad(key, load);
    return pick(loaded)(sys);
  };
}
