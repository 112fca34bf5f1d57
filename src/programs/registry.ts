/**
 * Every simulated binary, by the name a file on the simulated disk gives (see engine/kernel/binfmt.ts).
 *
 * What a host needs before its first prompt (init, the shells, the few programs a login runs) is loaded with
 * the page; the rest comes in two chunks a machine loads on demand through `Sys.hostLoad` (so their arrival
 * in real time never shows in the simulation): the utilities (coreutils, procps, busybox…) and the Docker
 * half (the `docker` CLI and dockerd's API and container work). dockerd itself starts at boot without it
 * (it binds its sockets and logs), and loads it at its first connection: a boot never waits for the chunk.
 * The page starts fetching both early (src/ui/prefetch.ts).
 */
import type { DaemonStore } from '../engine/daemon/store.js';
import { LateSlot } from '../engine/kernel/late.js';
import { lazyProgram } from '../engine/kernel/lazy.js';
import type { Program } from '../engine/kernel/sys.js';
import { cat } from './coreutils/cat.js';
import { dircolors } from './coreutils/dircolors.js';
import { containerd } from './dockerd/containerd.js';
import { makeDockerd } from './dockerd/dockerd.js';
import { init } from './init/init.js';
import { unsimulated } from './init/unsimulated.js';
import { shells } from './shell/index.js';
import { groups } from './system/groups.js';
import { OPTIONAL_FAMILIES } from './optional.js';

/** `hostLoad` keys: a machine waits for a chunk once, whichever of its programs runs first. */
export const DOCKER_CHUNK = 'docker';
export const UTILITIES_CHUNK = 'utilities';

export const loadDockerPrograms = (): Promise<typeof import('./dockerPrograms.js')> => import('./dockerPrograms.js');
export const loadUtilities = (): Promise<typeof import('./utilities.js')> => import('./utilities.js');

/** What an Ubuntu login runs before its first prompt (/etc/bash.bashrc, ~/.bashrc): `groups`, `cat`, `dircolors`. */
export const LOGIN_PROGRAMS: Readonly<Record<string, Program>> = { cat, dircolors, groups };

/**
 * `systemctl` and `service`, which no boot runs: their code comes after the first prompt (machine/late.ts),
 * without the yield a chunk loaded through `hostLoad` costs, so they run as they did when they were here.
 */
export const LATE_PROGRAMS = new LateSlot<{ readonly systemctl: Program; readonly service: Program }>('systemctl or service');

/** How a machine gets its on-demand chunks; tests slow these down to show it makes no difference. */
export interface ChunkLoaders {
  readonly docker: typeof loadDockerPrograms;
  readonly utilities: typeof loadUtilities;
}

export const CHUNK_LOADERS: ChunkLoaders = { docker: loadDockerPrograms, utilities: loadUtilities };

export interface RegistryOptions {
  /** The machine's Docker state (/var/lib/docker), which dockerd serves; it outlives any one dockerd. */
  readonly daemonStore: () => DaemonStore;
  readonly chunks?: ChunkLoaders;
}

/**
 * Any other name is looked up in the utilities chunk once it is there: a binary the simulator does not know
 * runs `unsimulated` then, so which names exist need not be known before the chunk loads.
 */
class ProgramTable extends Map<string, Program> {
  constructor(
    entries: Iterable<readonly [string, Program]>,
    private readonly loadUtilities: ChunkLoaders['utilities'],
  ) {
    super(entries);
  }

  override get(name: string): Program {
    let program = super.get(name);
    if (!program) {
      program = lazyProgram(UTILITIES_CHUNK, this.loadUtilities, (m) => (Object.hasOwn(m.utilities, name) ? m.utilities[name] : unsimulated));
      this.set(name, program);
    }
    return program;
  }
}

export function programRegistry(opts: RegistryOptions): Map<string, Program> {
  const chunks = opts.chunks ?? CHUNK_LOADERS;
  return new ProgramTable([
    ...Object.entries(shells),
    ...OPTIONAL_FAMILIES.flatMap((f) =>
      f.names.map((name) => [name, lazyProgram(f.chunk, f.load, (m) => m.programs[name] ?? unsimulated)] as const)),
    ...Object.entries(LOGIN_PROGRAMS),
    ['docker', lazyProgram(DOCKER_CHUNK, chunks.docker, (m) => m.docker)],
    ['containerd', containerd],
    ['dockerd', makeDockerd(opts.daemonStore, async (sys) => (await sys.hostLoad(DOCKER_CHUNK, chunks.docker)).dockerdCore)],
    ['init', init],
    ['systemctl', (sys) => LATE_PROGRAMS.get().systemctl(sys)],
    ['service', (sys) => LATE_PROGRAMS.get().service(sys)],
    ['systemd', init],
  ], chunks.utilities);
}
