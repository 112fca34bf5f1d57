/** An exec instance (moby daemon/exec.Config): created by `exec create`, run once by `exec start`. */
import type { OpenFile } from '../kernel/openfile.js';
import type { Tty } from '../kernel/tty.js';
import type { StreamSink } from './runtime/stdio.js';

/** POST /containers/{id}/exec body (ExecOptions). */
export interface ExecCreateConfig {
  readonly Cmd: readonly string[];
  readonly User?: string;
  readonly Privileged?: boolean;
  readonly Tty?: boolean;
  readonly AttachStdin?: boolean;
  readonly AttachStdout?: boolean;
  readonly AttachStderr?: boolean;
  readonly DetachKeys?: string;
  readonly Env?: readonly string[];
  readonly WorkingDir?: string;
  readonly ConsoleSize?: readonly [number, number];
}

export class ExecRecord {
  running = false;
  exitCode: number | null = null;
  /** Host PID while running. */
  pid = 0;
  tty: Tty | null = null;
  stdin: OpenFile | null = null;
  sink: StreamSink | null = null;
  /** exec start was called (an exec runs once). */
  started = false;
  /** When it left its container's exec list (ended, or failed to start): the GC counts from here. */
  endedNs: bigint | null = null;
  /** The GC has seen it outside every container's list once (moby's CanRemove); the next tick drops it. */
  canRemove = false;
  /** Called with the exit status once the process is reaped (a health probe reads its result here). */
  onExit: ((status: number) => void) | null = null;

  constructor(
    readonly ID: string,
    readonly containerId: string,
    readonly entrypoint: string,
    readonly args: readonly string[],
    readonly config: ExecCreateConfig,
    readonly env: readonly string[],
    readonly user: string,
    readonly workingDir: string,
  ) {}

  /** GET /exec/{id}/json. */
  toJSON(): Record<string, unknown> {
    const pc: Record<string, unknown> = {
      tty: this.config.Tty ?? false, entrypoint: this.entrypoint, arguments: this.args, privileged: this.config.Privileged ?? false,
    };
    if (this.user) pc.user = this.user;
    return {
      ID: this.ID, Running: this.running, ExitCode: this.exitCode, ProcessConfig: pc,
      OpenStdin: this.config.AttachStdin ?? false, OpenStderr: this.config.AttachStderr ?? false,
      OpenStdout: this.config.AttachStdout ?? false, CanRemove: this.canRemove, ContainerID: this.containerId,
      DetachKeys: this.config.DetachKeys ?? '', Pid: this.pid,
    };
  }
}
