/**
 * git branch (list, create, -d), git checkout / git switch between branches (and -b / -c to create one):
 * the working tree and index move from one commit's tree to the other's, and local changes that the move
 * would overwrite stop it with git's message.
 */
import { comparePaths, entryFromStat, type IndexEntry } from './dircache.js';
import { GitFatal, identity, Repo, unmodelled, type Git } from './repo.js';
import { commitTree, workChange, writeFiles, type Blob } from './worktree.js';
import { decodeCommit } from './objects.js';
import { resolveRev } from './plumbing.js';

function validBranchName(name: string): boolean {
  return !(name === '' || name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.lock')
    || name.includes('..') || /[\s~^:?*[\\\x00-\x1f\x7f]/.test(name) || name.includes('@{') || name === 'HEAD' || name.endsWith('.'));
}

export async function branch(git: Git, args: string[]): Promise<number> {
  const repo = Repo.require(git.sys);
  const head = repo.headRef()?.replace(/^refs\/heads\//, '');
  if (args.length === 0 || (args.length === 1 && (args[0] === '--list' || args[0] === '-l'))) {
    for (const b of repo.branches()) {
      await git.out.write(b === head ? `* ${git.color ? `\x1b[32m${b}\x1b[m` : b}\n` : `  ${b}${git.color ? '\x1b[m' : ''}\n`);
    }
    return 0;
  }
  if (args[0] === '-d' || args[0] === '-D' || args[0] === '--delete') {
    const force = args[0] === '-D';
    if (args.length < 2) throw new GitFatal('branch name required');
    let code = 0;
    for (const name of args.slice(1)) {
      const id = repo.refId(`refs/heads/${name}`);
      if (!id) {
        await git.err.write(`error: branch '${name}' not found.\n`);
        code = 1;
        continue;
      }
      if (name === head) {
        await git.err.write(`error: Cannot delete branch '${name}' checked out at '${repo.workTree}'\n`);
        code = 1;
        continue;
      }
      if (!force && !reachable(repo, id, repo.headId())) {
        await git.err.write(`error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`);
        code = 1;
        continue;
      }
      repo.fs.unlink(`${repo.gitDir}/refs/heads/${name}`);
      try {
        repo.fs.unlink(`${repo.gitDir}/logs/refs/heads/${name}`);
      } catch { /* no reflog */ }
      await git.out.write(`Deleted branch ${name} (was ${id.slice(0, 7)}).\n`);
    }
    return code;
  }
  if (args[0].startsWith('-')) throw unmodelled('branch', `option ${args[0]}`);
  if (args.length > 2) throw unmodelled('branch', 'these arguments');
  const [name, start] = args;
  createBranch(repo, name, start ?? 'HEAD', `branch: Created from ${start ?? 'HEAD'}`);
  return 0;
}

/** Whether commit `id` is HEAD or one of its ancestors (git branch -d's "fully merged"). */
function reachable(repo: Repo, id: string, from: string | undefined): boolean {
  const seen = new Set<string>();
  const todo = from ? [from] : [];
  while (todo.length) {
    const c = todo.pop()!;
    if (c === id) return true;
    if (seen.has(c)) continue;
    seen.add(c);
    todo.push(...decodeCommit(repo.objects.read(c).content).parents);
  }
  return false;
}

function createBranch(repo: Repo, name: string, start: string, reflog: string): string {
  if (!validBranchName(name)) throw new GitFatal(`'${name}' is not a valid branch name`);
  if (repo.refId(`refs/heads/${name}`)) throw new GitFatal(`a branch named '${name}' already exists`);
  const id = resolveRev(repo, start);
  if (!id) throw new GitFatal(`not a valid object name: '${start === 'HEAD' ? (repo.headRef() ?? 'HEAD').replace(/^refs\/heads\//, '') : start}'`);
  repo.updateRef(`refs/heads/${name}`, id, identity(repo, 'COMMITTER', false), reflog, false);
  return id;
}

/** Moves the working tree and index from HEAD's tree to `target`'s; throws git's error on a conflict. */
function moveTree(git: Git, repo: Repo, target: string, verb: string): string[] {
  const from = commitTree(repo, repo.headId());
  const to = commitTree(repo, target);
  const index = repo.readIndex();
  const byPath = new Map(index.map((e) => [e.path, e]));
  const same = (a: Blob | undefined, b: Blob | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && a.id === b.id && a.mode === b.mode);
  const blocked: string[] = [];
  const local: string[] = [];
  for (const e of index) {
    const dirty = workChange(repo, e) !== 'same' || !same(from.get(e.path), { mode: e.mode, id: e.id });
    if (!dirty) continue;
    if (!same(from.get(e.path), to.get(e.path))) blocked.push(e.path);
    else local.push(e.path);
  }
  if (blocked.length) {
    throw new GitFatal(`Your local changes to the following files would be overwritten by ${verb}:\n${blocked.map((p) => `\t${p}\n`).join('')}Please commit your changes or stash them before you switch branches.\nAborting`, 1, 'error: ');
  }
  const changed = new Map<string, Blob>();
  for (const [p, b] of to) if (!same(from.get(p), b)) changed.set(p, b);
  for (const p of from.keys()) {
    if (to.has(p)) continue;
    try {
      repo.fs.unlink(`${repo.workTree}/${p}`);
    } catch { /* already gone */ }
    byPath.delete(p);
  }
  writeFiles(repo, changed);
  for (const [p, b] of changed) byPath.set(p, entryFromStat(p, b.id, repo.fs.lstat(`${repo.workTree}/${p}`)));
  repo.writeIndex([...byPath.values()].sort((a: IndexEntry, b: IndexEntry) => comparePaths(a.path, b.path)));
  return local;
}

async function switchTo(git: Git, argv: string[], verb: 'checkout' | 'switch'): Promise<number> {
  const quiet = argv.some((a) => a === '-q' || a === '--quiet');
  const args = argv.filter((a) => a !== '-q' && a !== '--quiet');
  if (args.includes('--')) throw unmodelled(verb, 'restoring files (<branch> -- <file>)');
  const create = verb === 'checkout' ? '-b' : '-c';
  const repo = Repo.require(git.sys);
  let name: string;
  let isNew = false;
  let start = 'HEAD';
  if (args[0] === create || (verb === 'switch' && args[0] === '--create')) {
    if (args.length < 2) throw new GitFatal(`switch \`${create.slice(1)}' requires a value`, 129, 'error: ');
    name = args[1];
    start = args[2] ?? 'HEAD';
    if (args.length > 3) throw unmodelled(verb, 'these arguments');
    isNew = true;
  } else {
    if (args.length !== 1 || args[0].startsWith('-')) throw unmodelled(verb, args[0]?.startsWith('-') ? `option ${args[0]}` : 'these arguments');
    name = args[0];
  }
  const current = repo.headRef()?.replace(/^refs\/heads\//, '');
  const from = repo.headId();
  if (!isNew && name === current) {
    if (!quiet) await git.err.write(`Already on '${name}'\n`);
    return 0;
  }
  let target: string | undefined;
  if (isNew) {
    if (repo.refId(`refs/heads/${name}`)) throw new GitFatal(`a branch named '${name}' already exists`);
    target = start === 'HEAD' ? from : resolveRev(repo, start);
    if (!target && start !== 'HEAD') throw new GitFatal(`'${start}' is not a commit and a branch '${name}' cannot be created from it`);
  } else {
    target = repo.refId(`refs/heads/${name}`);
    if (!target) {
      if (verb === 'switch') throw new GitFatal(`invalid reference: ${name}`);
      throw new GitFatal(`pathspec '${name}' did not match any file(s) known to git`, 1, 'error: ');
    }
  }
  const local = target ? moveTree(git, repo, target, 'checkout') : [];
  const who = identity(repo, 'COMMITTER', false);
  if (isNew && target) repo.updateRef(`refs/heads/${name}`, target, who, `branch: Created from ${start}`, false);
  repo.write('HEAD', `ref: refs/heads/${name}\n`);
  if (target) repo.appendLog('logs/HEAD', `${from ?? '0'.repeat(40)} ${target} ${who.name} <${who.email}> ${who.when} ${who.tz}\t${verb === 'checkout' ? 'checkout: moving from' : 'checkout: moving from'} ${current ?? from} to ${name}\n`);
  if (quiet) return 0;
  for (const p of local) await git.out.write(`M\t${repo.display(p)}\n`);
  await git.err.write(isNew ? `Switched to a new branch '${name}'\n` : `Switched to branch '${name}'\n`);
  return 0;
}

export const checkout = (git: Git, args: string[]): Promise<number> => switchTo(git, args, 'checkout');
export const switchBranch = (git: Git, args: string[]): Promise<number> => switchTo(git, args, 'switch');
