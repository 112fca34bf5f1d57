import type { Tree } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';
import { BASH_BASHRC, ETC_PROFILE, ROOT_BASHRC, ROOT_PROFILE, SKEL_BASHRC, SKEL_BASH_LOGOUT, SKEL_PROFILE } from './dotfiles.js';
import { imageMtime } from './images.js';
import {
  DOCKER_APT_CONF, ENVIRONMENT, UBUNTU_RELEASES, aptSources, baseGroups, basePasswd, loginDefs,
  lsbRelease, nsswitch, osRelease, shadowLine, shells, type UbuntuRelease,
} from './ubuntuEtc.js';
import { baseFromList } from './packages/base.js';
import { imageStatus } from './packages/status.js';
import { MINIMIZED_MAN, PERL_VERSION, WRAPPER_SCRIPTS, ubuntuAlternatives, ubuntuPackages, type UbuntuVersion } from './ubuntuPackages.js';

export type { UbuntuVersion } from './ubuntuPackages.js';

const SHADOW_GID = 42;

/** Files whose name is not the command people type: the registry knows them by the command. */
export const PROGRAM_OF_FILE: Readonly<Record<string, string>> = {
  'which.debianutils': 'which',
  'vim.basic': 'vim',
  'nc.openbsd': 'nc',
};

/**
 * The official `ubuntu:<version>` image's root filesystem. `packages` is the image's package list
 * (packages/noble.ts, jammy.ts), given by the caller so the host's boot carries only its own release's.
 */
export function ubuntuTree(version: UbuntuVersion, packages: string): Tree {
  const r = UBUNTU_RELEASES[version];
  const b = new TreeBuilder(imageMtime(`ubuntu:${version}`));
  addUbuntuSystem(b, version, { status: imageStatus(baseFromList(packages, r.codename, new Map())) });
  addImageAccounts(b, r);
  b.file('/root/.bashrc', ROOT_BASHRC).file('/root/.profile', ROOT_PROFILE);
  return b.build();
}

/**
 * Everything an Ubuntu root shares whether it is the container image or the host: usr-merged layout,
 * binaries, /etc minus the account databases, /var with dpkg's `status`. Accounts and dotfiles are the
 * caller's. The image's dpkg status is made by ubuntuTree, so the host's boot (whose status comes later, host.ts)
 * does not carry the package tables.
 */
export function addUbuntuSystem(b: TreeBuilder, version: UbuntuVersion, opts: { host?: boolean; status: string | Uint8Array }): void {
  const r = UBUNTU_RELEASES[version];
  addLayout(b, version);
  addBinaries(b, version);
  addLibraries(b);
  addEtc(b, r, opts.host ?? false);
  addVar(b, r, opts.status);
  addShare(b);
  if (!opts.host) b.file('/usr/bin/man', MINIMIZED_MAN, 0o755);
}

function addLayout(b: TreeBuilder, version: UbuntuVersion): void {
  b.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  if (version === '22.04') b.link('/lib32', 'usr/lib32').link('/libx32', 'usr/libx32').dirs(['/usr/lib32', '/usr/libx32']);
  b.dirs(['/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys']);
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/run/lock', 0o1777);
  b.dirs(['/usr/games', '/usr/include', '/usr/libexec', '/usr/src']);
  b.dirs(['bin', 'etc', 'games', 'include', 'lib', 'sbin', 'share', 'src'].map((d) => `/usr/local/${d}`));
  b.link('/usr/local/man', 'share/man');
}

function addBinaries(b: TreeBuilder, version: UbuntuVersion): void {
  for (const pkg of ubuntuPackages(version)) {
    const setuid = new Set(pkg.setuid ?? []);
    const setgid = new Set(pkg.setgidShadow ?? []);
    const add = (dir: string, name: string): void => {
      const program = PROGRAM_OF_FILE[name] ?? name;
      if (setuid.has(name)) b.bin(`${dir}/${name}`, program, 0o4755);
      else if (setgid.has(name)) b.bin(`${dir}/${name}`, program, 0o2755, 0, SHADOW_GID);
      else b.bin(`${dir}/${name}`, program);
    };
    for (const n of pkg.usrBin ?? []) add('/usr/bin', n);
    for (const n of pkg.usrSbin ?? []) add('/usr/sbin', n);
    for (const [p, target] of pkg.links ?? []) b.link(`/usr/${p}`, target);
  }
  // Hard links on disk; separate files here, each naming the program it is.
  b.bin(`/usr/bin/perl${PERL_VERSION[version]}`, 'perl');
  for (const [name, script] of Object.entries(WRAPPER_SCRIPTS)) {
    const text = version === '22.04' && (name === 'egrep' || name === 'fgrep')
      ? `#!/bin/sh\nexec grep -${name[0].toUpperCase()} "$@"\n`
      : script;
    b.file(`/usr/bin/${name}`, text, 0o755);
  }
  for (const [alt, target] of ubuntuAlternatives(version)) b.link(`/etc/alternatives/${alt}`, target);
  if (version === '22.04') b.bin('/usr/local/sbin/unminimize', 'unminimize');
}

function addLibraries(b: TreeBuilder): void {
  const dir = '/usr/lib/x86_64-linux-gnu';
  const libs = [
    'ld-linux-x86-64.so.2', 'libc.so.6', 'libm.so.6', 'libresolv.so.2', 'libnss_files.so.2', 'libacl.so.1.1.2302',
    'libattr.so.1.1.2502', 'libselinux.so.1', 'libpcre2-8.so.0.11.2', 'libtinfo.so.6.4', 'libz.so.1.3',
    'libcrypt.so.1.1.0', 'libgcc_s.so.1', 'libstdc++.so.6.0.33', 'libapt-pkg.so.6.0.0', 'libsystemd.so.0.38.0',
    'libproc2.so.0.0.2', 'libpam.so.0.85.1', 'libssl.so.3', 'libcrypto.so.3',
  ];
  for (const l of libs) b.lib(`${dir}/${l}`);
  b.links(dir, [
    ['libacl.so.1', 'libacl.so.1.1.2302'], ['libattr.so.1', 'libattr.so.1.1.2502'], ['libpcre2-8.so.0', 'libpcre2-8.so.0.11.2'],
    ['libtinfo.so.6', 'libtinfo.so.6.4'], ['libz.so.1', 'libz.so.1.3'], ['libcrypt.so.1', 'libcrypt.so.1.1.0'],
    ['libstdc++.so.6', 'libstdc++.so.6.0.33'], ['libsystemd.so.0', 'libsystemd.so.0.38.0'], ['libproc2.so.0', 'libproc2.so.0.0.2'],
    ['libpam.so.0', 'libpam.so.0.85.1'],
  ]);
  b.link('/usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  b.dirs(['/usr/lib/apt/methods', '/usr/lib/dpkg', '/usr/lib/locale', '/usr/lib/systemd/system', '/usr/lib/x86_64-linux-gnu/security']);
  b.file('/usr/lib/terminfo/x/xterm', 'xterm terminfo (compiled)\n').file('/usr/lib/terminfo/d/dumb', 'dumb terminfo (compiled)\n');
}

function addEtc(b: TreeBuilder, r: UbuntuRelease, host: boolean): void {
  b.file('/usr/lib/os-release', osRelease(r)).link('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/lsb-release', lsbRelease(r)).file('/etc/debian_version', lines(r.debianVersion));
  b.file('/etc/issue', `Ubuntu ${r.point} LTS \\n \\l\n\n`).file('/etc/issue.net', lines(`Ubuntu ${r.point} LTS`));
  b.file('/etc/bash.bashrc', BASH_BASHRC).file('/etc/profile', ETC_PROFILE).dir('/etc/profile.d');
  b.file('/etc/skel/.bashrc', SKEL_BASHRC).file('/etc/skel/.profile', SKEL_PROFILE).file('/etc/skel/.bash_logout', SKEL_BASH_LOGOUT);
  b.file('/etc/shells', shells(r)).file('/etc/nsswitch.conf', nsswitch(false)).file('/etc/login.defs', loginDefs(r));
  b.file('/etc/environment', ENVIRONMENT).file('/etc/host.conf', lines('multi on'));
  b.file('/etc/fstab', lines('# UNCONFIGURED FSTAB FOR BASE SYSTEM'));
  b.link('/etc/mtab', '../proc/self/mounts');
  b.file('/etc/ld.so.conf', lines('include /etc/ld.so.conf.d/*.conf', ''));
  b.file('/etc/ld.so.conf.d/libc.conf', lines('# libc default configuration', '/usr/local/lib'));
  b.file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', lines('# Multiarch support', '/usr/local/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu'));
  b.file('/etc/ld.so.cache', 'ld.so-1.7.0glibc-ld.so.cache1.1\n');
  b.file('/etc/subuid', '').file('/etc/subgid', '');
  b.file('/etc/default/useradd', lines('# Default values for useradd(8)', '# (trimmed)', 'SHELL=/bin/sh'));
  b.file('/etc/legal', lines('', 'The programs included with the Ubuntu system are free software;',
    'the exact distribution terms for each program are described in the',
    'individual files in /usr/share/doc/*/copyright.', '',
    'Ubuntu comes with ABSOLUTELY NO WARRANTY, to the extent permitted by',
    'applicable law.', ''));
  b.file('/etc/networks', lines('# symbolic names for networks, see networks(5) for more information', 'link-local 169.254.0.0'));
  b.file('/etc/xattr.conf', lines('# /etc/xattr.conf', 'system.nfs4_acl\t\t\tpermissions', 'system.nfs4acl\t\t\tpermissions', 'system.posix_acl_access\t\tpermissions', 'system.posix_acl_default\tpermissions'));
  b.file('/etc/sysctl.conf', lines('#', '# /etc/sysctl.conf - Configuration file for setting system variables', '# See /etc/sysctl.d/ for additional system variables.', '#'));
  b.file('/etc/debconf.conf', lines('# This is the main config file for debconf. (trimmed)', 'Config: configdb', 'Templates: templatedb'));
  b.file('/etc/pam.conf', lines('# ---------------------------------------------------------------------------#', '# /etc/pam.conf                                                              #', '# ---------------------------------------------------------------------------#'));
  for (const svc of ['common-account', 'common-auth', 'common-password', 'common-session', 'common-session-noninteractive', 'login', 'other', 'passwd', 'su', 'chfn', 'chsh', 'chpasswd', 'newusers', 'runuser', 'runuser-l', 'su-l']) {
    b.file(`/etc/pam.d/${svc}`, lines(`# /etc/pam.d/${svc} (trimmed)`));
  }
  b.file('/etc/security/limits.conf', lines('# /etc/security/limits.conf (trimmed)', '#<domain>      <type>  <item>         <value>', '# End of file'));
  b.file('/etc/init.d/procps', '#! /bin/sh\n# Trimmed: the procps init script applies /etc/sysctl.conf at boot.\nexit 0\n', 0o755);
  b.dirs(['0', '1', '2', '3', '4', '5', '6', 'S'].map((l) => `/etc/rc${l}.d`));
  b.dirs(['/etc/cron.d', '/etc/kernel', '/etc/opt', '/etc/selinux', '/etc/sysctl.d', '/etc/systemd/system', '/etc/terminfo', '/etc/update-motd.d', '/etc/logrotate.d']);
  b.file('/etc/cron.daily/dpkg', '#!/bin/sh\n# Skip if systemd is running.\nif [ -d /run/systemd/system ]; then\n    exit 0\nfi\n/usr/libexec/dpkg/dpkg-db-backup\n', 0o755);
  for (const [name, text] of Object.entries(DOCKER_APT_CONF)) b.file(`/etc/apt/apt.conf.d/${name}`, text);
  for (const src of aptSources(r)) b.file(src.path, src.content);
  b.dirs(['/etc/apt/auth.conf.d', '/etc/apt/keyrings', '/etc/apt/preferences.d', '/etc/apt/sources.list.d']);
  b.file('/etc/apt/trusted.gpg.d/ubuntu-keyring-2018-archive.gpg', '\x99\x02\rubuntu-keyring (binary OpenPGP key)\n');
  b.file('/etc/dpkg/dpkg.cfg', lines('# dpkg configuration file (trimmed)', 'no-debsig', 'log /var/log/dpkg.log'));
  b.file('/etc/dpkg/dpkg.cfg.d/excludes', lines(
    '# Drop all man pages', 'path-exclude=/usr/share/man/*', '',
    '# Drop all translations', 'path-exclude=/usr/share/locale/*/LC_MESSAGES/*.mo', '',
    '# Drop all documentation ...', 'path-exclude=/usr/share/doc/*', '',
    '# ... except copyright files ...', 'path-include=/usr/share/doc/*/copyright', '',
    '# ... and Debian changelogs for native & non-native packages', 'path-include=/usr/share/doc/*/changelog.Debian.*',
  ));
}

/** `status`: /var/lib/dpkg/status (the image's packages, or the host's). */
function addVar(b: TreeBuilder, r: UbuntuRelease, status: string | Uint8Array): void {
  b.dirs(['/var/backups', '/var/cache/debconf', '/var/lib/dpkg/info', '/var/lib/dpkg/updates', '/var/lib/dpkg/alternatives', '/var/lib/misc', '/var/lib/pam', '/var/local', '/var/opt', '/var/spool']);
  b.dir('/var/cache/ldconfig', 0o700).dir('/var/tmp', 0o1777).dir('/var/mail', 0o2775, 0, 8);
  b.dirs(['/var/cache/apt/archives', '/var/lib/apt/lists']);
  const aptUid = r.version === '24.04' ? 42 : 100;
  b.dir('/var/cache/apt/archives/partial', 0o700, aptUid, 0).dir('/var/lib/apt/lists/partial', 0o700, aptUid, 0);
  b.file('/var/lib/apt/lists/lock', '', 0o640);
  b.file('/var/lib/dpkg/status', status).file('/var/lib/dpkg/lock', '', 0o640).file('/var/lib/dpkg/available', '');
  b.link('/var/run', '/run').link('/var/lock', '/run/lock').link('/var/spool/mail', '../mail');
  b.dir('/var/log/apt');
  b.file('/var/log/dpkg.log', '').file('/var/log/alternatives.log', '').file('/var/log/apt/history.log', '').file('/var/log/apt/term.log', '', 0o640, 0, 4);
  b.file('/var/log/btmp', '', 0o660, 0, 43).file('/var/log/wtmp', '', 0o664, 0, 43).file('/var/log/lastlog', '', 0o664, 0, 43);
  b.file('/var/log/faillog', '');
}

function addShare(b: TreeBuilder): void {
  b.file('/usr/share/base-files/dot.bashrc', ROOT_BASHRC).file('/usr/share/base-files/dot.profile', ROOT_PROFILE);
  b.file('/usr/share/base-files/profile', ETC_PROFILE);
  b.file('/usr/share/common-licenses/GPL-3', lines('                    GNU GENERAL PUBLIC LICENSE', '                       Version 3, 29 June 2007', '(trimmed)'));
  b.file('/usr/share/keyrings/ubuntu-archive-keyring.gpg', '\x99\x02\rubuntu-archive-keyring (binary OpenPGP keyring)\n');
  b.dirs(['/usr/share/doc', '/usr/share/man', '/usr/share/locale', '/usr/share/info', '/usr/share/perl5', '/usr/share/debconf', '/usr/share/dpkg', '/usr/share/pam-configs']);
  b.file('/usr/share/terminfo/x/xterm-256color', 'xterm-256color terminfo (compiled)\n');
}

/** The accounts the image ships: base-passwd's, plus the `ubuntu` user (uid 1000) since 23.04. */
function addImageAccounts(b: TreeBuilder, r: UbuntuRelease): void {
  const noble = r.version === '24.04';
  const passwd = [...basePasswd(r), ...(noble ? ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'] : [])];
  const groups = [...baseGroups(r), ...(noble ? [['ubuntu', 1000] as [string, number]] : [])];
  const names = passwd.map((l) => l.slice(0, l.indexOf(':')));
  b.file('/etc/passwd', lines(...passwd));
  b.file('/etc/group', lines(...groups.map(([n, g]) => `${n}:x:${g}:`)));
  b.file('/etc/shadow', lines(...names.map((n) => shadowLine(n, r.shadowDay, n === 'ubuntu' ? '!' : '*'))), 0o640, 0, SHADOW_GID);
  b.file('/etc/gshadow', lines(...groups.map(([n]) => `${n}:${n === 'ubuntu' ? '!' : '*'}::`)), 0o640, 0, SHADOW_GID);
  if (noble) {
    b.dir('/home/ubuntu', 0o750, 1000, 1000);
    b.file('/home/ubuntu/.bashrc', SKEL_BASHRC, 0o644, 1000, 1000);
    b.file('/home/ubuntu/.profile', SKEL_PROFILE, 0o644, 1000, 1000);
    b.file('/home/ubuntu/.bash_logout', SKEL_BASH_LOGOUT, 0o644, 1000, 1000);
  }
}
