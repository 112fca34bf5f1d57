/**
 * The Engine API as the docker CLI uses it: one method per request (docker/cli talks to moby's client
 * package the same way). Shapes are the API's JSON (v1.50 field names). An adapter over src/api/client
 * implements it for the simulation; tests pass a fake with one function per method.
 *
 * Errors: a daemon answer ≥ 400 rejects with an error carrying a numeric `status` and the daemon's bare
 * `message` (errors.ts prints it as `Error response from daemon: …`); an unreachable daemon rejects with an
 * error named `ConnectionError` whose message is the whole line docker prints (`Cannot connect to the
 * Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`).
 * Streams carry binary strings (one char per byte), as sockets do.
 */
import type { ArchiveClient } from './archiveClient.js';

export type Json = Record<string, unknown>;

export interface PortJSON {
  readonly IP?: string;
  readonly PrivatePort: number;
  readonly PublicPort?: number;
  readonly Type: string;
}

/** GET /containers/json items. `Created` is unix seconds; every name starts with `/`. */
export interface ContainerSummary {
  readonly Id: string;
  readonly Names: readonly string[];
  readonly Image: string;
  readonly ImageID?: string;
  readonly Command: string;
  readonly Created: number;
  readonly Ports: readonly PortJSON[];
  readonly Labels?: Readonly<Record<string, string>> | null;
  readonly State: string;
  readonly Status: string;
  readonly SizeRw?: number;
  readonly SizeRootFs?: number;
  readonly Mounts?: ReadonlyArray<{ readonly Name?: string; readonly Source?: string; readonly Type?: string }>;
  readonly NetworkSettings?: { readonly Networks?: Readonly<Record<string, unknown>> };
}

/** GET /containers/{id}/json: only what the CLI reads is typed; the rest stays in the object. */
export interface ContainerJSON {
  readonly Id: string;
  readonly Name?: string;
  readonly State: {
    readonly Running: boolean;
    readonly Paused: boolean;
    readonly Restarting: boolean;
    readonly Status?: string;
    readonly ExitCode?: number;
  };
  readonly Config: { readonly Tty: boolean; readonly OpenStdin: boolean; readonly [k: string]: unknown };
  readonly HostConfig?: { readonly AutoRemove?: boolean; readonly [k: string]: unknown };
  readonly [k: string]: unknown;
}

/** An object as inspected, with the daemon's JSON text when the client kept it (docker inspect prints it). */
/** A volume as GET /volumes lists it (volume.Volume). */
export interface VolumeSummary {
  readonly Name: string;
  readonly Driver: string;
  readonly Scope: string;
  readonly Mountpoint: string;
  readonly Labels: Record<string, string> | null;
  readonly UsageData?: { Size: number; RefCount: number } | null;
}

export interface Inspected<T> {
  readonly value: T;
  readonly raw?: string;
}

export interface ContainerListOptions {
  readonly all?: boolean;
  /** > 0 only; the API's `limit`. */
  readonly limit?: number;
  readonly size?: boolean;
  /** filters.ToJSON: `{"status":{"exited":true}}`, absent when empty. */
  readonly filters?: string;
}

export interface ImageSummary {
  readonly Id: string;
  readonly ParentId?: string;
  readonly RepoTags: readonly string[] | null;
  readonly RepoDigests: readonly string[] | null;
  readonly Created: number;
  readonly Size: number;
  readonly Containers?: number;
  /** -1 (not counted) except from GET /system/df. */
  readonly SharedSize?: number;
  readonly Labels?: Readonly<Record<string, string>> | null;
}

/** GET /system/df (types.DiskUsage); no volumes or build cache records are modelled, so those stay untyped. */
export interface DiskUsage {
  readonly LayersSize: number;
  readonly Images: readonly ImageSummary[] | null;
  readonly Containers: readonly ContainerSummary[] | null;
  readonly Volumes: readonly VolumeSummary[] | null;
  readonly BuildCache: readonly unknown[] | null;
}

/** GET /images/{name}/history items, newest first. */
export interface HistoryItem {
  readonly Comment: string;
  readonly Created: number;
  readonly CreatedBy: string;
  readonly Id: string;
  readonly Size: number;
  readonly Tags: readonly string[] | null;
}

/** GET /images/search items (lower-case keys, as the registry API has them). */
export interface SearchResult {
  readonly name: string;
  readonly description: string;
  readonly star_count: number;
  readonly is_official: boolean;
  readonly is_automated?: boolean;
}

/** One line of pull progress (pkg/jsonmessage). */
export interface JSONMessage {
  readonly status?: string;
  readonly id?: string;
  readonly progress?: string;
  readonly progressDetail?: { readonly current?: number; readonly total?: number; readonly start?: number };
  readonly stream?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly code?: number; readonly message?: string };
  readonly aux?: unknown;
  readonly from?: string;
  readonly time?: number;
  readonly timeNano?: number;
}

export interface MessageStream {
  /** Next message; null at the end of the stream. */
  nextMessage(): Promise<JSONMessage | null>;
  close(): void;
}

/** A build's reply: messages whose wait can be bounded (undefined: nothing came within `ms`). */
export interface BuildStream extends MessageStream {
  nextMessageWithin(ms: number): Promise<JSONMessage | null | undefined>;
}

/** POST /build: the query (url.Values: keys sorted when encoded), the context tar, the request's headers. */
export interface BuildRequest {
  readonly query: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
}

/** A response body read piece by piece (logs, multiplexed unless the container has a TTY). */
export interface ByteStream {
  next(): Promise<string | null>;
  close(): void;
}

/** A connection after `101 UPGRADED` (attach, exec start): raw bytes both ways. */
export interface HijackedConn {
  read(): Promise<string | null>;
  write(bytes: string): Promise<void>;
  /** Half-close: the daemon sees end of stdin. */
  closeWrite(): void;
  close(): void;
}

export interface WaitResult {
  readonly StatusCode: number;
  readonly Error?: { readonly Message: string } | null;
}

/** The wait request was accepted (its headers came back); `result()` resolves when the condition is met. */
export interface WaitHandle {
  result(): Promise<WaitResult>;
}

export interface LogsOptions {
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly follow?: boolean;
  readonly timestamps?: boolean;
  readonly details?: boolean;
  /** `all` or a number, as given. */
  readonly tail?: string;
  /** Already converted client-side to `seconds.nanoseconds` (moby's timetypes.GetTimestamp). */
  readonly since?: string;
  readonly until?: string;
}

export interface AttachOptions {
  readonly stream: boolean;
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly detachKeys?: string;
  readonly logs?: boolean;
}

export interface ExecConfig {
  readonly User?: string;
  readonly Privileged?: boolean;
  readonly Tty: boolean;
  readonly ConsoleSize?: readonly [number, number];
  readonly AttachStdin: boolean;
  readonly AttachStdout: boolean;
  readonly AttachStderr: boolean;
  readonly DetachKeys?: string;
  readonly Env?: readonly string[];
  readonly WorkingDir?: string;
  readonly Cmd: readonly string[];
}

export interface ExecStartOptions {
  readonly Detach: boolean;
  readonly Tty: boolean;
  readonly ConsoleSize?: readonly [number, number];
}

/** The part of the daemon's `/_ping` docker/cli keeps (command.ServerInfo); empty when it could not be reached. */
export interface ServerInfo {
  readonly hasExperimental: boolean;
  readonly osType: string;
  /** From the `Swarm` header (`inactive`, `active/manager`…); absent when the daemon sent none. */
  readonly swarm?: { readonly nodeState: string; readonly controlAvailable: boolean };
}

export interface ApiClient {
  /** The API version requests use after negotiation (`1.50`, lower against an older daemon). */
  clientVersion(): string;
  /** Pings the daemon (once) for what help and isSupported read; out of reach: experimental, no OS (hides nothing). */
  serverInfo(): Promise<ServerInfo>;
  serverVersion(): Promise<Json>;
  info(): Promise<Json>;

  containerList(opts: ContainerListOptions): Promise<ContainerSummary[]>;
  /** The adapter merges Config, HostConfig and NetworkingConfig into one body (`name` goes in the query). */
  containerCreate(config: Json, hostConfig: Json, networkingConfig: Json, name?: string, platform?: string):
    Promise<{ Id: string; Warnings: string[] | null }>;
  /** 204 and 304 (already running) both resolve. */
  containerStart(id: string): Promise<void>;
  containerAttach(id: string, opts: AttachOptions): Promise<HijackedConn>;
  /** condition: '' (not-running), 'next-exit' or 'removed'. Rejects if the daemon refuses the wait. */
  containerWait(id: string, condition: string): Promise<WaitHandle>;
  containerLogs(id: string, opts: LogsOptions): Promise<ByteStream>;
  containerInspect(id: string, opts?: { size?: boolean }): Promise<Inspected<ContainerJSON>>;
  containerStop(id: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  containerRestart(id: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  /** signal '' means the daemon's default (SIGKILL): send no `signal` parameter. Forwarded signals come without `SIG`. */
  containerKill(id: string, signal: string): Promise<void>;
  containerPause(id: string): Promise<void>;
  containerUnpause(id: string): Promise<void>;
  containerRemove(id: string, opts: { force?: boolean; removeVolumes?: boolean; removeLinks?: boolean }): Promise<void>;
  containerRename(id: string, newName: string): Promise<void>;
  /** POST /containers/{id}/update with a container.UpdateConfig. */
  containerUpdate(id: string, update: Json): Promise<{ Warnings: string[] | null }>;
  /** POST /containers/prune; `filters` as filtersJSON builds it. */
  systemDiskUsage(): Promise<DiskUsage>;
  imagesPrune(filters?: string): Promise<{ ImagesDeleted: Array<{ Untagged?: string; Deleted?: string }> | null; SpaceReclaimed: number }>;
  networksPrune(filters?: string): Promise<{ NetworksDeleted: string[] | null }>;
  volumesPrune(filters?: string): Promise<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>;
  volumeList(filters?: string): Promise<{ Volumes: VolumeSummary[] | null; Warnings: string[] | null }>;
  volumeCreate(body: Json): Promise<VolumeSummary>;
  volumeInspect(name: string): Promise<Inspected<Json>>;
  volumeRemove(name: string, force: boolean): Promise<void>;
  buildCachePrune(opts: { all?: boolean; filters?: string }): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>;
  containersPrune(filters?: string): Promise<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>;
  /** `ps_args` is the arguments joined with spaces, absent when none. */
  containerTop(id: string, psArgs: readonly string[]): Promise<{ Titles: string[]; Processes: string[][] }>;
  /** One sample (`stream=0`): the daemon fills precpu_stats from its previous reading. */
  containerStats(id: string): Promise<Json>;
  /** Kind: 0 modified, 1 added, 2 deleted. */
  containerDiff(id: string): Promise<Array<{ Path: string; Kind: number }> | null>;
  containerResize(id: string, height: number, width: number): Promise<void>;

  containerExecCreate(id: string, config: ExecConfig): Promise<{ Id: string }>;
  /** Detach: plain 200 and null; otherwise the hijacked stream. */
  containerExecStart(execId: string, opts: ExecStartOptions): Promise<HijackedConn | null>;
  containerExecInspect(execId: string): Promise<Json>;
  containerExecResize(execId: string, height: number, width: number): Promise<void>;

  imageList(opts: { all?: boolean; filters?: string }): Promise<ImageSummary[]>;
  /** POST /images/create?fromImage=docker.io/library/ubuntu&tag=latest. */
  /** POST /images/create?fromImage=…; `registryAuth` is X-Registry-Auth as for a push. */
  imagePull(fromImage: string, tag: string, opts?: { platform?: string; registryAuth?: string }): Promise<MessageStream>;
  imageInspect(name: string): Promise<Inspected<Json>>;
  imageRemove(name: string, opts: { force?: boolean; noPrune?: boolean }):
    Promise<Array<{ Untagged?: string; Deleted?: string }>>;
  imageSearch(term: string, opts: { limit?: number; filters?: string }): Promise<SearchResult[]>;
  /** POST /images/{name}/push?tag=… with X-Registry-Auth (base64url JSON of the credentials, `e30=` for none). */
  imagePush(name: string, tag: string, registryAuth: string): Promise<MessageStream>;
  /** POST /auth: the daemon checks the credentials with the registry. */
  registryLogin(auth: Record<string, string>): Promise<{ Status: string; IdentityToken?: string }>;
  imageHistory(name: string): Promise<HistoryItem[]>;
  /** client.ImageBuild: POST /build with the context as the body. */
  imageBuild(req: BuildRequest): Promise<BuildStream>;
  /** client.ImageTag: the target parsed and checked first, then POST /images/{source}/tag. */
  imageTag(source: string, target: string): Promise<void>;
  /** client.ContainerCommit: POST /commit; the new image's ID. */
  containerCommit(container: string, opts: { reference: string; comment: string; author: string; changes: readonly string[]; pause: boolean }):
    Promise<{ Id: string }>;

  /** GET /networks */
  networkList(filters?: string): Promise<NetworkSummary[]>;
  /** GET /networks/{id} */
  networkInspect(ref: string, opts?: { verbose?: boolean }): Promise<Inspected<NetworkSummary>>;
  /** POST /networks/create with network.CreateRequest. */
  networkCreate(req: Json): Promise<{ Id: string; Warning?: string }>;
  networkConnect(network: string, container: string, endpointConfig: Json | null): Promise<void>;
  networkDisconnect(network: string, container: string, force: boolean): Promise<void>;
  networkRemove(ref: string): Promise<void>;
  /** cp, export, save, load, import: the calls that carry tar streams. */
  archive?(): ArchiveClient;
}

/** network.Summary (= network.Inspect) as the CLI reads it. */
export interface NetworkSummary {
  readonly Name: string;
  readonly Id: string;
  readonly Created: string;
  readonly Scope: string;
  readonly Driver: string;
  readonly EnableIPv4: boolean;
  readonly EnableIPv6: boolean;
  readonly Internal: boolean;
  readonly Labels: Record<string, string> | null;
  readonly Ingress: boolean;
}
