/**
 * apk-tools 2.14 (alpine:3.21's package manager) over the offline v3.21 index (engine/rootfs/packages/
 * alpine321.ts): update, add, del and info (search is refused: the index here is a slice, and a partial
 * answer would mislead). Its state is apk's own files: /etc/apk/world, the
 * installed database /lib/apk/db/installed and the index cache /var/cache/apk/APKINDEX.*.tar.gz, which
 * apk refreshes by itself when it is missing or older than 4 hours, so a fresh container's `apk add`
 * prints the `fetch` lines an Ubuntu container needs `apt-get update` for. Messages are apk_message (stdout),
 * warnings and errors apk_warning/apk_error (stderr), worded as in apk-tools 2.14.6's sources.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { Tree } from '../../engine/fs/tree.js';
import {
  ALPINE_321_INDEX, ALPINE_321_OFFERED, ALPINE_321_UNMODELLED, ALPINE_BASE_SIZES, ALPINE_MIRROR_HOST, ALPINE_REPOS, apkPackageFiles, type AlpineRepo, type ApkPackage,
} from '../../engine/rootfs/packages/alpine321.js';
import { BANDWIDTH_BYTES_PER_MS, REQUEST_MS } from '../apt/fetch.js';
import { getaddrinfo } from '../lib/resolver.js';
import { Output } from '../lib/output.js';
import { keptBy, solve } from './solve.js';

const DB = '/lib/apk/db/installed';
const WORLD = '/etc/apk/world';
const LOCK = '/lib/apk/db/lock';
const CACHE_DIR = '/var/cache/apk';
/** db->cache_max_age: an index older than this is fetched again. */
const CACHE_MAX_AGE_MS = 4 * 60 * 60 * 1000;
const BUSYBOX_TRIGGER = 'Executing busybox-1.37.0-r12.trigger';
/** busybox's trigger watches these; a package with files in them fires it. */
const TRIGGER_DIRS = ['/bin/', '/sbin/', '/usr/bin/', '/usr/sbin/'];
/** When v3.21's packages were built: the time their files carry on disk. */
const BUILD_TIME = Date.UTC(2025, 1, 13, 12);

interface Installed {
  readonly name: string;
  readonly version: string;
  readonly size: number;
  readonly depends: readonly string[];
  /** One of the image's own packages, whose dependencies dockersim does not record: never purged. */
  readonly base: boolean;
  readonly files: readonly string[];
  /** The entry as the file has it, written back unchanged. */
  readonly text: string;
}

interface Opts {
  noCache: boolean;
  updateCache: boolean;
  quiet: boolean;
}

class ApkRun {
  readonly out: Output;
  constructor(readonly sys: Sys, readonly opts: Opts) {
    this.out = new Output(sys, 1);
  }

  async msg(s: string): Promise<void> {
    if (!this.opts.quiet) await this.out.write(`${s}\n`);
  }

  async err(s: string): Promise<void> {
    await this.out.flush();
    await this.sys.write(2, `${s}\n`);
  }
}

// ---- the database

function readText(sys: Sys, path: string): string | null {
  try {
    return sys.fs.readText(path);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

function readInstalled(sys: Sys): Map<string, Installed> {
  const out = new Map<string, Installed>();
  for (const block of (readText(sys, DB) ?? '').split(/\n\n+/)) {
    if (!block.trim()) continue;
    let name = '', version = '', size = -1, dir = '';
    let depends: string[] = [];
    const files: string[] = [];
    for (const line of block.split('\n')) {
      const [k, v] = [line.slice(0, 1), line.slice(2)];
      if (k === 'P') name = v;
      else if (k === 'V') version = v;
      else if (k === 'I') size = Number(v);
      else if (k === 'D') depends = v.split(' ').filter(Boolean);
      else if (k === 'F') files.push(`/${dir = v}`);
      else if (k === 'R') files.push(`/${dir}/${v}`);
    }
    const base = Object.hasOwn(ALPINE_BASE_SIZES, name);
    if (name) out.set(name, { name, version, size: size >= 0 ? size : ALPINE_BASE_SIZES[name] ?? 0, depends, base, files, text: `${block.trim()}\n` });
  }
  return out;
}

function readWorld(sys: Sys): string[] {
  return (readText(sys, WORLD) ?? '').split(/\s+/).filter(Boolean);
}

function entryFor(p: ApkPackage, tree: Tree): string {
  const lines = [`P:${p.name}`, `V:${p.version}`, 'A:x86_64', `I:${p.size}`, `T:${p.description}`, `o:${p.name}`,
    'm:Natanael Copa <ncopa@alpinelinux.org>'];
  if (p.depends.length) lines.push(`D:${p.depends.join(' ')}`);
  // apk records each directory (F:) followed by its files (R:), links included.
  const byDir = new Map<string, string[]>();
  for (const [path, e] of Object.entries(tree)) {
    if (path === '/') continue;
    if (e.type === 'dir') {
      if (!byDir.has(path)) byDir.set(path, []);
      continue;
    }
    const dir = path.slice(0, path.lastIndexOf('/'));
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.slice(dir.length + 1)]);
  }
  for (const [dir, names] of [...byDir].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`F:${dir.slice(1)}`, ...names.sort().map((n) => `R:${n}`));
  }
  return `${lines.join('\n')}\n`;
}

/** apk's lock: root creates and flocks it; anyone else cannot open it for writing. */
function lockError(sys: Sys): string | null {
  try {
    sys.close(sys.open(LOCK, 'a', 0o600));
    return null;
  } catch (e) {
    if (isSysError(e)) return e.message;
    throw e;
  }
}

// ---- the repositories

interface Repos {
  /** Packages the loaded indexes offer that dockersim models. */
  readonly available: Map<string, ApkPackage>;
  readonly loaded: AlpineRepo[];
  readonly unavailable: number;
  readonly stale: number;
}

/** apk_error_str for the ways the mirror cannot be reached. */
const NET_ERRORS = { EAI_AGAIN: 'temporary error (try again later)', EAI_NONAME: 'DNS lookup error' } as const;

async function download(run: ApkRun, bytes: number): Promise<string | null> {
  const r = await getaddrinfo(run.sys, ALPINE_MIRROR_HOST);
  if (!r.ok) return NET_ERRORS[r.error];
  await run.sys.sleep(REQUEST_MS + Math.ceil(bytes / BANDWIDTH_BYTES_PER_MS));
  return null;
}

/** apk_db_add_repository for each configured repository: fetch its index if due, then load it. */
async function openRepos(run: ApkRun, force: boolean): Promise<Repos | string> {
  const { sys } = run;
  const urls = (readText(sys, '/etc/apk/repositories') ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const loaded: AlpineRepo[] = [];
  let unavailable = 0, stale = 0;
  for (const url of urls) {
    const repo = ALPINE_REPOS.find((r) => r.url === url.replace(/\/+$/, ''));
    if (!repo) return `repository ${url} is not simulated in dockersim (only Alpine v3.21 main and community are)`;
    const indexUrl = `${repo.url}/x86_64/APKINDEX.tar.gz`;
    let ok: boolean;
    let action: string;
    let updateError: string | null = null;
    if (run.opts.noCache) {
      await run.msg(`fetch ${indexUrl}`);
      await run.out.flush();
      updateError = await download(run, repo.indexBytes);
      ok = updateError === null;
      action = 'fetching';
      if (!ok) {
        await run.err(`WARNING: ${action} ${repo.url}: ${updateError}`);
        unavailable += 2;
      }
      if (ok) loaded.push(repo);
      continue;
    }
    const cache = `${CACHE_DIR}/${repo.cacheFile}`;
    let age = Infinity;
    try {
      age = sys.now() - sys.fs.stat(cache).mtimeMs;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    if (force || run.opts.updateCache || age > CACHE_MAX_AGE_MS) {
      await run.msg(`fetch ${indexUrl}`);
      await run.out.flush();
      updateError = await download(run, repo.indexBytes);
      if (updateError === null) {
        if (!sys.fs.exists(CACHE_DIR)) sys.fs.mkdir(CACHE_DIR, { mode: 0o755 });
        sys.fs.writeFile(cache, `(the gzipped, signed APKINDEX of ${repo.url}; dockersim keeps its index in code)\n`, { mode: 0o644 });
      }
    }
    ok = sys.fs.exists(cache);
    if (ok) loaded.push(repo);
    if (updateError !== null) {
      if (ok) stale++;
      // apk 2.14 counts an unopenable remote repository as unavailable twice (in its error path and after).
      else unavailable += 2;
      await run.err(`WARNING: ${ok ? 'updating' : 'updating and opening'} ${repo.url}: ${updateError}`);
    }
  }
  const available = new Map<string, ApkPackage>();
  for (const p of ALPINE_321_INDEX.values()) if (loaded.some((r) => r.url.endsWith(`/${p.repo}`))) available.set(p.name, p);
  return { available, loaded, unavailable, stale };
}

async function okLine(run: ApkRun, installed: ReadonlyMap<string, Installed>, errors: number): Promise<void> {
  const bytes = [...installed.values()].reduce((s, p) => s + p.size, 0);
  const head = errors ? `${errors} error${errors > 1 ? 's' : ''};` : 'OK:';
  await run.msg(`${head} ${Math.floor(bytes / (1024 * 1024))} MiB in ${installed.size} packages`);
}

// ---- applets

async function update(run: ApkRun): Promise<number> {
  const repos = await openRepos(run, true);
  if (typeof repos === 'string') return refuse(run, repos);
  for (const r of repos.loaded) await run.msg(`${r.description} [${r.url}]`);
  const distinct = repos.loaded.reduce((s, r) => s + r.packages, 0) || readInstalled(run.sys).size;
  const head = repos.unavailable || repos.stale ? `${repos.unavailable} unavailable, ${repos.stale} stale;` : 'OK:';
  await run.msg(`${head} ${distinct} distinct packages available`);
  await run.out.flush();
  return Math.min(99, repos.unavailable + repos.stale);
}

/** Changes the world and commits what the solver says: installs, purges, triggers, the OK line. */
async function commit(run: ApkRun, world: string[], installed: Map<string, Installed>, available: ReadonlyMap<string, ApkPackage>): Promise<number> {
  const { sys } = run;
  const deps = new Map<string, readonly string[]>([...installed.values()].map((p) => [p.name, p.depends]));
  // The image's own packages carry no dependency lines here: they stay, as their real dependents keep them.
  const roots = [...world, ...[...installed.values()].filter((p) => p.base).map((p) => p.name)];
  const s = solve(roots, deps, available);
  const unmodelled = s.missing.filter((m) => ALPINE_321_UNMODELLED.has(m));
  if (unmodelled.length && available.size) {
    return refuse(run, `${unmodelled.join(', ')}: in Alpine v3.21 but not simulated in dockersim (it models ${ALPINE_321_OFFERED.join(' and ')} with their dependencies)`);
  }
  if (s.missing.length) {
    await run.err('ERROR: unable to select packages:');
    for (const m of s.missing) await run.err(`  ${m} (no such package):\n    required by: world[${m}]`);
    // apk_solver_solve's error count is the exit status.
    return Math.min(99, s.missing.length);
  }
  const total = s.install.length + s.purge.length;
  let n = 0;
  let trigger = false;
  for (const name of s.purge) {
    const p = installed.get(name)!;
    await run.msg(`(${++n}/${total}) Purging ${name} (${p.version})`);
    if (ALPINE_321_INDEX.get(name)?.postInstall === 'add-shell-bash') {
      // bash's pre-deinstall: remove-shell /bin/bash.
      await run.msg(`Executing ${name}-${p.version}.pre-deinstall`);
      const shells = readText(sys, '/etc/shells');
      if (shells !== null) sys.fs.writeFile('/etc/shells', shells.split('\n').filter((l) => l !== '/bin/bash').join('\n'));
    }
    if (removeFiles(sys, p.files)) trigger = true;
    installed.delete(name);
  }
  let errors = 0;
  for (const p of s.install) {
    await run.msg(`(${++n}/${total}) Installing ${p.name} (${p.version})`);
    await run.out.flush();
    const err = await download(run, Math.ceil(p.size / 2));
    if (err !== null) {
      // The package stays out of the database; apk goes on with the next one and counts the errors.
      await run.err(`ERROR: ${p.name}-${p.version}: ${err}`);
      errors++;
      continue;
    }
    const tree = apkPackageFiles(p, BUILD_TIME);
    if (writeFiles(sys, tree)) trigger = true;
    if (p.postInstall === 'add-shell-bash') {
      await run.msg(`Executing ${p.name}-${p.version}.post-install`);
      const shells = readText(sys, '/etc/shells') ?? '';
      if (!shells.split('\n').includes('/bin/bash')) sys.fs.writeFile('/etc/shells', `${shells}/bin/bash\n`);
    }
    const text = entryFor(p, tree);
    installed.set(p.name, { name: p.name, version: p.version, size: p.size, depends: p.depends, base: false, files: [], text });
  }
  if (trigger) await run.msg(BUSYBOX_TRIGGER);
  sys.fs.writeFile(DB, [...installed.values()].map((p) => p.text).join('\n'));
  sys.fs.writeFile(WORLD, world.map((w) => `${w}\n`).join(''));
  await okLine(run, installed, errors);
  await run.out.flush();
  return Math.min(99, errors);
}

function writeFiles(sys: Sys, tree: Tree): boolean {
  let trigger = false;
  for (const [path, e] of Object.entries(tree)) {
    if (path === '/') continue;
    if (e.type === 'dir') {
      if (!sys.fs.exists(path)) sys.fs.mkdir(path, { mode: e.mode ?? 0o755 });
      continue;
    }
    if (TRIGGER_DIRS.some((d) => path.startsWith(d) && !path.slice(d.length).includes('/'))) trigger = true;
    if (e.type === 'file') {
      sys.fs.writeFile(path, e.content, { mode: e.mode ?? 0o644 });
      sys.fs.chmod(path, e.mode ?? 0o644);
      if (e.mtimeMs !== undefined) sys.fs.utimes(path, e.mtimeMs, e.mtimeMs);
    } else if (e.type === 'symlink') {
      if (sys.fs.exists(path)) sys.fs.unlink(path);
      sys.fs.symlink(e.target, path);
    }
  }
  return trigger;
}

/** Removes a package's files, then its directories that are left empty (deepest first). */
function removeFiles(sys: Sys, files: readonly string[]): boolean {
  let trigger = false;
  const paths = [...files].sort((a, b) => b.length - a.length);
  for (const path of paths) {
    try {
      const st = sys.fs.lstat(path);
      if (st.type === 'dir') {
        if (sys.fs.readdir(path).length === 0) sys.fs.rmdir(path);
      } else {
        sys.fs.unlink(path);
        if (TRIGGER_DIRS.some((d) => path.startsWith(d) && !path.slice(d.length).includes('/'))) trigger = true;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return trigger;
}

async function add(run: ApkRun, names: readonly string[]): Promise<number> {
  const bad = names.find((n) => /[<>=~]/.test(n));
  if (bad) return refuse(run, `version constraints (${bad}) are not simulated in dockersim`);
  const repos = await openRepos(run, false);
  if (typeof repos === 'string') return refuse(run, repos);
  const world = [...new Set([...readWorld(run.sys), ...names])].sort();
  return commit(run, world, readInstalled(run.sys), repos.available);
}

/** del opens the repositories without refreshing them: a missing cache is a warning, as apk_db_add_repository words it. */
async function openCachedRepos(run: ApkRun): Promise<void> {
  if (run.opts.noCache) return;
  const urls = (readText(run.sys, '/etc/apk/repositories') ?? '').split('\n').map((l) => l.trim().replace(/\/+$/, '')).filter((l) => l && !l.startsWith('#'));
  for (const url of urls) {
    const repo = ALPINE_REPOS.find((r) => r.url === url);
    if (repo && !run.sys.fs.exists(`${CACHE_DIR}/${repo.cacheFile}`)) await run.err(`WARNING: opening from cache ${url}: No such file or directory`);
  }
}

async function del(run: ApkRun, names: readonly string[]): Promise<number> {
  await openCachedRepos(run);
  const installed = readInstalled(run.sys);
  const world = readWorld(run.sys);
  let errors = 0;
  for (const n of names) {
    // apk knows a name from the installed database, the world, or an index it has cached.
    const indexed = (ALPINE_321_INDEX.has(n) || ALPINE_321_UNMODELLED.has(n)) && ALPINE_REPOS.some((r) => run.sys.fs.exists(`${CACHE_DIR}/${r.cacheFile}`));
    if (!installed.has(n) && !indexed && !world.includes(n)) {
      await run.err(`ERROR: No such package: ${n}`);
      errors++;
    } else if (installed.get(n)?.base) return refuse(run, `removing ${n}, a package of the image itself, is not simulated in dockersim`);
  }
  if (errors) return Math.min(99, errors);
  const newWorld = world.filter((w) => !names.includes(w));
  const deps = new Map<string, readonly string[]>([...installed.values()].map((p) => [p.name, p.depends]));
  const kept = names.filter((n) => installed.has(n)).map((n) => [n, keptBy(n, newWorld, deps)] as const).filter(([, by]) => by.length);
  if (kept.length) {
    await run.msg('World updated, but the following packages are not removed due to:');
    for (const [n, by] of kept) await run.msg(`  ${n}: ${by.join(' ')}`);
    // del_main ends the block with a bare newline.
    await run.msg('');
  }
  return commit(run, newWorld, installed, new Map());
}

async function info(run: ApkRun, args: readonly string[]): Promise<number> {
  if (args.length) return refuse(run, 'apk info with arguments is not simulated in dockersim (plain `apk info` lists what is installed)');
  for (const name of [...readInstalled(run.sys).keys()].sort()) await run.out.write(`${name}\n`);
  await run.out.flush();
  return 0;
}

async function refuse(run: ApkRun, what: string): Promise<number> {
  await run.err(`apk: ${what}`);
  return 1;
}

const WRITE_APPLETS = new Set(['update', 'add', 'del']);

export const apk: Program = async (sys) => {
  const opts: Opts = { noCache: false, updateCache: false, quiet: false };
  const rest: string[] = [];
  for (const a of sys.argv.slice(1)) {
    if (a === '--no-cache') opts.noCache = true;
    else if (a === '-U' || a === '--update-cache') opts.updateCache = true;
    else if (a === '-q' || a === '--quiet') opts.quiet = true;
    else if (a === '-V' || a === '--version') {
      // apk-tools-2.14.6-r3 is the image's build; the option ends the run at once (-ESHUTDOWN, exit 0).
      await sys.write(1, 'apk-tools 2.14.6, compiled for x86_64.\n');
      return 0;
    }
    else if (a.startsWith('-')) {
      await sys.write(2, `apk: option ${a} is not simulated in dockersim\n`);
      return 1;
    } else rest.push(a);
  }
  const run = new ApkRun(sys, opts);
  const [cmd, ...args] = rest;
  if (cmd === undefined) return refuse(run, 'a command is needed (update, add, del, info)');
  if (!['update', 'add', 'del', 'info'].includes(cmd)) return refuse(run, `'${cmd}' is not simulated in dockersim`);
  // Images built FROM alpine (nginx:alpine) carry packages of their own that their database here does not
  // list: counting and solving over alpine's 15 alone would answer wrongly.
  if (sys.fs.exists('/usr/sbin/nginx') && !readInstalled(sys).has('nginx')) {
    return refuse(run, "this image's own packages are not recorded in dockersim; apk is simulated on alpine:3.21");
  }
  if (WRITE_APPLETS.has(cmd)) {
    const e = lockError(sys);
    if (e !== null) {
      await run.err(`ERROR: Unable to lock database: ${e}\nERROR: Failed to open apk database: ${e}`);
      return 99;
    }
  }
  if ((cmd === 'add' || cmd === 'del') && args.length === 0) {
    // apk_applet's min args: apk prints its usage; dockersim says so in one line.
    return refuse(run, `${cmd} needs a package name`);
  }
  switch (cmd) {
    case 'update':
      return update(run);
    case 'add':
      return add(run, args);
    case 'del':
      return del(run, args);
    default:
      return info(run, args);
  }
};
