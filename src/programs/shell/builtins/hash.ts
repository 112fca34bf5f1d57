/** `hash`: bash's table of remembered commands (../hashcmd.ts), as builtins/hash.def shows and changes it. */
import { findCommand } from '../external.js';
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';

const USAGE = 'hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]';

export async function hash(sh: ShellContext, argv: string[]): Promise<number> {
  if (sh.flavor !== 'bash') {
    // dash and busybox ash here remember nothing, so forgetting is all there is to do.
    if (argv.length === 2 && argv[1] === '-r') return 0;
    throw new ShellError('hash: only `hash -r` is simulated in dockersim for this shell', 1);
  }
  if (!sh.opts.hashall) throw new ShellError('hash: hashing disabled', 1);
  let del = false;
  let portable = false;
  let flush = false;
  let targets = false;
  let pathname: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a[0] !== '-' || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'd') del = true;
      else if (c === 'l') portable = true;
      else if (c === 'r') flush = true;
      else if (c === 't') targets = true;
      else if (c === 'p') {
        pathname = a.slice(j + 1) || argv[++i];
        if (pathname === undefined) throw new ShellError(`hash: -p: option requires an argument\n${USAGE}`, 2);
        break;
      } else throw new ShellError(`hash: -${c}: invalid option\n${USAGE}`, 2);
    }
  }
  const names = argv.slice(i);
  const table = sh.commandHash;
  if (names.length === 0 && (del || targets)) throw new ShellError(`hash: ${del ? '-d' : '-t'}: option requires an argument`, 1);
  if (pathname !== undefined && names.length === 0) throw new ShellError(USAGE, 2);
  if (names.length === 0 && !flush) {
    const rows = table.entries();
    let out = '';
    if (rows.length > 0) {
      if (!portable) out += 'hits\tcommand\n';
      for (const [name, e] of rows) out += portable ? `builtin hash -p ${e.path} ${name}\n` : `${String(e.hits).padStart(4)}\t${e.path}\n`;
    } else if (!portable) out = 'hash: hash table empty\n';
    await sh.sys.write(1, out);
    return 0;
  }
  if (flush) table.clear();
  if (targets) return listTargets(sh, names, portable);
  let status = 0;
  for (const name of names) {
    if (name.includes('/')) continue;
    if (pathname !== undefined) {
      if (isDir(sh, pathname)) {
        await sh.error(`hash: ${pathname}: Is a directory`);
        status = 1;
      } else table.insert(name, pathname, 0);
    } else if (del) {
      if (!table.remove(name)) {
        await sh.error(`hash: ${name}: not found`);
        status = 1;
      }
    } else if (!sh.funcs.has(name) && !sh.lookupBuiltin(name)) {
      table.remove(name);
      const path = findCommand(sh, name);
      if (path === null) {
        await sh.error(`hash: ${name}: not found`);
        status = 1;
      } else table.insert(name, path, 0);
    }
  }
  return status;
}

async function listTargets(sh: ShellContext, names: string[], portable: boolean): Promise<number> {
  let status = 0;
  let out = '';
  for (const name of names) {
    const path = sh.commandHash.find(name);
    if (path === undefined) {
      await sh.sys.write(1, out);
      out = '';
      await sh.error(`hash: ${name}: not found`);
      status = 1;
      continue;
    }
    if (portable) out += `builtin hash -p ${path} ${name}\n`;
    else out += names.length > 1 ? `${name}\t${path}\n` : `${path}\n`;
  }
  await sh.sys.write(1, out);
  return status;
}

function isDir(sh: ShellContext, path: string): boolean {
  try {
    return sh.sys.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
