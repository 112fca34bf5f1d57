/**
 * What the container routes need from the daemon, grouped by concern as moby's
 * api/server/router/container/backend.go does. Values are plain JSON-shaped objects; the daemon adapter
 * owns their exact field order. Any method may return a Promise: handlers wait on it through the
 * connection's Waiter, so it may resolve from another process (a container exiting).
 * Errors are DaemonErrors (errdefs): their kind picks the status.
 */
import type { Disposable } from '../../../pkg/disposable.js';
import type { Filters } from '../httputils.js';

type MaybeAsync<T> = T | Promise<T>;
type Json = Record<string, unknown>;

export interface ContainerCreateConfig {
  readonly name: string;
  /** The request body without HostConfig and NetworkingConfig (container.Config). */
  readonly config: Json;
  readonly hostConfig: Json;
  readonly networkingConfig: Json;
  readonly platform: string;
}

export interface CommitRequest {
  readonly repo: string;
  readonly tag: string;
  readonly author: string;
  readonly comment: string;
  readonly changes: readonly string[];
  readonly pause: boolean;
}

export interface StopOptions {
  readonly signal?: string;
  /** Seconds; undefined = the container's StopTimeout. */
  readonly timeout?: number;
}

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

export interface ContainerStateBackend {
  containerCreate(c: ContainerCreateConfig): MaybeAsync<{ Id: string; Warnings: string[] }>;
  containerKill(name: string, signal: string): MaybeAsync<void>;
  containerPause(name: string): MaybeAsync<void>;
  containerUnpause(name: string): MaybeAsync<void>;
  containerRename(oldName: string, newName: string): MaybeAsync<void>;
  /** POST /containers/{id}/update: container.UpdateConfig (Resources fields and RestartPolicy) → `{Warnings}`. */
  containerUpdate(name: string, update: Json): MaybeAsync<{ Warnings: string[] | null }>;
  containerResize(name: string, height: number, width: number): MaybeAsync<void>;
  containerRestart(name: string, opts: StopOptions): MaybeAsync<void>;
  containerRm(name: string, opts: { force: boolean; removeVolume: boolean; removeLink: boolean }): MaybeAsync<void>;
  /** POST /containers/prune: `{ContainersDeleted, SpaceReclaimed}`. */
  containersPrune(filters: Filters): MaybeAsync<Json>;
  /** NotModified when already running. */
  containerStart(name: string): MaybeAsync<void>;
  /** POST /commit: the new image's ID (`sha256:…`). */
  containerCommit(name: string, opts: CommitRequest): MaybeAsync<string>;
  /** NotModified when already stopped. */
  containerStop(name: string, opts: StopOptions): MaybeAsync<void>;
  /**
   * Checks the name now (a NotFound is an ordinary error response) and returns the wait: the route sends
   * its 200 header at once and the body when `result` settles.
   */
  containerWait(
    name: string,
    condition: WaitCondition,
  ): MaybeAsync<{ result: Promise<{ StatusCode: number; Error?: string }>; /** The client went away: stop waiting. */ cancel?(): void }>;
}

export interface ContainerQueryBackend {
  containers(opts: { all: boolean; limit: number; size: boolean; since: string; before: string; filters: Filters }): MaybeAsync<unknown[]>;
  /** The inspect JSON, already in moby's key order. */
  containerInspect(name: string, opts: { size: boolean }): MaybeAsync<Json>;
  containerTop(name: string, psArgs: string): MaybeAsync<{ Titles: string[]; Processes: string[][] }>;
  containerChanges(name: string): MaybeAsync<Array<{ Path: string; Kind: number }>>;
}

export interface LogMessage {
  readonly stream: 'stdout' | 'stderr';
  /** Text (UTF-16) with its newline, as the container wrote it. */
  readonly line: string;
  /** Epoch nanoseconds. */
  readonly timeNs: bigint;
}

export interface LogsConfig {
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly follow: boolean;
  readonly timestamps: boolean;
  readonly tail: string;
  readonly since: string;
  readonly until: string;
  readonly details: boolean;
}

/** A subscription the backend feeds: past entries first, then live ones; `end` when the log is over. */
export interface MessageSink<T> {
  message(m: T): void;
  end(err?: Error): void;
}

export interface ContainerMonitorBackend {
  /** Resolves the container; `tty` decides between raw and multiplexed output. */
  containerLogs(name: string, config: LogsConfig, sink: MessageSink<LogMessage>): MaybeAsync<{ tty: boolean; subscription: Disposable }>;
  /** Stats objects (JSON-shaped); one then `end` when !stream. */
  containerStats(name: string, opts: { stream: boolean; oneShot: boolean }, sink: MessageSink<unknown>): MaybeAsync<Disposable>;
}

/** The client's side of an attached stream, handed to the backend once the connection is hijacked. */
export interface AttachStreams {
  /** Output to the client (text; the API frames and encodes it). Safe to call from any process. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Typed input from the client (decoded text) and its end. */
  onStdin(data: (text: string) => void, end: () => void): void;
  /**
   * The client hung up (a write found the connection closed): moby's attach ends there and detaches. A
   * backend that registers here can stop its session instead of waiting for the container to exit.
   */
  onHangup?(fn: () => void): void;
  /**
   * Bytes queued for the client and not yet written to its connection: a backend stops taking output while
   * this is high, so a client that cannot keep up slows the container instead of filling memory.
   */
  backlog?(): number;
  /** `fn` runs whenever everything queued so far has been written to the connection (or the client is gone). */
  onFlushed?(fn: () => void): void;
}

export interface AttachConfig {
  readonly useStdin: boolean;
  readonly useStdout: boolean;
  readonly useStderr: boolean;
  readonly logs: boolean;
  readonly stream: boolean;
  readonly detachKeys: string;
  /**
   * moby's GetStreams: hijacks the connection and writes the 101/200 header. The backend calls it after its
   * own checks (so "No such container" is an ordinary reply) with whether the output is multiplexed (no TTY).
   */
  getStreams(multiplexed: boolean): AttachStreams;
}

export interface ContainerAttachBackend {
  /** Resolves when the attachment ends (the container stopped, stdin closed or the client detached). */
  containerAttach(name: string, config: AttachConfig): Promise<void> | void;
}

export interface ExecStartConfig {
  readonly detach: boolean;
  readonly tty: boolean;
  readonly consoleSize: readonly [number, number] | null;
  /** Null when detached. */
  readonly streams: AttachStreams | null;
}

export interface ContainerExecBackend {
  /** 201 `{"Id"}`. Conflict when the container is not running or paused. */
  containerExecCreate(name: string, config: Json): MaybeAsync<string>;
  containerExecInspect(id: string): MaybeAsync<Json>;
  containerExecResize(id: string, height: number, width: number): MaybeAsync<void>;
  /** NotFound for an unknown exec (checked before the connection is hijacked). */
  execExists(id: string): MaybeAsync<boolean>;
  /** Resolves when the exec'd process exits (or at once when detached). */
  containerExecStart(id: string, config: ExecStartConfig): Promise<void> | void;
}

export type ContainerBackend = ContainerStateBackend & ContainerQueryBackend & ContainerMonitorBackend &
  ContainerAttachBackend & ContainerExecBackend;
