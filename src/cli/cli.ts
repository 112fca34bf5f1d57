/**
 * What a docker command sees of the process it runs in (docker/cli's DockerCli / command.Streams): three
 * streams, the environment, a client, and virtual time. Text crosses these streams as JS strings; the
 * Engine API streams stay bytes until a command decodes them.
 */
import type { ApiClient } from './client.js';
import type { HostIo } from './archiveClient.js';
import type { PluginInfo } from './plugins.js';

export interface TtySize {
  readonly height: number;
  readonly width: number;
}

export interface OutStream {
  write(text: string): Promise<void>;
  isTerminal(): boolean;
  /** The terminal's size; 0×0 when the stream is not a terminal. */
  ttySize(): TtySize;
}

export interface InStream {
  /** Next input (one keystroke or line, whatever the terminal delivers); null at end of input. */
  read(): Promise<string | null>;
  isTerminal(): boolean;
  ttySize(): TtySize;
  /** Raw mode on (hijacked TTY sessions: no echo, no line editing, Ctrl-C as a byte) or back to cooked. */
  setRaw(on: boolean): void;
  /** Echo off (a password prompt) or back on, the line discipline otherwise as it was. */
  setEcho?(on: boolean): void;
}

/**
 * The client's filesystem as the docker process sees it (relative paths from its cwd, its permissions): what
 * `docker build` tars as its context and where `--iidfile` writes. Errors are the kernel's (`message` is the
 * errno's text).
 */
export interface ClientFs {
  lstat(path: string): { type: string; mode: number; size: number; mtimeMs: number };
  stat(path: string): { type: string };
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  readlink(path: string): string;
  realpath(path: string): string;
  writeFile(path: string, data: string | Uint8Array): void;
  unlink(path: string): void;
}

export interface Cli {
  readonly in: InStream;
  readonly out: OutStream;
  readonly err: OutStream;
  env(name: string): string | undefined;
  /** A client for `host` (from -H / DOCKER_HOST / the default socket); negotiates on first use. */
  client(host: string): ApiClient;
  /** Virtual time, milliseconds since the epoch. */
  now(): number;
  /** The text of a file on the client's machine (`--env-file`); throws Go's `open PATH: …` error. */
  readFile?(path: string): string;
  /**
   * Writes a file on the client's machine (config.json), making its directory with `dirMode` first; a new file
   * gets `mode`, an existing one keeps its own (configfile.Save's temp file and rename). Throws Go's error text.
   */
  writeFile?(path: string, text: string, mode: number, dirMode: number): void;
  /** The process's working directory (filepath.Abs for `-v ./dir:/x` and `--mount src=./dir`). */
  cwd?(): string;
  /** The client's filesystem (build contexts); absent where the CLI runs without one. */
  readonly fs?: ClientFs;
  /** Virtual sleep (live `docker stats`). */
  sleep(ms: number): Promise<void>;
  /**
   * Signals delivered to the docker process (`SIGINT`, `SIGTERM`, `SIGWINCH`…) while a handler is set;
   * returns the unsubscribe. Absent: the process has no way to catch signals (nothing is proxied).
   */
  /** Catches `signals` (as Go's signal.Notify) until the returned function is called. */
  onSignal?(signals: readonly string[], handler: (signal: string) => void): () => void;
  /** Bytes on stdin/stdout and the host's files (cp, save, load, export, import); absent where there are none. */
  readonly hostIo?: HostIo;
}

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** What a command's run function receives: the process's streams and its (already chosen) client. */
export interface CommandCli extends Omit<Cli, 'client'> {
  client(): ApiClient;
  /** The CLI plugins installed (`docker info` lists them); absent where the CLI has no filesystem. */
  plugins?(): readonly PluginInfo[];
}
