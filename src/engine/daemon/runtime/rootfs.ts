/**
 * A container's filesystem: an Overlay over the image's layers plus the shared "-init" layer (the empty
 * /etc/hosts, /etc/hostname, /etc/resolv.conf, /.dockerenv… dockerd puts under every container), and a mount
 * table with /proc for the container's PID namespace, /dev, and the three /etc files bind-mounted from the
 * container's directory. The init layer is below the RW layer and the bind mounts are outside it, so none of
 * this shows in `docker diff`.
 */
import { DevFs } from '../../fs/devfs.js';
import { Layer } from '../../fs/layer.js';
import { MemTree } from '../../fs/memtree.js';
import { Overlay } from '../../fs/overlay.js';
import { kernelProcSource } from '../../fs/procSource.js';
import { ProcFs } from '../../fs/procfs.js';
import { MountTable } from '../../fs/vfs.js';
import type { Tree } from '../../fs/tree.js';
import { binaryContent } from '../../kernel/binfmt.js';
import { utf8Encode } from '../../kernel/utf8.js';
import type { Container } from '../container.js';
import { DOCKER_ROOT } from '../container.js';
import type { DaemonStore } from '../store.js';
import { buildHostnameFile, buildHostsFile } from '../hosts.js';
import type { Image } from '../images/store.js';
import { buildInternalResolvConf, buildResolvConf, hostResolvConfPath, SYSTEMD_RESOLV_CONF } from '../resolvconf.js';
import { linkHostsLines } from '../network/links.js';
import { FileBind, LazyBackend } from './binds.js';
import type { ContainerRuntime } from './task.js';
import { DEFAULT_BRIDGE } from '../ipam.js';
import { mountVolumes } from '../volume/mounts.js';

const initLayers = new WeakMap<DaemonStore, Layer>();
const hostResolv = new WeakMap<DaemonStore, { text: string; path: string }>();
const defaultResolv = new WeakMap<DaemonStore, string>();
/**
 * The last text encoded per file name: every container of a host gets the same resolv.conf, and its files keep
 * these bytes themselves (never changed: an append or a truncate reallocates).
 */
const encoded = new Map<string, { text: string; bytes: Uint8Array }>();

function encodeOnce(name: string, text: string): Uint8Array {
  const hit = encoded.get(name);
  if (hit && hit.text === text) return hit.bytes;
  const bytes = utf8Encode(text);
  encoded.set(name, { text, bytes });
  return bytes;
}

function initTree(): Tree {
  const empty = { type: 'file', content: '', mode: 0o755 } as const;
  return {
    '/.dockerenv': empty,
    '/dev': { type: 'dir', mode: 0o755 },
    '/dev/pts': { type: 'dir', mode: 0o755 },
    '/dev/shm': { type: 'dir', mode: 0o755 },
    '/dev/console': empty,
    '/etc': { type: 'dir', mode: 0o755 },
    '/etc/hostname': empty,
    '/etc/hosts': empty,
    '/etc/resolv.conf': empty,
    '/etc/mtab': { type: 'symlink', target: '/proc/mounts' },
    '/proc': { type: 'dir', mode: 0o755 },
    '/sys': { type: 'dir', mode: 0o755 },
  };
}

/** The init layer: identical for every container of one engine, so shared (stamped with the engine's birth). */
export function initLayer(engine: DaemonStore): Layer {
  let l = initLayers.get(engine);
  if (!l) {
    l = Layer.fromTree(initTree(), { mtimeMs: engine.kernel.clock.epochMs() });
    initLayers.set(engine, l);
  }
  return l;
}

/** The container's RW layer over its image: nothing is allocated for the upper layer until the first write. */
export function newRootfs(engine: DaemonStore, image: Image): Overlay {
  const k = engine.kernel;
  return new Overlay([...image.layers, initLayer(engine)], { clock: k.clock.epochClock });
}

function hostResolvConf(engine: DaemonStore): { text: string; path: string } {
  let r = hostResolv.get(engine);
  if (!r) {
    const fs = engine.kernel.rootMnt.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } });
    const read = (p: string): string => (fs.exists(p) ? fs.readText(p) : '');
    const etc = read('/etc/resolv.conf');
    const path = hostResolvConfPath(etc);
    r = { text: path === SYSTEMD_RESOLV_CONF ? read(path) : etc, path };
    hostResolv.set(engine, r);
  }
  return r;
}

/** The container's directory under /var/lib/docker/containers: where hostname, hosts and resolv.conf live. */
function newFilesTree(engine: DaemonStore): MemTree {
  return new MemTree({ clock: engine.kernel.clock.epochClock, fsType: 'ext4', rootMode: 0o710 });
}

/**
 * Writes the container's hostname, hosts and resolv.conf (every start: the IP may have changed). A container
 * on another's network (`shared`) gets that container's files; on the host's network, copies of the host's.
 */
export function writeContainerFiles(engine: DaemonStore, c: Container, rt: ContainerRuntime, shared?: ContainerRuntime): void {
  const files = (rt.files ??= newFilesTree(engine));
  const h = c.HostConfig;
  const write = (name: string, content: string | Uint8Array): void =>
    files.writeFile(`/${name}`, typeof content === 'string' ? encodeOnce(name, content) : content, { mode: 0o644, uid: 0, gid: 0, share: typeof content === 'string' });
  if (shared?.files) {
    for (const name of ['hostname', 'hosts', 'resolv.conf']) write(name, shared.files.readFile(`/${name}`));
    return;
  }
  write('hostname', buildHostnameFile(c.Config.Hostname));
  const extraHosts = (h.ExtraHosts ?? []).map((x) => {
    const i = x.indexOf(':');
    const ip = x.slice(i + 1);
    return { hosts: x.slice(0, i), ip: ip === 'host-gateway' ? DEFAULT_BRIDGE.gateway : ip };
  });
  const host = h.NetworkMode === 'host';
  if (host) write('hosts', hostFile(engine, '/etc/hosts') + extraHosts.map((r) => `${r.ip}\t${r.hosts}\n`).join(''));
  else write('hosts', hostsFile(engine, c, rt, extraHosts));
  const custom = h.Dns.length + h.DnsSearch.length + h.DnsOptions.length > 0;
  if (host) {
    const overrides = { dns: h.Dns, dnsSearch: h.DnsSearch, dnsOptions: h.DnsOptions };
    write('resolv.conf', buildResolvConf(hostFile(engine, '/etc/resolv.conf'), '/etc/resolv.conf', overrides, false, false));
    return;
  }
  const { text, path } = hostResolvConf(engine);
  if (usesEmbeddedDns(engine, c)) {
    write('resolv.conf', buildInternalResolvConf(text, path, { dns: h.Dns, dnsSearch: h.DnsSearch, dnsOptions: h.DnsOptions }).text);
    return;
  }
  let resolv = custom ? undefined : defaultResolv.get(engine);
  if (resolv === undefined) {
    resolv = buildResolvConf(text, path, { dns: h.Dns, dnsSearch: h.DnsSearch, dnsOptions: h.DnsOptions });
    if (!custom) defaultResolv.set(engine, resolv);
  }
  write('resolv.conf', resolv);
}

/** A container with an endpoint on a user-defined network gets Docker's embedded DNS (127.0.0.11). */
function usesEmbeddedDns(engine: DaemonStore, c: Container): boolean {
  for (const name of c.Networks.keys()) if (engine.networks.byName(name)) return true;
  return false;
}

/**
 * /etc/hosts: the fixed block, `--add-host`, a line per address the container has (one per network, as each
 * endpoint's join adds it), then the legacy links' lines.
 */
function hostsFile(engine: DaemonStore, c: Container, rt: ContainerRuntime, extraHosts: Array<{ hosts: string; ip: string }>): string {
  const ips = [...c.Networks.values()].map((e) => e.IPAddress).filter((ip) => ip !== '');
  const first = rt.ip || ips[0];
  let out = buildHostsFile({ hostname: c.Config.Hostname, domainname: c.Config.Domainname, ip: first || undefined, extraHosts });
  const names = c.Config.Domainname ? `${c.Config.Hostname}.${c.Config.Domainname} ${c.Config.Hostname}` : c.Config.Hostname;
  for (const ip of ips) if (ip !== first) out += `${ip}\t${names}\n`;
  for (const line of linkHostsLines(engine, c)) out += `${line}\n`;
  return out;
}

/** Where the embedded DNS forwards what it does not know: resolv.conf's ExtServers. */
export function resolvConfUpstream(engine: DaemonStore, c: Container): { ext: readonly string[]; fromHost: boolean } {
  const { text, path } = hostResolvConf(engine);
  const h = c.HostConfig;
  const r = buildInternalResolvConf(text, path, { dns: h.Dns, dnsSearch: h.DnsSearch, dnsOptions: h.DnsOptions });
  return { ext: r.ext, fromHost: r.fromHost };
}

/** A running container joined or left a network: its hosts and resolv.conf follow, as libnetwork rewrites them. */
export function rewriteNetworkFiles(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  writeContainerFiles(engine, c, rt);
}

function hostFile(engine: DaemonStore, path: string): string {
  const fs = engine.kernel.rootMnt.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } });
  return fs.exists(path) ? fs.readText(path) : '';
}

const BIND_OPTS = 'rw,relatime,discard,errors=remount-ro,commit=30';

/** The mount namespace PID 1 gets. Built on the first start and kept: its /proc follows the current PID 1. */
export function containerMounts(engine: DaemonStore, c: Container, rt: ContainerRuntime, writeFiles = true): MountTable {
  if (rt.mnt) return rt.mnt;
  const k = engine.kernel;
  const dir = `${DOCKER_ROOT}/overlay2/${c.rwLayerId}`;
  const lower = `${DOCKER_ROOT}/overlay2/l/${c.rwLayerId.slice(0, 26).toUpperCase()}`;
  const mnt = new MountTable(rt.rootfs, {
    source: 'overlay',
    options: `rw,relatime,lowerdir=${lower},upperdir=${dir}/diff,workdir=${dir}/work,nouserxattr`,
  });
  // Built on first use: most containers are never looked at through their own /proc.
  const proc = (): ProcFs => new ProcFs(kernelProcSource(() => k, { pidns: (kk) => rt.pid1?.pidns ?? kk.hostPidNs }));
  mnt.mount('/proc', new LazyBackend('proc', proc), {
    source: 'proc', options: 'rw,nosuid,nodev,noexec,relatime',
  });
  const pts = (): { n: number; uid: number; gid: number; mode: number }[] => {
    const ttys = [rt.tty, ...[...rt.execs.values()].map((e) => e.tty)].filter((t) => t !== null && t !== undefined);
    return ttys.map((t) => ({ n: Number(t!.name.slice(4)), uid: 0, gid: 5, mode: 0o620 }));
  };
  mnt.mount('/dev', new LazyBackend('tmpfs', () => new DevFs({ clock: k.clock.epochClock, mtimeMs: k.clock.epochMs(), pts })), {
    source: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755,inode64',
  });
  // A start writes them right after (with the new address); anything else looking before a start gets them now.
  if (!rt.files && writeFiles) writeContainerFiles(engine, c, rt);
  rt.files ??= newFilesTree(engine);
  mountVolumes(engine, c, mnt);
  for (const name of ['resolv.conf', 'hostname', 'hosts']) {
    mnt.mount(`/etc/${name}`, new FileBind(rt.files!, `/${name}`), { source: '/dev/sda1', options: BIND_OPTS });
  }
  if (c.HostConfig.Init) mountInit(engine, mnt);
  rt.mnt = mnt;
  return mnt;
}

/** Where `--init` puts docker-init (moby's DefaultInitBinary mount), read-only. */
export const INIT_PATH = '/sbin/docker-init';
const initBinaries = new WeakMap<DaemonStore, MemTree>();

/** Bind-mounts the host's docker-init over /sbin/docker-init, wherever the image's /sbin really is. */
function mountInit(engine: DaemonStore, mnt: MountTable): void {
  let tree = initBinaries.get(engine);
  if (!tree) {
    tree = newFilesTree(engine);
    tree.writeFile('/docker-init', utf8Encode(binaryContent('docker-init')), { mode: 0o755, uid: 0, gid: 0 });
    initBinaries.set(engine, tree);
  }
  const fs = mnt.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });
  // runc creates a missing mount point in the container's filesystem, as for any bind mount.
  if (!fs.exists('/sbin')) fs.mkdir('/sbin', { recursive: true, mode: 0o755 });
  const dir = fs.realpath('/sbin');
  const point = `${dir === '/' ? '' : dir}/docker-init`;
  if (!fs.exists(point)) fs.writeFile(point, new Uint8Array(0), { mode: 0o755 });
  mnt.mount(point, new FileBind(tree, '/docker-init'), { source: '/dev/sda1', options: `ro,${BIND_OPTS.slice(3)}` });
}
