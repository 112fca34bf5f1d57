/**
 * The daemon's read model: what the live daemon view and the lesson checks read, and nothing that writes.
 * Like moby's container.View (container/view.go), it hands out read-only records; unlike it, they are the
 * daemon's own objects seen through read-only types, so a panel sweeping 1,000 containers copies nothing.
 * The process list and `docker diff` here are the ones `docker top` and `docker diff` answer from (top.ts,
 * changes.ts), so the panel can never disagree with the CLI.
 */
import type { Process } from '../kernel/process.js';
import type { Disposable } from '../../pkg/disposable.js';
import type { Tty } from '../kernel/tty.js';
import { containerFileText, runningContainerFs } from './archive.js';
import { attempt, fileInfo, listDir, type DirEntry, type FileInfo, type FsResult } from '../fs/listing.js';
import type { Container, ContainerConfig, NetworkEndpoint } from './container.js';
import type { DaemonStore } from './store.js';
import type { EventMessage } from './events.js';
import { imageInspectJSON } from './images/json.js';
import { toInspectJSON } from './inspect.js';
import { inspectLinks } from './network/links.js';
import type { LogEntry } from './logs.js';
import type { RestartPolicy } from './restartmanager.js';
import type { ContainerState } from './state.js';
import type { Change } from '../fs/changes.js';
import { DEFAULT_BRIDGE } from './ipam.js';
import { mountPoints, volumeReaders } from './volume/points.js';
import { utf8Decode } from '../kernel/utf8.js';
import { cmdlineOf, shownArgv } from '../kernel/proctitle.js';
import { buildLog, type BuildRecord } from './builder/record.js';

export type { ContainerStatus } from './state.js';
export type { DirEntry, FileInfo, FsResult } from '../fs/listing.js';
export type { BuildRecord, BuildStep } from './builder/record.js';

type Json = Record<string, unknown>;

/** A container as the read model shows it: the daemon's record, read-only. */
export interface ContainerRecord {
  readonly ID: string;
  /** With its leading `/`. */
  readonly Name: string;
  /** Epoch ns. */
  readonly Created: bigint;
  readonly Path: string;
  readonly Args: readonly string[];
  readonly ImageID: string;
  readonly Config: Readonly<Pick<ContainerConfig, 'Image' | 'Tty' | 'OpenStdin'>>;
  readonly HostConfig: { readonly RestartPolicy: Readonly<RestartPolicy>; readonly ConsoleSize: readonly [number, number] };
  readonly State: Pick<ContainerState, 'Running' | 'Paused' | 'Restarting' | 'Health' | 'ExitCode' | 'StartedAt' | 'stateString' | 'statusString'>;
  /** `docker ps`'s COMMAND. */
  readonly command: string;
  /** The overlay2 ID of its writable layer. */
  readonly rwLayerId: string;
  readonly Networks: ReadonlyMap<string, Readonly<NetworkEndpoint>>;
}

/** One process of a container, with what `docker top` prints and what `ps` inside the container would. */
export interface ContainerProcess {
  readonly hostPid: number;
  /** The parent's host PID, 0 for none. */
  readonly hostPpid: number;
  /** PID inside the container's namespace. */
  readonly pid: number;
  /** The parent's PID inside the namespace, 0 when the parent is outside it (the shim). */
  readonly ppid: number;
  /** Effective uid. */
  readonly uid: number;
  /** The command line as ps reads it from /proc/PID/cmdline: a title the program wrote, if it wrote one. */
  readonly argv: readonly string[];
  readonly comm: string;
  /** The executable's path. */
  readonly exe: string;
  /** A thread of another process (ps lists processes, not threads). */
  readonly thread: boolean;
  /** Kernel uptime ms at its start, and CPU ms used. */
  readonly startMs: number;
  readonly cpuMs: number;
  /** Its controlling terminal's name, or `?`. */
  readonly tty: string;
}

/** An image as the read model shows it. */
export interface ImageRecord {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly size: number;
  /** Bottom layer first, with the size `docker history` gives each. */
  readonly diffIds: readonly string[];
  readonly layerSizes: readonly number[];
  /** The image's Parent (`docker image inspect`): set by commit and the legacy builder, '' otherwise. */
  readonly parent: string;
}

/** A container on a network, as `docker network inspect`'s Containers and the endpoint's DNSNames show it. */
export interface NetworkMember {
  readonly id: string;
  /** Without the leading `/`. */
  readonly name: string;
  /** '' while it is stopped (the address goes back to the pool). */
  readonly ip: string;
  readonly mac: string;
  /** Names the embedded DNS answers for it (user-defined networks only; none on the default bridge). */
  readonly dnsNames: readonly string[];
}

/** A network as `docker network inspect` shows it, trimmed to what the daemon view draws. */
export interface NetworkRecord {
  readonly name: string;
  /** '' for a predefined network no one has listed or used yet (reading must not fix its ID). */
  readonly id: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** '' for host and none. */
  readonly subnet: string;
  readonly gateway: string;
  readonly internal: boolean;
  /** False for the default bridge, host and none. */
  readonly userDefined: boolean;
  /** By container name. */
  readonly members: readonly NetworkMember[];
}

/** A container's mount of a volume or a host path, as inspect's Mounts shows it. */
export interface MountUse {
  readonly containerId: string;
  readonly containerName: string;
  readonly destination: string;
  readonly rw: boolean;
}

/** A volume as `docker volume inspect` shows it, with the containers that mount it. */
export interface VolumeRecord {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
  readonly anonymous: boolean;
  /** By container name, then destination. */
  readonly usedBy: readonly MountUse[];
}

/** Where a name resolved inside a container, and to what. */
export interface NameAnswer {
  readonly via: 'hosts' | 'dns';
  readonly addresses: readonly string[];
}

/** A bind mount of a container: the host path and where it shows inside. */
export interface BindRecord extends MountUse {
  readonly source: string;
}

/** What a client relaying a terminal reaches: the terminal and the process behind it. */
export interface RelayTarget {
  readonly tty: Tty | null;
  readonly process: Process | undefined;
}

export interface LogTail {
  /** Oldest first. */
  readonly entries: readonly LogEntry[];
  /** Lines in the log, the tail's included. */
  readonly total: number;
}

export interface DaemonQuery {
  /** The daemon's clock, epoch ns. */
  nowNs(): bigint;

  // ---- containers
  /** Every container, in no particular order. */
  containers(): IterableIterator<ContainerRecord>;
  /** By full ID (what events carry). */
  container(id: string): ContainerRecord | undefined;
  /** As the CLI's argument resolves (moby GetContainer: full ID, exact name, unique ID prefix). */
  findContainer(nameOrId: string): ContainerRecord | undefined;
  /** GET /containers/{id}/json, detached from the daemon's objects. */
  inspect(id: string): Json | undefined;
  /** What `docker top` lists: the live processes of the container's PID namespace, by host PID. */
  processes(id: string): readonly ContainerProcess[];
  /** `docker diff`, in the daemon's order. */
  changes(id: string): readonly Change[];
  /** `docker logs --tail N` (every line without N). */
  logs(id: string, tail?: number): LogTail;
  /** The size of the container's terminal while it has one. */
  ttySize(id: string): { readonly rows: number; readonly cols: number } | undefined;
  /** A file's text as `docker cp` finds it ('' for a directory), undefined when there is none. */
  readFile(id: string, path: string): string | undefined;
  /**
   * A running container's files as `docker exec -u root C ls -la PATH`, `stat PATH` and `cat PATH` see them
   * (its own mounts, bind mounts included), or the kernel's error; undefined unless the container is running.
   * The bytes may be the file's own: read them at once, never change them.
   */
  listDir(id: string, path: string): FsResult<readonly DirEntry[]> | undefined;
  fileInfo(id: string, path: string): FsResult<FileInfo> | undefined;
  fileBytes(id: string, path: string): FsResult<Uint8Array> | undefined;
  /** The container whose PID namespace holds the process; undefined for a host process. */
  containerOf(p: Process): ContainerRecord | undefined;
  /** What `docker attach` relays to (the container's terminal and PID 1), or the newest running exec. */
  relayTarget(id: string, via: 'attach' | 'exec'): RelayTarget | undefined;

  // ---- images
  images(): ImageRecord[];
  /** The image a reference or ID names locally, as `docker image inspect` resolves it. */
  findImage(ref: string): ImageRecord | undefined;
  /** GET /images/{id}/json. */
  imageInspect(id: string): Json | undefined;
  /** The builds the daemon ran (the last 20), oldest first, a running one included (builder/record.ts). */
  builds(): readonly BuildRecord[];
  /** Every change to a build's record: started, a step started or ended, finished. */
  onBuild(listener: (b: BuildRecord) => void): Disposable;

  // ---- networks and volumes
  /** `docker network ls` with each network's members: bridge, host, none, then user-defined ones by name. */
  networks(): NetworkRecord[];
  /** `docker volume ls` (by name) with the containers that mount each. */
  volumes(): VolumeRecord[];
  /** Every container's bind mounts, by container name then destination. */
  binds(): BindRecord[];
  /**
   * What Docker's side answers for `name` inside the running container, as `getent hosts NAME` asks it: the
   * container's /etc/hosts (itself, `--link` aliases), then the embedded DNS server of its user-defined
   * networks. Undefined when neither knows the name (the query would go on to outside servers) or the container
   * is not running. A pure read: no packet is sent.
   */
  resolveName(id: string, name: string): NameAnswer | undefined;

  // ---- events
  /** What `docker events --since` still has, oldest first. */
  recentEvents(sinceNs: bigint): EventMessage[];
  onEvent(listener: (e: EventMessage) => void): Disposable;
}

/** `ps`'s CMD: the argv, or the command name in brackets for a process without one (a kernel thread). */
export function processCommand(p: Pick<ContainerProcess, 'argv' | 'comm'>): string {
  return p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`;
}

/** The container's processes (see DaemonQuery.processes); none before PID 1 exists. */
export function containerProcesses(engine: DaemonStore, c: Container): ContainerProcess[] {
  const pid1 = engine.runtimes.get(c.ID)?.pid1;
  if (!pid1) return [];
  const ns = pid1.pidns;
  const procs = engine.kernel.processesIn(ns).filter((p) => p.state === 'running');
  procs.sort((a, b) => a.hostPid - b.hostPid);
  return procs.map((p) => ({
    hostPid: p.hostPid,
    hostPpid: p.parent ? p.parent.hostPid : 0,
    pid: p.pidIn(ns),
    ppid: p.parent ? p.parent.pidIn(ns) : 0,
    uid: p.fsctx.cred.uid,
    argv: shownArgv(cmdlineOf(engine.kernel.procs.get(p.tgid) ?? p)),
    comm: p.comm,
    exe: p.exe,
    thread: p.tgid !== p.hostPid,
    startMs: p.startMs,
    cpuMs: p.cpuMs,
    tty: p.ctty ? p.ctty.name : '?',
  }));
}

/** The RW layer against the image (see DaemonQuery.changes). */
export function containerFsChanges(engine: DaemonStore, c: Container): readonly Change[] {
  return engine.runtimes.get(c.ID)?.rootfs.changes() ?? [];
}

function byUse(a: MountUse, b: MountUse): number {
  const k = (u: MountUse) => `${u.containerName}\0${u.destination}`;
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
}

/** Plain JSON, detached from the engine's live arrays and objects. */
function plain(v: unknown): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

export function daemonQuery(engine: DaemonStore): DaemonQuery {
  const find = (nameOrId: string): Container | undefined => {
    try {
      return engine.getContainer(nameOrId);
    } catch {
      return undefined;
    }
  };
  const image = (id: string): ImageRecord | undefined => {
    const img = engine.images.get(id);
    return img && { id: img.id, repoTags: engine.images.repoTags(img.id), size: img.size, diffIds: img.diffIds, layerSizes: img.layerSizes, parent: img.parent };
  };
  const runningFs = (id: string) => {
    const c = engine.containers.get(id);
    return c && runningContainerFs(engine, c);
  };
  return {
    nowNs: () => engine.nowNs(),

    containers: () => engine.containers.values(),
    container: (id) => engine.containers.get(id),
    findContainer: find,
    inspect(id) {
      const c = engine.containers.get(id);
      return c && plain(toInspectJSON(c, inspectLinks(engine, c)));
    },
    processes(id) {
      const c = engine.containers.get(id);
      return c ? containerProcesses(engine, c) : [];
    },
    changes(id) {
      const c = engine.containers.get(id);
      return c ? containerFsChanges(engine, c) : [];
    },
    logs(id, tail) {
      const c = engine.containers.get(id);
      if (!c) return { entries: [], total: 0 };
      return { entries: c.logs.read(tail === undefined ? {} : { tail }), total: c.logs.length };
    },
    ttySize(id) {
      const size = engine.runtimes.get(id)?.tty?.winsize;
      return size && { rows: size.rows, cols: size.cols };
    },
    readFile(id, path) {
      const c = engine.containers.get(id);
      return c && containerFileText(engine, c, path);
    },
    listDir(id, path) {
      const fs = runningFs(id);
      return fs && attempt(() => listDir(fs, path));
    },
    fileInfo(id, path) {
      const fs = runningFs(id);
      return fs && attempt(() => fileInfo(fs, path));
    },
    fileBytes(id, path) {
      const fs = runningFs(id);
      return fs && attempt(() => fs.readFile(path));
    },
    containerOf(p) {
      for (const [id, rt] of engine.runtimes) {
        const init = rt.pid1;
        if (init && init.state === 'running' && init.pidns.contains(p.pidns)) return engine.containers.get(id);
      }
      return undefined;
    },
    relayTarget(id, via) {
      if (via === 'exec') {
        const exec = [...engine.execs.values()].filter((e) => e.containerId === id && e.running).pop();
        return exec && { tty: exec.tty, process: engine.kernel.procs.get(exec.pid) };
      }
      const rt = engine.runtimes.get(id);
      return { tty: rt?.tty ?? null, process: rt?.pid1 ?? undefined };
    },

    images: () => engine.images.all().map((img) => image(img.id)!),
    findImage(ref) {
      try {
        return image(engine.images.resolve(ref).id);
      } catch {
        return undefined;
      }
    },
    imageInspect(id) {
      const img = engine.images.get(id);
      return img && plain(imageInspectJSON(engine.images, img));
    },
    builds: () => buildLog(engine).all(),
    onBuild: (listener) => buildLog(engine).onChange(listener),

    networks() {
      const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      const members = (net: string, dns: boolean): NetworkMember[] => {
        const out: NetworkMember[] = [];
        for (const c of engine.containers.values()) {
          const ep = c.Networks.get(net);
          if (!ep) continue;
          out.push({ id: c.ID, name: c.Name.slice(1), ip: ep.IPAddress, mac: ep.MacAddress, dnsNames: dns && ep.IPAddress ? (ep.DNSNames ?? []) : [] });
        }
        return out.sort(byName);
      };
      const predefined = (name: 'bridge' | 'host' | 'none'): NetworkRecord => ({
        name, id: engine.bridge.knownNetworkId(name), driver: name === 'none' ? 'null' : name,
        subnet: name === 'bridge' ? DEFAULT_BRIDGE.subnet : '', gateway: name === 'bridge' ? DEFAULT_BRIDGE.gateway : '',
        internal: false, userDefined: false, members: members(name, false),
      });
      const user = [...engine.userNetworks()].map((n): NetworkRecord => ({
        name: n.name, id: n.id, driver: 'bridge', subnet: n.ipamConfig[0]?.Subnet ?? '', gateway: n.gateway,
        internal: n.internal, userDefined: true, members: members(n.name, true),
      }));
      return [predefined('bridge'), predefined('host'), predefined('none'), ...user.sort(byName)];
    },
    resolveName(id, name) {
      const fs = runningFs(id);
      if (!fs) return undefined;
      const want = name.toLowerCase().replace(/\.$/, '');
      const hosts = attempt(() => fs.readFile('/etc/hosts'));
      if (hosts.ok) {
        const addresses: string[] = [];
        for (const line of utf8Decode(hosts.value).split('\n')) {
          const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
          if (addr && names.some((n) => n.toLowerCase() === want) && !addresses.includes(addr)) addresses.push(addr);
        }
        // The file answers when it names the host: nsswitch.conf puts files before dns.
        if (addresses.length > 0) return { via: 'hosts', addresses };
      }
      const answer = engine.runtimes.get(id)?.netns?.embeddedDns?.lookup(want, 'A');
      return Array.isArray(answer) && answer.length > 0 ? { via: 'dns', addresses: answer } : undefined;
    },
    volumes() {
      const store = volumeReaders.get(engine);
      if (!store) return [];
      const uses = new Map<string, MountUse[]>();
      for (const c of engine.containers.values()) {
        for (const m of mountPoints(c)) {
          if (m.Type !== 'volume') continue;
          let list = uses.get(m.Name);
          if (!list) uses.set(m.Name, (list = []));
          list.push({ containerId: c.ID, containerName: c.Name.slice(1), destination: m.Destination, rw: m.RW });
        }
      }
      return store.all().map((v) => ({
        name: v.Name, driver: v.Driver, mountpoint: store.path(v.Name),
        anonymous: v.Labels !== null && 'com.docker.volume.anonymous' in v.Labels,
        usedBy: (uses.get(v.Name) ?? []).sort(byUse),
      })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    binds() {
      const out: BindRecord[] = [];
      for (const c of engine.containers.values()) {
        for (const m of mountPoints(c)) {
          if (m.Type === 'bind') out.push({ containerId: c.ID, containerName: c.Name.slice(1), source: m.Source, destination: m.Destination, rw: m.RW });
        }
      }
      return out.sort(byUse);
    },

    recentEvents: (sinceNs) => engine.events.buffered(sinceNs),
    onEvent: (listener) => engine.events.onEvent(listener),
  };
}
