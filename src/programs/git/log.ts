/**
 * git log: the first-parent history from HEAD in git's default (medium) format or `--oneline`, `-n N`. On a
 * terminal git decorates (`(HEAD -> master, origin/master)`, log.decorate=auto) and colours as it does.
 */
import { subjectOf } from './commit.js';
import { decodeCommit } from './objects.js';
import { GitFatal, Repo, unmodelled, type Git } from './repo.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** git's default date format: `Tue Nov 14 22:13:20 2023 +0000` (the day of the month unpadded). */
export function gitDate(seconds: number, tz: string): string {
  const sign = tz.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  const d = new Date((seconds + offset * 60) * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} ${tz}`;
}

/** Every ref pointing at each commit, as git's decoration lists them. */
function decorations(repo: Repo): Map<string, { name: string; kind: 'head' | 'local' | 'remote' | 'tag' }[]> {
  const refs: [string, string][] = [];
  const walk = (dir: string, prefix: string): void => {
    let names: string[];
    try {
      names = repo.fs.readdir(`${repo.gitDir}/${dir}`);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const rel = `${dir}/${n}`;
      if (repo.fs.stat(`${repo.gitDir}/${rel}`).type === 'dir') walk(rel, `${prefix}${n}/`);
      else refs.push([rel, `${prefix}${n}`]);
    }
  };
  walk('refs/heads', '');
  const packed = new Map<string, string>();
  for (const line of (repo.read('packed-refs') ?? '').split('\n')) {
    const m = /^([0-9a-f]{40}) (refs\/.+)$/.exec(line);
    if (m) packed.set(m[2], m[1]);
  }
  walk('refs/remotes', '');
  walk('refs/tags', '');
  for (const ref of packed.keys()) if (!refs.some(([r]) => r === ref)) refs.push([ref, ref.replace(/^refs\/(heads|remotes|tags)\//, '')]);
  refs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, { name: string; kind: 'head' | 'local' | 'remote' | 'tag' }[]>();
  const headRef = repo.headRef();
  for (const [ref, short] of refs) {
    const text = repo.read(ref)?.trim();
    const id = text?.startsWith('ref: ') ? repo.refId(text.slice(5)) : text || packed.get(ref);
    if (!id) continue;
    const kind = ref.startsWith('refs/heads/') ? 'local' : ref.startsWith('refs/tags/') ? 'tag' : 'remote';
    const list = out.get(id) ?? [];
    // git prepends each ref to the commit's list, so the list reads in reverse ref order.
    if (ref !== headRef) list.unshift({ name: kind === 'tag' ? `tag: ${short}` : short, kind });
    out.set(id, list);
  }
  const head = repo.headId();
  if (head) {
    const list = out.get(head) ?? [];
    list.unshift({ name: headRef ? `HEAD -> ${headRef.replace(/^refs\/heads\//, '')}` : 'HEAD', kind: 'head' });
    out.set(head, list);
  }
  return out;
}

function decorate(git: Git, list: { name: string; kind: string }[] | undefined, yellow: string): string {
  if (!list?.length) return '';
  if (!git.color) return ` (${list.map((d) => d.name).join(', ')})`;
  const color = (d: { name: string; kind: string }): string => {
    if (d.kind === 'head') {
      const m = /^HEAD -> (.*)$/.exec(d.name);
      return m ? `\x1b[1;36mHEAD -> \x1b[m\x1b[1;32m${m[1]}\x1b[m` : `\x1b[1;36mHEAD\x1b[m`;
    }
    return `${d.kind === 'local' ? '\x1b[1;32m' : d.kind === 'remote' ? '\x1b[1;31m' : '\x1b[1;33m'}${d.name}\x1b[m`;
  };
  return `${yellow} (\x1b[m${list.map(color).join(`${yellow}, \x1b[m`)}${yellow})\x1b[m`;
}

export async function log(git: Git, args: string[]): Promise<number> {
  let oneline = false;
  let max = Infinity;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--oneline') oneline = true;
    else if (a === '-n' || a === '--max-count') max = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) max = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) max = Number(a.slice(1));
    else if (a.startsWith('--max-count=')) max = Number(a.slice(12));
    else if (a.startsWith('-')) throw unmodelled('log', `option ${a}`);
    else throw unmodelled('log', 'a revision or path argument');
    if (Number.isNaN(max)) throw new GitFatal(`'${args[i]}': not an integer`, 128);
  }
  const repo = Repo.require(git.sys);
  let id = repo.headId();
  if (!id) {
    const ref = repo.headRef() ?? 'HEAD';
    throw new GitFatal(`your current branch '${ref.replace(/^refs\/heads\//, '')}' does not have any commits yet`);
  }
  const decor = git.color ? decorations(repo) : undefined;
  const yellow = '\x1b[33m';
  let first = true;
  for (let n = 0; id && n < max; n++) {
    const c = decodeCommit(repo.objects.read(id).content);
    const d = decorate(git, decor?.get(id), yellow);
    if (oneline) {
      const subject = subjectOf(c.message);
      await git.out.write(`${git.color ? `${yellow}${id.slice(0, 7)}\x1b[m` : id.slice(0, 7)}${d} ${subject}\n`);
    } else {
      let s = first ? '' : '\n';
      s += git.color ? `${yellow}commit ${id}\x1b[m${d}\n` : `commit ${id}${d}\n`;
      s += `Author: ${c.author.name} <${c.author.email}>\nDate:   ${gitDate(c.author.when, c.author.tz)}\n\n`;
      const body = c.message.replace(/\n$/, '');
      for (const line of body.split('\n')) s += `    ${line}\n`;
      await git.out.write(s);
    }
    first = false;
    id = c.parents[0];
  }
  return 0;
}
