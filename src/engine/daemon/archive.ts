/**
 * A file in a container, read as `docker cp CONTAINER:PATH -` would find it (moby daemon/archive.go): a running
 * container through its own mount table (what `docker exec NAME cat PATH` sees), a stopped one through its
 * overlay (image layers + RW layer).
 */
import type { Backend, Fs } from '../kernel/fsTypes.js';
import { utf8Decode } from '../kernel/utf8.js';
import type { Container } from './container.js';
import type { DaemonStore } from './store.js';

const ROOT_CTX = () => ({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });

/**
 * A running container's filesystem through its own mount table, as root: what `docker exec -u root` sees.
 * Undefined when the container is not running (it has no mounts then).
 */
export function runningContainerFs(engine: DaemonStore, c: Container): Fs | undefined {
  const rt = engine.runtimes.get(c.ID);
  return rt?.mnt && c.State.Running ? rt.mnt.view(ROOT_CTX()) : undefined;
}

/** The file's text, '' for a directory, undefined when the path does not exist. */
export function containerFileText(engine: DaemonStore, c: Container, path: string): string | undefined {
  const rt = engine.runtimes.get(c.ID);
  if (!rt) return undefined;
  try {
    if (rt.mnt && c.State.Running) {
      const fs = rt.mnt.view(ROOT_CTX());
      return fs.stat(path).type === 'file' ? fs.readText(path) : '';
    }
    return readBackend(rt.rootfs, path, 0);
  } catch {
    return undefined;
  }
}

/** Follows symlinks inside the overlay (absolute targets from its root). */
function readBackend(b: Backend, path: string, depth: number): string | undefined {
  const parts = path.split('/').filter((s) => s !== '' && s !== '.');
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i] === '..' ? cur.slice(0, cur.lastIndexOf('/')) : `${cur}/${parts[i]}`;
    const st = b.lstat(next === '' ? '/' : next);
    if (st.type === 'symlink') {
      if (depth > 8) return undefined;
      const target = b.readlink(next);
      const base = target.startsWith('/') ? target : `${cur}/${target}`;
      return readBackend(b, [base, ...parts.slice(i + 1)].join('/'), depth + 1);
    }
    cur = next;
  }
  const st = b.lstat(cur === '' ? '/' : cur);
  return st.type === 'file' ? utf8Decode(b.readFile(cur)) : '';
}
