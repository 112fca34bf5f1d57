/**
 * Programs too big to ride in the utilities chunk: each family (an editor, a server, a package manager) is a
 * chunk of its own that a machine loads through `Sys.hostLoad` the first time one of its binaries runs, so a
 * learner who never opens vim never downloads it and the utilities chunk stays quick to fetch.
 *
 * A family's module exports `programs`, its binaries by the name their file on the simulated disk gives
 * (`binaryContent(name)`); list each name here against the family's loader.
 */
import type { Program } from '../engine/kernel/sys.js';

export interface ProgramFamily {
  /** The `hostLoad` key: a machine waits for a family once, whichever of its programs runs first. */
  readonly chunk: string;
  readonly load: () => Promise<{ readonly programs: Readonly<Record<string, Program>> }>;
  readonly names: readonly string[];
}

export const OPTIONAL_FAMILIES: readonly ProgramFamily[] = [
  { chunk: 'nano', load: () => import('./nano/index.js'), names: ['nano', 'nano-6.2'] },
  { chunk: 'pager', load: () => import('./pager/index.js'), names: ['less', 'more', 'man'] },
];
