/**
 * The working tree against the index and the commits: listing the files git would see (without `.git` and
 * what .gitignore and .git/info/exclude leave out), hashing them as blobs, writing the index out as trees,
 * reading a commit's tree back as paths, and writing a tree's files out (checkout, clone).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { statMatches, type IndexEntry } from './dircache.js';
import { decodeTree, encodeTree, hashObject, text, utf8, type TreeEntry } from './objects.js';
import type { Repo } from './repo.js';

export interface Blob {
  readonly mode: number;
  readonly id: string;
}

// ---------------------------------------------------------------- ignore rules

interface IgnoreRule {
  readonly re: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
  /** Matches against the whole path, not only the last component. */
  readonly anchored: boolean;
}

function globRe(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function parseIgnore(text: string): IgnoreRule[] {
  const out: IgnoreRule[] = [];
  for (let line of text.split('\n')) {
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    out.push({ re: globRe(line), negate, dirOnly, anchored });
  }
  return out;
}

export class Ignore {
  private readonly rules: IgnoreRule[];
  constructor(repo: Repo) {
    const read = (path: string): string => {
      try {
        return repo.fs.readText(path);
      } catch {
        return '';
      }
    };
    this.rules = [...parseIgnore(read(`${repo.gitDir}/info/exclude`)), ...parseIgnore(read(`${repo.workTree}/.gitignore`))];
  }

  ignored(path: string, isDir: boolean): boolean {
    let hit = false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(r.anchored ? path : base)) hit = !r.negate;
    }
    return hit;
  }
}

// ---------------------------------------------------------------- the working tree

/** Every file and symlink git would consider, as tree paths, sorted; ignored paths are left out. */
export function workFiles(repo: Repo, under = ''): string[] {
  const ignore = new Ignore(repo);
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = rel === '' ? repo.workTree : `${repo.workTree}/${rel}`;
    let names: string[];
    try {
      names = repo.fs.readdir(abs);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      if (rel === '' && n === '.git') continue;
      const path = rel === '' ? n : `${rel}/${n}`;
      const st = repo.fs.lstat(`${repo.workTree}/${path}`);
      if (st.type === 'dir') {
        if (!ignore.ignored(path, true)) walk(path);
      } else if ((st.type === 'file' || st.type === 'symlink') && !ignore.ignored(path, false)) out.push(path);
    }
  };
  walk(under);
  return out;
}

/** The blob a working-tree file would be (its content, or a symlink's target). */
export function fileBlob(repo: Repo, path: string, write: boolean): Blob & { content: Uint8Array } {
  const abs = `${repo.workTree}/${path}`;
  const st = repo.fs.lstat(abs);
  const content = st.type === 'symlink' ? utf8(repo.fs.readlink(abs)) : repo.fs.readFile(abs);
  const mode = st.type === 'symlink' ? 0o120000 : st.mode & 0o111 ? 0o100755 : 0o100644;
  const id = write ? repo.objects.write('blob', content) : hashObject('blob', content);
  return { mode, id, content };
}

/**
 * Whether the file at an index entry's path differs from what is staged: unchanged stat data means no
 * change (git's shortcut); otherwise the content decides. `undefined` when the file is gone.
 */
export function workChange(repo: Repo, e: IndexEntry): 'same' | 'modified' | 'deleted' {
  let st;
  try {
    st = repo.fs.lstat(`${repo.workTree}/${e.path}`);
  } catch (err) {
    if (isSysError(err)) return 'deleted';
    throw err;
  }
  if (st.type === 'dir') return 'deleted';
  if (statMatches(e, st)) return 'same';
  const b = fileBlob(repo, e.path, false);
  return b.id === e.id && b.mode === e.mode ? 'same' : 'modified';
}

// ---------------------------------------------------------------- trees

export function modeString(mode: number): string {
  return mode.toString(8).padStart(6, '0');
}

/** A commit's tree as `path → blob`, recursively. */
export function readTree(repo: Repo, treeId: string, prefix = '', out = new Map<string, Blob>()): Map<string, Blob> {
  const { content } = repo.objects.read(treeId);
  for (const e of decodeTree(content)) {
    const path = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.mode === '40000') readTree(repo, e.id, path, out);
    else out.set(path, { mode: parseInt(e.mode, 8), id: e.id });
  }
  return out;
}

/** The tree of the commit `id` (HEAD's when undefined), empty on an unborn branch. */
export function commitTree(repo: Repo, id: string | undefined): Map<string, Blob> {
  if (id === undefined) return new Map();
  const { content } = repo.objects.read(id);
  const m = /^tree ([0-9a-f]{40})/.exec(text(content.subarray(0, 46)));
  return m ? readTree(repo, m[1]) : new Map();
}

/** Writes the index as tree objects (git write-tree) and returns the root tree's id. */
export function writeTree(repo: Repo, entries: readonly { path: string; mode: number; id: string }[]): string {
  interface Dir { files: TreeEntry[]; dirs: Map<string, Dir> }
  const root: Dir = { files: [], dirs: new Map() };
  for (const e of entries) {
    const parts = e.path.split('/');
    let d = root;
    for (const p of parts.slice(0, -1)) {
      let next = d.dirs.get(p);
      if (!next) d.dirs.set(p, (next = { files: [], dirs: new Map() }));
      d = next;
    }
    d.files.push({ mode: e.mode.toString(8), name: parts[parts.length - 1], id: e.id });
  }
  const write = (d: Dir): string => {
    const list = [...d.files];
    for (const [name, sub] of d.dirs) list.push({ mode: '40000', name, id: write(sub) });
    return repo.objects.write('tree', encodeTree(list));
  };
  return write(root);
}

/** Writes a tree's files into the working tree (new directories 0755, files 0644/0755, symlinks). */
export function writeFiles(repo: Repo, files: ReadonlyMap<string, Blob>): void {
  for (const [path, b] of files) {
    const abs = `${repo.workTree}/${path}`;
    const dir = abs.slice(0, abs.lastIndexOf('/'));
    if (!repo.fs.exists(dir)) repo.fs.mkdir(dir, { recursive: true, mode: 0o755 });
    const { content } = repo.objects.read(b.id);
    if (b.mode === 0o120000) {
      try {
        repo.fs.unlink(abs);
      } catch { /* not there yet */ }
      repo.fs.symlink(text(content), abs);
    } else {
      repo.fs.writeFile(abs, content, { mode: b.mode & 0o777 });
      repo.fs.chmod(abs, b.mode & 0o777 & ~repo.sys.umask());
    }
  }
}
