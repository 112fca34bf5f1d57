/**
 * git 2.43 (Ubuntu 24.04's; 2.34 on 22.04), the porcelain a tutorial uses, over a real repository on the
 * simulated disk: SHA-1 object ids, zlib-compressed loose objects, a version 2 index, refs and reflogs as
 * git writes them, so the real git reads what this one writes. Each subcommand family is a file of its own.
 * What is not modelled says so in one line and exits 1; a command git does not have is git's own error.
 *
 * Output goes straight to the terminal: git would page `log` and `diff` through `less -FRX`, which shows
 * the same screen for anything shorter than the window.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { errorText } from '../lib/output.js';
import { add } from './add.js';
import { branch, checkout, switchBranch } from './branch.js';
import { catFile, hashObjectCmd } from './plumbing.js';
import { clone } from './clone.js';
import { commit } from './commit.js';
import { config } from './config.js';
import { diff } from './diff.js';
import { init } from './init.js';
import { log } from './log.js';
import { GitFatal, makeGit, type Git } from './repo.js';
import { status } from './status.js';

type Command = (git: Git, args: string[]) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  init, config, add, status, commit, log, diff, branch, checkout, switch: switchBranch, clone,
  'hash-object': hashObjectCmd, 'cat-file': catFile,
};

/** git's other commands: a learner who types one hears that dockersim lacks it, not that git does. */
const REAL_COMMANDS = new Set([
  'am', 'archive', 'bisect', 'blame', 'bundle', 'cherry-pick', 'citool', 'clean', 'describe', 'fetch', 'format-patch',
  'gc', 'grep', 'gui', 'merge', 'mv', 'notes', 'pull', 'push', 'range-diff', 'rebase', 'reflog', 'remote', 'reset',
  'restore', 'revert', 'rm', 'shortlog', 'show', 'sparse-checkout', 'stash', 'submodule', 'tag', 'worktree',
  'rev-parse', 'rev-list', 'ls-files', 'ls-tree', 'fsck', 'show-ref', 'symbolic-ref', 'update-ref', 'write-tree',
  'read-tree', 'commit-tree', 'update-index', 'mktree', 'cherry', 'whatchanged', 'apply', 'daemon', 'instaweb',
  'help', 'maintenance', 'pack-refs', 'prune', 'repack', 'count-objects', 'var', 'verify-pack', 'mergetool', 'difftool',
]);

const USAGE = `usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]
           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]
           [-p | --paginate | -P | --no-pager] [--no-replace-objects] [--bare]
           [--git-dir=<path>] [--work-tree=<path>] [--namespace=<name>]
           [--super-prefix=<path>] [--config-env=<name>=<envvar>]
           <command> [<args>]
`;

/** The version of the git package installed (dpkg's status), as `git --version` prints it. */
function versionOf(sys: Sys): string {
  try {
    const status = sys.fs.readText('/var/lib/dpkg/status');
    const m = /(?:^|\n)Package: git\n(?:[^\n]+\n)*?Version: (?:\d+:)?([0-9.]+)/.exec(status);
    if (m) return m[1];
  } catch {
    /* no dpkg database: git's own default below */
  }
  return '2.43.0';
}

export const git: Program = async (sys) => {
  const g = makeGit(sys, versionOf(sys));
  const args = sys.argv.slice(1);
  let i = 0;
  try {
    for (; i < args.length && args[i].startsWith('-'); i++) {
      const a = args[i];
      if (a === '--version' || a === '-v') {
        await g.out.write(`git version ${g.version}\n`);
        await g.out.flush();
        return 0;
      }
      if (a === '-C') {
        const dir = args[++i];
        if (dir === undefined) throw new GitFatal('no directory given for \'-C\' option', 129, 'error: ');
        try {
          sys.chdir(dir);
        } catch (err) {
          throw new GitFatal(`cannot change to '${dir}': ${errorText(err)}`);
        }
      } else if (a === '--no-pager' || a === '-P') continue;
      else if (a === '-h' || a === '--help') {
        await g.out.write(USAGE);
        await g.out.flush();
        return 0;
      } else {
        await sys.write(2, `git: option ${a} is not simulated in dockersim\n`);
        return 1;
      }
    }
    const name = args[i];
    if (name === undefined) {
      await g.out.write(USAGE);
      await g.out.flush();
      return 1;
    }
    const cmd = COMMANDS[name];
    if (!cmd) {
      if (REAL_COMMANDS.has(name)) await sys.write(2, `git: '${name}' is not simulated in dockersim\n`);
      else await sys.write(2, `git: '${name}' is not a git command. See 'git --help'.\n`);
      return 1;
    }
    const code = await cmd(g, args.slice(i + 1));
    await g.out.flush();
    await g.err.flush();
    return code;
  } catch (err) {
    await g.out.flush();
    await g.err.flush();
    if (err instanceof GitFatal) {
      await sys.write(2, `${err.prefix}${err.message}\n`);
      return err.code;
    }
    if (isSysError(err)) {
      await sys.write(2, `fatal: ${errorText(err)}${err.path ? `: ${err.path}` : ''}\n`);
      return 128;
    }
    throw err;
  }
};

