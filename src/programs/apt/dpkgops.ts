/**
 * dpkg's half of an install or removal: unpacking a package's files into the (container's) filesystem,
 * recording them in /var/lib/dpkg/info/<pkg>.list, and the maintainer-script effects and lines a learner
 * sees while packages are set up (debconf's frontend fallbacks, update-alternatives, invoke-rc.d, adduser).
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { Tree } from '../../engine/fs/tree.js';
import type { DebPackage, UbuntuArchive } from '../../engine/rootfs/packages/archive.js';
import { packageFiles } from '../../engine/rootfs/packages/contents.js';
import { sizePackage } from '../../engine/rootfs/sizes.js';
import { REDIS_POSTINST } from '../../engine/rootfs/packages/redis.js';
import { INFO, listFile } from './state.js';

/** When the archive's packages were built: the time their files carry on disk. */
const BUILD_TIME: Record<string, number> = { '24.04': Date.UTC(2024, 8, 10, 12), '22.04': Date.UTC(2024, 6, 30, 12) };

export function unpack(fs: Fs, archive: UbuntuArchive, p: DebPackage): string[] {
  // The package's files weigh what its Installed-Size says (KiB), so the layer does too.
  const mtimeMs = BUILD_TIME[archive.version];
  const files = packageFiles(p.name, archive.version, { sharedLib: p.sharedLib, mtimeMs });
  const tree: Tree = sizePackage(files, p.installedSize * 1024, { path: `/usr/share/doc/${p.name}/changelog.Debian.gz`, text: changelog(p, archive.codename, mtimeMs), mtimeMs });
  const listed: string[] = ['/.'];
  for (const path of Object.keys(tree)) {
    if (path === '/') continue;
    const e = tree[path];
    listed.push(path);
    if (e.type === 'dir') {
      if (!fs.exists(path)) {
        fs.mkdir(path, { mode: e.mode ?? 0o755 });
        if (e.uid || e.gid) fs.chown(path, e.uid ?? 0, e.gid ?? 0);
      }
    } else if (e.type === 'file') {
      // A conffile the admin already has is kept, as dpkg keeps a modified one.
      if (path.startsWith('/etc/') && fs.exists(path)) continue;
      fs.writeFile(path, e.content, { mode: e.mode ?? 0o644 });
      fs.chmod(path, e.mode ?? 0o644);
      if (e.uid || e.gid) fs.chown(path, e.uid ?? 0, e.gid ?? 0);
      if (e.mtimeMs !== undefined) fs.utimes(path, e.mtimeMs, e.mtimeMs);
    } else if (e.type === 'symlink') {
      if (isLink(fs, path)) fs.unlink(path);
      fs.symlink(e.target, path);
    }
  }
  fs.writeFile(listFile(p.name, p.multiArchSame), `${listed.join('\n')}\n`);
  return listed;
}

/** The top of a changelog.Debian as dch writes it, the rest trimmed as the copyright files are. */
function changelog(p: DebPackage, codename: string, mtimeMs: number): string {
  return (
    `${p.source} (${p.version}) ${codename}; urgency=medium\n\n` +
    '  * (The rest of this changelog is trimmed in dockersim.)\n\n' +
    ` -- Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>  ${rfc2822(mtimeMs)}\n`
  );
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc2822(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function isLink(fs: Fs, path: string): boolean {
  try {
    return fs.lstat(path).type === 'symlink';
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

/**
 * Removes what a package's list names, deepest first; directories only when empty and not another
 * package's (dpkg warns when one it owns alone still holds files). Conffiles under /etc stay unless purging.
 * Returns dpkg's warnings.
 */
/** Directories the image's own packages (base-files, the libraries) hold: never a removed package's alone. */
const SYSTEM_DIRS = new Set([
  '/etc', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib/x86_64-linux-gnu', '/usr/share', '/usr/share/doc',
  '/usr/share/man', '/usr/share/man/man1', '/usr/share/man/man8', '/usr/share/locale', '/usr/share/info', '/usr/lib/systemd',
  '/usr/lib/systemd/system', '/etc/systemd', '/etc/systemd/system', '/var', '/var/lib', '/var/log', '/var/cache', '/usr/libexec',
  '/etc/default', '/etc/init.d', '/etc/logrotate.d', '/etc/cron.daily', '/etc/ssl', '/usr/share/zoneinfo', '/var/www', '/run', '/etc/profile.d',
]);

export function removeFiles(fs: Fs, name: string, multiArchSame: boolean, files: readonly string[], purge: boolean, otherLists: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  const paths = [...files].filter((f) => f !== '/.').sort((a, b) => b.length - a.length || (a < b ? 1 : -1));
  for (const path of paths) {
    if (!purge && path.startsWith('/etc/')) continue;
    let st;
    try {
      st = fs.lstat(path);
    } catch (e) {
      if (isSysError(e)) continue;
      throw e;
    }
    if (st.type === 'dir') {
      if (otherLists.has(path) || SYSTEM_DIRS.has(path)) continue;
      if (fs.readdir(path).length > 0) {
        if (!path.startsWith('/etc/') || purge) warnings.push(`dpkg: warning: while removing ${multiArchSame ? `${name}:amd64` : name}, directory '${path}' not empty so not removed\n`);
        continue;
      }
      fs.rmdir(path);
    } else {
      if (otherLists.has(path)) continue;
      fs.unlink(path);
    }
  }
  return warnings;
}

/** Every path other installed packages' lists name (a file or directory dpkg must leave in place). */
export function pathsOfOthers(fs: Fs, except: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  let names: string[] = [];
  try {
    names = fs.readdir(INFO);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  for (const n of names) {
    if (!n.endsWith('.list')) continue;
    const pkg = n.slice(0, -5).replace(/:amd64$/, '');
    if (except.has(pkg)) continue;
    for (const line of fs.readText(`${INFO}/${n}`).split('\n')) if (line) out.add(line);
  }
  return out;
}

// ---- maintainer scripts

export interface ScriptEnv {
  readonly sys: Sys;
  readonly archive: UbuntuArchive;
  /** DEBIAN_FRONTEND=noninteractive */
  readonly noninteractive: boolean;
  /** stdin is a terminal (debconf could use it). */
  readonly tty: boolean;
}

const PERL_INC: Record<string, string> = {
  '24.04': '/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.38.2 /usr/local/share/perl/5.38.2 /usr/lib/x86_64-linux-gnu/perl5/5.38 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/5.38 /usr/share/perl/5.38 /usr/local/lib/site_perl',
  '22.04': '/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.34.0 /usr/local/share/perl/5.34.0 /usr/lib/x86_64-linux-gnu/perl5/5.34 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base /usr/lib/x86_64-linux-gnu/perl/5.34 /usr/share/perl/5.34 /usr/local/lib/site_perl',
};

/**
 * What debconf prints when a maintainer script starts it without a usable frontend: the image has neither
 * dialog/whiptail nor Term::ReadLine, so it falls back to Teletype (on a terminal) after saying why.
 */
export function debconfFallback(env: ScriptEnv): string {
  if (env.noninteractive) return '';
  const dialogLine = env.archive.version === '24.04' ? 79 : 78;
  const readline = env.tty
    ? `debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: ${PERL_INC[env.archive.version]}) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line 8.)\n`
    : 'debconf: (This frontend requires a controlling tty.)\n';
  return 'debconf: unable to initialize frontend: Dialog\n'
    + `debconf: (No usable dialog-like program is installed, so the dialog based frontend cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line ${dialogLine}.)\n`
    + 'debconf: falling back to frontend: Readline\n'
    + (env.tty ? '' : 'debconf: unable to initialize frontend: Readline\n')
    + readline
    + 'debconf: falling back to frontend: Teletype\n';
}

interface Alternative {
  readonly name: string;
  readonly link: string;
  readonly path: string;
  readonly priority: number;
  /** Man-page slaves: `[slave link, target]`, each skipped (with a warning) on a minimized image. */
  readonly man?: readonly (readonly [string, string])[];
}

const MAN_LANGS = ['da', 'de', 'fr', 'it', 'ja', 'pl', 'ru', 'tr'];

function manSlaves(page: string, target: string, langs: readonly string[]): [string, string][] {
  return [
    ...langs.map((l) => [`/usr/share/man/${l}/man1/${page}.1.gz`, `/usr/share/man/${l}/man1/${target}.1.gz`] as [string, string]),
    [`/usr/share/man/man1/${page}.1.gz`, `/usr/share/man/man1/${target}.1.gz`],
  ];
}

/** update-alternatives --install calls of packages' postinst scripts, in their order. */
const ALTERNATIVES: Readonly<Record<string, readonly Alternative[]>> = {
  vim: [
    { name: 'vim', link: '/usr/bin/vim', path: '/usr/bin/vim.basic', priority: 30 },
    { name: 'vimdiff', link: '/usr/bin/vimdiff', path: '/usr/bin/vim.basic', priority: 30 },
    { name: 'rvim', link: '/usr/bin/rvim', path: '/usr/bin/vim.basic', priority: 30 },
    { name: 'rview', link: '/usr/bin/rview', path: '/usr/bin/vim.basic', priority: 30 },
    { name: 'vi', link: '/usr/bin/vi', path: '/usr/bin/vim.basic', priority: 30, man: manSlaves('vi', 'vim', MAN_LANGS) },
    { name: 'view', link: '/usr/bin/view', path: '/usr/bin/vim.basic', priority: 30, man: manSlaves('view', 'vim', MAN_LANGS) },
    { name: 'ex', link: '/usr/bin/ex', path: '/usr/bin/vim.basic', priority: 30, man: manSlaves('ex', 'vim', MAN_LANGS) },
    { name: 'editor', link: '/usr/bin/editor', path: '/usr/bin/vim.basic', priority: 30, man: manSlaves('editor', 'vim', MAN_LANGS) },
  ],
  nano: [
    { name: 'editor', link: '/usr/bin/editor', path: '/bin/nano', priority: 40, man: manSlaves('editor', 'nano', []) },
    { name: 'pico', link: '/usr/bin/pico', path: '/bin/nano', priority: 10, man: manSlaves('pico', 'nano', []) },
  ],
  less: [{ name: 'pager', link: '/usr/bin/pager', path: '/usr/bin/less', priority: 77, man: manSlaves('pager', 'less', []) }],
  'netcat-openbsd': [{
    name: 'nc', link: '/bin/nc', path: '/bin/nc.openbsd', priority: 50,
    man: [['/usr/share/man/man1/nc.1.gz', '/usr/share/man/man1/nc_openbsd.1.gz'], ['/bin/netcat', '/bin/nc.openbsd'], ['/usr/share/man/man1/netcat.1.gz', '/usr/share/man/man1/nc_openbsd.1.gz']],
  }],
  traceroute: [
    { name: 'traceroute', link: '/usr/bin/traceroute', path: '/usr/bin/traceroute.db', priority: 100, man: manSlaves('traceroute', 'traceroute.db', []) },
    { name: 'traceroute6', link: '/usr/bin/traceroute6', path: '/usr/bin/traceroute6.db', priority: 100, man: manSlaves('traceroute6', 'traceroute6.db', []) },
    { name: 'lft', link: '/usr/bin/lft', path: '/usr/bin/lft.db', priority: 100, man: manSlaves('lft', 'lft.db', []) },
    { name: 'traceproto', link: '/usr/bin/traceproto', path: '/usr/sbin/traceproto.db', priority: 100, man: manSlaves('traceproto', 'traceproto.db', []) },
    { name: 'tcptraceroute', link: '/usr/sbin/tcptraceroute', path: '/usr/bin/tcptraceroute.db', priority: 100, man: manSlaves('tcptraceroute', 'tcptraceroute.db', []) },
  ],
};

function updateAlternatives(fs: Fs, alts: readonly Alternative[]): string {
  let out = '';
  for (const a of alts) {
    const admin = `/etc/alternatives/${a.name}`;
    if (fs.exists(`/var/lib/dpkg/alternatives/${a.name}`)) {
      const cur = fs.readText(`/var/lib/dpkg/alternatives/${a.name}`).split('\n');
      const best = Number(cur[3] ?? '0');
      if (best >= a.priority) continue;
    }
    if (isLink(fs, admin)) fs.unlink(admin);
    fs.symlink(a.path, admin);
    if (!fs.exists(a.link) && !isLink(fs, a.link)) fs.symlink(admin, a.link);
    fs.writeFile(`/var/lib/dpkg/alternatives/${a.name}`, `auto\n${a.link}\n\n${a.priority}\n${a.path}\n`);
    out += `update-alternatives: using ${a.path} to provide ${a.link} (${a.name}) in auto mode\n`;
    for (const [slave, target] of a.man ?? []) {
      if (!target.startsWith('/usr/share/man/')) {
        const slaveName = slave.slice(slave.lastIndexOf('/') + 1);
        if (isLink(fs, `/etc/alternatives/${slaveName}`)) fs.unlink(`/etc/alternatives/${slaveName}`);
        fs.symlink(target, `/etc/alternatives/${slaveName}`);
        if (!isLink(fs, slave) && !fs.exists(slave)) fs.symlink(`/etc/alternatives/${slaveName}`, slave);
        continue;
      }
      out += `update-alternatives: warning: skip creation of ${slave} because associated file ${target} (of link group ${a.name}) doesn't exist\n`;
    }
  }
  return out;
}

/** A system account as `adduser --system --group --quiet` makes it: the lowest free uid/gid from 100. */
export function addSystemUser(fs: Fs, name: string, home: string, gecos = ''): void {
  const passwd = fs.readText('/etc/passwd');
  if (passwd.split('\n').some((l) => l.startsWith(`${name}:`))) return;
  const group = fs.readText('/etc/group');
  const used = (text: string, col: number): Set<number> => new Set(text.split('\n').filter(Boolean).map((l) => Number(l.split(':')[col])));
  const uids = used(passwd, 2);
  const gids = used(group, 2);
  let uid = 100;
  while (uids.has(uid)) uid++;
  let gid = 100;
  while (gids.has(gid)) gid++;
  fs.writeFile('/etc/passwd', `${name}:x:${uid}:${gid}:${gecos}:${home}:/usr/sbin/nologin\n`, { append: true });
  fs.writeFile('/etc/group', `${name}:x:${gid}:\n`, { append: true });
  if (fs.exists('/etc/shadow')) fs.writeFile('/etc/shadow', `${name}:!:${Math.floor(fs.stat('/etc/passwd').mtimeMs / 86400000)}::::::\n`, { append: true });
  if (fs.exists('/etc/gshadow')) fs.writeFile('/etc/gshadow', `${name}:!::\n`, { append: true });
  if (fs.exists(home)) fs.chown(home, uid, gid);
}

/** The uid or gid `name` has in /etc/passwd or /etc/group (-1, chown's "leave it", if it has none). */
function idOf(fs: Fs, file: string, name: string): number {
  const row = fs.readText(file).split('\n').find((l) => l.startsWith(`${name}:`));
  return row ? Number(row.split(':')[2]) : -1;
}

const INVOKE_RC_D = 'invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n';

/** The postinst of `p` on first configuration: its effects on the filesystem and what it prints. */
export function postinst(env: ScriptEnv, p: DebPackage): string {
  const fs = env.sys.fs;
  let out = p.debconf ? debconfFallback(env) : '';
  out += updateAlternatives(fs, ALTERNATIVES[p.name] ?? []);
  switch (p.name) {
    case 'ca-certificates':
      fs.writeFile('/etc/ssl/certs/ca-certificates.crt', '-----BEGIN CERTIFICATE-----\n(146 certificates, trimmed in dockersim)\n-----END CERTIFICATE-----\n');
      out += 'Updating certificates in /etc/ssl/certs...\n'
        + 'rehash: warning: skipping ca-certificates.crt,it does not contain exactly one certificate or CRL\n'
        + '146 added, 0 removed; done.\n';
      break;
    case 'tzdata': {
      if (!isLink(fs, '/etc/localtime') && !fs.exists('/etc/localtime')) fs.symlink('/usr/share/zoneinfo/Etc/UTC', '/etc/localtime');
      if (!fs.exists('/etc/timezone')) fs.writeFile('/etc/timezone', 'Etc/UTC\n');
      const now = utcDate(env.sys.now());
      out += `\nCurrent default time zone: 'Etc/UTC'\nLocal time is now:      ${now}.\nUniversal Time is now:  ${now}.\nRun 'dpkg-reconfigure tzdata' if you wish to change it.\n\n`;
      break;
    }
    case 'nginx':
    case 'apache2':
      out += INVOKE_RC_D;
      break;
    case 'redis-server':
      addSystemUser(fs, 'redis', '/var/lib/redis');
      for (const { path, user, group } of REDIS_POSTINST) {
        if (fs.exists(path)) fs.chown(path, idOf(fs, '/etc/passwd', user), idOf(fs, '/etc/group', group));
      }
      fs.mkdir('/etc/systemd/system/multi-user.target.wants', { recursive: true });
      if (!isLink(fs, '/etc/systemd/system/redis.service')) fs.symlink('/usr/lib/systemd/system/redis-server.service', '/etc/systemd/system/redis.service');
      if (!isLink(fs, '/etc/systemd/system/multi-user.target.wants/redis-server.service')) {
        fs.symlink('/usr/lib/systemd/system/redis-server.service', '/etc/systemd/system/multi-user.target.wants/redis-server.service');
      }
      out += 'Created symlink /etc/systemd/system/redis.service → /usr/lib/systemd/system/redis-server.service.\n'
        + 'Created symlink /etc/systemd/system/multi-user.target.wants/redis-server.service → /usr/lib/systemd/system/redis-server.service.\n'
        + INVOKE_RC_D;
      break;
    default:
      break;
  }
  return out;
}

/** `date` in the C locale: `Sun Dec  6 11:25:11 UTC 2026`. */
function utcDate(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
