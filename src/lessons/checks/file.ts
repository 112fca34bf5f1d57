/**
 * A path in a container's filesystem. A running container is read through its own mount table (what `docker exec
 * NAME cat PATH` sees); a stopped one through its overlay (image layers + RW layer), as `docker cp` would.
 */
import type { Container } from '../../engine/daemon/container.js';
import type { DockerEngine } from '../../engine/daemon/engine.js';
import type { Backend } from '../../engine/kernel/vfs.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { bool, str } from './fields.js';
import { findContainer } from './lookup.js';
import { say } from './said.js';
import { defineCheck, type FileCheck } from './types.js';

const ROOT_CTX = () => ({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });

/** The file's text, '' for a directory, undefined when the path does not exist. */
function readInContainer(engine: DockerEngine, c: Container, path: string): string | undefined {
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

export const fileCheck = defineCheck<FileCheck>({
  kind: 'file',
  schema: {
    fields: { container: str, path: str, exists: bool, contains: str },
    required: ['container', 'path'],
    refine: (v) => (v.exists === false && v.contains !== undefined ? 'file: `contains` needs the file to exist' : undefined),
  },
  evaluate(k, { machine }) {
    const c = findContainer(machine.engine, k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    const text = readInContainer(machine.engine, c, k.path);
    if (text === undefined) return { holds: k.exists === false, found: say('fileMissing', { path: k.path }) };
    if (k.exists === false) return { holds: false, found: say('fileExists', { path: k.path }) };
    const holds = k.contains === undefined || text.includes(k.contains);
    return { holds, found: holds ? say('fileExists', { path: k.path }) : say('fileLacks', { path: k.path, text: JSON.stringify(k.contains) }) };
  },
});
