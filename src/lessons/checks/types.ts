/**
 * Checks are declarative queries on the simulated machine's state (never on the text the learner typed, except
 * `ran`, which is about running a command). Each kind lives in its own module: its schema and its evaluation.
 */
import type { Machine, Terminal } from '../../machine/machine.js';
import type { HttpOutcome, HttpRequest } from '../../machine/preview.js';
import type { CommandLog } from '../commandLog.js';
import type { KindSchema } from './fields.js';
import type { Said } from './said.js';

interface Base {
  /** Inverts the check. */
  readonly not?: boolean;
}

export interface ContainerCheck extends Base {
  readonly kind: 'container';
  readonly name?: string;
  readonly image?: string;
  readonly state?: 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';
  readonly tty?: boolean;
  readonly interactive?: boolean;
  readonly restart?: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  readonly command?: string;
  readonly exitCode?: number;
  /** State.Health.Status: the container has a health check and it says this. */
  readonly health?: 'starting' | 'healthy' | 'unhealthy';
  readonly count?: number;
}

export interface ImageCheck extends Base {
  readonly kind: 'image';
  readonly ref: string;
  /** Exactly this many layers (RootFS.Layers). */
  readonly layers?: number;
  /** `KEY=value`, or `KEY` for any value: in Config.Labels. */
  readonly label?: string;
  /** `KEY=value`, or `KEY` for any value: in Config.Env. */
  readonly env?: string;
  /** Config.Cmd / Config.Entrypoint: a JSON array exactly, or the words joined by spaces. */
  readonly cmd?: string;
  readonly entrypoint?: string;
  /** `80` or `80/tcp`: in Config.ExposedPorts. */
  readonly exposes?: string;
  readonly user?: string;
  readonly workdir?: string;
}

export interface PortCheck extends Base {
  readonly kind: 'port';
  readonly container: string;
  /** The container's port, `80` or `80/tcp`. */
  readonly port: string;
  /** Published on this host port (any, without it). */
  readonly host?: number;
}

export interface HttpCheck extends Base {
  readonly kind: 'http';
  /** The container whose published `port` is asked (through the host's port, as `curl localhost:PORT`). */
  readonly container?: string;
  /** The container's port, `80` or `80/tcp` (default 80). */
  readonly port?: string;
  /** Or a port of the host itself, without a container. */
  readonly host?: number;
  /** Path and query (default `/`). */
  readonly path?: string;
  /** The answer's status (default 200). */
  readonly status?: number;
  /** Text the answer's body contains. */
  readonly contains?: string;
}

export interface MountCheck extends Base {
  readonly kind: 'mount';
  readonly container: string;
  readonly destination: string;
  readonly type?: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name, or the bind mount's host path (`~/` is the learner's home). */
  readonly source?: string;
  readonly readonly?: boolean;
}

export interface NetworkCheck extends Base {
  readonly kind: 'network';
  readonly name: string;
  /** A container (by name) attached to it. */
  readonly member?: string;
  readonly internal?: boolean;
}

export interface VolumeCheck extends Base {
  readonly kind: 'volume';
  readonly name: string;
  /** A container (by name) that mounts it. */
  readonly usedBy?: string;
}

export interface ResolvesCheck extends Base {
  readonly kind: 'resolves';
  readonly container: string;
  readonly name: string;
  readonly address?: string;
}

export interface HostFileCheck extends Base {
  readonly kind: 'hostFile';
  /** Absolute, or `~/…` in the learner's home. */
  readonly path: string;
  readonly exists?: boolean;
  readonly contains?: string;
}

export interface RegistryCheck extends Base {
  readonly kind: 'registry';
  /** `user/repo[:tag]` on Docker Hub; with `container`, `localhost:5000/repo[:tag]` as the learner pushed it. */
  readonly ref: string;
  /** The running `registry:2` container whose storage is read (the Hub without it). */
  readonly container?: string;
}

export interface BuildCheck extends Base {
  readonly kind: 'build';
  /** The latest build with this tag (`-t`); the latest build of all without it. */
  readonly tag?: string;
  /** The step the builder numbered so: `[2/4]` (BuildKit), `Step 2/5` (legacy). */
  readonly step?: number;
  /** Or the step with this instruction, as the Dockerfile wrote it: `RUN apt-get update`. */
  readonly instruction?: string;
  /**
   * Answered by the cache (`CACHED`, `---> Using cache`), or run. Without a step: every step. Left out: the step
   * is in the build at all (the image was built from a Dockerfile with that instruction).
   */
  readonly cached?: boolean;
}

export interface LogCheck extends Base {
  readonly kind: 'log';
  readonly container: string;
  readonly contains?: string;
  readonly lines?: number;
}

export interface FileCheck extends Base {
  readonly kind: 'file';
  readonly container: string;
  readonly path: string;
  readonly exists?: boolean;
  readonly contains?: string;
}

export interface ForegroundCheck extends Base {
  readonly kind: 'foreground';
  readonly terminal?: number;
  readonly program: string;
  readonly container?: string;
  /** On the host, the foreground docker command was given this flag (long name: `timestamps`). */
  readonly flag?: string;
}

export interface EnvCheck extends Base {
  readonly kind: 'env';
  readonly name: string;
  readonly value?: string;
  readonly terminal?: number;
}

export interface GroupCheck extends Base {
  readonly kind: 'group';
  readonly user: string;
  readonly group: string;
}

export interface DaemonCheck extends Base {
  readonly kind: 'daemon';
  readonly running?: boolean;
  readonly listens?: string;
}

export interface RanCheck extends Base {
  readonly kind: 'ran';
  readonly command: string;
  readonly success?: boolean;
}

export interface ProcessCheck extends Base {
  readonly kind: 'process';
  readonly container: string;
  readonly program: string;
  readonly count?: number;
}

export type Check =
  | ContainerCheck | ImageCheck | LogCheck | FileCheck | ForegroundCheck | EnvCheck | GroupCheck | DaemonCheck
  | RanCheck | ProcessCheck | PortCheck | MountCheck | NetworkCheck | VolumeCheck | ResolvesCheck | HostFileCheck
  | RegistryCheck | BuildCheck | HttpCheck;

export type CheckKind = Check['kind'];

/** What a check reads: the machine, its learner terminals (1, 2…; undefined if not open) and the command log. */
export interface CheckContext {
  readonly machine: Machine;
  terminal(n: number): Terminal | undefined;
  readonly commands: CommandLog;
  /** Answers of requests sent through the host's ports (`http` checks); without it they cannot pass. */
  readonly probes?: Probes;
}

/** An `http` check's view of the lesson's prober (lessons/probe.ts): the last answer, and the wish to ask. */
export interface Probes {
  /** The last answer to `req` (undefined: not asked yet, or asked and waiting); records that a check wants it. */
  answer(req: HttpRequest): HttpOutcome | undefined;
}

/** Whether the queried state holds (before `not`), and what was found, for a learner-facing explanation. */
export interface Finding {
  readonly holds: boolean;
  readonly found: Said;
  /** The check cannot hold any more as things are (`found` says why and what to do). */
  readonly stuck?: boolean;
}

export interface CheckDefinition<C extends Check = Check> {
  readonly kind: C['kind'];
  readonly schema: KindSchema;
  evaluate(check: C, ctx: CheckContext): Finding;
}

/** Builds a definition with its check type tied to its kind. */
export function defineCheck<C extends Check>(def: CheckDefinition<C>): CheckDefinition<C> {
  return def;
}
