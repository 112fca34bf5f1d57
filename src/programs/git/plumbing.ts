/** git hash-object and git cat-file: the object store seen directly (what a tutorial on git's internals runs). */
import { absolute, GitFatal, Repo, unmodelled, type Git } from './repo.js';
import { decodeTree, hashObject, type ObjectType } from './objects.js';

export async function hashObjectCmd(git: Git, args: string[]): Promise<number> {
  let write = false;
  let stdin = false;
  const files: string[] = [];
  for (const a of args) {
    if (a === '-w') write = true;
    else if (a === '--stdin') stdin = true;
    else if (a.startsWith('-')) throw unmodelled('hash-object', `option ${a}`);
    else files.push(a);
  }
  const repo = write ? Repo.require(git.sys) : undefined;
  const inputs: Uint8Array[] = [];
  if (stdin) {
    const parts: Uint8Array[] = [];
    for (let b = await git.sys.readBytes(0); b !== null; b = await git.sys.readBytes(0)) parts.push(b);
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    inputs.push(all);
  }
  for (const f of files) {
    try {
      inputs.push(git.sys.fs.readFile(absolute(git.sys, f)));
    } catch {
      throw new GitFatal(`could not open '${f}' for reading: No such file or directory`);
    }
  }
  for (const data of inputs) await git.out.write(`${repo ? repo.objects.write('blob', data) : hashObject('blob', data)}\n`);
  return 0;
}

/** Resolves HEAD, a branch, a full id or an unambiguous prefix of a loose object. */
export function resolveRev(repo: Repo, rev: string): string | undefined {
  if (rev === 'HEAD') return repo.headId();
  if (/^[0-9a-f]{40}$/.test(rev)) return repo.objects.has(rev) ? rev : undefined;
  const branch = repo.refId(`refs/heads/${rev}`) ?? repo.refId(`refs/remotes/${rev}`) ?? repo.refId(`refs/tags/${rev}`);
  if (branch) return branch;
  if (/^[0-9a-f]{4,39}$/.test(rev)) {
    const hits = repo.objects.list().filter((id) => id.startsWith(rev));
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

export async function catFile(git: Git, args: string[]): Promise<number> {
  if (args.length !== 2 || !['-p', '-t', '-s'].includes(args[0])) throw unmodelled('cat-file', args[0]?.startsWith('-') ? `option ${args[0]}` : 'this form');
  const repo = Repo.require(git.sys);
  const id = resolveRev(repo, args[1]);
  if (!id) throw new GitFatal(`Not a valid object name ${args[1]}`);
  const { type, content } = repo.objects.read(id);
  if (args[0] === '-t') await git.out.write(`${type}\n`);
  else if (args[0] === '-s') await git.out.write(`${content.length}\n`);
  else if (type === 'tree') {
    for (const e of decodeTree(content)) {
      const kind: ObjectType = e.mode === '40000' ? 'tree' : e.mode === '160000' ? 'commit' : 'blob';
      await git.out.write(`${e.mode.padStart(6, '0')} ${kind} ${e.id}\t${e.name}\n`);
    }
  } else await git.out.write(content);
  return 0;
}
