/** Writing a tar where `-o` says (atomicwriter: a temporary file renamed into place, mode 0600) or to stdout. */
import type { CommandCli } from '../cli.js';
import type { ByteStream, HostIo } from '../archiveClient.js';
import { PiecewiseBytes } from '../../engine/fs/deferred.js';
import { dirName, joinPath, pathErrorText, splitPathDirEntry } from '../../engine/fs/fstar.js';
import { isSysError } from '../../engine/kernel/errno.js';

export function hostIo(cli: CommandCli): HostIo {
  if (!cli.hostIo) throw new Error('dockersim: this client has no host filesystem to read or write archives');
  return cli.hostIo;
}

/**
 * atomicwriter.New's validateDestination, before anything is asked of the daemon: the directory must exist and
 * the name be a regular file or nothing; `what` is `failed to save image` / `failed to export container`.
 */
export function checkOutputFile(h: HostIo, output: string, what: string): void {
  const fail = (msg: string): Error => new Error(`${what}: ${msg}`);
  const dir = dirName(output);
  if (dir !== '.' && dir !== '..') {
    let st;
    try {
      st = h.fs.stat(absolute(h, dir));
    } catch (e) {
      throw fail(`invalid output path: stat ${dir}: ${pathErrorText(e).replace(/^.*: /, '')}`);
    }
    if (st.type !== 'dir') throw fail(`invalid output path: stat ${dir}: not a directory`);
  }
  let st;
  try {
    st = h.fs.lstat(absolute(h, output));
  } catch (e) {
    if (!isSysError(e) || e.code !== 'ENOENT') throw fail(`failed to stat output path: ${pathErrorText(e)}`);
    st = null;
  }
  const refusal: Record<string, string> = {
    dir: 'cannot write to a directory', symlink: 'cannot write to a symbolic link directly', fifo: 'cannot write to a named pipe (FIFO)',
    socket: 'cannot write to a socket', chardev: 'cannot write to a character device file', blockdev: 'cannot write to a block device file',
  };
  if (st) {
    if (st.type !== 'file') throw fail(refusal[st.type]);
    if (st.mode & 0o4000) throw fail('cannot write to a setuid file');
    if (st.mode & 0o2000) throw fail('cannot write to a setgid file');
    if (st.mode & 0o1000) throw fail('cannot write to a sticky bit file');
  }
  // os.CreateTemp beside the target comes next, still before the request: its refusal names the temporary file.
  const [absDir, base] = splitPathDirEntry(absolute(h, output));
  if (!h.fs.access(absDir, 'w')) {
    let n = 0;
    for (const ch of output) n = (n * 31 + ch.charCodeAt(0)) % 1_000_000_000;
    throw fail(`open ${absDir === '/' ? '' : absDir}/.tmp-${base}${n + 1_000_000_000}: permission denied`);
  }
}

function absolute(h: HostIo, p: string): string {
  return joinPath(p.startsWith('/') ? '/' : h.cwd(), p);
}

/** The rest of atomicwriter: a temporary file beside the target, mode 0600, renamed into place. */
export function writeOutputFile(h: HostIo, output: string, data: Uint8Array, what: string): void {
  const path = absolute(h, output);
  const [dir, base] = splitPathDirEntry(path);
  const tmp = `${dir === '/' ? '' : dir}/.tmp-${base}`;
  try {
    h.fs.writeFile(tmp, data, { mode: 0o600 });
    h.fs.chmod(tmp, 0o600);
    h.fs.rename(tmp, path);
  } catch (e) {
    throw new Error(`${what}: ${pathErrorText(e)}`);
  }
}

/**
 * A tar from the daemon to where `-o` says or to stdout, a piece at a time as it arrives (io.Copy): stdout's
 * writes wait for a slow reader, which holds the daemon back in turn. A file written with `-o` keeps the pieces
 * (repeats shared) rather than one buffer of the whole archive.
 */
export async function copyToOutput(h: HostIo, output: string, body: ByteStream, what: string): Promise<void> {
  if (output === '') {
    for (let p = await body.next(); p !== null; p = await body.next()) await h.writeOut(p);
    return;
  }
  let content: Uint8Array = new Uint8Array(0);
  for (let p = await body.next(); p !== null; p = await body.next()) {
    content = content instanceof PiecewiseBytes ? content.plus(p) : content.length === 0 ? p.slice() : PiecewiseBytes.start(content, p);
  }
  writeOutputFile(h, output, content, what);
}

/** os.Open + read of a file the user named (`open x.tar: no such file or directory`). */
export function readInputFile(h: HostIo, input: string): Uint8Array {
  try {
    return h.fs.readFile(joinPath(input.startsWith('/') ? '/' : h.cwd(), input));
  } catch (e) {
    throw new Error(pathErrorText(e).replace(/^\w+ [^:]*:/, `open ${input}:`));
  }
}
