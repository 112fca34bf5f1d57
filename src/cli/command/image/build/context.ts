/**
 * The build context as the docker CLI sends it (cli/command/image/build/context.go, dockerignore.go, moby's
 * archive.TarWithOptions): the directory walked in lexical order from the client's filesystem, `.dockerignore`
 * applied (the Dockerfile and .dockerignore always sent), owners set to 0:0, as a tar with Go's layout (512-byte
 * headers and blocks, two zero blocks at the end, no record padding, so the size the legacy builder reports is
 * Docker's). A Dockerfile from stdin or from outside the context travels inside the tar as `.dockerfile.<id>`,
 * listed in the sent .dockerignore, as AddDockerfileToBuildContext does (the id is the content's digest here,
 * not random, so a replay sends the same bytes).
 */
import type { ClientFs } from '../../../cli.js';
import { nameBytes, nameString } from '../../../../pkg/archive/names.js';
import { writeTar, type TarEntry } from '../../../../pkg/archive/tar.js';
import { sha256Hex } from '../../../../engine/fs/sha256.js';
import { cleanPath, keepBuildFiles, PatternError, PatternMatcher, readDockerignore } from '../../../../pkg/patternmatcher.js';

/** What the CLI reads of the client's filesystem to send a context (a process's view, relative to its cwd). */
export type ContextFs = Pick<ClientFs, 'lstat' | 'stat' | 'readdir' | 'readFile' | 'readlink' | 'realpath'>;

export interface BuildContext {
  /** The request body: the context as a tar. */
  readonly tar: Uint8Array;
  /** The Dockerfile's path inside the tar (the `dockerfile` query parameter). */
  readonly dockerfile: string;
  /** What BuildKit calls the file in errors (`Dockerfile:4`): the name given, or `Dockerfile`. */
  readonly dockerfileName: string;
  /** The Dockerfile's text, for the excerpt of a failed step; '' when it is not in the context. */
  readonly dockerfileText: string;
}

/** A failure before any request: the CLI's message. */
export class ContextError extends Error {}

const DEFAULT = 'Dockerfile';

function join(dir: string, name: string): string {
  return cleanPath(`${dir}/${name}`);
}

export function absPath(cwd: string, p: string): string {
  return cleanPath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

function relPath(base: string, target: string): string {
  if (target === base) return '.';
  if (target.startsWith(base === '/' ? '/' : base + '/')) return target.slice(base === '/' ? 1 : base.length + 1);
  const b = base.split('/').filter(Boolean);
  const t = target.split('/').filter(Boolean);
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  return [...b.slice(i).map(() => '..'), ...t.slice(i)].join('/');
}

/** Go's lowercased error text for an errno message (`no such file or directory`). */
function goErr(e: unknown): string {
  const m = (e as Error).message ?? String(e);
  return m.charAt(0).toLowerCase() + m.slice(1);
}

function exists(fs: ContextFs, p: string): boolean {
  try {
    fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Size of the tar as Go's archive/tar writes it: headers, data in blocks, two zero blocks. */
function goTarLength(entries: readonly TarEntry[]): number {
  let n = 1024;
  for (const e of entries) {
    for (const long of [e.linkname, e.name]) {
      if (long !== undefined && nameBytes(long).length > 100) n += 512 + Math.ceil((nameBytes(long).length + 1) / 512) * 512;
    }
    n += 512 + (e.type === 'file' ? Math.ceil((e.data?.length ?? 0) / 512) * 512 : 0);
  }
  return n;
}

export function tarBytes(entries: readonly TarEntry[]): Uint8Array {
  return writeTar(entries).slice(0, goTarLength(entries));
}

function entry(name: string, type: TarEntry['type'], mode: number, mtimeMs: number, extra: Partial<TarEntry> = {}): TarEntry {
  return { name, type, mode, uid: 0, gid: 0, uname: '', gname: '', mtime: Math.floor(mtimeMs / 1000), ...extra };
}

/** TarWithOptions over `root` with the exclude patterns. */
function walk(fs: ContextFs, root: string, pm: PatternMatcher): TarEntry[] {
  const out: TarEntry[] = [];
  const visit = (abs: string, rel: string): void => {
    const st = fs.lstat(abs);
    if (rel !== '.') {
      if (pm.excluded(rel)) {
        if (st.type !== 'dir') return;
        if (!pm.exclusions) return;
        const dirSlash = rel + '/';
        if (!pm.exceptionPatterns().some((p) => (p + '/').startsWith(dirSlash))) return;
        for (const name of fs.readdir(abs).sort()) visit(join(abs, name), `${rel}/${name}`);
        return;
      }
      if (st.type === 'dir') out.push(entry(rel + '/', 'dir', st.mode, st.mtimeMs));
      else if (st.type === 'file') out.push(entry(rel, 'file', st.mode, st.mtimeMs, { data: fs.readFile(abs) }));
      else if (st.type === 'symlink') out.push(entry(rel, 'symlink', st.mode, st.mtimeMs, { linkname: fs.readlink(abs) }));
      else if (st.type === 'fifo') out.push(entry(rel, 'fifo', st.mode, st.mtimeMs));
    }
    if (st.type === 'dir') {
      for (const name of fs.readdir(abs).sort()) visit(join(abs, name), rel === '.' ? name : `${rel}/${name}`);
    }
  };
  visit(root, '.');
  return out;
}

export interface ContextOptions {
  readonly cwd: string;
  /** PATH as given (a directory). */
  readonly context: string;
  /** `-f` as given ('' for the default, '-' for stdin). */
  readonly file: string;
  /** The Dockerfile read from stdin, when `-f -`. */
  readonly stdinDockerfile?: string;
  /**
   * buildx sends the directory whether or not the Dockerfile is there, and the daemon's frontend says
   * `failed to read dockerfile: open Dockerfile: no such file or directory`; the legacy client stops first.
   */
  readonly missingDockerfileOk?: boolean;
  /**
   * BuildKit mode: buildx sends a Dockerfile from outside the context in a directory of its own, and the build
   * definition is loaded from its base name. Here it travels in the tar like the legacy client's, its hidden name
   * ending in `.<base name>` so the daemon can show that name (stdin's stays `Dockerfile`).
   */
  readonly buildkit?: boolean;
}

/** build.GetContextFromLocalDir, ReadDockerignore, TrimBuildFilesFromExcludes, TarWithOptions. */
export function contextFromDir(fs: ContextFs, o: ContextOptions): BuildContext {
  const absContext = absPath(o.cwd, o.context);
  let isDir = false;
  try {
    isDir = fs.stat(absContext).type === 'dir';
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ContextError(`unable to prepare context: path ${JSON.stringify(o.context)} not found`);
  const root = fs.realpath(absContext);

  const fromStdin = o.file === '-';
  let relDockerfile = '-';
  let outside: { name: string; data: Uint8Array } | null = null;
  if (!fromStdin) {
    let absDockerfile = o.file === '' ? join(root, DEFAULT) : absPath(o.cwd, o.file);
    if (o.file === '' && !exists(fs, absDockerfile) && exists(fs, join(root, DEFAULT.toLowerCase()))) {
      absDockerfile = join(root, DEFAULT.toLowerCase());
    }
    try {
      absDockerfile = fs.realpath(absDockerfile);
    } catch (e) {
      if (!o.missingDockerfileOk) {
        throw new ContextError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${absDockerfile}: ${goErr(e)}`);
      }
    }
    relDockerfile = relPath(root, absDockerfile);
    if (relDockerfile.startsWith('../') && exists(fs, absDockerfile)) outside = { name: absDockerfile.slice(absDockerfile.lastIndexOf('/') + 1), data: fs.readFile(absDockerfile) };
  }

  let excludes: string[] = [];
  const ignorePath = join(root, '.dockerignore');
  let ignoreText: string | null = null;
  if (exists(fs, ignorePath)) {
    ignoreText = nameString(fs.readFile(ignorePath));
    excludes = readDockerignore(ignoreText);
  }
  let pm: PatternMatcher;
  try {
    excludes = keepBuildFiles(excludes, relDockerfile, fromStdin);
    pm = new PatternMatcher(excludes);
  } catch (e) {
    if (e instanceof PatternError) throw new ContextError(e.message);
    throw e;
  }
  let entries = walk(fs, root, pm);

  let dockerfile = relDockerfile;
  let dockerfileText = '';
  const added = fromStdin ? nameBytes(o.stdinDockerfile ?? '') : outside?.data;
  if (added) {
    // AddDockerfileToBuildContext: the file under a hidden name, and that name in the sent .dockerignore.
    const hidden = '.dockerfile.' + sha256Hex(added).slice(0, 20) + (o.buildkit && outside ? `.${outside.name}` : '');
    const ignore = entries.find((e) => e.name === '.dockerignore');
    // Without a .dockerignore of its own the new one lists itself too, so the daemon drops both from the context.
    const ignoreData = nameBytes(`${ignoreText ?? '.dockerignore'}\n${hidden}\n`);
    entries = entries.filter((e) => e.name !== '.dockerignore' && e.name !== hidden);
    entries.push(ignore ? { ...ignore, data: ignoreData } : entry('.dockerignore', 'file', 0o600, 0, { data: ignoreData }));
    entries.push(entry(hidden, 'file', 0o600, 0, { data: added }));
    dockerfile = hidden;
    dockerfileText = nameString(added);
  } else {
    const df = entries.find((e) => e.name === relDockerfile && e.type === 'file');
    if (df?.data) dockerfileText = nameString(df.data);
  }
  const dockerfileName = fromStdin ? DEFAULT : outside ? outside.name : relDockerfile.slice(relDockerfile.lastIndexOf('/') + 1);
  return { tar: tarBytes(entries), dockerfile, dockerfileName, dockerfileText };
}

/** `docker build -` with a Dockerfile on stdin: a context holding only that file. */
export function contextFromDockerfile(text: string, mtimeMs: number): BuildContext {
  const data = nameBytes(text);
  return {
    tar: tarBytes([entry(DEFAULT, 'file', 0o600, mtimeMs, { data })]),
    dockerfile: DEFAULT, dockerfileName: DEFAULT, dockerfileText: text,
  };
}
