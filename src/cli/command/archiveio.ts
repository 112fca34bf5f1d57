/** Writing a tar where `-o` says (atomicwriter: a temporary file renamed into place, mode 0600) or to stdout. */
import type { CommandCli } from '../cli.js';
import type { HostIo } from '../archiveClient.js';
import { joinPath, pathErrorText, splitPathDirEntry } from '../../engine/fs/fstar.js';

export function hostIo(cli: CommandCli): HostIo {
  if (!cli.hostIo) throw new Error('dockersim: this client has no host filesystem to read or write archives');
  return cli.hostIo;
}

/** atomicwriter.New + Write + Close; `what` is `failed to save image` / `failed to export container`. */
export function writeOutputFile(h: HostIo, output: string, data: Uint8Array, what: string): void {
  const path = joinPath(output.startsWith('/') ? '/' : h.cwd(), output);
  const [dir, base] = splitPathDirEntry(path);
  let st;
  try {
    st = h.fs.stat(dir);
  } catch {
    throw new Error(`${what}: invalid output path: directory "${dir}" does not exist`);
  }
  if (st.type !== 'dir') throw new Error(`${what}: invalid output path: "${dir}" is not a directory`);
  const tmp = `${dir === '/' ? '' : dir}/.tmp-${base}`;
  try {
    h.fs.writeFile(tmp, data, { mode: 0o600 });
    h.fs.rename(tmp, path);
  } catch (e) {
    throw new Error(`${what}: ${pathErrorText(e)}`);
  }
}

/** os.Open + read of a file the user named (`open x.tar: no such file or directory`). */
export function readInputFile(h: HostIo, input: string): Uint8Array {
  try {
    return h.fs.readFile(joinPath(input.startsWith('/') ? '/' : h.cwd(), input));
  } catch (e) {
    throw new Error(pathErrorText(e).replace(/^\w+ [^:]*:/, `open ${input}:`));
  }
}
