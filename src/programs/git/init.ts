/** git init: the .git layout Ubuntu's git writes from /usr/share/git-core/templates, and its messages. */
import type { Sys } from '../../engine/kernel/sys.js';
import { absolute, advice, GitFatal, readGlobalConfig, unmodelled, type Git } from './repo.js';

const DEFAULT_BRANCH_HINT = `hint: Using 'master' as the name for the initial branch. This default branch name
hint: is subject to change. To configure the initial branch name to use in all
hint: of your new repositories, which will suppress this warning, call:
hint: 
hint: 	git config --global init.defaultBranch <name>
hint: 
hint: Names commonly chosen instead of 'master' are 'main', 'trunk' and
hint: 'development'. The just-created branch can be renamed via this command:
hint: 
hint: 	git branch -m <name>
`;

export const DESCRIPTION = "Unnamed repository; edit this file 'description' to name the repository.\n";
export const EXCLUDE = `# git ls-files --others --exclude-from=.git/info/exclude
# Lines that start with '#' are comments.
# For a project mostly in C, the following would be a good set of
# exclude patterns (uncomment them if you want to use them):
# *.[oa]
# *~
`;
export const CORE_CONFIG = `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
`;

/**
 * Makes `<dir>/.git` (the template's files but its hook samples, which dockersim leaves out) and points HEAD
 * at `branch`; returns false when a repository was already there (git then only re-initialises).
 */
export function createRepository(sys: Sys, dir: string, branch: string): boolean {
  const git = `${dir === '/' ? '' : dir}/.git`;
  const fs = sys.fs;
  if (fs.exists(`${git}/HEAD`)) return false;
  for (const d of ['', '/branches', '/hooks', '/info', '/objects', '/objects/info', '/objects/pack', '/refs', '/refs/heads', '/refs/tags']) {
    if (!fs.exists(git + d)) fs.mkdir(git + d, { recursive: true, mode: 0o755 });
  }
  fs.writeFile(`${git}/description`, DESCRIPTION);
  fs.writeFile(`${git}/info/exclude`, EXCLUDE);
  fs.writeFile(`${git}/HEAD`, `ref: refs/heads/${branch}\n`);
  fs.writeFile(`${git}/config`, CORE_CONFIG);
  return true;
}

/** init.defaultBranch from ~/.gitconfig, or undefined (git then says why it picked master). */
export function configuredDefaultBranch(sys: Sys): string | undefined {
  let v: string | undefined;
  for (const item of readGlobalConfig(sys)) if (item.key === 'init.defaultbranch') v = item.value;
  return v;
}

export async function init(git: Git, args: string[]): Promise<number> {
  let quiet = false;
  let branch: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-b' || a === '--initial-branch') branch = args[++i];
    else if (a.startsWith('--initial-branch=')) branch = a.slice(17);
    else if (a === '--bare') throw unmodelled('init', 'a bare repository (--bare)');
    else if (a.startsWith('-') && a !== '-') throw unmodelled('init', `option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length > 1) throw new GitFatal('usage: git init [-q | --quiet] [--bare] [--template=<template-directory>]', 129, '');
  if (branch === '') throw new GitFatal("invalid initial branch name: ''");
  const sys = git.sys;
  const dir = absolute(sys, dirs[0] ?? '.');
  if (!sys.fs.exists(dir)) sys.fs.mkdir(dir, { recursive: true, mode: 0o777 & ~sys.umask() });
  const chosen = branch ?? configuredDefaultBranch(sys);
  const fresh = createRepository(sys, dir, chosen ?? 'master');
  if (fresh && chosen === undefined && !quiet) await git.err.write(advice(git, DEFAULT_BRANCH_HINT));
  if (!fresh && branch !== undefined) await git.err.write(`warning: re-init: ignored --initial-branch=${branch}\n`);
  await git.err.flush();
  if (!quiet) await git.out.write(`${fresh ? 'Initialized empty' : 'Reinitialized existing'} Git repository in ${dir === '/' ? '' : dir}/.git/\n`);
  return 0;
}
