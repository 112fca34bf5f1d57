/**
 * Docker's volume service with its one driver, `local` (moby volume/service, volume/local): a volume is a
 * directory on the host's disk, `/var/lib/docker/volumes/<name>/_data`, so what a container writes there is on
 * the simulated host like any file and outlives the container. The store keeps each volume's metadata and
 * which containers reference it (a referenced volume cannot be removed: `volume is in use - [<id>]`).
 */
import type { Fs } from '../../kernel/fsTypes.js';
import { conflict, invalidParameter, notFound } from '../../../pkg/errdefs.js';
import { DOCKER_ROOT } from '../container.js';
import type { DaemonStore } from '../store.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { notSimulated } from '../unsimulated.js';
import { volumeReaders } from './points.js';

export const VOLUMES_ROOT = `${DOCKER_ROOT}/volumes`;
/** volume/service.AnonymousLabel: set on every volume created without a name. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export interface Volume {
  readonly Name: string;
  readonly Driver: 'local';
  /** null when created without any (as by `-v name:/path`), as moby keeps a nil map. */
  readonly Labels: Readonly<Record<string, string>> | null;
  readonly Options: Readonly<Record<string, string>> | null;
  /** RFC 3339 in seconds, as volumeToAPIType formats the local driver's directory time. */
  readonly CreatedAt: string;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const VALID_OPTS = new Set(['type', 'o', 'device', 'size']);
const ROOT = { cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } };

export interface CreateVolumeOptions {
  readonly labels?: Readonly<Record<string, string>> | null;
  readonly options?: Readonly<Record<string, string>> | null;
  /** The container that will use it: a referenced volume is in use. */
  readonly ref?: string;
}

export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();
  private readonly refs = new Map<string, Set<string>>();
  private seq = 0;

  constructor(private readonly engine: DaemonStore) {}

  private fs(): Fs {
    return this.engine.kernel.rootMnt.view({ ...ROOT });
  }

  /** A random-looking 64-hex name, derived rather than drawn, so volumes never shift container IDs. */
  private anonymousName(): string {
    for (;;) {
      const name = sha256Hex(utf8Encode(`volume\0${this.seq++}\0${this.engine.nowNs()}`));
      if (!this.volumes.has(name)) return name;
    }
  }

  /** VolumesService.Create: an existing name is returned as it is (its labels and options kept). */
  create(name: string, o: CreateVolumeOptions = {}): Volume {
    let labels = o.labels ? { ...o.labels } : null;
    if (name === '') {
      name = this.anonymousName();
      labels = { ...labels, [ANONYMOUS_LABEL]: '' };
    } else {
      if (name.length === 1) throw invalidParameter('volume name is too short, names should be at least two alphanumeric characters');
      if (!NAME.test(name)) {
        throw invalidParameter(`"${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
      }
    }
    const opts = o.options ?? null;
    for (const k of Object.keys(opts ?? {})) if (!VALID_OPTS.has(k)) throw invalidParameter(`invalid option: "${k}"`);
    let v = this.volumes.get(name);
    if (!v) {
      // Mounting a device or a quota needs what the simulated host does not have: refused, not ignored.
      if (Object.keys(opts ?? {}).length > 0) throw notSimulated('a local volume with driver options (--opt, volume-opt)');
      const fs = this.fs();
      const root = `${VOLUMES_ROOT}/${name}`;
      if (!fs.exists(VOLUMES_ROOT)) fs.mkdir(VOLUMES_ROOT, { recursive: true, mode: 0o701 });
      fs.mkdir(root, { mode: 0o701 });
      fs.mkdir(`${root}/_data`, { mode: 0o755 });
      const ms = fs.stat(root).mtimeMs;
      v = { Name: name, Driver: 'local', Labels: labels, Options: opts, CreatedAt: rfc3339(ms) };
      this.volumes.set(name, v);
      this.engine.events.log('volume', 'create', { ID: name, Attributes: { driver: 'local' } });
    }
    if (o.ref) this.reference(name, o.ref);
    return v;
  }

  reference(name: string, ref: string): void {
    let s = this.refs.get(name);
    if (!s) this.refs.set(name, (s = new Set()));
    s.add(ref);
  }

  release(name: string, ref: string): void {
    const s = this.refs.get(name);
    if (!s) return;
    s.delete(ref);
    if (s.size === 0) this.refs.delete(name);
  }

  /** Drops every reference `ref` holds (a create that failed half-way, as registerMountPoints' cleanup does). */
  releaseAll(ref: string): void {
    for (const name of [...this.refs.keys()]) this.release(name, ref);
  }

  refCount(name: string): number {
    return this.refs.get(name)?.size ?? 0;
  }

  /** VolumeStore.Get: `get NAME: no such volume`. */
  get(name: string): Volume {
    const v = this.volumes.get(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  has(name: string): boolean {
    return this.volumes.has(name);
  }

  all(): Volume[] {
    return [...this.volumes.values()];
  }

  /** The volume's data directory on the host. */
  path(name: string): string {
    return `${VOLUMES_ROOT}/${name}/_data`;
  }

  /** VolumesService.Remove: a volume in use is a conflict even with force; force only forgives a missing one. */
  remove(name: string, force = false): void {
    const v = this.volumes.get(name);
    if (!v) {
      if (force) return;
      throw notFound(`get ${name}: no such volume`);
    }
    const refs = this.refs.get(name);
    if (refs && refs.size > 0) throw conflict(`remove ${name}: volume is in use - [${[...refs].join(', ')}]`);
    this.volumes.delete(name);
    removeTree(this.fs(), `${VOLUMES_ROOT}/${name}`);
    this.engine.events.log('volume', 'destroy', { ID: name, Attributes: { driver: 'local' } });
  }

  /** Bytes of file content under the volume's data directory (directory.Size). */
  size(name: string): number {
    return treeSize(this.fs(), this.path(name));
  }
}

const stores = new WeakMap<DaemonStore, VolumeStore>();

/** The engine's volumes: kept beside the DaemonStore, so they outlive any one dockerd as /var/lib/docker does. */
export function volumeStore(engine: DaemonStore): VolumeStore {
  let s = stores.get(engine);
  if (!s) {
    stores.set(engine, (s = new VolumeStore(engine)));
    volumeReaders.set(engine, s);
  }
  return s;
}


/** The last second formatted: volumes made in one second share it (a Date and a replace each cost more than the mkdirs). */
let lastSecond = NaN;
let lastText = '';

function rfc3339(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s !== lastSecond) {
    lastText = new Date(s * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = s;
  }
  return lastText;
}

export function removeTree(fs: Fs, path: string): void {
  const st = fs.lstat(path);
  if (st.type === 'dir') {
    for (const n of fs.readdir(path)) removeTree(fs, `${path}/${n}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

function treeSize(fs: Fs, path: string): number {
  let st;
  try {
    st = fs.lstat(path);
  } catch {
    return 0;
  }
  if (st.type !== 'dir') return st.type === 'file' ? st.size : 0;
  let n = 0;
  for (const name of fs.readdir(path)) n += treeSize(fs, `${path}/${name}`);
  return n;
}
