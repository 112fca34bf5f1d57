/**
 * What the runtime keeps for one container besides its `Container` record: the RW layer (from create to rm)
 * and, while it runs, the processes, namespaces, terminal and stdio plumbing. Fields stay null until needed,
 * so a created-but-never-started container costs an Overlay and this object.
 */
import type { Overlay } from '../../fs/overlay.js';
import type { MountTable } from '../../fs/vfs.js';
import type { MemTree } from '../../fs/memtree.js';
import type { Cgroup } from '../../kernel/cgroup.js';
import type { NetNamespace } from '../../kernel/net.js';
import type { OpenFile } from '../../kernel/openfile.js';
import type { Process } from '../../kernel/process.js';
import type { Tty } from '../../kernel/tty.js';
import type { Disposable } from '../../../pkg/disposable.js';
import type { DaemonError } from '../../../pkg/errdefs.js';
import type { ExecRecord } from '../execRecord.js';
import type { RestartManager } from '../restartmanager.js';
import { SinkGate, type StreamSink } from './stdio.js';
import type { LaunchSpec } from './runc.js';

/** `starting`: the shim was spawned and has not yet started PID 1 (or failed to). */
export type TaskPhase = 'stopped' | 'starting' | 'running';

export class ContainerRuntime {
  mnt: MountTable | null = null;
  /** /var/lib/docker/containers/<id>/{hostname,hosts,resolv.conf}, bind-mounted into the container. */
  files: MemTree | null = null;
  restart: RestartManager | null = null;
  phase: TaskPhase = 'stopped';
  startError: DaemonError | null = null;
  shim: Process | null = null;
  pid1: Process | null = null;
  cgroup: Cgroup | null = null;
  tty: Tty | null = null;
  ttySub: Disposable | null = null;
  /** The write end of PID 1's stdin pipe (OpenStdin without a TTY). */
  stdin: OpenFile | null = null;
  /**
   * Input an attached client sent before the container started (docker run -i attaches first): held as
   * containerd's stdin fifo would hold it, and delivered once the terminal or pipe exists.
   */
  earlyInput: string[] = [];
  /** The attached client closed stdin before the pipe existed (`echo x | docker run -i …`): close it on start. */
  private earlyClose = false;

  /** Sends input to PID 1's terminal or stdin pipe, or holds it until they exist. */
  input(data: string): void {
    if (this.tty) this.tty.input(data);
    else if (this.stdin) this.stdin.tryWrite(data);
    else this.earlyInput.push(data);
  }

  /** Delivers input held from before the start (and the end of it, if the client already closed). */
  flushInput(): void {
    const held = this.earlyInput.splice(0);
    for (const d of held) this.input(d);
    if (this.earlyClose && this.stdin) {
      this.earlyClose = false;
      this.closeStdin();
    }
  }

  /** EOF on PID 1's stdin pipe, now or as soon as it exists. */
  closeStdin(): void {
    if (this.stdin) {
      this.stdin.release();
      this.stdin = null;
    } else this.earlyClose = true;
  }
  /** Attached clients (docker attach / run -a): they get every output chunk as it is written. */
  sinks: Set<StreamSink> | null = null;
  ip = '';
  veth = '';
  netns: NetNamespace | null = null;
  /** Uptime (ms) of the last start, for the restart manager's "ran for" rule. */
  startedAtMs = 0;
  /** Exits seen so far: `wait?condition=next-exit` waits for this to grow. */
  exits = 0;
  /** `docker restart` in progress: the exit it causes is not an AutoRemove. */
  manualRestart = false;
  /** How PID 1 is launched (executable resolved in the container), from the last prepare. */
  spec: LaunchSpec | null = null;
  private execMap: Map<number, ExecRecord> | null = null;

  /** Live exec processes by host PID; the Map is made at first use (most containers never see an exec). */
  get execs(): Map<number, ExecRecord> {
    return (this.execMap ??= new Map());
  }

  /** How many execs are live, without making the Map: the shim asks at every child's exit. */
  get execCount(): number {
    return this.execMap === null ? 0 : this.execMap.size;
  }

  constructor(
    readonly rootfs: Overlay,
    /** Identifies the image's content (its bottom layer) for per-image caches. */
    readonly imageKey: object,
  ) {}

  addSink(s: StreamSink): void {
    (this.sinks ??= new Set()).add(s);
    this.gate.watch(s);
  }

  removeSink(s: StreamSink): void {
    this.sinks?.delete(s);
    this.gate.reopen();
  }

  /** Output waits while an attached client is congested (pipe writes wait, the TTY is stopped). */
  readonly gate = new SinkGate(
    () => this.sinks ?? [],
    () => this.tty,
  );

  /** After output was written: a congested client stops the container's terminal. */
  holdIfCongested(): void {
    this.gate.holdIfCongested();
  }
}
