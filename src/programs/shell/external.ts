/** External commands: PATH lookup, spawning with the shell's descriptors, and execve's errors in bash's words. */
import { forkFailed, forkRetrying } from './forkretry.js';
import { SysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { SimpleNode } from './ast.js';
import { redirectCommand, undoRedirs } from './redirect.js';
import { jobControl, waitForeground } from './jobctl.js';
import { checkWinSize, commandEnv } from './bashvars.js';
import type { ShellContext } from './context.js';

export function findCommand(sh: ShellContext, name: string, pathVar = sh.getVar('PATH')): string | null {
  const path = pathVar ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const fs = sh.sys.fs;
  for (const dir of path.split(':')) {
    const p = `${dir || '.'}/${name}`;
    try {
      const st = fs.stat(p);
      if (st.type === 'file' && fs.access(p, 'x')) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * bash's search_for_command: the remembered path if there is one (not checked: bash's `checkhash` is off),
 * else a PATH search whose find is remembered. A PATH given to the command alone is searched and not remembered.
 */
export function searchForCommand(sh: ShellContext, name: string, temp: Record<string, string> = {}): string | null {
  if (name.includes('/')) return name;
  if ('PATH' in temp) return findCommand(sh, name, temp.PATH);
  const hashing = sh.flavor === 'bash' && sh.opts.hashall;
  const hashed = hashing ? sh.commandHash.find(name) : undefined;
  if (hashed !== undefined) return hashed;
  const path = findCommand(sh, name);
  if (path !== null && hashing) sh.commandHash.insert(name, path, 1);
  return path;
}

export async function runExternal(sh: ShellContext, cmd: SimpleNode, argv: string[], temp: Record<string, string>, forked: boolean): Promise<number> {
  const name = argv[0];
  const path = searchForCommand(sh, name, temp);
  const base = Object.keys(temp).length > 0 ? sh.envFor(temp) : sh.envFor();
  const env = path === null ? base : commandEnv(sh, base, path);
  const redir = await redirectCommand(sh, cmd.redirs, forked);
  if ('status' in redir) return redir.status;
  const saved = redir.saved;
  try {
    if (path === null) {
      await sh.error(sh.flavor === 'bash' ? `${name}: command not found` : `${name}: not found`);
      return 127;
    }
    if (forked && sh.traps.size === 0) {
      try {
        await sh.sys.exec(path, argv, env);
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        return execFailed(sh, e, path, argv);
      }
    }
    const jc = jobControl(sh);
    let pid: number;
    try {
      pid = await forkRetrying(sh, () => sh.sys.spawn({ path, argv, env, fds: sh.childFds(), pgid: jc ? 0 : undefined }));
    } catch (e) {
      return execFailed(sh, e, path, argv);
    }
    const status = (await waitForeground(sh, [pid], jc ? pid : 0, [cmd.words.map((w) => w.raw).join(' ')]))[0];
    checkWinSize(sh, 2);
    return status;
  } finally {
    if (saved) undoRedirs(sh, saved);
  }
}

export async function execFailed(sh: ShellContext, e: unknown, path: string, argv: string[]): Promise<number> {
  if (!(e instanceof SysError)) throw e;
  if (e.code === 'EAGAIN') throw forkFailed();
  const dash = sh.flavor !== 'bash';
  if (e.code === 'ENOENT') {
    await sh.error(dash ? `${path}: not found` : `${path}: No such file or directory`);
    return 127;
  }
  if (e.code === 'ENOEXEC') {
    let text = '';
    try {
      text = sh.sys.fs.readText(path).slice(0, 512);
    } catch {
      /* unreadable */
    }
    if (text.startsWith('\x7fELF') || text.includes('\0') || text.startsWith('#!')) {
      await sh.error(`${path}: cannot execute binary file: Exec format error`);
      return 126;
    }
    const source = sh.sys.fs.readText(path);
    const pid = await sh.forkChild(async (sh) => {
      sh.diagName = undefined;
      sh.name = path;
      sh.args = argv.slice(1);
      sh.funcs = new Map();
      return sh.runSource(source);
    }, sh.childFds());
    return (await waitForeground(sh, [pid], 0, ['']))[0];
  }
  let isDir = false;
  try {
    isDir = sh.sys.fs.stat(path).type === 'dir';
  } catch {
    /* gone */
  }
  await sh.error(`${path}: ${isDir && !dash ? 'Is a directory' : e.message}`);
  return 126;
}
