/**
 * git commit -m: writes the index as trees, the commit object (author and committer from the config or the
 * environment, the time from the kernel's clock or GIT_*_DATE, +0000), moves the branch and its reflogs, and
 * prints git's summary: `[master (root-commit) abc1234] msg` and the diffstat's last line with create/delete
 * mode lines. `-a` stages tracked files first; an empty commit needs `--allow-empty`.
 */
import { stagePaths } from './add.js';
import { encodeCommit, text } from './objects.js';
import { GitFatal, identity, Repo, unmodelled, type Git } from './repo.js';
import { resolveCommand } from '../coreutils/pathsearch.js';
import { computeChanges, longStatus, type Changes } from './status.js';
import { commitTree, writeTree, type Blob } from './worktree.js';
import { countChanges, splitLines } from './xdiff.js';

/** git's default cleanup (`strip` without an editor: `whitespace`): trailing blanks and blank edges go. */
export function cleanupMessage(msg: string): string {
  const lines = msg.split('\n').map((l) => l.replace(/\s+$/, ''));
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The subject git prints: the first paragraph joined into one line. */
export function subjectOf(message: string): string {
  const para = message.split('\n\n')[0];
  return para.split('\n').map((l) => l.trim()).join(' ').trim();
}

function isBinary(b: Uint8Array): boolean {
  return b.subarray(0, 8000).includes(0);
}

/** The summary's stat line and mode lines for `old` → `now` (git's `--summary --shortstat`). */
export function diffSummary(repo: Repo, old: ReadonlyMap<string, Blob>, now: ReadonlyMap<string, Blob>): string {
  let files = 0;
  let ins = 0;
  let del = 0;
  const modes: string[] = [];
  const paths = [...new Set([...old.keys(), ...now.keys()])].sort();
    for (const p of paths) {
    const a = old.get(p);
    const b = now.get(p);
    if (a && b && a.id === b.id && a.mode === b.mode) continue;
    files++;
    const ac = a ? repo.objects.read(a.id).content : new Uint8Array();
    const bc = b ? repo.objects.read(b.id).content : new Uint8Array();
    if (!isBinary(ac) && !isBinary(bc) && (!a || !b || a.id !== b.id)) {
      const n = countChanges(splitLines(text(ac)), splitLines(text(bc)));
      ins += n.added;
      del += n.removed;
    }
    if (!a) modes.push(` create mode ${b!.mode.toString(8)} ${p}`);
    else if (!b) modes.push(` delete mode ${a.mode.toString(8)} ${p}`);
    else if (a.mode !== b.mode) modes.push(` mode change ${a.mode.toString(8)} => ${b.mode.toString(8)} ${p}`);
  }
  if (files === 0) return '';
  let s = ` ${files} file${files === 1 ? '' : 's'} changed`;
  if (ins || !del) s += `, ${ins} insertion${ins === 1 ? '' : 's'}(+)`;
  if (del || !ins) s += `, ${del} deletion${del === 1 ? '' : 's'}(-)`;
  return [s, ...modes].join('\n') + '\n';
}

/** The comment block git puts under an empty message: the status, without its hints. */
function template(repo: Repo, c: Changes): string {
  const ref = repo.headRef();
  let s = "\n# Please enter the commit message for your changes. Lines starting\n# with '#' will be ignored, and an empty message aborts the commit.\n#\n";
  s += ref ? `# On branch ${ref.replace(/^refs\/heads\//, '')}\n` : `# HEAD detached at ${repo.headId()!.slice(0, 7)}\n`;
  if (repo.headId() === undefined) s += '#\n# Initial commit\n#\n';
  const label = (k: string): string => `${k}:`.padEnd(12);
  if (c.staged.length) s += `# Changes to be committed:\n${c.staged.map((x) => `#\t${label(x.kind)}${repo.display(x.path)}\n`).join('')}#\n`;
  if (c.unstaged.length) s += `# Changes not staged for commit:\n${c.unstaged.map((x) => `#\t${label(x.kind)}${repo.display(x.path)}\n`).join('')}#\n`;
  if (c.untracked.length) s += `# Untracked files:\n${c.untracked.map((p) => `#\t${repo.display(p)}${p.endsWith('/') ? '/' : ''}\n`).join('')}#\n`;
  return s;
}

/**
 * Runs the user's editor on .git/COMMIT_EDITMSG as git does (GIT_EDITOR, core.editor, VISUAL, EDITOR, then
 * Debian's `editor`), with git's waiting hint on a terminal; undefined when the editor could not be started.
 */
async function editMessage(git: Git, repo: Repo, c: Changes): Promise<string | undefined> {
  const sys = git.sys;
  const editor = sys.env.GIT_EDITOR ?? repo.get('core.editor') ?? sys.env.VISUAL ?? sys.env.EDITOR ?? 'editor';
  const path = `${repo.gitDir}/COMMIT_EDITMSG`;
  sys.fs.writeFile(path, template(repo, c));
  const hint = sys.isatty(2) && sys.env.TERM !== 'dumb';
  if (hint) await git.err.write('hint: Waiting for your editor to close the file... ');
  await git.err.flush();
  await git.out.flush();
  const simple = !/[|&;<>()$`\\"' \t\n*?[#~=%]/.test(editor);
  let file: string | undefined;
  try {
    file = simple ? resolveCommand(sys, editor, sys.env.PATH) : '/bin/sh';
  } catch {
    await git.err.write(`error: cannot run ${editor}: No such file or directory\nerror: unable to start editor '${editor}'\nPlease supply the message using either -m or -F option.\n`);
    return undefined;
  }
  const argv = simple ? [editor, path] : ['/bin/sh', '-c', `${editor} "$@"`, editor, path];
  const pid = sys.spawn({ path: file, argv });
  const st = await sys.wait(pid);
  if (hint) await git.err.write('\r\x1b[K');
  await git.err.flush();
  if (!st || st.status !== 0) {
    await git.err.write(`error: There was a problem with the editor '${editor}'.\nPlease supply the message using either -m or -F option.\n`);
    return undefined;
  }
  return sys.fs.readText(path);
}

export async function commit(git: Git, args: string[]): Promise<number> {
  const messages: string[] = [];
  let all = false;
  let allowEmpty = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-m' || a === '--message') {
      if (i + 1 >= args.length) throw new GitFatal("switch `m' requires a value", 129, 'error: ');
      messages.push(args[++i]);
    } else if (a.startsWith('--message=')) messages.push(a.slice(10));
    else if (a.startsWith('-m') && a.length > 2) messages.push(a.slice(2));
    else if (a === '-a' || a === '--all') all = true;
    else if (a === '-am') {
      all = true;
      if (i + 1 >= args.length) throw new GitFatal("switch `m' requires a value", 129, 'error: ');
      messages.push(args[++i]);
    } else if (a === '--allow-empty') allowEmpty = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a.startsWith('-')) throw unmodelled('commit', `option ${a}`);
    else throw unmodelled('commit', 'committing only some paths');
  }
  const repo = Repo.require(git.sys);
  let index = repo.readIndex();
  if (all) {
    index = stagePaths(repo, index, [''], false);
    repo.writeIndex(index);
  }
  const parent = repo.headId();
  const old = commitTree(repo, parent);
  const changes = computeChanges(repo, index);
  if (changes.staged.length === 0 && !allowEmpty) {
    await git.out.write(longStatus(git, repo, changes, true));
    return 1;
  }
  let message: string;
  if (messages.length) message = cleanupMessage(messages.join('\n\n'));
  else {
    const edited = await editMessage(git, repo, changes);
    if (edited === undefined) return 1;
    message = cleanupMessage(edited.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
  }
  if (message === '') {
    await git.err.write('Aborting commit due to empty commit message.\n');
    return 1;
  }
  const author = identity(repo, 'AUTHOR');
  const committer = identity(repo, 'COMMITTER');
  const tree = writeTree(repo, index);
  const id = repo.objects.write('commit', encodeCommit({ tree, parents: parent ? [parent] : [], author, committer, message }));
  const ref = repo.headRef();
  const subject = subjectOf(message);
  const reflog = `commit${parent ? '' : ' (initial)'}: ${subject}`;
  if (ref) repo.updateRef(ref, id, committer, reflog, true);
  else {
    repo.write('HEAD', `${id}\n`);
    repo.appendLog('logs/HEAD', `${parent} ${id} ${committer.name} <${committer.email}> ${committer.when} ${committer.tz}\t${reflog}\n`);
  }
  if (quiet) return 0;
  const where = ref ? ref.replace(/^refs\/heads\//, '') : 'detached HEAD';
  await git.out.write(`[${where}${parent ? '' : ' (root-commit)'} ${id.slice(0, 7)}] ${subject}\n`);
  const now = new Map(index.map((e) => [e.path, { mode: e.mode, id: e.id }]));
  await git.out.write(diffSummary(repo, old, now));
  return 0;
}
