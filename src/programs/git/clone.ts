/**
 * git clone of a repository on this machine (a path, or a file:// URL): the objects copied, origin's
 * branches as remote-tracking refs in packed-refs, origin/HEAD, the config git writes, the default branch
 * checked out. A URL on another host is looked up on the simulated network as git's transport would, so an
 * unknown host fails with curl's words; a host that resolves is refused in one line (no TLS, no git or ssh
 * protocol here) rather than faking a download.
 */
import { getaddrinfo } from '../lib/resolver.js';
import { entryFromStat } from './dircache.js';
import { createRepository } from './init.js';
import { setConfig } from './configfile.js';
import { absolute, GitFatal, identity, Repo, unmodelled, type Git } from './repo.js';
import { commitTree, writeFiles } from './worktree.js';

/** The directory git names a clone after: the last path component without `/.git` or `.git`. */
export function cloneDirName(source: string): string {
  let s = source.replace(/\/+$/, '').replace(/\/\.git$/, '');
  s = s.slice(s.lastIndexOf('/') + 1).replace(/:$/, '');
  s = s.replace(/\.git$/, '').replace(/\.bundle$/, '');
  return s || 'repo';
}

async function remote(git: Git, url: string, dir: string): Promise<never> {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/:]+)/i.exec(url) ?? /^(?:[^@/]*@)?([^/:]+):/.exec(url);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1].toLowerCase() ?? 'ssh';
  const host = m ? (m.length === 3 ? m[2] : m[1]) : '';
  await git.err.write(`Cloning into '${dir}'...\n`);
  await git.err.flush();
  const r = await getaddrinfo(git.sys, host);
  if (scheme === 'http' || scheme === 'https') {
    const shown = url.endsWith('/') ? url : `${url}/`;
    if (!r.ok) throw new GitFatal(`unable to access '${shown}': Could not resolve host: ${host}`);
    throw new GitFatal(`unable to access '${shown}': dockersim: git's smart HTTP${scheme === 'https' ? ' over TLS' : ''} is not simulated (clone a repository on this machine: a path or file:// URL)`);
  }
  if (scheme === 'ssh' && !r.ok) {
    throw new GitFatal(`Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.`, 128,
      `ssh: Could not resolve hostname ${host}: ${r.error === 'EAI_NONAME' ? 'Name or service not known' : 'Temporary failure in name resolution'}\r\nfatal: `);
  }
  throw new GitFatal(`dockersim: the ${scheme} transport is not simulated (clone a repository on this machine: a path or file:// URL)`);
}

export async function clone(git: Git, args: string[]): Promise<number> {
  let quiet = false;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a.startsWith('-')) throw unmodelled('clone', `option ${a}`);
    else rest.push(a);
  }
  if (rest.length === 0) throw new GitFatal('You must specify a repository to clone.', 129);
  if (rest.length > 2) throw new GitFatal('Too many arguments.', 129);
  const [source, target] = rest;
  const sys = git.sys;
  const dirName = target ?? cloneDirName(source);
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
  if (isUrl && !/^file:\/\//i.test(source)) return remote(git, source, dirName);
  if (!isUrl && /^[^/]*:/.test(source) && !sys.fs.exists(absolute(sys, source))) return remote(git, source, dirName);
  const srcPath = isUrl ? decodeURIComponent(source.replace(/^file:\/\/(localhost)?/i, '')) : absolute(sys, source);
  let srcGit: string | undefined;
  if (sys.fs.exists(`${srcPath}/.git/HEAD`)) srcGit = `${srcPath}/.git`;
  else if (sys.fs.exists(`${srcPath}/HEAD`) && sys.fs.exists(`${srcPath}/objects`)) srcGit = srcPath;
  if (!srcGit) throw new GitFatal(`repository '${source}' does not exist`);
  const dest = absolute(sys, dirName);
  if (sys.fs.exists(dest) && (sys.fs.stat(dest).type !== 'dir' || sys.fs.readdir(dest).length > 0)) {
    throw new GitFatal(`destination path '${dirName}' already exists and is not an empty directory.`);
  }
  const src = new Repo(sys, srcGit, srcPath);
  try {
    if (sys.fs.readdir(`${srcGit}/objects/pack`).some((f) => f.endsWith('.pack'))) {
      throw new GitFatal(`dockersim: cloning a repository with packed objects (${srcGit}/objects/pack) is not simulated`, 1, '');
    }
  } catch (err) {
    if (err instanceof GitFatal) throw err;
  }
  if (!quiet) {
    await git.err.write(`Cloning into '${dirName}'...\n`);
    await git.err.flush();
  }
  if (!sys.fs.exists(dest)) sys.fs.mkdir(dest, { recursive: true, mode: 0o777 & ~sys.umask() });
  const headRef = src.headRef() ?? 'refs/heads/master';
  const branch = headRef.replace(/^refs\/heads\//, '');
  createRepository(sys, dest, branch);
  const repo = new Repo(sys, `${dest}/.git`, dest);
  for (const id of src.objects.list()) {
    const from = src.objects.path(id);
    const to = repo.objects.path(id);
    const dir = to.slice(0, to.lastIndexOf('/'));
    if (!sys.fs.exists(dir)) sys.fs.mkdir(dir, { mode: 0o755 });
    sys.fs.writeFile(to, sys.fs.readFile(from), { mode: 0o444 });
  }
  const url = isUrl ? source : srcPath;
  let cfg = sys.fs.readText(`${repo.gitDir}/config`);
  cfg = setConfig(cfg, 'remote.origin.url', url);
  cfg = setConfig(cfg, 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
  const branches = src.branches();
  const headId = src.refId(headRef);
  if (headId) {
    cfg = setConfig(cfg, `branch.${branch}.remote`, 'origin');
    cfg = setConfig(cfg, `branch.${branch}.merge`, headRef);
  }
  sys.fs.writeFile(`${repo.gitDir}/config`, cfg);
  if (branches.length) {
    let packed = '# pack-refs with: peeled fully-peeled sorted \n';
    for (const b of branches) packed += `${src.refId(`refs/heads/${b}`)} refs/remotes/origin/${b}\n`;
    repo.write('packed-refs', packed);
  }
  if (!headId) {
    if (!quiet) await git.err.write('warning: You appear to have cloned an empty repository.\n');
  } else {
    const who = identity(repo, 'COMMITTER', false);
    const reflog = `clone: from ${url}`;
    repo.write('refs/remotes/origin/HEAD', `ref: refs/remotes/origin/${branch}\n`);
    repo.appendLog('logs/refs/remotes/origin/HEAD', `${'0'.repeat(40)} ${headId} ${who.name} <${who.email}> ${who.when} ${who.tz}\t${reflog}\n`);
    repo.updateRef(headRef, headId, who, reflog, true);
    const files = commitTree(repo, headId);
    writeFiles(repo, files);
    repo.writeIndex([...files].map(([p, b]) => entryFromStat(p, b.id, sys.fs.lstat(`${dest}/${p}`))));
  }
  if (!quiet && !isUrl) await git.err.write('done.\n');
  return 0;
}
