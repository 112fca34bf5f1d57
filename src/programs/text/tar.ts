/**
 * GNU tar 1.35: create, extract and list (-c -x -t) with -f -z -v -C -p -O --strip-components, old-style
 * bundled options (`tar czf x.tgz dir`), gzip detected on read as tar does, and its messages and exit
 * statuses. The archive format itself is pkg/archive/tar.ts.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { gunzip, gzip, GzipError, isGzip } from '../../pkg/archive/gzip.js';
import { readTar, TarError, writeTar, type TarEntry, type TarType } from '../../pkg/archive/tar.js';
import { modeString } from '../coreutils/mode.js';
import { strftime } from '../coreutils/timefmt.js';
import { groupById, userById } from '../lib/users.js';
import { Output, errorText } from '../lib/output.js';
import { readBytes } from '../lib/binio.js';

/** The most `tar -f -` holds of its input. */
const ARCHIVE_HOLD_LIMIT = 1024 * 1024 * 1024;

const TRY = "Try 'tar --help' or 'tar --usage' for more information.\n";

class Fatal extends Error {}

interface Opts {
  mode: 'c' | 'x' | 't' | null;
  file: string | null;
  gzip: boolean;
  verbose: number;
  dir: string | null;
  strip: number;
  preserve: boolean;
  toStdout: boolean;
  keepOld: boolean;
  noSameOwner: boolean;
  members: string[];
}

const LONG: Record<string, { key: string; arg?: boolean }> = {
  create: { key: 'c' }, extract: { key: 'x' }, get: { key: 'x' }, list: { key: 't' }, file: { key: 'f', arg: true },
  gzip: { key: 'z' }, gunzip: { key: 'z' }, ungzip: { key: 'z' }, verbose: { key: 'v' }, directory: { key: 'C', arg: true },
  'strip-components': { key: 'strip', arg: true }, 'preserve-permissions': { key: 'p' }, 'same-permissions': { key: 'p' },
  'to-stdout': { key: 'O' }, 'keep-old-files': { key: 'k' }, 'no-same-owner': { key: 'no-same-owner' },
  'same-owner': { key: 'same-owner' }, help: { key: 'help' }, version: { key: 'version' }, usage: { key: 'usage' },
  bzip2: { key: 'j' }, xz: { key: 'J' },
};
const SHORT_ARG = new Set(['f', 'C']);
const SHORT = new Set(['c', 'x', 't', 'f', 'z', 'v', 'C', 'p', 'O', 'k', 'j', 'J']);

class Tar {
  errors = false;
  private removedSlash = false;
  private ugWidth = 19;
  readonly out: Output;

  constructor(
    readonly sys: Sys,
    readonly o: Opts,
  ) {
    this.out = new Output(sys, 1);
  }

  async warn(msg: string): Promise<void> {
    await this.out.flush();
    await this.sys.write(2, `tar: ${msg}\n`);
  }

  async fail(msg: string): Promise<void> {
    await this.warn(msg);
    this.errors = true;
  }

  // ---- create

  async create(paths: string[]): Promise<TarEntry[]> {
    const entries: TarEntry[] = [];
    const archive = this.o.file && this.o.file !== '-' ? this.safeRealpath(this.o.file) : null;
    for (const p of paths) await this.add(p, entries, archive, true);
    return entries;
  }

  private safeRealpath(p: string): string | null {
    try {
      return this.sys.fs.realpath(p);
    } catch {
      return null;
    }
  }

  private memberName(p: string): string {
    let name = p;
    if (name.startsWith('/')) {
      name = name.replace(/^\/+/, '');
      if (!this.removedSlash) {
        this.removedSlash = true;
        void this.warn("Removing leading `/' from member names");
      }
    }
    return name;
  }

  private async add(p: string, entries: TarEntry[], archive: string | null, top: boolean): Promise<void> {
    const sys = this.sys;
    let st;
    try {
      st = sys.fs.lstat(p);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.fail(`${p}: Cannot stat: ${errorText(err)}`);
      return;
    }
    if (st.type === 'file' && archive !== null && this.safeRealpath(p) === archive) {
      await this.warn(`${p}: file is the archive; not dumped`);
      return;
    }
    if (top && p.startsWith('/') && !this.removedSlash) {
      this.removedSlash = true;
      await this.warn("Removing leading `/' from member names");
    }
    const name = this.memberName(p);
    const uname = userById(sys.fs, st.uid)?.name ?? '';
    const gname = groupById(sys.fs, st.gid)?.name ?? '';
    const base = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, uname, gname, mtime: Math.floor(st.mtimeMs / 1000) };
    const verbose = async (): Promise<void> => {
      if (this.o.verbose === 0) return;
      const shown = st.type === 'dir' ? `${p.replace(/\/+$/, '')}/` : p;
      const line = `${this.o.verbose > 1 ? this.longLine({ ...base, name: shown, type: typeOf(st.type), data: undefined, linkname: st.type === 'symlink' ? sys.fs.readlink(p) : undefined }, st.type === 'file' ? st.size : 0) : shown}\n`;
      // With the archive on stdout, the listing goes to stderr.
      if (this.o.file === '-' || this.o.file === null) {
        await this.out.flush();
        await sys.write(2, line);
      } else await this.out.write(line);
    };
    if (st.type === 'dir') {
      const dirName = `${name.replace(/\/+$/, '')}/`;
      entries.push({ ...base, name: dirName === '/' ? './' : dirName, type: 'dir' });
      await verbose();
      let names: string[];
      try {
        names = sys.fs.readdir(p).sort();
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.fail(`${p}: Cannot open: ${errorText(err)}`);
        return;
      }
      for (const n of names) await this.add(p.endsWith('/') ? `${p}${n}` : `${p}/${n}`, entries, archive, false);
      return;
    }
    if (st.type === 'symlink') {
      entries.push({ ...base, name, type: 'symlink', linkname: sys.fs.readlink(p) });
      await verbose();
      return;
    }
    if (st.type === 'file') {
      let data: Uint8Array;
      try {
        data = sys.fs.readFile(p);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.fail(`${p}: Cannot open: ${errorText(err)}`);
        return;
      }
      sys.hold(data.length);
      entries.push({ ...base, name, type: 'file', data });
      await verbose();
      return;
    }
    if (st.type === 'socket') {
      await this.warn(`${p}: socket ignored`);
      return;
    }
    const dev = st.type === 'chardev' || st.type === 'blockdev' ? { devmajor: st.rdev >> 8, devminor: st.rdev & 0xff } : {};
    entries.push({ ...base, name, type: typeOf(st.type), ...dev });
    await verbose();
  }

  // ---- list and extract

  longLine(e: TarEntry, size: number): string {
    const mode = modeString({ type: e.type === 'hardlink' ? 'file' : (e.type as 'file'), mode: e.mode });
    const ug = `${e.uname || e.uid}/${e.gname || e.gid}`;
    const sz = e.type === 'chardev' || e.type === 'blockdev' ? `${e.devmajor},${e.devminor}` : String(size);
    const pad = ug.length + 1 + sz.length;
    if (pad > this.ugWidth) this.ugWidth = pad;
    const when = strftime('%Y-%m-%d %H:%M', e.mtime * 1000);
    let line = `${mode} ${ug} ${sz.padStart(this.ugWidth - ug.length - 1)} ${when} ${e.name}`;
    if (e.type === 'symlink') line += ` -> ${e.linkname}`;
    if (e.type === 'hardlink') line += ` link to ${e.linkname}`;
    return line;
  }

  private selected(e: TarEntry, wanted: Map<string, boolean>): boolean {
    if (wanted.size === 0) return true;
    const n = e.name.replace(/\/$/, '');
    for (const m of wanted.keys()) {
      const w = m.replace(/\/$/, '');
      if (n === w || n.startsWith(`${w}/`)) {
        wanted.set(m, true);
        return true;
      }
    }
    return false;
  }

  private stripped(name: string): string | null {
    if (this.o.strip === 0) return name;
    const parts = name.split('/');
    const trailing = name.endsWith('/');
    const rest = parts.filter((x, i) => !(i === parts.length - 1 && x === '')).slice(this.o.strip);
    if (rest.length === 0) return null;
    return rest.join('/') + (trailing ? '/' : '');
  }

  async list(entries: TarEntry[]): Promise<void> {
    const wanted = new Map(this.o.members.map((m) => [m, false]));
    for (const e of entries) {
      if (!this.selected(e, wanted)) continue;
      const name = this.stripped(e.name);
      if (name === null) continue;
      const shown = { ...e, name };
      await this.out.write(`${this.o.verbose > 0 ? this.longLine(shown, e.data?.length ?? 0) : name}\n`);
    }
    await this.missing(wanted);
  }

  private async missing(wanted: Map<string, boolean>): Promise<void> {
    for (const [m, found] of wanted) if (!found) await this.fail(`${m}: Not found in archive`);
  }

  async extract(entries: TarEntry[]): Promise<void> {
    const sys = this.sys;
    const root = sys.euid === 0;
    const umask = sys.umask();
    sys.umask(umask);
    const wanted = new Map(this.o.members.map((m) => [m, false]));
    const dirTimes: [string, number][] = [];
    let n = 0;
    for (const e of entries) {
      if (++n % 64 === 0) await sys.yield();
      if (!this.selected(e, wanted)) continue;
      let name = this.stripped(e.name);
      if (name === null) continue;
      if (name.startsWith('/')) {
        name = name.replace(/^\/+/, '');
        if (!this.removedSlash) {
          this.removedSlash = true;
          await this.warn("Removing leading `/' from member names");
        }
      }
      if (name.split('/').includes('..')) {
        await this.fail(`${name}: Member name contains '..'`);
        continue;
      }
      if (this.o.verbose > 0 && !this.o.toStdout) await this.out.write(`${this.o.verbose > 1 ? this.longLine({ ...e, name }, e.data?.length ?? 0) : name}\n`);
      if (this.o.toStdout) {
        if (e.type === 'file' && e.data) await sys.write(1, e.data);
        continue;
      }
      const path = name.replace(/\/+$/, '') || '.';
      const mode = root || this.o.preserve ? e.mode : e.mode & ~umask;
      try {
        this.parents(path);
        if (e.type === 'dir') {
          if (!sys.fs.exists(path)) sys.fs.mkdir(path, { mode: 0o700 });
          sys.fs.chmod(path, mode);
          dirTimes.push([path, e.mtime]);
        } else {
          if (sys.fs.exists(path) || this.isLink(path)) {
            if (this.o.keepOld) {
              await this.fail(`${path}: Cannot open: File exists`);
              continue;
            }
            if (sys.fs.lstat(path).type !== 'dir') sys.fs.unlink(path);
          }
          if (e.type === 'symlink') sys.fs.symlink(e.linkname ?? '', path);
          else if (e.type === 'hardlink') sys.fs.writeFile(path, sys.fs.readFile(this.stripped(e.linkname ?? '') ?? ''), { mode });
          else if (e.type === 'file') {
            sys.hold(e.data?.length ?? 0);
            const fd = sys.open(path, 'w', mode);
            sys.close(fd);
            sys.fs.writeFile(path, e.data ?? new Uint8Array(0));
            sys.fs.chmod(path, mode);
          } else if (e.type === 'fifo' || e.type === 'chardev' || e.type === 'blockdev') {
            sys.fs.mknod(path, e.type, mode, ((e.devmajor ?? 0) << 8) | (e.devminor ?? 0));
          }
        }
        if (e.type !== 'symlink') {
          if (root && !this.o.noSameOwner) sys.fs.chown(path, e.uid, e.gid);
          if (e.type !== 'dir') sys.fs.utimes(path, e.mtime * 1000, e.mtime * 1000);
        }
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.fail(`${path}: Cannot ${e.type === 'dir' ? 'mkdir' : e.type === 'symlink' ? 'create symlink to ' + JSON.stringify(e.linkname) : 'open'}: ${errorText(err)}`);
      }
    }
    // Directories get their times last, after their contents stopped changing them.
    for (const [path, mtime] of dirTimes.reverse()) {
      try {
        sys.fs.utimes(path, mtime * 1000, mtime * 1000);
      } catch {
        // a directory we could not make was already reported
      }
    }
    await this.missing(wanted);
  }

  private isLink(path: string): boolean {
    try {
      return this.sys.fs.lstat(path).type === 'symlink';
    } catch {
      return false;
    }
  }

  /** Makes the directories above `path` that the archive did not list (as tar does, mode 0755 less umask). */
  private parents(path: string): void {
    const parts = path.split('/').slice(0, -1);
    let cur = path.startsWith('/') ? '' : '';
    for (const p of parts) {
      cur = cur === '' ? p : `${cur}/${p}`;
      if (cur === '' || this.sys.fs.exists(cur)) continue;
      this.sys.fs.mkdir(cur);
    }
  }
}

function typeOf(t: string): TarType {
  return t === 'dir' ? 'dir' : t === 'symlink' ? 'symlink' : t === 'chardev' ? 'chardev' : t === 'blockdev' ? 'blockdev' : t === 'fifo' ? 'fifo' : 'file';
}

/** Splits tar's command line: old-style bundles, short clusters, long options. */
function parse(argv: string[]): Opts | string {
  const o: Opts = { mode: null, file: null, gzip: false, verbose: 0, dir: null, strip: 0, preserve: false, toStdout: false, keepOld: false, noSameOwner: false, members: [] };
  const args = [...argv];
  const set = (key: string, value?: string): string | null => {
    switch (key) {
      case 'c': case 'x': case 't':
        if (o.mode && o.mode !== key) return "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option";
        o.mode = key;
        return null;
      case 'f': o.file = value!; return null;
      case 'z': o.gzip = true; return null;
      case 'v': o.verbose++; return null;
      case 'C': o.dir = value!; return null;
      case 'p': o.preserve = true; return null;
      case 'O': o.toStdout = true; return null;
      case 'k': o.keepOld = true; return null;
      case 'no-same-owner': o.noSameOwner = true; return null;
      case 'same-owner': return null;
      case 'strip': {
        if (!/^\d+$/.test(value!)) return `Invalid number of elements: '${value}'`;
        o.strip = Number(value);
        return null;
      }
      case 'j': return '\0bzip2';
      case 'J': return '\0xz';
      default: return `\0${key}`;
    }
  };
  const out: string[] = [];
  if (args.length > 0 && !args[0].startsWith('-')) {
    // Old style: `tar czf ARCHIVE FILE...`, each letter that wants an argument takes the next word.
    const letters = args.shift()!;
    for (const l of letters) {
      if (!SHORT.has(l)) return `invalid option -- '${l}'`;
      let v: string | undefined;
      if (SHORT_ARG.has(l)) {
        v = args.shift();
        if (v === undefined) return `Old option '${l}' requires an argument.`;
      }
      const err = set(l, v);
      if (err) return err;
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const exact = LONG[name] ? name : matches.length === 1 ? matches[0] : null;
      if (!exact) return matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`;
      const spec = LONG[exact];
      let v: string | undefined;
      if (spec.arg) {
        v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return `option '--${exact}' requires an argument`;
      }
      const err = set(spec.key, v);
      if (err) return err;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const l = a[j];
        if (!SHORT.has(l)) return `invalid option -- '${l}'`;
        let v: string | undefined;
        if (SHORT_ARG.has(l)) {
          v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `option requires an argument -- '${l}'`;
          const err = set(l, v);
          if (err) return err;
          break;
        }
        const err = set(l, v);
        if (err) return err;
      }
      continue;
    }
    out.push(a);
  }
  o.members = out;
  return o;
}

export async function tar(sys: Sys): Promise<number> {
  const parsed = parse(sys.argv.slice(1));
  const usageError = async (msg: string): Promise<number> => {
    await sys.write(2, `tar: ${msg}\n${TRY}`);
    return 2;
  };
  if (typeof parsed === 'string') {
    if (parsed === '\0help' || parsed === '\0usage' || parsed === '\0version') {
      if (parsed === '\0version') {
        await sys.write(1, 'tar (GNU tar) 1.35\nCopyright (C) 2023 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by John Gilmore and Jay Fenlason.\n');
        return 0;
      }
      await sys.write(2, `tar: --${parsed.slice(1)} is not simulated in dockersim\n`);
      return 2;
    }
    if (parsed.startsWith('\0')) {
      // bzip2 and xz are not installed in the images: tar's child fails to exec them, as on a real host without them.
      await sys.write(2, `tar (child): ${parsed.slice(1)}: Cannot exec: No such file or directory\ntar (child): Error is not recoverable: exiting now\n`);
      return 2;
    }
    const invalid = /^(invalid option|unrecognized option|option requires|option '.*' requires)/.test(parsed);
    if (invalid) {
      await sys.write(2, `tar: ${parsed}\n${TRY}`);
      return 64;
    }
    return usageError(parsed);
  }
  const o = parsed;
  if (!o.mode) return usageError("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
  const t = new Tar(sys, o);
  const fatal = async (msg: string): Promise<number> => {
    await t.warn(msg);
    await t.warn('Error is not recoverable: exiting now');
    return 2;
  };
  const finish = async (): Promise<number> => {
    await t.out.flush();
    if (t.errors) {
      await sys.write(2, 'tar: Exiting with failure status due to previous errors\n');
      return 2;
    }
    return 0;
  };
  const archive = o.file ?? '-';
  try {
    if (o.mode === 'c') {
      if (o.members.length === 0) return usageError('Cowardly refusing to create an empty archive');
      if (archive === '-' && sys.isatty(1)) return fatal('Refusing to write archive contents to terminal (missing -f option?)');
      let fd = -1;
      // The archive is named from where tar started; -C applies to the files put in it.
      const archivePath = archive.startsWith('/') ? archive : `${sys.cwd().replace(/\/$/, '')}/${archive}`;
      if (archive !== '-') {
        try {
          fd = sys.open(archive, 'w', 0o666);
        } catch (err) {
          if (!isSysError(err)) throw err;
          return fatal(`${archive}: Cannot open: ${errorText(err)}`);
        }
      }
      if (o.dir !== null) {
        try {
          sys.chdir(o.dir);
        } catch (err) {
          if (!isSysError(err)) throw err;
          return fatal(`${o.dir}: Cannot open: ${errorText(err)}`);
        }
      }
      const entries = await t.create(o.members);
      let bytes = writeTar(entries);
      if (o.gzip) bytes = gzip(bytes);
      sys.cpu(1 + (bytes.length >> 12));
      await sys.write(fd >= 0 ? fd : 1, bytes);
      if (fd >= 0) sys.close(fd);
      return await finish();
    }
    // list / extract
    let data: Uint8Array;
    if (archive === '-') {
      // GNU tar streams an archive and holds almost nothing; this one holds it whole, so a whole image's export
      // (ubuntu's is 79 MB) must fit: the limit is an archive's, not a line's.
      data = await readBytes(sys, 0, ARCHIVE_HOLD_LIMIT);
      if (!o.gzip && isGzip(data)) return fatal('Archive is compressed. Use -z option');
    } else {
      try {
        data = sys.fs.readFile(archive);
      } catch (err) {
        if (!isSysError(err)) throw err;
        return fatal(`${archive}: Cannot open: ${errorText(err)}`);
      }
    }
    sys.hold(data.length);
    if (o.gzip || isGzip(data)) {
      try {
        data = gunzip(data).data;
      } catch (err) {
        if (!(err instanceof GzipError)) throw err;
        await t.out.flush();
        await sys.write(2, `\ngzip: stdin: ${err.message}\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n`);
        return 2;
      }
    }
    let entries: TarEntry[];
    try {
      entries = data.length === 0 ? [] : readTar(data).entries;
      if (data.length === 0) throw new TarError('This does not look like a tar archive');
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      await t.fail(err.message);
      return await finish();
    }
    if (o.dir !== null) {
      try {
        sys.chdir(o.dir);
      } catch (err) {
        if (!isSysError(err)) throw err;
        return fatal(`${o.dir}: Cannot open: ${errorText(err)}`);
      }
    }
    if (o.mode === 't') await t.list(entries);
    else await t.extract(entries);
    return await finish();
  } catch (err) {
    if (err instanceof Fatal) return fatal(err.message);
    throw err;
  }
}

