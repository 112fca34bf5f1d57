/**
 * `docker cp` as docker/cli 28.2.2 defines it (cli/command/container/cp.go) with moby/go-archive v0.1.0's
 * client half (copy.go): the host side is the docker process's own view of the host's files, so what it
 * reads and writes is what that user may.
 */
import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool } from '../../flags.js';
import { humanSizeWithPrecision } from '../../../pkg/units.js';
import { readTar, writeTar, type TarEntry } from '../../../pkg/archive/tar.js';
import {
  baseName, cleanPath, dirName, getRebaseName, joinPath, pathErrorText, preserveTrailingDotOrSeparator, rebaseEntries,
  splitPathDirEntry, tarResource, untar, UntarError,
} from '../../../engine/fs/fstar.js';
import type { Fs, Stat } from '../../../engine/kernel/fsTypes.js';
import { isSysError } from '../../../engine/kernel/errno.js';
import { isGoDir, isGoSymlink, type HostIo, type PathStat } from '../../archiveClient.js';

export const copyCommand = command({
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  aliases: 'docker container cp, docker cp',
  args: { exact: 2 },
  flags: [
    flag('archive', 'a', '', 'Archive mode (copy all uid/gid information)', { sim: true }),
    flag('follow-link', 'L', '', 'Always follow symbol link in SRC_PATH', { sim: true }),
    flag('quiet', 'q', '', 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached', { sim: true }),
  ],
  // docker/cli gives cp no ValidArgsFunction: the shell completes file names (`__complete cp ''` → `:0`).
  completion: { files: true },
  run: async (cli, inv) => {
    if (inv.args[0] === '') throw new Error('source can not be empty');
    if (inv.args[1] === '') throw new Error('destination can not be empty');
    const quiet = inv.flags.values.has('quiet') ? getBool(inv.flags, 'quiet') : !cli.out.isTerminal();
    await runCopy(cli, {
      source: inv.args[0], destination: inv.args[1], followLink: getBool(inv.flags, 'follow-link'),
      copyUIDGID: getBool(inv.flags, 'archive'), quiet,
    });
  },
});

interface CopyOptions {
  readonly source: string;
  readonly destination: string;
  readonly followLink: boolean;
  readonly copyUIDGID: boolean;
  readonly quiet: boolean;
}

interface CpConfig extends CopyOptions {
  readonly container: string;
  readonly sourcePath: string;
  readonly destPath: string;
}

/** splitCpArg: `CONTAINER:PATH`, unless the argument is absolute or starts with `.`. */
export function splitCpArg(arg: string): [string, string] {
  if (arg.startsWith('/')) return ['', arg];
  const i = arg.indexOf(':');
  if (i < 0 || arg.slice(0, i).startsWith('.')) return ['', arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

function io(cli: CommandCli): HostIo {
  if (!cli.hostIo) throw new Error('dockersim: docker cp needs a host filesystem, which this client has none of');
  return cli.hostIo;
}

async function runCopy(cli: CommandCli, o: CopyOptions): Promise<void> {
  const [srcContainer, srcPath] = splitCpArg(o.source);
  const [dstContainer, dstPath] = splitCpArg(o.destination);
  if (srcContainer !== '' && dstContainer !== '') throw new Error('copying between containers is not supported');
  if (srcContainer !== '') return copyFromContainer(cli, { ...o, container: srcContainer, sourcePath: srcPath, destPath: dstPath });
  if (dstContainer !== '') return copyToContainer(cli, { ...o, container: dstContainer, sourcePath: srcPath, destPath: dstPath });
  throw new Error('must specify at least one container source');
}

function resolveLocalPath(h: HostIo, p: string): string {
  return preserveTrailingDotOrSeparator(joinPath(p.startsWith('/') ? '/' : h.cwd(), p), p);
}

function lstatOrNull(fs: Fs, p: string): Stat | null {
  try {
    return fs.lstat(p);
  } catch {
    return null;
  }
}

/** command.ValidateOutputPath: the parent must exist; an existing path must not be a device. */
function validateOutputPath(fs: Fs, path: string): void {
  const dir = dirName(cleanPath(path));
  if (dir !== '.') {
    try {
      fs.stat(dir);
    } catch (e) {
      if (isSysError(e) && e.code === 'ENOENT') throw new Error(`invalid output path: directory ${JSON.stringify(dir)} does not exist`);
    }
  }
  let st: Stat | null = null;
  try {
    st = fs.stat(path);
  } catch (e) {
    if (!isSysError(e) || e.code !== 'ENOENT') throw new Error(pathErrorText(e));
  }
  if (st && (st.type === 'chardev' || st.type === 'blockdev')) {
    throw new Error(`invalid output path: ${JSON.stringify(path)} must be a directory or a regular file: got a device`);
  }
}

/** ValidateOutputPathFileMode on the container's side. */
function validateDestMode(stat: PathStat | null, container: string, path: string): void {
  if (stat && Math.floor(stat.mode / 2 ** 26) % 2 === 1) {
    throw new Error(`destination "${container}:${path}" must be a directory or a regular file: got a device`);
  }
}

/**
 * The summary Docker prints unless quiet. Its live progress never shows: copyProgress asks whether
 * `streams.NewOut(dockerCli.Err())` is a terminal, and a wrapped stream has no descriptor, so it never is
 * (checked with the real 28.2.2 client under a pty: only this line, CRLF from the pty).
 */
async function withProgress(cli: CommandCli, quiet: boolean, size: () => number, to: string, work: () => Promise<void>): Promise<void> {
  if (quiet) return work();
  let failure: unknown = null;
  try {
    await work();
  } catch (e) {
    failure = e;
  }
  await cli.err.write(`Successfully copied ${humanSizeWithPrecision(size(), 3)} to ${to}\n`);
  if (failure !== null) throw failure;
}

async function copyFromContainer(cli: CommandCli, c: CpConfig): Promise<void> {
  const h = io(cli);
  let dstPath = c.destPath;
  if (dstPath !== '-') dstPath = resolveLocalPath(h, dstPath);
  validateOutputPath(h.fs, dstPath);
  const api = cli.client().archive!();
  let srcPath = c.sourcePath;
  let rebaseName = '';
  if (c.followLink) {
    const st = await api.containerStatPath(c.container, srcPath).catch(() => null);
    if (st && isGoSymlink(st.mode)) {
      let target = st.linkTarget;
      if (!target.startsWith('/')) target = joinPath(splitPathDirEntry(srcPath)[0], target);
      [srcPath, rebaseName] = getRebaseName(srcPath, target);
    }
  }
  const { tar, stat } = await api.copyFromContainer(c.container, srcPath);
  if (dstPath === '-') {
    await h.writeOut(tar);
    return;
  }
  const srcInfo = { path: srcPath, exists: true, isDir: isGoDir(stat.mode), rebaseName };
  let entries = readTar(tar).entries;
  if (rebaseName !== '') entries = rebaseEntries(entries, splitPathDirEntry(srcPath)[1], rebaseName);
  await withProgress(cli, c.quiet, () => tar.length, dstPath, async () => copyTo(h.fs, entries, srcInfo, dstPath));
}

interface CopyInfo {
  readonly path: string;
  readonly exists: boolean;
  readonly isDir: boolean;
  readonly rebaseName: string;
}

const assertsDirectory = (p: string): boolean => p.endsWith('/') || baseName(p) === '.' || p.endsWith('/.');

/** archive.PrepareArchiveCopy: where to extract and what the entries are called there. */
function prepareArchiveCopy(entries: readonly TarEntry[], src: CopyInfo, dst: CopyInfo): { dir: string; entries: readonly TarEntry[] } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  let [, srcBase] = splitPathDirEntry(src.path);
  if (dst.exists && dst.isDir) return { dir: dst.path, entries };
  if (dst.exists && src.isDir) throw new Error('cannot copy directory');
  if (!dst.exists && !src.isDir && assertsDirectory(dst.path)) throw new Error('no such directory');
  if (src.rebaseName !== '') srcBase = src.rebaseName;
  return { dir: dstDir, entries: rebaseEntries(entries, srcBase, dstBase) };
}

/** archive.CopyInfoDestinationPath on the host. */
function destinationInfo(fs: Fs, path0: string): CopyInfo {
  let path = path0;
  let st = lstatOrNull(fs, path);
  for (let n = 0; st && st.type === 'symlink'; n++) {
    if (n > 10) throw new Error(`too many symlinks in ${path0}`);
    let target = fs.readlink(path);
    if (!target.startsWith('/')) target = joinPath(splitPathDirEntry(path)[0], target);
    path = target;
    st = lstatOrNull(fs, path);
  }
  if (!st) {
    const parent = splitPathDirEntry(path)[0];
    let pst: Stat;
    try {
      pst = fs.stat(parent);
    } catch (e) {
      throw new Error(pathErrorText(e));
    }
    if (pst.type !== 'dir') throw new Error('not a directory');
    return { path, exists: false, isDir: false, rebaseName: '' };
  }
  return { path, exists: true, isDir: st.type === 'dir', rebaseName: '' };
}

/** archive.CopyTo: extracts as the user running docker (NoLchown), refusing to put a directory over a file. */
function copyTo(fs: Fs, entries: readonly TarEntry[], src: CopyInfo, dstPath: string): void {
  const dst = destinationInfo(fs, dstPath);
  const prepared = prepareArchiveCopy(entries, src, dst);
  try {
    untar(fs, prepared.entries, cleanPath(prepared.dir), { noOverwriteDirNonDir: true, noLchown: true });
  } catch (e) {
    if (e instanceof UntarError || !isSysError(e)) throw e;
    throw new Error(pathErrorText(e));
  }
}

async function copyToContainer(cli: CommandCli, c: CpConfig): Promise<void> {
  const h = io(cli);
  let srcPath = c.sourcePath;
  if (srcPath !== '-') srcPath = resolveLocalPath(h, srcPath);
  const api = cli.client().archive!();
  const dstPath = c.destPath;
  let dstInfo: CopyInfo = { path: dstPath, exists: false, isDir: false, rebaseName: '' };
  let dstStat: PathStat | null = await api.containerStatPath(c.container, dstPath).catch(() => null);
  if (dstStat && isGoSymlink(dstStat.mode)) {
    let target = dstStat.linkTarget;
    if (!target.startsWith('/')) target = joinPath(splitPathDirEntry(dstPath)[0], target);
    dstInfo = { ...dstInfo, path: target };
    dstStat = await api.containerStatPath(c.container, target).catch(() => null);
  }
  validateDestMode(dstStat, c.container, dstPath);
  if (dstStat) dstInfo = { ...dstInfo, exists: true, isDir: isGoDir(dstStat.mode) };
  let tar: Uint8Array;
  let resolvedDstPath: string;
  if (srcPath === '-') {
    resolvedDstPath = dstInfo.path;
    if (!dstInfo.isDir) throw new Error(`destination "${c.container}:${dstPath}" must be a directory`);
    tar = await h.readIn();
    await api.copyToContainer(c.container, resolvedDstPath, tar, { copyUIDGID: c.copyUIDGID });
    return;
  }
  const src = sourceInfo(h.fs, srcPath, c.followLink);
  const [dir, base] = splitPathDirEntry(src.path);
  let entries: TarEntry[];
  try {
    entries = tarResource(h.fs, dir, base, src.rebaseName);
  } catch (e) {
    throw new Error(pathErrorText(e));
  }
  const prepared = prepareArchiveCopy(entries, src, dstInfo);
  resolvedDstPath = prepared.dir;
  tar = writeTar(prepared.entries, { format: 'go' });
  await withProgress(cli, c.quiet, () => tar.length, `${c.container}:${dstInfo.path}`, () =>
    api.copyToContainer(c.container, resolvedDstPath, tar, { copyUIDGID: c.copyUIDGID }));
}

/** archive.CopyInfoSourcePath with ResolveHostSourcePath. */
function sourceInfo(fs: Fs, path: string, followLink: boolean): CopyInfo {
  let resolved: string;
  let rebaseName = '';
  try {
    if (followLink) {
      [resolved, rebaseName] = getRebaseName(path, fs.realpath(path));
    } else {
      const cut = path.lastIndexOf('/');
      const dirPart = path.slice(0, cut + 1) || '.';
      const basePart = path.slice(cut + 1);
      const rdir = fs.realpath(dirPart);
      resolved = `${rdir === '/' ? '' : rdir}/${basePart}`;
      if (path.endsWith('/') && baseName(path) !== baseName(resolved)) rebaseName = baseName(path);
    }
    const st = fs.lstat(resolved);
    return { path: resolved, exists: true, isDir: st.type === 'dir', rebaseName };
  } catch (e) {
    throw new Error(pathErrorText(e));
  }
}
