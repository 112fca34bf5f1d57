/**
 * apt-get and apt (2.7/2.8 on Ubuntu 24.04, 2.4 on 22.04) over the offline archive: update, install, remove,
 * purge, autoremove, upgrade and clean, with apt's words (apt-private/*.cc) and exit statuses (100 for an
 * error, 1 when the learner answers no).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { DebPackage, Repository, UbuntuArchive } from '../../engine/rootfs/packages/archive.js';
import { Output } from '../lib/output.js';
import { acquire, fetchedLine, type FetchItem } from './fetch.js';
import { showList, sizeToStr } from './format.js';
import { pathsOfOthers, postinst, removeFiles, unpack, type ScriptEnv } from './dpkgops.js';
import { resolveInstall, type World } from './resolve.js';
import {
  availableIndexes, dpkgName, indexKey, isInstalled, LISTS, listPrefix, packagesIndexText, packagesListName, poolPath, repositoryOf,
  readAuto, readList, readSources, readStatus, releaseOf, statusFields, writeAuto, writeList, writeStatus, type Source, type StatusEntry,
} from './state.js';
import { parseRelations, THIRD_PARTY_REPOSITORIES } from '../../engine/rootfs/packages/archive.js';
import { unmodelledRelease } from './state.js';

export interface AptOptions {
  yes: boolean;
  quiet: number;
  installRecommends: boolean;
  purge: boolean;
  autoRemove: boolean;
  simulate: boolean;
  /** `apt list --installed` and friends: the option as given, for list alone. */
  listOption?: string;
}

/** What a run needs: who prints where, as which binary. */
export class AptRun {
  readonly out: Output;
  readonly err: Output;
  readonly tty: boolean;
  readonly width: number;

  constructor(
    readonly sys: Sys,
    /** `apt` or `apt-get` */
    readonly binary: string,
    readonly opts: AptOptions,
  ) {
    this.out = new Output(sys, 1);
    this.err = new Output(sys, 2);
    this.tty = sys.isatty(1);
    this.width = this.tty ? sys.getWinSize(1).cols - 1 : 79;
  }

  /** c1out: silenced from -qq on. */
  async say(s: string): Promise<void> {
    if (this.opts.quiet < 2) await this.out.write(s);
  }

  /** What dpkg and maintainer scripts print: never silenced by apt's -q. */
  async dpkg(s: string): Promise<void> {
    await this.out.write(s);
  }

  async error(msg: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`E: ${msg}\n`);
    await this.err.flush();
  }

  async warn(msg: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`W: ${msg}\n`);
    await this.err.flush();
  }

  /** OpTextProgress: `Reading package lists... Done` on a terminal, without `Done` when quiet. */
  async progress(op: string): Promise<void> {
    if (this.opts.quiet >= 2) return;
    await this.out.write(this.opts.quiet >= 1 ? `${op}...\n` : `${op}... Done\n`);
  }

  async flush(): Promise<void> {
    await this.out.flush();
    await this.err.flush();
  }
}

const LOCK_FRONTEND = '/var/lib/dpkg/lock-frontend';

/** errno values apt prints beside strerror's text. */
const ERRNO: Partial<Record<string, number>> = { EPERM: 1, ENOENT: 2, EACCES: 13, EROFS: 30, ENOSPC: 28, ENOTDIR: 20 };

/** apt's lock files: root creates them; anyone else cannot open them for writing. */
function lockError(sys: Sys, file: string): string | null {
  try {
    const fd = sys.open(file, 'a', 0o640);
    sys.close(fd);
    return null;
  } catch (e) {
    if (isSysError(e)) return `Could not open lock file ${file} - open (${ERRNO[e.code] ?? 0}: ${e.message})`;
    throw e;
  }
}

async function noArchive(run: AptRun): Promise<void> {
  await run.flush();
  await run.sys.write(2, `${run.binary}: ${unmodelledRelease(run.sys)}\n`);
}

// ---- update

interface IndexPlan {
  readonly items: FetchItem[];
  /** Lists to write once fetched: item index → [file, text, gzip, the size the archive's file has]. */
  readonly files: Map<number, [string, string, boolean, number]>;
}

/** Typical compressed sizes of the indexes (bytes), as the archive served them in late 2024. */
const INDEX_SIZES: Record<string, number> = {
  'noble:InRelease': 256_000, 'noble-updates:InRelease': 126_000, 'noble-backports:InRelease': 126_000, 'noble-security:InRelease': 126_000,
  'noble/main': 1_808_000, 'noble/universe': 19_300_000, 'noble/restricted': 117_000, 'noble/multiverse': 331_000,
  'noble-updates/main': 776_000, 'noble-updates/universe': 1_090_000, 'noble-updates/restricted': 511_000, 'noble-updates/multiverse': 17_600,
  'noble-backports/main': 0, 'noble-backports/universe': 11_900, 'noble-backports/restricted': 0, 'noble-backports/multiverse': 0,
  'noble-security/main': 541_000, 'noble-security/universe': 779_000, 'noble-security/restricted': 497_000, 'noble-security/multiverse': 15_000,
  'jammy:InRelease': 270_000, 'jammy-updates:InRelease': 128_000, 'jammy-backports:InRelease': 127_000, 'jammy-security:InRelease': 129_000,
  'jammy/main': 1_792_000, 'jammy/universe': 17_500_000, 'jammy/restricted': 164_000, 'jammy/multiverse': 266_000,
  'jammy-updates/main': 2_651_000, 'jammy-updates/universe': 1_451_000, 'jammy-updates/restricted': 3_097_000, 'jammy-updates/multiverse': 51_800,
  'jammy-backports/main': 81_400, 'jammy-backports/universe': 33_700, 'jammy-backports/restricted': 0, 'jammy-backports/multiverse': 0,
  'jammy-security/main': 2_372_000, 'jammy-security/universe': 1_164_000, 'jammy-security/restricted': 3_003_000, 'jammy-security/multiverse': 44_700,
};

function inRelease(archive: UbuntuArchive, s: Source): string {
  return [
    '-----BEGIN PGP SIGNED MESSAGE-----', 'Hash: SHA512', '', 'Origin: Ubuntu', 'Label: Ubuntu', `Suite: ${s.suite}`,
    `Version: ${archive.version}`, `Codename: ${archive.codename}`, 'Architectures: amd64 arm64 armhf i386 ppc64el riscv64 s390x',
    'Components: main restricted universe multiverse', `Description: Ubuntu ${archive.codename === 'noble' ? 'Noble' : 'Jammy'} ${archive.version}`,
    '-----BEGIN PGP SIGNATURE-----', '(signature trimmed in dockersim)', '-----END PGP SIGNATURE-----', '',
  ].join('\n');
}

/** A third-party repository's InRelease: its own Origin, Label and components. */
function repoInRelease(r: Repository): string {
  return [
    '-----BEGIN PGP SIGNED MESSAGE-----', 'Hash: SHA512', '', `Origin: ${r.origin}`, `Label: ${r.label}`, `Suite: ${r.suite}`,
    `Codename: ${r.codename}`, `Architectures: ${r.architectures}`, `Components: ${r.components.join(' ')}`, `Description: ${r.description}`,
    '-----BEGIN PGP SIGNATURE-----', '(signature trimmed in dockersim)', '-----END PGP SIGNATURE-----', '',
  ].join('\n');
}

function planUpdate(sys: Sys, archive: UbuntuArchive, sources: readonly Source[]): IndexPlan {
  const items: FetchItem[] = [];
  const files = new Map<number, [string, string, boolean, number]>();
  const have = new Set(listDir(sys));
  // All InRelease files first, in sources order; their indexes after them.
  for (const s of sources) {
    const name = `${listPrefix(s)}_InRelease`;
    const hit = have.has(name);
    const repo = repositoryOf(archive, s);
    const size = repo ? repo.inReleaseSize : INDEX_SIZES[`${s.suite}:InRelease`] ?? 100_000;
    items.push({ host: s.host, description: `${s.uri} ${s.suite} InRelease`, uri: `${s.uri}/dists/${s.suite}/InRelease`, size, hit });
    files.set(items.length - 1, [name, repo ? repoInRelease(repo) : inRelease(archive, s), false, 0]);
  }
  for (const s of sources) {
    if (have.has(`${listPrefix(s)}_InRelease`)) continue;
    const repo = repositoryOf(archive, s);
    for (const c of s.components) {
      const size = repo ? repo.indexSizes[c] : INDEX_SIZES[`${s.suite}/${c}`];
      if (size === 0) {
        // An index the Release file lists but that holds nothing: fetched with the InRelease, no line.
        files.set(-1 - files.size, [packagesListName(s, c), '', true, 0]);
        continue;
      }
      items.push({ host: s.host, description: `${s.uri} ${s.suite}/${c} amd64 Packages`, uri: `${s.uri}/dists/${s.suite}/${c}/binary-amd64/Packages.gz`, size: size ?? 10_000, dependent: true });
      files.set(items.length - 1, [packagesListName(s, c), packagesIndexText(archive, s.suite, c, repo), true, size ?? 10_000]);
    }
  }
  return { items, files };
}

function listDir(sys: Sys): string[] {
  try {
    return sys.fs.readdir(LISTS);
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
}

export async function update(run: AptRun): Promise<number> {
  const { sys } = run;
  const archive = releaseOf(sys.fs);
  if (!archive) {
    await noArchive(run);
    return 100;
  }
  const lock = lockError(sys, `${LISTS}/lock`);
  if (lock) {
    await run.progress('Reading package lists');
    await run.error(lock);
    await run.error(`Unable to lock directory ${LISTS}/`);
    return 100;
  }
  // A source on a third-party repository's host that names a suite the model does not have is left out, said
  // in one line, and the run fails: serving it Ubuntu's archive, or nothing, would both be untrue.
  const unmodelled: Source[] = [];
  const sources = readSources(sys.fs).filter((s) => {
    const onRepoHost = THIRD_PARTY_REPOSITORIES.some((r) => s.uri === r.uri || s.host === hostOf(r.uri));
    if (onRepoHost && !repositoryOf(archive, s)) unmodelled.push(s);
    return !unmodelled.includes(s);
  });
  for (const s of unmodelled) {
    await run.flush();
    const have = THIRD_PARTY_REPOSITORIES.filter((r) => hostOf(r.uri) === s.host).map((r) => `${r.uri} ${r.suite}`).join(', ');
    await sys.write(2, `${run.binary}: dockersim models ${s.host} only as ${have} on Ubuntu 24.04, not ${s.uri} ${s.suite} here\n`);
  }
  const plan = planUpdate(sys, archive, sources);
  const result = await acquire(sys, plan.items, (s) => run.say(s), run.opts.quiet);
  for (const [i, [name, text, gz, size]] of plan.files) {
    if (i >= 0 && result.errors[i] !== null) continue;
    if (i < 0) {
      const owner = sources.find((s) => name.startsWith(`${listPrefix(s)}_`));
      const ownerItem = plan.items.findIndex((it) => owner && it.uri === `${owner.uri}/dists/${owner.suite}/InRelease`);
      if (ownerItem >= 0 && result.errors[ownerItem] !== null) continue;
    }
    writeList(sys.fs, name, text, gz, size);
  }
  if (result.ok || result.fetchedBytes > 0) await run.say(fetchedLine(result));
  await run.progress('Reading package lists');
  if (!result.ok) {
    for (let i = 0; i < plan.items.length; i++) {
      const e = result.errors[i];
      if (e) await run.warn(`Failed to fetch ${plan.items[i].uri}  ${e}`);
    }
    await run.warn('Some index files failed to download. They have been ignored, or old ones used instead.');
  }
  if (run.binary === 'apt') {
    await run.progress('Building dependency tree');
    await run.progress('Reading state information');
    await run.say('All packages are up to date.\n');
  }
  await run.flush();
  return unmodelled.length > 0 ? 100 : 0;
}

function hostOf(uri: string): string {
  return /^[a-z]+:\/\/([^/:]+)/.exec(uri)?.[1] ?? '';
}

// ---- the package world as apt sees it

function world(sys: Sys, archive: UbuntuArchive, status: ReadonlyMap<string, StatusEntry>): World {
  const avail = availableIndexes(sys.fs, readSources(sys.fs));
  return {
    archive,
    installed: (n) => (isInstalled(status.get(n)) ? status.get(n)!.fields.get('Version') : undefined),
    candidate: (n) => {
      const p = archive.packages.get(n);
      // A host-only package is a candidate where it is installed (the host): nowhere else is it unpacked.
      if (p?.hostOnly && !isInstalled(status.get(n))) return undefined;
      // dpkg's status is one of apt's sources: an installed version is a candidate without any index.
      if (p && isInstalled(status.get(n)) && status.get(n)!.fields.get('Version') === p.version) return p;
      return p && avail.has(indexKey(p)) ? p : undefined;
    },
  };
}

async function openCache(run: AptRun): Promise<{ archive: UbuntuArchive; status: Map<string, StatusEntry> } | null> {
  const { sys } = run;
  const archive = releaseOf(sys.fs);
  if (!archive) {
    await noArchive(run);
    return null;
  }
  const lock = lockError(sys, LOCK_FRONTEND);
  if (lock) {
    await run.error(lock);
    await run.error(`Unable to acquire the dpkg frontend lock (${LOCK_FRONTEND}), are you root?`);
    return null;
  }
  await run.progress('Reading package lists');
  await run.progress('Building dependency tree');
  await run.progress('Reading state information');
  return { archive, status: readStatus(sys.fs) };
}

/** Asks `Do you want to continue? [Y/n]` unless -y or -qq; false means the learner declined (or stdin ended). */
async function confirm(run: AptRun): Promise<boolean> {
  if (run.opts.yes || run.opts.quiet >= 2) return true;
  await run.out.write('Do you want to continue? [Y/n] ');
  await run.out.flush();
  const line = await readLine(run.sys);
  if (line === null) return false;
  const answer = line.replace(/\n$/, '');
  return answer === '' || /^(y|yes)/i.test(answer);
}

async function readLine(sys: Sys): Promise<string | null> {
  let buf = '';
  for (;;) {
    const chunk = await sys.read(0);
    if (chunk === null) return buf === '' ? null : buf;
    buf += chunk;
    if (buf.includes('\n')) return buf.slice(0, buf.indexOf('\n') + 1);
  }
}

async function abort(run: AptRun): Promise<number> {
  await run.out.write('Abort.\n');
  await run.flush();
  return 1;
}

function stats(installs: number, removes: number): string {
  return `0 upgraded, ${installs} newly installed, ${removes} to remove and 0 not upgraded.\n`;
}

function debconfUser(p: DebPackage): boolean {
  return p.debconf;
}

// ---- install

const UNLOCATABLE = 'Unable to locate package ';

/** Levenshtein distance, stopping early: only whether it is small matters. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export async function install(run: AptRun, names: readonly string[]): Promise<number> {
  const { sys } = run;
  const cache = await openCache(run);
  if (!cache) return 100;
  const { archive, status } = cache;
  const w = world(sys, archive, status);
  const requested = names.map((n) => n.replace(/:amd64$/, ''));
  const avail = availableIndexes(sys.fs, readSources(sys.fs));
  for (const n of requested) {
    const p = archive.packages.get(n);
    if (p?.hostOnly && !isInstalled(status.get(n)) && avail.has(indexKey(p))) {
      await run.flush();
      await sys.write(2, `${run.binary}: dockersim does not simulate installing ${n} here (only the learner's host has it, installed)\n`);
      return 100;
    }
  }
  const result = resolveInstall(w, requested, { installRecommends: run.opts.installRecommends });
  for (const n of result.ok ? result.plan.notes : result.notes) await run.say(`${n}\n`);
  if (!result.ok) {
    if (result.unmet) {
      await run.say('Some packages could not be installed. This may mean that you have\nrequested an impossible situation or if you are using the unstable\ndistribution that some required packages have not yet been created\nor been moved out of Incoming.\nThe following information may help to resolve the situation:\n\nThe following packages have unmet dependencies:\n');
      for (const l of result.unmet) await run.say(`${l}\n`);
    }
    for (const e of result.errors) await run.error(e);
    // With the indexes fetched, a name apt cannot find may still be a real Ubuntu package the model lacks; one
    // a letter (two in a long name) from a package the model has is taken for a typo of it (the book's `ngin`), where apt's
    // own line says it all.
    const missing = result.errors.filter((e) => e.startsWith(UNLOCATABLE)).map((e) => e.slice(UNLOCATABLE.length))
      .filter((n) => ![...archive.packages.keys()].some((k) => editDistance(n, k) <= (n.length < 8 ? 1 : 2))).map((n) => `'${n}'`);
    if (missing.length > 0 && avail.size > 0) {
      await run.flush();
      await sys.write(2, `${run.binary}: dockersim simulates ${archive.packages.size} of Ubuntu ${archive.version}'s packages; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among them (the real archive may have ${missing.length === 1 ? 'it' : 'them'})\n`);
    }
    return 100;
  }
  const plan = result.plan;
  const auto = readAuto(sys.fs);
  let autoChanged = false;
  for (const a of plan.alreadyNewest) {
    await run.say(`${a.name} is already the newest version (${a.version}).\n`);
    if (auto.delete(a.name)) {
      await run.say(`${a.name} set to manually installed.\n`);
      autoChanged = true;
    }
  }
  const news = plan.install;
  const extra = news.filter((p) => !plan.manual.has(p.name)).map((p) => p.name).sort();
  await run.say(showList('The following additional packages will be installed:', extra, run.width));
  await run.say(showList('Suggested packages:', plan.suggested, run.width));
  await run.say(showList('Recommended packages:', plan.recommended, run.width));
  await run.say(showList('The following NEW packages will be installed:', news.map((p) => p.name).sort(), run.width));
  await run.say(stats(news.length, 0));
  if (news.length === 0) {
    if (autoChanged) writeAuto(sys.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
    await run.flush();
    return 0;
  }
  const debBytes = news.reduce((s, p) => s + p.size, 0);
  const usr = news.reduce((s, p) => s + p.installedSize, 0) * 1024;
  await run.say(`Need to get ${sizeToStr(debBytes)}B of archives.\n`);
  await run.say(`After this operation, ${sizeToStr(usr)}B of additional disk space will be used.\n`);
  const ask = extra.length > 0;
  if (ask && !(await confirm(run))) return abort(run);
  if (run.opts.simulate) return simulateInstall(run, news);

  const sources = readSources(sys.fs);
  const base = sources.find((s) => s.host && s.suite === archive.codename && !repositoryOf(archive, s)) ?? sources[0];
  const items: FetchItem[] = news.map((p) => {
    // A third-party package comes from its repository's pool, Ubuntu's from the release's mirror.
    const from = (p.repo && sources.find((s) => s.uri === p.repo!.uri && s.suite === p.suite)) || base;
    return {
      host: from.host,
      description: `${from.uri} ${p.suite}/${p.component} amd64 ${p.name} ${p.arch} ${p.version}`,
      uri: `${from.uri}/${poolPath(p)}`,
      size: p.size,
    };
  });
  const got = await acquire(sys, items, (s) => run.say(s), run.opts.quiet);
  if (!got.ok) {
    for (let i = 0; i < items.length; i++) {
      const e = got.errors[i];
      if (e !== null) await run.error(`Failed to fetch ${items[i].uri}  ${e}`);
    }
    await run.error('Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?');
    return 100;
  }
  const env: ScriptEnv = { sys, archive, noninteractive: sys.env.DEBIAN_FRONTEND === 'noninteractive', tty: sys.isatty(0) && sys.isatty(1) };
  if (news.some(debconfUser)) {
    await run.out.flush();
    await run.err.write('debconf: delaying package configuration, since apt-utils is not installed\n');
    await run.err.flush();
  }
  await run.say(fetchedLine(got));
  await run.out.flush();

  // dpkg --unpack of every archive, then --configure --pending.
  let files = fileCount(sys, archive, status);
  const width = String(news.length - 1).length < 2 ? 2 : String(news.length - 1).length;
  let first = true;
  for (const [i, p] of news.entries()) {
    await run.dpkg(`Selecting previously unselected package ${dpkgName(p)}.\n`);
    if (first) {
      await run.dpkg(`(Reading database ... ${files} files and directories currently installed.)\n`);
      first = false;
    }
    const file = `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch}.deb`;
    await run.dpkg(`Preparing to unpack .../${news.length > 1 ? `${String(i).padStart(width, '0')}-` : ''}${file} ...\n`);
    await run.dpkg(`Unpacking ${dpkgName(p)} (${p.version}) ...\n`);
    const listed = unpack(sys.fs, archive, p);
    files += listed.length - 1;
    status.set(p.name, { name: p.name, status: 'install ok unpacked', fields: statusFields(p, 'install ok unpacked') });
    await run.out.flush();
    await sys.sleep(5 + Math.ceil(p.installedSize / 2000));
  }
  writeStatus(sys.fs, status);
  for (const p of news) {
    await run.dpkg(`Setting up ${dpkgName(p)} (${p.version}) ...\n`);
    await run.dpkg(postinst(env, p));
    status.set(p.name, { name: p.name, status: 'install ok installed', fields: statusFields(p) });
    await run.out.flush();
    await sys.sleep(3);
  }
  if (news.some((p) => p.sharedLib)) {
    await run.dpkg(`Processing triggers for libc-bin (${archive.libcVersion}) ...\n`);
  }
  const ca = news.find((p) => p.name === 'ca-certificates');
  if (ca) {
    await run.dpkg(`Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  }
  writeStatus(sys.fs, status);
  for (const p of news) if (!plan.manual.has(p.name)) auto.add(p.name);
  writeAuto(sys.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
  logHistory(run, 'Install', news);
  await run.flush();
  return 0;
}

async function simulateInstall(run: AptRun, news: readonly DebPackage[]): Promise<number> {
  const label = (p: DebPackage): string => `${p.name} (${p.version} Ubuntu:${p.suite} [${p.arch}])`;
  for (const p of news) await run.say(`Inst ${label(p)}\n`);
  for (const p of news) await run.say(`Conf ${label(p)}\n`);
  await run.flush();
  return 0;
}

/** dpkg's database size: the image's own count plus every path the packages installed since list. */
function fileCount(sys: Sys, archive: UbuntuArchive, status: ReadonlyMap<string, StatusEntry>): number {
  const extra = new Set<string>();
  for (const [name, e] of status) {
    if (archive.base.has(name) || !isInstalled(e)) continue;
    for (const l of readList(sys.fs, name) ?? []) if (l !== '/.') extra.add(l);
  }
  return archive.baseFileCount + extra.size;
}

/** /var/log/apt/history.log, as apt appends to it (docker diff shows it changed). */
function logHistory(run: AptRun, kind: 'Install' | 'Remove' | 'Purge', pkgs: readonly DebPackage[]): void {
  const { sys } = run;
  const stamp = formatLogDate(sys.now());
  const list = pkgs.map((p) => `${p.name}:${p.arch === 'all' ? 'amd64' : p.arch} (${p.version}${kind === 'Install' ? ', automatic' : ''})`).join(', ');
  const cmd = sys.argv.join(' ');
  try {
    sys.fs.writeFile('/var/log/apt/history.log', `\nStart-Date: ${stamp}\nCommandline: ${cmd}\n${kind}: ${list}\nEnd-Date: ${stamp}\n`, { append: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

function formatLogDate(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}  ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

// ---- remove, purge, autoremove

function dependsOn(e: StatusEntry, names: ReadonlySet<string>, withRecommends: boolean): boolean {
  const fields = ['Depends', 'Pre-Depends', ...(withRecommends ? ['Recommends'] : [])];
  for (const f of fields) {
    const v = e.fields.get(f);
    if (!v) continue;
    for (const group of parseRelations(v)) {
      if (group.every((r) => names.has(r.name))) return true;
    }
  }
  return false;
}

/** Auto-installed packages nothing manual still needs (Depends and Recommends keep a package). */
function garbage(status: ReadonlyMap<string, StatusEntry>, auto: ReadonlySet<string>, removing: ReadonlySet<string>): string[] {
  const keep = new Set<string>();
  const queue: string[] = [];
  for (const [n, e] of status) {
    if (!isInstalled(e) || removing.has(n)) continue;
    if (!auto.has(n)) {
      keep.add(n);
      queue.push(n);
    }
  }
  while (queue.length) {
    const n = queue.pop()!;
    const e = status.get(n)!;
    for (const f of ['Depends', 'Pre-Depends', 'Recommends']) {
      for (const group of parseRelations(e.fields.get(f) ?? '')) {
        for (const r of group) {
          if (!keep.has(r.name) && isInstalled(status.get(r.name)) && !removing.has(r.name)) {
            keep.add(r.name);
            queue.push(r.name);
          }
        }
      }
    }
  }
  return [...status.keys()].filter((n) => isInstalled(status.get(n)) && auto.has(n) && !keep.has(n) && !removing.has(n)).sort();
}

export async function remove(run: AptRun, names: readonly string[], mode: 'remove' | 'autoremove'): Promise<number> {
  const { sys } = run;
  const cache = await openCache(run);
  if (!cache) return 100;
  const { archive, status } = cache;
  const auto = readAuto(sys.fs);
  const removing = new Set<string>();
  for (const raw of names) {
    const n = raw.replace(/:amd64$/, '');
    if (!archive.packages.has(n) && !status.has(n)) {
      await run.error(`Unable to locate package ${n}`);
      return 100;
    }
    if (!isInstalled(status.get(n))) {
      await run.say(`Package '${n}' is not installed, so not removed\n`);
      continue;
    }
    removing.add(n);
  }
  // Whatever depends on a package being removed goes too.
  for (let grew = true; grew;) {
    grew = false;
    for (const [n, e] of status) {
      if (removing.has(n) || !isInstalled(e)) continue;
      if (dependsOn(e, removing, false)) {
        removing.add(n);
        grew = true;
      }
    }
  }
  // The host's own packages were never unpacked by this model, so dpkg has no list of their files to remove.
  const unlisted = [...removing].filter((n) => !archive.base.has(n) && readList(sys.fs, n) === null).sort();
  if (unlisted.length > 0) {
    await run.flush();
    await sys.write(2, `${run.binary}: dockersim does not simulate removing ${unlisted.join(', ')} (a package of the learner's host)\n`);
    return 100;
  }
  const unneeded = garbage(status, auto, removing);
  if (mode === 'autoremove' || run.opts.autoRemove) for (const n of unneeded) removing.add(n);
  else if (unneeded.length) {
    await run.say(showList(unneeded.length === 1 ? 'The following package was automatically installed and is no longer required:' : 'The following packages were automatically installed and are no longer required:', unneeded, run.width));
    const cmd = sys.env.SUDO_USER ? 'sudo apt autoremove' : 'apt autoremove';
    await run.say(`Use '${cmd}' to remove ${unneeded.length === 1 ? 'it' : 'them'}.\n`);
  }
  const essential = [...removing].filter((n) => archive.base.has(n) && archive.base.get(n)!.priority === 'required');
  const shown = [...removing].sort().map((n) => (run.opts.purge ? `${n}*` : n));
  await run.say(showList('The following packages will be REMOVED:', shown, run.width));
  await run.say(stats(0, removing.size));
  if (removing.size === 0) {
    await run.flush();
    return 0;
  }
  if (essential.length) {
    await run.error('Removing essential system-critical packages is not permitted. This might break the system.');
    return 100;
  }
  const freed = [...removing].reduce((s, n) => s + Number(status.get(n)!.fields.get('Installed-Size') ?? '0'), 0) * 1024;
  await run.say(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  if (!(await confirm(run))) return abort(run);

  const files = fileCount(sys, archive, status);
  await run.dpkg(`(Reading database ... ${files} files and directories currently installed.)\n`);
  const others = pathsOfOthers(sys.fs, removing);
  const order = [...removing].sort();
  const removed: DebPackage[] = [];
  const purgeLater: { name: string; ma: boolean; version: string; list: readonly string[] }[] = [];
  let libs = false;
  for (const n of order) {
    const e = status.get(n)!;
    const version = e.fields.get('Version') ?? '';
    const ma = e.fields.get('Multi-Arch') === 'same';
    await run.dpkg(`Removing ${ma ? `${n}:amd64` : n} (${version}) ...\n`);
    const list = readList(sys.fs, n) ?? [];
    for (const w of removeFiles(sys.fs, n, ma, list, run.opts.purge, others)) await run.dpkg(w);
    const hasConf = list.some((l) => l.startsWith('/etc/'));
    const listPath = `/var/lib/dpkg/info/${ma ? `${n}:amd64` : n}.list`;
    if (sys.fs.exists(listPath)) sys.fs.unlink(listPath);
    if (hasConf) {
      e.status = 'deinstall ok config-files';
      e.fields.set('Status', e.status);
      if (run.opts.purge) purgeLater.push({ name: n, ma, version, list });
    } else if (run.opts.purge) {
      status.set(n, notInstalled(n, e));
    } else status.delete(n);
    auto.delete(n);
    const p = archive.packages.get(n);
    if (p) {
      removed.push(p);
      libs ||= p.sharedLib;
    }
    await run.out.flush();
    await sys.sleep(3);
  }
  if (libs) await run.dpkg(`Processing triggers for libc-bin (${archive.libcVersion}) ...\n`);
  if (purgeLater.length > 0) {
    // apt runs dpkg --purge after --remove: a second pass over the database.
    await run.dpkg(`(Reading database ... ${fileCount(sys, archive, status)} files and directories currently installed.)\n`);
    for (const p of purgeLater) {
      await run.dpkg(`Purging configuration files for ${p.ma ? `${p.name}:amd64` : p.name} (${p.version}) ...\n`);
      for (const w of removeFiles(sys.fs, p.name, p.ma, p.list, true, others)) await run.dpkg(w);
      status.set(p.name, notInstalled(p.name, status.get(p.name)!));
    }
  }
  writeStatus(sys.fs, status);
  writeAuto(sys.fs, auto, (n) => archive.packages.get(n)?.arch ?? 'amd64');
  logHistory(run, run.opts.purge ? 'Purge' : 'Remove', removed);
  await run.flush();
  return 0;
}

/** What dpkg keeps of a purged package: its name and the wish, no version. */
function notInstalled(name: string, e: StatusEntry): StatusEntry {
  const fields = new Map<string, string>([['Package', name], ['Status', 'purge ok not-installed']]);
  const arch = e.fields.get('Architecture');
  if (arch) fields.set('Architecture', arch);
  return { name, status: 'purge ok not-installed', fields };
}

// ---- upgrade, clean

export async function upgrade(run: AptRun): Promise<number> {
  const cache = await openCache(run);
  if (!cache) return 100;
  await run.progress('Calculating upgrade');
  await run.say(stats(0, 0));
  await run.flush();
  return 0;
}

export async function clean(run: AptRun): Promise<number> {
  const { sys } = run;
  const lock = lockError(sys, '/var/cache/apt/archives/lock');
  if (lock) {
    await run.error(lock);
    await run.error('Unable to lock directory /var/cache/apt/archives/');
    return 100;
  }
  for (const dir of ['/var/cache/apt/archives', '/var/cache/apt/archives/partial']) {
    let names: string[] = [];
    try {
      names = sys.fs.readdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    for (const n of names) if (n.endsWith('.deb')) sys.fs.unlink(`${dir}/${n}`);
  }
  for (const f of ['/var/cache/apt/pkgcache.bin', '/var/cache/apt/srcpkgcache.bin']) if (sys.fs.exists(f)) sys.fs.unlink(f);
  return 0;
}
