/**
 * The `debian:bookworm-slim` root filesystem (Debian 12.9, the base of `nginx:1.27.4` and `redis`): usr-merged,
 * the Required/Important packages of a minbase debootstrap, no procps (so `ps` is not there), the slim
 * variant's excludes (no man pages, no docs but copyright). Callers add their layers on a builder:
 * `addDebianSlim(b)` then their own files, as an image built FROM it would.
 */
import type { Tree } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';
import { DEBIAN_BASH_BASHRC, DEBIAN_ETC_PROFILE, DEBIAN_ROOT_BASHRC, DEBIAN_ROOT_PROFILE } from './debianFiles.js';
import { imageMtime } from './images.js';

const w = (s: string): string[] => s.trim().split(/\s+/);

export const DEBIAN_VERSION = '12.9';

const USR_BIN = w(`
  [ arch b2sum base32 base64 basename basenc bash bashbug cat chcon chgrp chmod chown cksum clear clear_console
  cmp comm cp csplit cut dash date dd debconf debconf-apt-progress debconf-communicate debconf-copydb
  debconf-escape debconf-set-selections debconf-show deb-systemd-helper deb-systemd-invoke df diff diff3 dir
  dircolors dirname dmesg dnsdomainname domainname dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper
  dpkg-query dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger du echo egrep env expand expiry expr
  factor false fgrep find findmnt flock fmt fold getconf getent getopt gpasswd gpgv grep groups gunzip gzexe
  gzip head hostid hostname iconv id infocmp install ionice ipcmk ipcrm ipcs ischroot join kill last lastb
  ldd link ln locale logger login logname ls lsblk lslogins mawk mcookie md5sum mkdir mkfifo mknod mktemp
  more mount mountpoint mv namei newgrp nice nisdomainname nl nohup nproc nsenter numfmt od pager partx
  passwd paste pathchk perl perl5.36.0 pidof pinky pr printenv printf prlimit ptx pwd rbash readlink realpath
  renice rev rm rmdir run-parts runcon savelog script scriptlive scriptreplay sdiff sed seq setarch setpriv
  setsid setterm sh sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf
  stty su sum sync tabs tac tail tar taskset tee tempfile test tic timeout toe touch tput tr true truncate
  tset tsort tty tzselect umount uname uncompress unexpand uniq unlink unshare users utmpdump vdir wall wc
  wdctl whereis which who whoami xargs yes ypdomainname zcat zcmp zdiff zegrep zfgrep zforce zgrep zless
  zmore znew apt apt-cache apt-cdrom apt-config apt-get apt-key apt-mark chage chfn chsh`);

const USR_SBIN = w(`
  add-shell addgroup adduser agetty badblocks blkdiscard blkid blockdev chcpu chgpasswd chmem chpasswd chroot
  cpgr cppw ctrlaltdel debugfs delgroup deluser dpkg-fsys-usrunmess dumpe2fs e2freefrag e2fsck e2image
  e2label e2mmpstatus e2scrub e2scrub_all e2undo e4crypt e4defrag faillock filefrag findfs fsck fsck.ext2
  fsck.ext3 fsck.ext4 fsfreeze fstab-decode fstrim getty groupadd groupdel groupmems groupmod grpck grpconv
  grpunconv hwclock iconvconfig installkernel invoke-rc.d isosize killall5 ldconfig logsave losetup mke2fs
  mkfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkhomedir_helper mklost+found mkswap newusers nologin pam-auth-update
  pam_getenv pam_timestamp_check pivot_root pwck pwconv pwunconv readprofile remove-shell resize2fs
  rmt rmt-tar runuser service sfdisk shadowconfig start-stop-daemon sulogin swaplabel swapoff swapon
  switch_root tarcat tune2fs unix_chkpwd update-passwd update-rc.d useradd userdel usermod vigr vipw wipefs
  zramctl`);

/** Names that are links on the real image, to the file that holds the program. */
const LINKS: readonly (readonly [string, string])[] = [
  ['bin/awk', '/etc/alternatives/awk'], ['bin/nawk', '/etc/alternatives/nawk'], ['bin/rbash', 'bash'],
  ['bin/sh', 'dash'], ['bin/pager', '/etc/alternatives/pager'], ['bin/which', '/etc/alternatives/which'],
  ['sbin/getty', 'agetty'], ['sbin/mkfs.ext2', 'mke2fs'], ['sbin/fsck.ext2', 'e2fsck'], ['sbin/addgroup', 'adduser'],
  ['sbin/delgroup', 'deluser'], ['bin/sg', 'newgrp'], ['bin/perl5.36.0', 'perl'],
];

const DEBIAN_PASSWD = lines(
  'root:x:0:0:root:/root:/bin/bash', 'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin', 'sys:x:3:3:sys:/dev:/usr/sbin/nologin', 'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin', 'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin', 'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin', 'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
  'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin', 'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin', 'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin', '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
).trimEnd().split('\n');

const DEBIAN_GROUPS: readonly (readonly [string, number])[] = [
  ['root', 0], ['daemon', 1], ['bin', 2], ['sys', 3], ['adm', 4], ['tty', 5], ['disk', 6], ['lp', 7], ['mail', 8],
  ['news', 9], ['uucp', 10], ['man', 12], ['proxy', 13], ['kmem', 15], ['dialout', 20], ['fax', 21], ['voice', 22],
  ['cdrom', 24], ['floppy', 25], ['tape', 26], ['sudo', 27], ['audio', 29], ['dip', 30], ['www-data', 33],
  ['backup', 34], ['operator', 37], ['list', 38], ['irc', 39], ['src', 40], ['shadow', 42], ['utmp', 43],
  ['video', 44], ['sasl', 45], ['plugdev', 46], ['staff', 50], ['games', 60], ['users', 100], ['nogroup', 65534],
];

const SHADOW_GID = 42;
/** Days since the epoch of the image's build, as its shadow entries carry. */
const SHADOW_DAY = 20_122;

export interface DebianAccounts {
  /** Extra `passwd` lines and groups, as a Dockerfile's `useradd`/`groupadd` leave them (appended). */
  readonly users?: readonly string[];
  readonly groups?: readonly (readonly [string, number])[];
}

/** Writes debian:bookworm-slim's files into `b`; `accounts` are what a derived image added. */
export function addDebianSlim(b: TreeBuilder, accounts: DebianAccounts = {}): void {
  b.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  b.dirs(['/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr/games', '/usr/include', '/usr/libexec', '/usr/src']);
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/run/lock', 0o1777);
  b.dirs(['bin', 'etc', 'games', 'include', 'lib', 'sbin', 'share', 'src'].map((d) => `/usr/local/${d}`));
  b.link('/usr/local/man', 'share/man');
  const linked = new Set(LINKS.map(([p]) => p));
  for (const n of USR_BIN) if (!linked.has(`bin/${n}`)) b.bin(`/usr/bin/${n}`, n === 'dash' ? 'dash' : n);
  for (const n of USR_SBIN) if (!linked.has(`sbin/${n}`)) b.bin(`/usr/sbin/${n}`);
  for (const [p, t] of LINKS) b.link(`/usr/${p}`, t);
  b.link('/etc/alternatives/awk', '/usr/bin/mawk').link('/etc/alternatives/nawk', '/usr/bin/mawk');
  b.link('/etc/alternatives/pager', '/bin/more').link('/etc/alternatives/which', '/usr/bin/which.debianutils');
  b.bin('/usr/bin/which.debianutils', 'which');
  const dir = '/usr/lib/x86_64-linux-gnu';
  for (const l of ['libc.so.6', 'libm.so.6', 'libresolv.so.2', 'libnss_files.so.2', 'libselinux.so.1', 'libpcre2-8.so.0.11.2', 'libtinfo.so.6.4', 'libz.so.1.2.13', 'libcrypt.so.1.1.0', 'libgcc_s.so.1', 'libstdc++.so.6.0.30', 'libapt-pkg.so.6.0.0', 'libsystemd.so.0.35.0']) {
    b.lib(`${dir}/${l}`);
  }
  b.lib('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2').link('/usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
  addEtc(b, accounts);
  addVar(b);
  b.file('/root/.bashrc', DEBIAN_ROOT_BASHRC).file('/root/.profile', DEBIAN_ROOT_PROFILE);
  b.file('/usr/share/common-licenses/GPL-3', lines('                    GNU GENERAL PUBLIC LICENSE', '                       Version 3, 29 June 2007', '(trimmed)'));
  b.file('/usr/share/keyrings/debian-archive-keyring.gpg', '\x99\x02\rdebian-archive-keyring (binary OpenPGP keyring)\n');
  b.dirs(['/usr/share/doc', '/usr/share/man', '/usr/share/locale', '/usr/share/info', '/usr/share/perl5', '/usr/share/debconf', '/usr/share/zoneinfo']);
}

function addEtc(b: TreeBuilder, accounts: DebianAccounts): void {
  b.file('/usr/lib/os-release', lines(
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"', 'VERSION="12 (bookworm)"',
    'VERSION_CODENAME=bookworm', 'ID=debian', 'HOME_URL="https://www.debian.org/"', 'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"')).link('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/debian_version', lines(DEBIAN_VERSION));
  b.file('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n').file('/etc/issue.net', lines('Debian GNU/Linux 12'));
  b.file('/etc/hostname', '').file('/etc/bash.bashrc', DEBIAN_BASH_BASHRC).file('/etc/profile', DEBIAN_ETC_PROFILE);
  b.dir('/etc/profile.d');
  b.file('/etc/shells', lines('# /etc/shells: valid login shells', '/bin/sh', '/usr/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/rbash', '/usr/bin/rbash', '/bin/dash', '/usr/bin/dash'));
  const passwd = [...DEBIAN_PASSWD, ...(accounts.users ?? [])];
  const groups = [...DEBIAN_GROUPS, ...(accounts.groups ?? [])];
  b.file('/etc/passwd', lines(...passwd));
  b.file('/etc/group', lines(...groups.map(([n, g]) => `${n}:x:${g}:`)));
  const names = passwd.map((l) => l.slice(0, l.indexOf(':')));
  b.file('/etc/shadow', lines(...names.map((n) => `${n}:${n === 'root' ? '*' : '*'}:${SHADOW_DAY}:0:99999:7:::`)), 0o640, 0, SHADOW_GID);
  b.file('/etc/gshadow', lines(...groups.map(([n]) => `${n}:*::`)), 0o640, 0, SHADOW_GID);
  b.file('/etc/nsswitch.conf', lines('# /etc/nsswitch.conf (trimmed)', '', 'passwd:         files', 'group:          files', 'shadow:         files', 'gshadow:        files', '', 'hosts:          files dns', 'networks:       files', '', 'protocols:      db files', 'services:       db files', 'ethers:         db files', 'rpc:            db files', '', 'netgroup:       nis'));
  b.file('/etc/host.conf', lines('multi on')).file('/etc/environment', '');
  b.file('/etc/fstab', lines('# UNCONFIGURED FSTAB FOR BASE SYSTEM'));
  b.link('/etc/mtab', '../proc/self/mounts');
  b.file('/etc/ld.so.conf', lines('include /etc/ld.so.conf.d/*.conf', ''));
  b.file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', lines('# Multiarch support', '/usr/local/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu'));
  b.file('/etc/ld.so.cache', 'ld.so-1.7.0glibc-ld.so.cache1.1\n');
  b.file('/etc/login.defs', lines('# /etc/login.defs - Configuration control definitions for the login package. (trimmed)', 'MAIL_DIR        /var/mail', 'UID_MIN\t\t\t 1000', 'UID_MAX\t\t\t60000', 'SYS_UID_MIN\t\t  100', 'SYS_UID_MAX\t\t  999', 'GID_MIN\t\t\t 1000', 'GID_MAX\t\t\t60000', 'ENCRYPT_METHOD SHA512'));
  b.file('/etc/skel/.bashrc', DEBIAN_ROOT_BASHRC).file('/etc/skel/.profile', DEBIAN_ROOT_PROFILE).file('/etc/skel/.bash_logout', lines('# ~/.bash_logout: executed by bash(1) when login shell exits.', '', '# when leaving the console clear the screen to increase privacy', '', 'if [ "$SHLVL" = 1 ]; then', '    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q', 'fi'));
  b.file('/etc/apt/sources.list.d/debian.sources', lines(
    'Types: deb', '# http://snapshot.debian.org/archive/debian/20250203T000000Z', 'URIs: http://deb.debian.org/debian',
    'Suites: bookworm bookworm-updates', 'Components: main', 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg', '',
    'Types: deb', '# http://snapshot.debian.org/archive/debian-security/20250203T000000Z', 'URIs: http://deb.debian.org/debian-security',
    'Suites: bookworm-security', 'Components: main', 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg'));
  b.file('/etc/apt/apt.conf.d/docker-clean', lines('# Since for most Docker users, package caches are an unnecessary waste of space, (trimmed)',
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'Dir::Cache::pkgcache "";', 'Dir::Cache::srcpkgcache "";'));
  b.file('/etc/apt/apt.conf.d/docker-autoremove-suggests', lines('# Since Docker users are looking for the smallest possible final images, (trimmed)', 'Apt::AutoRemove::SuggestsImportant "false";'));
  b.file('/etc/apt/apt.conf.d/docker-gzip-indexes', lines('# Since Docker users using "RUN apt-get update && apt-get install -y ..." in (trimmed)', 'Acquire::GzipIndexes "true";'));
  b.file('/etc/apt/apt.conf.d/docker-no-languages', lines('# In Docker, we don\'t often need the "Translations" files, so we\'re just wasting (trimmed)', 'Acquire::Languages "none";'));
  b.dirs(['/etc/apt/auth.conf.d', '/etc/apt/keyrings', '/etc/apt/preferences.d', '/etc/apt/trusted.gpg.d']);
  b.file('/etc/dpkg/dpkg.cfg', lines('# dpkg configuration file (trimmed)', 'no-debsig', 'log /var/log/dpkg.log'));
  b.file('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', lines('# For most Docker users, package installs happen during "docker build", which (trimmed)', 'force-unsafe-io'));
  b.file('/etc/dpkg/dpkg.cfg.d/docker', lines('# This is the "slim" variant of the Debian base image. (trimmed)', 'path-exclude /usr/share/doc/*', 'path-include /usr/share/doc/*/copyright', 'path-exclude /usr/share/groff/*', 'path-exclude /usr/share/info/*', 'path-exclude /usr/share/linda/*', 'path-exclude /usr/share/lintian/overrides/*', 'path-exclude /usr/share/locale/*', 'path-exclude /usr/share/man/*'));
  // debuerreotype's minimizing config: a package's postinst may not start its service in a container.
  b.file('/usr/sbin/policy-rc.d', '#!/bin/sh\n\n# For most Docker users, "apt-get install" only happens during "docker build",\n# where starting services doesn\'t work and often fails in humorous ways. This\n# prevents those failures by stopping the services from attempting to start.\n\nexit 101\n', 0o755);
  b.dirs(['/etc/cron.d', '/etc/cron.daily', '/etc/init.d', '/etc/opt', '/etc/selinux', '/etc/sysctl.d', '/etc/systemd/system', '/etc/terminfo', '/etc/logrotate.d', '/etc/security', '/etc/pam.d']);
  for (const svc of ['common-account', 'common-auth', 'common-password', 'common-session', 'common-session-noninteractive', 'login', 'other', 'passwd', 'su', 'runuser', 'runuser-l']) {
    b.file(`/etc/pam.d/${svc}`, lines(`# /etc/pam.d/${svc} (trimmed)`));
  }
}

function addVar(b: TreeBuilder): void {
  b.dirs(['/var/backups', '/var/cache/debconf', '/var/lib/dpkg/info', '/var/lib/dpkg/updates', '/var/lib/dpkg/alternatives', '/var/lib/misc', '/var/local', '/var/opt', '/var/spool', '/var/log/apt']);
  b.dir('/var/cache/ldconfig', 0o700).dir('/var/tmp', 0o1777).dir('/var/mail', 0o2775, 0, 8);
  b.dirs(['/var/cache/apt/archives', '/var/lib/apt/lists']);
  b.dir('/var/cache/apt/archives/partial', 0o700, 42, 0).dir('/var/lib/apt/lists/partial', 0o700, 42, 0);
  b.file('/var/lib/dpkg/status', lines('Package: base-files', 'Status: install ok installed', 'Version: 12.4+deb12u9', '(trimmed)'));
  b.file('/var/lib/dpkg/lock', '', 0o640).file('/var/lib/dpkg/available', '');
  b.link('/var/run', '/run').link('/var/lock', '/run/lock').link('/var/spool/mail', '../mail');
  b.file('/var/log/dpkg.log', '').file('/var/log/alternatives.log', '').file('/var/log/apt/history.log', '').file('/var/log/apt/term.log', '', 0o640, 0, 4);
  b.file('/var/log/btmp', '', 0o660, 0, 43).file('/var/log/wtmp', '', 0o664, 0, 43).file('/var/log/lastlog', '', 0o664, 0, 43).file('/var/log/faillog', '');
}

/** The `debian:bookworm-slim` image. */
export function debianSlimTree(): Tree {
  const b = new TreeBuilder(imageMtime('debian:bookworm-slim'));
  addDebianSlim(b);
  return b.build();
}
