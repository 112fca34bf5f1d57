/**
 * git add: stages new and changed files and removals under each pathspec (a file or a directory; `.` is the
 * working directory, `-A` the whole tree), hashing each file into a blob and recording its stat data.
 */
import { comparePaths, entryFromStat, statMatches, type IndexEntry } from './dircache.js';
import { absolute, advice, GitFatal, Repo, unmodelled, type Git } from './repo.js';
import { fileBlob, Ignore, workFiles } from './worktree.js';

/** Brings the index up to date with the working tree for the tree paths `under` (all when ''). */
export function stagePaths(repo: Repo, index: IndexEntry[], unders: readonly string[], withNew: boolean): IndexEntry[] {
  const inScope = (p: string): boolean => unders.some((u) => u === '' || p === u || p.startsWith(`${u}/`));
  const byPath = new Map(index.map((e) => [e.path, e]));
  const present = new Set<string>();
  for (const u of unders) {
    for (const f of workFiles(repo, u === '' ? '' : repo.fs.lstat(`${repo.workTree}/${u}`).type === 'dir' ? u : '')) {
      if (!inScope(f)) continue;
      present.add(f);
    }
    // A single file: workFiles lists its directory's files; an explicitly named ignored file is git's error.
  }
  for (const f of present) {
    const old = byPath.get(f);
    if (!old && !withNew) continue;
    const st = repo.fs.lstat(`${repo.workTree}/${f}`);
    if (old && statMatches(old, st)) continue;
    const b = fileBlob(repo, f, true);
    byPath.set(f, entryFromStat(f, b.id, st));
  }
  for (const e of index) if (inScope(e.path) && !present.has(e.path)) byPath.delete(e.path);
  return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}

export async function add(git: Git, args: string[]): Promise<number> {
  let all = false;
  let dashdash = false;
  const specs: string[] = [];
  for (const a of args) {
    if (!dashdash && (a === '-A' || a === '--all')) all = true;
    else if (!dashdash && a === '--') dashdash = true;
    else if (!dashdash && a.startsWith('-') && a !== '-') throw unmodelled('add', `option ${a}`);
    else specs.push(a);
  }
  const repo = Repo.require(git.sys);
  if (specs.length === 0 && !all) {
    await git.err.write(advice(git, `Nothing specified, nothing added.
hint: Maybe you wanted to say 'git add .'?
hint: Turn this message off by running
hint: "git config advice.addEmptyPathspec false"
`));
    return 0;
  }
  const unders: string[] = [];
  const index = repo.readIndex();
  for (const s of specs) {
    if (/[*?[]/.test(s)) throw unmodelled('add', `a glob pathspec ('${s}')`);
    const abs = absolute(git.sys, s);
    const rel = repo.treePath(abs);
    if (rel === undefined) throw new GitFatal(`${s}: '${s}' is outside repository at '${repo.workTree}'`);
    if (rel === '.git' || rel.startsWith('.git/')) throw new GitFatal(`invalid path '${rel}'`);
    const known = rel === '' || git.sys.fs.exists(abs) || index.some((e) => e.path === rel || e.path.startsWith(`${rel}/`));
    if (!known) throw new GitFatal(`pathspec '${s}' did not match any files`);
    unders.push(rel);
  }
  if (all && specs.length === 0) unders.push('');
  const ignore = new Ignore(repo);
  const ignored = unders.filter((u, i) => u !== '' && git.sys.fs.exists(absolute(git.sys, specs[i] ?? u))
    && !index.some((e) => e.path === u || e.path.startsWith(`${u}/`))
    && u.split('/').some((_, k, parts) => ignore.ignored(parts.slice(0, k + 1).join('/'), k < parts.length - 1 || git.sys.fs.stat(absolute(git.sys, specs[i])).type === 'dir')));
  if (ignored.length) {
    await git.err.write(advice(git, `The following paths are ignored by one of your .gitignore files:\n${ignored.map((u) => `${repo.display(u)}\n`).join('')}hint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"\n`));
    return 1;
  }
  repo.writeIndex(stagePaths(repo, index, unders, true));
  return 0;
}
