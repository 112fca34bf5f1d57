/**
 * A container's mount points (moby daemon/volumes.go registerMountPoints, volume/mounts/linux_parser.go):
 * `--volumes-from`, `-v` (HostConfig.Binds), `--mount` (HostConfig.Mounts), the image's and `-v /path`'s
 * anonymous volumes (Config.Volumes), and `--tmpfs` (HostConfig.Tmpfs), decided at create with Docker's checks
 * and texts, and mounted into the container's mount namespace when it is built. Named volumes and binds are the
 * host's own directories (volume/backends.ts), so data is shared live and survives the container.
 */
import { invalidParameter, systemError, type DaemonError } from '../../../pkg/errdefs.js';
import { ramInBytes } from '../../../pkg/units.js';
import { SysError } from '../../kernel/errno.js';
import type { Backend, Fs } from '../../kernel/fsTypes.js';
import { MemTree } from '../../fs/memtree.js';
import { MountTable, normalize } from '../../fs/vfs.js';
import type { Overlay } from '../../fs/overlay.js';
import type { Container } from '../container.js';
import { DOCKER_ROOT } from '../container.js';
import type { DaemonStore } from '../store.js';
import { notSimulated } from '../unsimulated.js';
import { HostPath, ReadOnly } from './backends.js';
import { mountPoints, points, type MountPoint } from './points.js';
import { volumeStore } from './store.js';

export { mountPoints, type MountPoint } from './points.js';

type Json = Record<string, unknown>;

export interface MountSpec {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; CreateMountpoint?: boolean; ReadOnlyNonRecursive?: boolean; ReadOnlyForceRecursive?: boolean } | null;
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string> | null; Subpath?: string; DriverConfig?: { Name?: string; Options?: Record<string, string> | null } | null } | null;
  ImageOptions?: Json | null;
  TmpfsOptions?: { SizeBytes?: number; Mode?: number; Options?: string[][] | null } | null;
}

const RW_MODES = new Set(['rw', 'ro']);
const LABEL_MODES = new Set(['z', 'Z']);
const PROPAGATIONS = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared']);
const CONSISTENCY = new Set(['consistent', 'cached', 'delegated']);
const ROOT_CTX = { cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } };


function validMode(mode: string): boolean {
  if (mode === '') return true;
  const n = { rw: 0, label: 0, prop: 0, copy: 0, cons: 0 };
  for (const o of mode.split(',')) {
    if (RW_MODES.has(o)) n.rw++;
    else if (LABEL_MODES.has(o)) n.label++;
    else if (PROPAGATIONS.has(o)) n.prop++;
    else if (o === 'nocopy') n.copy++;
    else if (CONSISTENCY.has(o)) n.cons++;
    else return false;
  }
  return Object.values(n).every((c) => c <= 1);
}

const readWrite = (mode: string): boolean => validMode(mode) && !mode.split(',').includes('ro');
const isAbs = (p: string): boolean => p.startsWith('/');

function mountConfigError(type: string, why: string): DaemonError {
  return invalidParameter(`invalid mount config for type "${type}": ${why}`);
}

/** validateMountConfigImpl: the checks moby runs on `--mount` before anything else, and on `-v` after parsing. */
function validateSpec(host: Fs, m: MountSpec, bindMustExist: boolean): void {
  const type = m.Type ?? '';
  const target = m.Target ?? '';
  const fail = (why: string): never => {
    throw mountConfigError(type, why);
  };
  if (target === '') fail('field Target must not be empty');
  if (normalize(target) === '/' && isAbs(target)) fail("invalid specification: destination can't be '/'");
  if (!isAbs(target)) fail(`invalid mount path: '${target}' mount path must be absolute`);
  switch (type) {
    case 'bind': {
      const src = m.Source ?? '';
      if (src === '') fail('field Source must not be empty');
      const prop = m.BindOptions?.Propagation ?? '';
      if (prop !== '' && !PROPAGATIONS.has(prop)) fail(`invalid propagation mode: ${prop}`);
      if (m.VolumeOptions) fail('field VolumeOptions must not be specified');
      if (m.ImageOptions) fail('field ImageOptions must not be specified');
      if (!isAbs(src)) fail(`invalid mount path: '${src}' mount path must be absolute`);
      if (bindMustExist && !host.exists(src) && !m.BindOptions?.CreateMountpoint) fail(`bind source path does not exist: ${src}`);
      break;
    }
    case 'volume': {
      if (m.BindOptions) fail('field BindOptions must not be specified');
      if (m.ImageOptions) fail('field ImageOptions must not be specified');
      const anonymous = (m.Source ?? '') === '';
      if (m.VolumeOptions?.Subpath) {
        if (anonymous) fail('must not set Subpath when using anonymous volumes');
      }
      if (m.ReadOnly && anonymous) fail('must not set ReadOnly mode when using anonymous volumes');
      break;
    }
    case 'tmpfs':
      if (m.BindOptions) fail('field BindOptions must not be specified');
      if (m.ImageOptions) fail('field ImageOptions must not be specified');
      if ((m.Source ?? '') !== '') fail('field Source must not be specified');
      for (const o of m.TmpfsOptions?.Options ?? []) {
        if (o.length < 1 || o.length > 2) fail('invalid option array length');
        if (o[0] !== 'exec' && o[0] !== 'noexec') fail(`invalid option: ${o[0]}`);
      }
      break;
    default:
      fail('mount type unknown');
  }
}

/** verifyContainerSettings' part: every `--mount` is checked (bind sources must exist) before the image is looked up. */
export function validateMounts(engine: DaemonStore, hostConfig: Json): void {
  const mounts = (hostConfig.Mounts ?? []) as MountSpec[];
  if (mounts.length === 0) return; // most runs: no --mount, no view of the host to build
  const host = engine.kernel.rootMnt.view({ ...ROOT_CTX });
  for (const m of mounts) {
    validateSpec(host, m, true);
    refuseUnmodelled(m);
  }
}

function refuseUnmodelled(m: MountSpec): void {
  const prop = m.BindOptions?.Propagation ?? '';
  if (prop !== '' && prop !== 'rprivate' && prop !== 'private') notSimulatedThrow(`bind propagation "${prop}"`);
  if (m.BindOptions?.NonRecursive || m.BindOptions?.ReadOnlyNonRecursive || m.BindOptions?.ReadOnlyForceRecursive) {
    notSimulatedThrow('bind-recursive and bind-nonrecursive');
  }
  if (m.VolumeOptions?.Subpath) notSimulatedThrow('volume-subpath');
  const driver = m.VolumeOptions?.DriverConfig?.Name ?? '';
  if (driver !== '' && driver !== 'local') notSimulatedThrow(`volume driver "${driver}"`);
  if (m.TmpfsOptions?.Options?.length) notSimulatedThrow('tmpfs exec/noexec options');
}

function notSimulatedThrow(what: string): never {
  throw notSimulated(what);
}

/** ParseMountRaw: `-v SRC:DST[:MODE]` or `-v DST`; a spec that does not parse is `invalid volume specification`. */
function parseBind(raw: string, host: Fs): { spec: MountSpec; mode: string } {
  const invalid = (): DaemonError => invalidParameter(`invalid volume specification: '${raw}'`);
  const arr = splitN(raw, ':', 4);
  if (arr[0] === '') throw invalid();
  const spec: MountSpec = {};
  let mode = '';
  if (arr.length === 1) spec.Target = arr[0];
  else if (arr.length === 2) {
    if (validMode(arr[1])) throw invalid();
    spec.Source = arr[0];
    spec.Target = arr[1];
  } else if (arr.length === 3) {
    [spec.Source, spec.Target, mode] = arr;
  } else throw invalid();
  if (!validMode(mode)) throw invalidParameter(`invalid mode: ${mode}`);
  spec.Type = isAbs(spec.Source ?? '') ? 'bind' : 'volume';
  spec.ReadOnly = !readWrite(mode);
  const opts = mode.split(',');
  if (opts.includes('nocopy')) spec.VolumeOptions = { NoCopy: true };
  const prop = opts.find((o) => PROPAGATIONS.has(o));
  if (prop) spec.BindOptions = { Propagation: prop };
  try {
    validateSpec(host, spec, false);
  } catch (e) {
    throw invalidParameter(`invalid volume specification: '${raw}': ${(e as Error).message}`);
  }
  refuseUnmodelled(spec);
  return { spec, mode };
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  out.push(rest);
  return out;
}

/** ConvertTmpfsOptions' size and mode, and `--tmpfs`'s `size=…,mode=…` (the kernel's own option names). */
function tmpfsFrom(data: string, readOnly: boolean): { size: number; mode: number; ro: boolean } {
  const t = { size: 0, mode: 0o1777, ro: readOnly };
  for (const o of data.split(',')) {
    if (o === '') continue;
    const [k, v = ''] = o.split('=');
    if (k === 'size') {
      const n = ramInBytes(v);
      if (typeof n === 'string') throw invalidParameter(`invalid tmpfs option ["size=${v}"]`);
      t.size = n;
    } else if (k === 'mode') t.mode = parseInt(v, 8);
    else if (k === 'ro') t.ro = true;
    else if (k === 'rw') t.ro = false;
    else if (!['nosuid', 'suid', 'nodev', 'dev', 'exec', 'noexec', 'relatime', 'noatime', 'atime'].includes(k)) {
      throw notSimulated(`tmpfs option "${o}"`);
    }
  }
  return t;
}

/**
 * registerMountPoints and createContainerOSSpecificSettings: decides every mount point, creating and
 * referencing the volumes they name, then copies the image's content into each new, empty volume.
 */
export function registerMounts(engine: DaemonStore, c: Container, rootfs: Overlay): void {
  try {
    register(engine, c, rootfs);
  } catch (e) {
    volumeStore(engine).releaseAll(c.ID);
    throw e;
  }
}

function register(engine: DaemonStore, c: Container, rootfs: Overlay): void {
  const h = c.HostConfig as unknown as Json;
  const vs = volumeStore(engine);
  const host = engine.kernel.rootMnt.view({ ...ROOT_CTX });
  const out = new Map<string, MountPoint>();
  const binds = new Set<string>();
  const tmpfs = (h.Tmpfs ?? {}) as Record<string, string>;
  for (const [dest, data] of Object.entries(tmpfs)) {
    if (!isAbs(dest)) throw invalidParameter(`invalid tmpfs: invalid mount path: '${dest}' mount path must be absolute`);
    tmpfsFrom(data, false);
  }
  const driver = (h.VolumeDriver as string | undefined) ?? '';
  if (driver !== '' && driver !== 'local') throw notSimulated(`volume driver "${driver}" (--volume-driver)`);
  const set = (m: MountPoint): void => {
    out.delete(m.Destination);
    out.set(m.Destination, m);
  };

  for (const spec of (h.VolumesFrom ?? []) as string[]) {
    if (spec === '') throw invalidParameter('volumes-from specification cannot be an empty string');
    const i = spec.indexOf(':');
    const id = i < 0 ? spec : spec.slice(0, i);
    const mode = i < 0 ? 'rw' : spec.slice(i + 1) || 'rw';
    if (!validMode(mode) || mode.split(',').some((o) => PROPAGATIONS.has(o) || o === 'nocopy')) throw invalidParameter(`invalid mode: ${mode}`);
    let from: Container;
    try {
      from = engine.getContainer(id);
    } catch (e) {
      throw invalidParameter((e as Error).message);
    }
    for (const m of mountPoints(from)) {
      if (m.Type === 'volume') vs.reference(m.Name, c.ID);
      set({ ...m, RW: m.RW && readWrite(mode), copyData: false });
    }
  }

  for (const raw of (h.Binds ?? []) as string[]) {
    const { spec, mode } = parseBind(raw, host);
    const dest = normalize(spec.Target!);
    if (binds.has(dest) || dest in tmpfs) throw invalidParameter(`Duplicate mount point: ${dest}`);
    binds.add(dest);
    const rw = !spec.ReadOnly;
    if (spec.Type === 'volume') {
      const v = vs.create(spec.Source ?? '', { ref: c.ID });
      set({
        Type: 'volume', Name: v.Name, Source: vs.path(v.Name), Destination: dest, Driver: 'local', Mode: mode || 'z', RW: rw,
        Propagation: '', specSource: spec.Source ?? '', copyData: !spec.VolumeOptions?.NoCopy, skipCreate: false,
      });
    } else {
      set({
        Type: 'bind', Name: '', Source: normalize(spec.Source!), Destination: dest, Driver: '', Mode: mode, RW: rw,
        Propagation: spec.BindOptions?.Propagation ?? 'rprivate', specSource: spec.Source!, copyData: false, skipCreate: false,
      });
    }
  }

  for (const m of (h.Mounts ?? []) as MountSpec[]) {
    const dest = normalize(m.Target!);
    if (binds.has(dest)) throw invalidParameter(`Duplicate mount point: ${m.Target}`);
    binds.add(dest);
    const rw = !m.ReadOnly;
    if (m.Type === 'volume') {
      const v = vs.create(m.Source ?? '', {
        ref: c.ID, labels: m.VolumeOptions?.Labels ?? undefined, options: m.VolumeOptions?.DriverConfig?.Options,
      });
      set({
        Type: 'volume', Name: v.Name, Source: vs.path(v.Name), Destination: dest, Driver: 'local', Mode: 'z', RW: rw,
        Propagation: '', specSource: m.Source ?? '', copyData: !m.VolumeOptions?.NoCopy, skipCreate: false,
      });
    } else if (m.Type === 'bind') {
      set({
        Type: 'bind', Name: '', Source: normalize(m.Source!), Destination: dest, Driver: '', Mode: '', RW: rw,
        Propagation: m.BindOptions?.Propagation || 'rprivate', specSource: m.Source!, copyData: false,
        skipCreate: !m.BindOptions?.CreateMountpoint,
      });
    } else {
      set({
        Type: 'tmpfs', Name: '', Source: '', Destination: dest, Driver: '', Mode: '', RW: rw, Propagation: '', specSource: '',
        copyData: false, skipCreate: false, tmpfs: { size: m.TmpfsOptions?.SizeBytes ?? 0, mode: m.TmpfsOptions?.Mode || 0o1777 },
      });
    }
  }

  const image = new MountTable(rootfs).view({ ...ROOT_CTX });
  for (const spec of Object.keys(c.Config.Volumes ?? {})) {
    // filepath.Clean: a relative spec (the CLI reads `-v a:/b` as one, `a:` being a drive letter) stays relative.
    const dest = isAbs(spec) ? normalize(spec) : normalize(spec).slice(1) || '.';
    if (out.has(dest)) continue;
    if (image.exists(dest) && image.stat(dest).type !== 'dir') {
      throw systemError(`cannot mount volume over existing file, file exists ${DOCKER_ROOT}/overlay2/${c.rwLayerId}/merged${dest}`);
    }
    const v = vs.create('', { ref: c.ID });
    set({
      Type: 'volume', Name: v.Name, Source: vs.path(v.Name), Destination: dest, Driver: 'local', Mode: '', RW: true,
      Propagation: '', specSource: '', copyData: true, skipCreate: false,
    });
  }
  points.set(c, out);
  for (const m of out.values()) if (m.Type === 'volume' && m.copyData) copyUp(image, host, dest(m), m.Source);
}

const dest = (m: MountPoint): string => m.Destination;

/** CopyImagePathContent: an empty volume gets the image's files at its mount point, owners and modes kept. */
function copyUp(image: Fs, host: Fs, from: string, to: string): void {
  if (!image.exists(from) || image.stat(from).type !== 'dir') return;
  if (host.readdir(to).length > 0) return;
  const st = image.stat(from);
  host.chown(to, st.uid, st.gid);
  host.chmod(to, st.mode);
  copyTree(image, host, from, to);
}

function copyTree(src: Fs, dst: Fs, from: string, to: string): void {
  for (const name of src.readdir(from)) {
    const a = `${from}/${name}`;
    const b = `${to}/${name}`;
    const st = src.lstat(a);
    if (st.type === 'dir') {
      dst.mkdir(b, { mode: st.mode });
      copyTree(src, dst, a, b);
    } else if (st.type === 'symlink') dst.symlink(src.readlink(a), b);
    else if (st.type === 'file') dst.writeFile(b, src.readFile(a), { mode: st.mode });
    else continue;
    dst.chown(b, st.uid, st.gid);
    if (st.type !== 'symlink') dst.chmod(b, st.mode);
  }
}

/** removeMountPoints: references released; with `rm -v` (and `--rm`) the anonymous volumes go too. */
export function releaseMounts(engine: DaemonStore, c: Container, removeVolumes: boolean): void {
  const vs = volumeStore(engine);
  for (const m of mountPoints(c)) {
    if (m.Type !== 'volume') continue;
    vs.release(m.Name, c.ID);
    if (!removeVolumes || m.specSource !== '') continue;
    try {
      vs.remove(m.Name);
    } catch {
      // In use by another container (--volumes-from): an implementation detail, as moby says.
    }
  }
}

const BIND_OPTS = 'relatime,discard,errors=remount-ro,commit=30';

/**
 * setupMounts: each mount point (shallower first, as sortMounts orders them) and each `--tmpfs` mounted into
 * the container's namespace, with the mount point made in the container's filesystem as runc makes it. A `-v`
 * bind source that is missing is created on the host (MountPoint.Setup's MkdirAllAndChown, 0755).
 */
export function mountVolumes(engine: DaemonStore, c: Container, mnt: MountTable): void {
  const list = mountPoints(c);
  const tmpfs = Object.entries(((c.HostConfig as unknown as Json).Tmpfs ?? {}) as Record<string, string>);
  if (list.length === 0 && tmpfs.length === 0) return;
  const k = engine.kernel;
  const host = k.rootMnt.view({ ...ROOT_CTX });
  const fs = mnt.view({ ...ROOT_CTX });
  const clock = k.clock.epochClock;
  const all: Array<{ dest: string; make: () => { backend: Backend; source: string; options: string; dir: boolean } }> = [];
  for (const m of list) {
    if (tmpfs.some(([d]) => normalize(d) === m.Destination)) continue;
    all.push({ dest: m.Destination, make: () => {
      if (m.Type === 'tmpfs') {
        const t = m.tmpfs!;
        const tree = new MemTree({ clock, fsType: 'tmpfs', rootMode: t.mode, quotaBytes: t.size > 0 ? t.size : undefined });
        const size = t.size > 0 ? `,size=${Math.ceil(t.size / 1024)}k` : '';
        return { backend: m.RW ? tree : new ReadOnly(tree), source: 'tmpfs', options: `${m.RW ? 'rw' : 'ro'},nosuid,nodev,noexec,relatime${size},inode64`, dir: true };
      }
      if (m.Type === 'bind' && !host.exists(m.Source)) {
        if (m.skipCreate) throw invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${m.Source}`);
        host.mkdir(m.Source, { recursive: true, mode: 0o755 });
      }
      const source = host.realpath(m.Source);
      const backend = new HostPath(k.rootMnt, source);
      return {
        backend: m.RW ? backend : new ReadOnly(backend), source: '/dev/sda1', options: `${m.RW ? 'rw' : 'ro'},${BIND_OPTS}`,
        dir: host.stat(source).type === 'dir',
      };
    } });
  }
  for (const [d, data] of tmpfs) {
    all.push({ dest: normalize(d), make: () => {
      const t = tmpfsFrom(data, false);
      const tree = new MemTree({ clock, fsType: 'tmpfs', rootMode: t.mode, quotaBytes: t.size > 0 ? t.size : undefined });
      const size = t.size > 0 ? `,size=${Math.ceil(t.size / 1024)}k` : '';
      return { backend: t.ro ? new ReadOnly(tree) : tree, source: 'tmpfs', options: `${t.ro ? 'ro' : 'rw'},nosuid,nodev,noexec,relatime${size},inode64`, dir: true };
    } });
  }
  const parts = (p: string): number => p.split('/').length;
  all.sort((a, b) => parts(a.dest) - parts(b.dest));
  for (const m of all) {
    const made = m.make();
    const at = normalize(m.dest);
    makeMountPoint(fs, at, made.dir);
    mnt.mount(at, made.backend, { source: made.source, options: made.options });
  }
}

function makeMountPoint(fs: Fs, dest: string, dir: boolean): void {
  try {
    if (fs.exists(dest)) return;
    const i = dest.lastIndexOf('/');
    if (i > 0) fs.mkdir(dest.slice(0, i), { recursive: true, mode: 0o755 });
    if (dir) fs.mkdir(dest, { mode: 0o755 });
    else fs.writeFile(dest, new Uint8Array(0), { mode: 0o644 });
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    throw systemError(`error while creating mount point ${dest}: ${e.message}`);
  }
}

/** `ps --filter volume=X`: X names a mount's volume (or a bind's source) or its destination. */
export function mountsVolume(c: Container, values: readonly string[]): boolean {
  const ms = mountPoints(c);
  return values.some((v) => ms.some((m) => m.Destination === v || (m.Name !== '' ? m.Name : m.Source) === v));
}
