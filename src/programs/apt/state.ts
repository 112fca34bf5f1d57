/**
 * What apt and dpkg keep on disk, read and written as the real files: /var/lib/dpkg/status (one stanza per
 * package), /var/lib/dpkg/info/<pkg>.list (the files dpkg installed), /var/lib/apt/extended_states (which
 * packages were installed automatically) and /var/lib/apt/lists (the indexes `apt-get update` fetched). A
 * container committed after an install keeps all of them, so the next `docker run` knows what it has.
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { utf8Encode } from '../../engine/kernel/utf8.js';
import {
  archiveForVersionId, formatRelations, UBUNTU_MAINTAINER, type DebPackage, type Repository, type UbuntuArchive,
} from '../../engine/rootfs/packages/archive.js';
import { gzipStore } from './gzip.js';
import { apparent } from '../../engine/fs/apparent.js';
import { formatStanza, statusFields } from '../../engine/rootfs/packages/status.js';

export { formatStanza, statusFields };

export const STATUS = '/var/lib/dpkg/status';
export const INFO = '/var/lib/dpkg/info';
export const LISTS = '/var/lib/apt/lists';
export const EXTENDED = '/var/lib/apt/extended_states';

function readOr(fs: Fs, path: string): string | null {
  try {
    return fs.readText(path);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

export function releaseOf(fs: Fs): UbuntuArchive | undefined {
  const text = readOr(fs, '/etc/os-release') ?? '';
  const id = /^ID=(.*)$/m.exec(text)?.[1];
  const v = /^VERSION_ID="?([^"\n]*)"?$/m.exec(text)?.[1];
  return id === 'ubuntu' && v ? archiveForVersionId(v) : undefined;
}

/** The one line apt and dpkg print on a system whose archive and package database are not modelled. */
export function unmodelledRelease(sys: { fs: Fs }): string {
  const text = readOr(sys.fs, '/etc/os-release') ?? '';
  const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1] ?? 'this system';
  return `dockersim models the package archive and database of Ubuntu 24.04 and 22.04 only, not ${name}`;
}

// ---- dpkg status

export interface StatusEntry {
  readonly name: string;
  /** `install ok installed`, or `deinstall ok config-files` after a remove. */
  status: string;
  readonly fields: Map<string, string>;
}

export function parseStanzas(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (block.trim() === '') continue;
    const m = new Map<string, string>();
    let last = '';
    for (const line of block.split('\n')) {
      if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
        m.set(last, `${m.get(last)}\n${line}`);
        continue;
      }
      const c = line.indexOf(':');
      if (c < 0) continue;
      last = line.slice(0, c);
      m.set(last, line.slice(c + 1).trim());
    }
    out.push(m);
  }
  return out;
}

export function readStatus(fs: Fs): Map<string, StatusEntry> {
  const out = new Map<string, StatusEntry>();
  for (const f of parseStanzas(readOr(fs, STATUS) ?? '')) {
    const name = f.get('Package');
    if (name) out.set(name, { name, status: f.get('Status') ?? '', fields: f });
  }
  return out;
}

export function isInstalled(e: StatusEntry | undefined): boolean {
  return e !== undefined && e.status.endsWith(' installed');
}

export function writeStatus(fs: Fs, entries: ReadonlyMap<string, StatusEntry>): void {
  const names = [...entries.keys()].sort();
  const text = names.map((n) => formatStanza(entries.get(n)!.fields)).join('\n');
  // dpkg writes status-new and renames it over, so a reader never sees half a database.
  fs.writeFile(`${STATUS}-new`, text);
  fs.rename(`${STATUS}-new`, STATUS);
}

/** `nginx` or `libc6:amd64`: how dpkg names a package in its messages and info files. */
export function dpkgName(p: { name: string; multiArchSame: boolean }): string {
  return p.multiArchSame ? `${p.name}:amd64` : p.name;
}

export function listFile(name: string, multiArchSame: boolean): string {
  return `${INFO}/${multiArchSame ? `${name}:amd64` : name}.list`;
}

export function readList(fs: Fs, name: string): string[] | null {
  const text = readOr(fs, listFile(name, false)) ?? readOr(fs, listFile(name, true));
  return text === null ? null : text.split('\n').filter((l) => l !== '');
}

// ---- apt's auto-installed marks

export function readAuto(fs: Fs): Set<string> {
  const out = new Set<string>();
  for (const f of parseStanzas(readOr(fs, EXTENDED) ?? '')) {
    if (f.get('Auto-Installed') === '1' && f.get('Package')) out.add(f.get('Package')!);
  }
  return out;
}

export function writeAuto(fs: Fs, auto: ReadonlySet<string>, archOf: (name: string) => string): void {
  const text = [...auto].sort().map((n) => `Package: ${n}\nArchitecture: ${archOf(n)}\nAuto-Installed: 1\n`).join('\n');
  fs.writeFile(EXTENDED, text);
}

// ---- sources and lists

export interface Source {
  /** `http://archive.ubuntu.com/ubuntu` (no trailing slash) */
  readonly uri: string;
  readonly host: string;
  readonly suite: string;
  readonly components: readonly string[];
  /** `signed-by=` / `Signed-By:`: the keyring apt checks this source's InRelease against. */
  readonly signedBy?: string;
  /** `trusted=yes`: apt does not ask for a signature. */
  readonly trusted?: boolean;
}

/** The architecture apt fetches indexes for (APT::Architecture on this amd64 machine). */
const NATIVE_ARCH = 'amd64';

/**
 * One line of a `.list` file (sources.list(5)): `deb [ key=value ... ] uri suite component...`. The options
 * block may be written `[arch=amd64 signed-by=/k.asc]` or `[ arch=amd64,arm64 ]`; an entry whose `arch=`
 * leaves out amd64 is no source on this machine (null), as is anything that is not a `deb` line.
 */
export function parseSourceLine(line: string): Source | null {
  let rest = line.replace(/#.*/, '').trim();
  const type = /^(\S+)\s*/.exec(rest);
  if (!type || type[1] !== 'deb') return null;
  rest = rest.slice(type[0].length);
  const opts = new Map<string, string>();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return null;
    for (const word of rest.slice(1, close).trim().split(/\s+/).filter(Boolean)) {
      // `arch+=` / `arch-=` adjust a default list: the default here is amd64 alone, so `+=` keeps it.
      const m = /^([A-Za-z-]+?)([+-]?)=(.*)$/.exec(word);
      if (!m) continue;
      const [, key, mod, value] = m;
      if (mod === '-') opts.set(`${key.toLowerCase()}-`, value);
      else if (mod === '') opts.set(key.toLowerCase(), value);
    }
    rest = rest.slice(close + 1).trim();
  }
  const f = rest.split(/\s+/).filter(Boolean);
  if (f.length < 3) return null;
  return makeSource(f[0], f[1], f.slice(2), opts.get('arch'), opts.get('arch-'), opts.get('signed-by'), opts.get('trusted'));
}

function makeSource(uri: string, suite: string, comps: readonly string[], arch?: string, archMinus?: string, signedBy?: string, trusted?: string): Source | null {
  const archs = (s: string | undefined): string[] | undefined => s?.split(/[\s,]+/).filter(Boolean);
  const only = archs(arch);
  if (only && !only.includes(NATIVE_ARCH)) return null;
  if (archs(archMinus)?.includes(NATIVE_ARCH)) return null;
  const u = uri.replace(/\/+$/, '');
  const host = /^[a-z]+:\/\/([^/:]+)/.exec(u)?.[1] ?? '';
  return {
    uri: u, host, suite, components: comps,
    ...(signedBy ? { signedBy } : {}), ...(trusted !== undefined ? { trusted: /^(yes|true|1)$/i.test(trusted) } : {}),
  };
}

/** The `deb` entries of sources.list and sources.list.d (one-line and deb822 formats). */
export function readSources(fs: Fs): Source[] {
  const out: Source[] = [];
  const addLines = (text: string): void => {
    for (const line of text.split('\n')) {
      const s = parseSourceLine(line);
      if (s) out.push(s);
    }
  };
  addLines(readOr(fs, '/etc/apt/sources.list') ?? '');
  let names: string[] = [];
  try {
    names = fs.readdir('/etc/apt/sources.list.d').sort();
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  for (const n of names) {
    const text = readOr(fs, `/etc/apt/sources.list.d/${n}`) ?? '';
    if (n.endsWith('.list')) addLines(text);
    else if (n.endsWith('.sources')) out.push(...deb822Sources(text));
  }
  return out;
}

/** The stanzas of a `.sources` file (sources.list(5) "DEB822-STYLE FORMAT"). */
export function deb822Sources(text: string): Source[] {
  const out: Source[] = [];
  for (const st of parseStanzas(text.split('\n').filter((l) => !l.startsWith('#')).join('\n'))) {
    if (!(st.get('Types') ?? '').split(/\s+/).includes('deb')) continue;
    if (/^(no|false|0)$/i.test(st.get('Enabled') ?? 'yes')) continue;
    for (const uri of (st.get('URIs') ?? '').split(/\s+/).filter(Boolean)) {
      for (const suite of (st.get('Suites') ?? '').split(/\s+/).filter(Boolean)) {
        const s = makeSource(uri, suite, (st.get('Components') ?? '').split(/\s+/).filter(Boolean), st.get('Architectures'),
          st.get('Architectures-Remove'), st.get('Signed-By'), st.get('Trusted'));
        if (s) out.push(s);
      }
    }
  }
  return out;
}

/** `archive.ubuntu.com_ubuntu_dists_noble` */
export function listPrefix(s: Source): string {
  return `${s.uri.replace(/^[a-z]+:\/\//, '').replace(/\//g, '_')}_dists_${s.suite}`;
}

export function packagesListName(s: Source, component: string): string {
  return `${listPrefix(s)}_${component}_binary-amd64_Packages.gz`;
}

/** The third-party repository a source names, if the model has it (else the source serves Ubuntu's archive). */
export function repositoryOf(archive: UbuntuArchive, s: Source): Repository | undefined {
  return archive.repositories.find((r) => r.uri === s.uri && r.suite === s.suite);
}

/**
 * Which fetched index makes a package known: `suite/component` of Ubuntu's archive (any mirror serves it), or
 * the repository's URI with it for a third-party package (only that repository's index lists it).
 */
export function indexKey(p: DebPackage): string {
  return p.repo ? `${p.repo.uri} ${p.suite}/${p.component}` : `${p.suite}/${p.component}`;
}

/** The indexes (indexKey) on disk: only their packages can be installed. */
export function availableIndexes(fs: Fs, sources: readonly Source[]): Set<string> {
  let present: Set<string>;
  try {
    present = new Set(fs.readdir(LISTS));
  } catch (e) {
    if (!isSysError(e)) throw e;
    present = new Set();
  }
  const out = new Set<string>();
  for (const s of sources) {
    for (const c of s.components) {
      if (!present.has(packagesListName(s, c))) continue;
      out.add(`${s.suite}/${c}`);
      out.add(`${s.uri} ${s.suite}/${c}`);
    }
  }
  return out;
}

/**
 * Each archive's indexes, made once: an archive is module data that never changes, and formatting its ~100 KB
 * of stanzas was a fifth of `apt-get update`'s time, again in every container.
 */
const indexTexts = new WeakMap<UbuntuArchive, Map<string, string>>();

/** The Packages index of one suite/component, as the archive (or `repo`) serves it. */
export function packagesIndexText(archive: UbuntuArchive, suite: string, component: string, repo?: Repository): string {
  let made = indexTexts.get(archive);
  if (!made) indexTexts.set(archive, (made = new Map()));
  const key = `${repo?.uri ?? ''} ${suite}/${component}`;
  let text = made.get(key);
  if (text === undefined) {
    const stanzas: string[] = [];
    for (const p of archive.packages.values()) {
      // The host's own Ubuntu packages (nobleHost.ts) are left out of the lists' text: a container's lists, and so
      // every image built with apt, stay byte for byte what they were; apt finds them through the archive.
      if (p.hostOnly && !p.repo) continue;
      if (p.suite === suite && p.component === component && p.repo === repo) stanzas.push(indexStanza(p));
    }
    made.set(key, (text = stanzas.join('\n')));
  }
  return text;
}

export function poolPath(p: DebPackage): string {
  if (p.repo) return p.repo.poolPath(p);
  const src = p.source;
  const dir = src.startsWith('lib') ? src.slice(0, 4) : src[0];
  return `pool/${p.component}/${dir}/${src}/${debFileName(p)}`;
}

export function debFileName(p: DebPackage): string {
  return `${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb`;
}

/** A version's stanza in a Packages index, in the archive's field order (what `apt-cache show` prints). */
export function indexStanza(p: DebPackage): string {
  if (p.repo) return repoStanza(p);
  const f: [string, string][] = [['Package', p.name], ['Architecture', p.arch], ['Version', p.version]];
  if (p.multiArchSame) f.push(['Multi-Arch', 'same']);
  f.push(['Priority', p.priority], ['Section', p.component === 'main' ? p.section : `${p.component}/${p.section}`]);
  if (p.source !== p.name) f.push(['Source', p.source]);
  f.push(['Origin', 'Ubuntu'], ['Maintainer', UBUNTU_MAINTAINER], ['Bugs', 'https://bugs.launchpad.net/ubuntu/+filebug']);
  if (p.installedSize > 0) f.push(['Installed-Size', String(p.installedSize)]);
  if (p.provides.length) f.push(['Provides', p.provides.join(', ')]);
  if (p.preDepends.length) f.push(['Pre-Depends', formatRelations(p.preDepends)]);
  if (p.depends.length) f.push(['Depends', formatRelations(p.depends)]);
  if (p.recommends.length) f.push(['Recommends', formatRelations(p.recommends)]);
  if (p.suggests.length) f.push(['Suggests', formatRelations(p.suggests)]);
  f.push(['Filename', poolPath(p)], ['Size', String(p.size)], ['Description', p.description || p.name]);
  return f.map(([k, v]) => `${k}: ${v}\n`).join('');
}

/**
 * A third-party repository's stanza: no Origin or Bugs, its own Maintainer, the relations and Homepage its
 * control file gives, in dpkg-scanpackages' field order (Docker's own index could not be read here to confirm it).
 */
function repoStanza(p: DebPackage): string {
  const extra = new Map(p.extraFields ?? []);
  const f: [string, string][] = [['Package', p.name]];
  if (p.source !== p.name) f.push(['Source', p.source]);
  f.push(['Version', p.version], ['Architecture', p.arch], ['Maintainer', p.maintainer ?? UBUNTU_MAINTAINER]);
  if (p.installedSize > 0) f.push(['Installed-Size', String(p.installedSize)]);
  if (p.preDepends.length) f.push(['Pre-Depends', formatRelations(p.preDepends)]);
  if (p.depends.length) f.push(['Depends', formatRelations(p.depends)]);
  if (p.recommends.length) f.push(['Recommends', formatRelations(p.recommends)]);
  if (p.suggests.length) f.push(['Suggests', formatRelations(p.suggests)]);
  for (const k of ['Enhances', 'Conflicts', 'Breaks', 'Replaces']) if (extra.has(k)) f.push([k, extra.get(k)!]);
  if (p.provides.length) f.push(['Provides', p.provides.join(', ')]);
  f.push(['Filename', poolPath(p)], ['Size', String(p.size)], ['Section', p.section], ['Priority', p.priority]);
  if (extra.has('Homepage')) f.push(['Homepage', extra.get('Homepage')!]);
  f.push(['Description', p.description || p.name]);
  return f.map(([k, v]) => `${k}: ${v}\n`).join('');
}

/**
 * The gzip of each index text written, by text: the texts are packagesIndexText's (a few per archive), and the
 * file system copies what it is given, so one array serves every container.
 */
const gzipped = new Map<string, Uint8Array>();

/**
 * Writes one list. A gzip'd index weighs what the archive's does (`size`, tens of MB for noble's universe): the
 * index here holds only the packages the simulator knows, so the file is grown to that size with gzip padding
 * (fs/apparent.ts) that `zcat` skips, and a layer that keeps the lists is as big as Docker's.
 */
export function writeList(fs: Fs, name: string, text: string, gzip: boolean, size = 0): void {
  if (!gzip) {
    fs.writeFile(`${LISTS}/${name}`, text);
    return;
  }
  let bytes = gzipped.get(text);
  if (!bytes) gzipped.set(text, (bytes = gzipStore(utf8Encode(text))));
  fs.writeFile(`${LISTS}/${name}`, apparent(bytes, size, 'gzip'));
}

