/**
 * git status, long and short (`-s`), and the same report `git commit` prints when there is nothing to commit.
 * The three comparisons are git's: HEAD's tree against the index (staged), the index against the working
 * tree (not staged), and files the index does not know (untracked, a directory with no tracked file in it
 * shown once as `dir/`).
 */
import type { IndexEntry } from './dircache.js';
import { text } from './objects.js';
import { GitFatal, Repo, unmodelled, type Git } from './repo.js';
import { commitTree, workChange, workFiles } from './worktree.js';

export type Kind = 'new file' | 'modified' | 'deleted';

export interface Changes {
  readonly staged: readonly { path: string; kind: Kind }[];
  readonly unstaged: readonly { path: string; kind: Kind }[];
  /** Untracked files and directories (`dir/`), as tree paths. */
  readonly untracked: readonly string[];
}

export function computeChanges(repo: Repo, index: readonly IndexEntry[] = repo.readIndex()): Changes {
  const head = commitTree(repo, repo.headId());
  const staged: { path: string; kind: Kind }[] = [];
  const unstaged: { path: string; kind: Kind }[] = [];
  const inIndex = new Set<string>();
  for (const e of index) {
    inIndex.add(e.path);
    const h = head.get(e.path);
    if (!h) staged.push({ path: e.path, kind: 'new file' });
    else if (h.id !== e.id || h.mode !== e.mode) staged.push({ path: e.path, kind: 'modified' });
    const w = workChange(repo, e);
    if (w !== 'same') unstaged.push({ path: e.path, kind: w });
  }
  for (const path of head.keys()) if (!inIndex.has(path)) staged.push({ path, kind: 'deleted' });
  staged.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const trackedDirs = new Set<string>();
  for (const p of inIndex) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) trackedDirs.add(p.slice(0, i));
  const untracked: string[] = [];
  for (const f of workFiles(repo)) {
    if (inIndex.has(f)) continue;
    let shown = f;
    for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
      if (!trackedDirs.has(f.slice(0, i))) {
        shown = `${f.slice(0, i)}/`;
        break;
      }
    }
    if (untracked[untracked.length - 1] !== shown) untracked.push(shown);
  }
  return { staged, unstaged, untracked };
}

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const RESET = '\x1b[m';

function paint(git: Git, color: string, s: string): string {
  return git.color ? `${color}${s}${RESET}` : s;
}

/** "Your branch is up to date with 'origin/master'." for a branch with an upstream, as git says it. */
function tracking(repo: Repo, branch: string): string {
  const remote = repo.get(`branch.${branch}.remote`);
  const merge = repo.get(`branch.${branch}.merge`);
  if (!remote || !merge?.startsWith('refs/heads/')) return '';
  const upstream = `${remote}/${merge.slice(11)}`;
  const theirs = repo.refId(`refs/remotes/${upstream}`);
  if (!theirs) return `Your branch is based on '${upstream}', but the upstream is gone.\n  (use "git branch --unset-upstream" to fixup)\n`;
  const ours = repo.headId();
  if (ours === theirs) return `Your branch is up to date with '${upstream}'.\n`;
  let ahead = 0;
  for (let id = ours; id && id !== theirs; ahead++) {
    const m = /\nparent ([0-9a-f]{40})/.exec(text(repo.objects.read(id).content));
    id = m?.[1];
    if (!id) return `Your branch and '${upstream}' have diverged.\n`;
  }
  return `Your branch is ahead of '${upstream}' by ${ahead} commit${ahead === 1 ? '' : 's'}.\n  (use "git push" to publish your local commits)\n`;
}

/** The long report; `committing` words the unborn branch as `git commit` does ("Initial commit"). */
export function longStatus(git: Git, repo: Repo, c: Changes, committing: boolean): string {
  const ref = repo.headRef();
  const unborn = repo.headId() === undefined;
  let s = ref ? `On branch ${ref.replace(/^refs\/heads\//, '')}\n` : `HEAD detached at ${repo.headId()!.slice(0, 7)}\n`;
  if (ref && !unborn) {
    const t = tracking(repo, ref.replace(/^refs\/heads\//, ''));
    if (t) s += `${t}\n`;
  }
  if (unborn) s += committing ? '\nInitial commit\n\n' : '\nNo commits yet\n\n';
  const label = (k: Kind): string => `${k}:`.padEnd(12);
  if (c.staged.length) {
    s += 'Changes to be committed:\n';
    s += unborn ? '  (use "git rm --cached <file>..." to unstage)\n' : '  (use "git restore --staged <file>..." to unstage)\n';
    for (const x of c.staged) s += `\t${paint(git, GREEN, `${label(x.kind)}${repo.display(x.path)}`)}\n`;
    s += '\n';
  }
  if (c.unstaged.length) {
    s += 'Changes not staged for commit:\n';
    s += c.unstaged.some((x) => x.kind === 'deleted')
      ? '  (use "git add/rm <file>..." to update what will be committed)\n'
      : '  (use "git add <file>..." to update what will be committed)\n';
    s += '  (use "git restore <file>..." to discard changes in working directory)\n';
    for (const x of c.unstaged) s += `\t${paint(git, RED, `${label(x.kind)}${repo.display(x.path)}`)}\n`;
    s += '\n';
  }
  if (c.untracked.length) {
    s += 'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    for (const p of c.untracked) s += `\t${paint(git, RED, repo.display(p) + (p.endsWith('/') && !repo.display(p).endsWith('/') ? '/' : ''))}\n`;
    s += '\n';
  }
  if (c.staged.length) return s;
  if (c.unstaged.length) return `${s}no changes added to commit (use "git add" and/or "git commit -a")\n`;
  if (c.untracked.length) return `${s}nothing added to commit but untracked files present (use "git add" to track)\n`;
  return `${s}${unborn ? 'nothing to commit (create/copy files and use "git add" to track)' : 'nothing to commit, working tree clean'}\n`;
}

function shortStatus(git: Git, repo: Repo, c: Changes): string {
  const rows = new Map<string, [string, string]>();
  const code = (k: Kind): string => (k === 'new file' ? 'A' : k === 'modified' ? 'M' : 'D');
  for (const x of c.staged) rows.set(x.path, [code(x.kind), ' ']);
  for (const x of c.unstaged) rows.set(x.path, [rows.get(x.path)?.[0] ?? ' ', code(x.kind)]);
  let s = '';
  for (const path of [...rows.keys()].sort()) {
    const [x, y] = rows.get(path)!;
    s += `${x === ' ' ? ' ' : paint(git, GREEN, x)}${y === ' ' ? ' ' : paint(git, RED, y)} ${repo.display(path)}\n`;
  }
  for (const p of c.untracked) s += `${paint(git, RED, '??')} ${repo.display(p)}${p.endsWith('/') && !repo.display(p).endsWith('/') ? '/' : ''}\n`;
  return s;
}

export async function status(git: Git, args: string[]): Promise<number> {
  let short = false;
  for (const a of args) {
    if (a === '-s' || a === '--short') short = true;
    else if (a === '--long') short = false;
    else throw unmodelled('status', a.startsWith('-') ? `option ${a}` : 'a pathspec');
  }
  const repo = Repo.require(git.sys);
  if (repo.workTree === '') throw new GitFatal('this operation must be run in a work tree');
  const c = computeChanges(repo);
  await git.out.write(short ? shortStatus(git, repo, c) : longStatus(git, repo, c, false));
  return 0;
}
