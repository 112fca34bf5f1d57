/**
 * The Container record (moby container/container.go, trimmed to what the simulator models). It holds what
 * `docker create` was given (Config, HostConfig), the State, and the network endpoint while running. It knows
 * nothing of processes or filesystems: the daemon operations (create.ts, start.ts, …) do the work and keep this
 * record current; inspect.ts turns it into the API's JSON.
 */
import { LogBuffer } from './logs.js';
import type { RestartPolicy } from './restartmanager.js';
import type { HealthConfig } from './healthConfig.js';
import { ContainerState } from './state.js';

/** container.Config: what the image and `docker create` say the process is. */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
  /** `--health-*` merged over the image's HEALTHCHECK (zero fields take the image's, then the monitor's defaults). */
  Healthcheck?: HealthConfig;
  /** A build's SHELL (runConfig.Shell): only run configs and image configs carry it; create never merges it in. */
  Shell?: string[];
}

/** The parts of container.HostConfig the simulator acts on; the rest serialise with Docker's defaults. */
export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
  PublishAllPorts?: boolean;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  ConsoleSize: [number, number];
  Dns: string[];
  DnsOptions: string[];
  DnsSearch: string[];
  ExtraHosts: string[] | null;
  Privileged: boolean;
  Memory: number;
  /** Memory plus swap; twice Memory when only `-m` is given (moby's adaptContainerSettings). */
  MemorySwap: number;
  NanoCpus: number;
  ContainerIDFile: string;
  /** `json-file` (the daemon's default) or `none`: output reaches attached clients and is not kept. */
  LogConfig: { Type: string; Config: Record<string, string> };
  PidsLimit: number | null;
  Init?: boolean;
  /** `--isolation`: '' or `default`, the only one Linux has, kept as sent (inspect shows it). */
  Isolation?: string;
  /** `--link name:alias`, as sent. */
  Links?: string[] | null;
}

/** `--ip` (network.EndpointIPAMConfig). */
export interface EndpointIpamConfig {
  IPv4Address?: string;
  IPv6Address?: string;
  LinkLocalIPs?: string[];
}

/**
 * The container's endpoint on one network: what the user configured (IPAMConfig, Links, Aliases, kept while
 * stopped) and what the network gave it while it runs.
 */
export interface NetworkEndpoint {
  IPAMConfig?: EndpointIpamConfig | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  DNSNames?: string[] | null;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
}

export interface ContainerInit {
  readonly id: string;
  readonly name: string;
  readonly createdNs: bigint;
  /** sha256:… of the image. */
  readonly imageId: string;
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  /** The overlay2 cache ID of the container's RW layer (64 hex, not the container ID). */
  readonly rwLayerId: string;
  /** overlay2 cache IDs of the image's layers, top first, for GraphDriver.LowerDir. */
  readonly imageLayerIds?: readonly string[];
  readonly now: () => bigint;
  readonly maxLogBytes?: number;
}

export const DOCKER_ROOT = '/var/lib/docker';

export function defaultConfig(image: string, hostname: string): ContainerConfig {
  return {
    Hostname: hostname, Domainname: '', User: '', AttachStdin: false, AttachStdout: true, AttachStderr: true,
    Tty: false, OpenStdin: false, StdinOnce: false, Env: [], Cmd: null, Image: image, Volumes: null,
    WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: {},
  };
}

export function defaultHostConfig(): HostConfig {
  return {
    Binds: null, NetworkMode: 'bridge', PortBindings: {}, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: false, ConsoleSize: [0, 0], Dns: [], DnsOptions: [], DnsSearch: [], ExtraHosts: null,
    Privileged: false, Memory: 0, MemorySwap: 0, NanoCpus: 0, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: {} }, PidsLimit: null,
  };
}

export class Container {
  readonly ID: string;
  /** With its leading `/`; changes on rename. */
  Name: string;
  readonly Created: bigint;
  /** The resolved entrypoint + cmd: Path is the first word, Args the rest. */
  readonly Path: string;
  readonly Args: string[];
  readonly ImageID: string;
  readonly Config: ContainerConfig;
  readonly HostConfig: HostConfig;
  readonly State = new ContainerState();
  RestartCount = 0;
  /** moby's HasBeenManuallyStopped: an unless-stopped container stays down after the daemon restarts. */
  HasBeenManuallyStopped = false;
  /** Set by the first start (moby creates these files then); empty before. */
  ResolvConfPath = '';
  HostnamePath = '';
  HostsPath = '';
  LogPath = '';
  readonly ExecIDs: string[] = [];
  readonly Driver = 'overlay2';
  readonly Platform = 'linux';
  readonly rwLayerId: string;
  readonly imageLayerIds: readonly string[];
  /** Keyed by network name; the endpoint fields are empty while stopped. */
  readonly Networks = new Map<string, NetworkEndpoint>();
  SandboxID = '';
  readonly logs: LogBuffer;

  constructor(init: ContainerInit) {
    this.ID = init.id;
    this.Name = init.name;
    this.Created = init.createdNs;
    this.ImageID = init.imageId;
    this.Config = init.config;
    this.HostConfig = init.hostConfig;
    this.rwLayerId = init.rwLayerId;
    this.imageLayerIds = init.imageLayerIds ?? [];
    const argv = [...(init.config.Entrypoint ?? []), ...(init.config.Cmd ?? [])];
    this.Path = argv[0] ?? '';
    this.Args = argv.slice(1);
    this.logs = new LogBuffer({ now: init.now, maxBytes: init.maxLogBytes });
  }

  /** What moby does when the container first starts: the per-container files get their paths. */
  assignRuntimePaths(): void {
    const dir = `${DOCKER_ROOT}/containers/${this.ID}`;
    this.ResolvConfPath = `${dir}/resolv.conf`;
    this.HostnamePath = `${dir}/hostname`;
    this.HostsPath = `${dir}/hosts`;
    // The json-file driver names the file; no other driver has one.
    this.LogPath = this.HostConfig.LogConfig.Type === 'json-file' ? `${dir}/${this.ID}-json.log` : '';
  }

  /** `docker ps`'s COMMAND as the daemon builds it: args holding a space are wrapped in single quotes. */
  get command(): string {
    if (this.Args.length === 0) return this.Path;
    return `${this.Path} ${this.Args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
  }
}
