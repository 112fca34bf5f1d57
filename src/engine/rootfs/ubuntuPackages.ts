/**
 * What the official ubuntu images install, package by package (Canonical's OCI root manifests:
 * ubuntu-jammy-oci-amd64-root.manifest; the noble image's package list). Only executables are listed; the
 * builder turns each into a `binaryContent(name)` file. Note: procps IS part of both images (ps, top, kill,
 * free…), unlike the debian images, so `docker run ubuntu ps` works there.
 */

export type UbuntuVersion = '24.04' | '22.04';

const w = (s: string): string[] => s.trim().split(/\s+/);

export interface PackageFiles {
  readonly usrBin?: readonly string[];
  readonly usrSbin?: readonly string[];
  /** `[path relative to /usr, target]` symlinks. */
  readonly links?: readonly (readonly [string, string])[];
  /** Programs installed setuid root (mode 4755) or setgid shadow (2755, gid 42). */
  readonly setuid?: readonly string[];
  readonly setgidShadow?: readonly string[];
}

const COREUTILS = w(`
  [ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df
  dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link
  ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr
  printenv printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum sha384sum
  sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr true
  truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes`);

const UTIL_LINUX_BIN = w(`
  choom chrt dmesg fallocate findmnt flock getopt hardlink ionice ipcmk ipcrm ipcs lsblk lscpu lsipc lsirq
  lslocks lslogins lsmem lsns mcookie mesg more namei nsenter partx prlimit setarch setpriv setsid setterm
  taskset uclampset unshare utmpdump whereis wdctl`);

const UTIL_LINUX_SBIN = w(`
  agetty blkdiscard blkid blkzone blockdev chcpu chmem ctrlaltdel findfs fsck fsck.cramfs fsck.minix
  fsfreeze fstrim isosize ldattach mkfs mkfs.bfs mkfs.cramfs mkfs.minix mkswap pivot_root readprofile
  rtcwake runuser sfdisk sulogin swaplabel switch_root wipefs zramctl`);

const E2FSPROGS_SBIN = w(`
  badblocks debugfs dumpe2fs e2freefrag e2fsck e2image e2label e2mmpstatus e2scrub e2scrub_all e2undo
  e4crypt e4defrag filefrag mke2fs mklost+found resize2fs tune2fs logsave`);

const SHADOW_SBIN = w(`
  chgpasswd chpasswd cpgr cppw groupadd groupdel groupmems groupmod grpck grpconv grpunconv newusers pwck
  pwconv pwunconv shadowconfig useradd userdel usermod vigr vipw`);

const COMMON: readonly PackageFiles[] = [
  { usrBin: w('bash bashbug clear_console'), links: [['bin/rbash', 'bash']] },
  { usrBin: w('dash'), links: [['bin/sh', 'dash']] },
  { usrBin: COREUTILS, usrSbin: w('chroot') },
  { usrBin: w('cmp diff diff3 sdiff') },
  { usrBin: w('find xargs') },
  { usrBin: w('grep') },
  { usrBin: w('gzip gzexe zcmp zdiff zforce zgrep zless zmore znew') },
  {
    usrBin: w('hostname'),
    links: w('dnsdomainname domainname nisdomainname ypdomainname').map((n) => [`bin/${n}`, 'hostname'] as const),
  },
  { usrBin: w('sed') },
  { usrBin: w('tar'), usrSbin: w('rmt-tar tarcat') },
  {
    usrBin: w('mawk'),
    links: [['bin/awk', '/etc/alternatives/awk'], ['bin/nawk', '/etc/alternatives/nawk']],
  },
  { usrBin: w('perl') },
  { usrBin: UTIL_LINUX_BIN, usrSbin: UTIL_LINUX_SBIN, links: [['sbin/getty', 'agetty']] },
  { usrBin: w('logger renice script scriptlive scriptreplay wall') },
  { usrBin: w('mount umount'), usrSbin: w('losetup swapoff swapon'), setuid: w('mount umount') },
  {
    usrBin: w('login faillog newgrp su'),
    usrSbin: w('nologin'),
    links: [['bin/sg', 'newgrp']],
    setuid: w('newgrp su'),
  },
  {
    usrBin: w('chage chfn chsh expiry gpasswd passwd'),
    usrSbin: SHADOW_SBIN,
    setuid: w('chfn chsh gpasswd passwd'),
    setgidShadow: w('chage expiry'),
  },
  {
    usrBin: w('free kill pgrep pkill pmap ps pwdx skill slabtop snice tload top uptime vmstat w watch'),
    usrSbin: w('sysctl'),
  },
  { usrSbin: w('fstab-decode killall5') },
  {
    usrBin: w('clear infocmp tabs tic toe tput tset'),
    links: [['bin/reset', 'tset'], ['bin/captoinfo', 'tic'], ['bin/infotocap', 'tic']],
  },
  {
    usrBin: w(`dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper dpkg-query dpkg-realpath dpkg-split
      dpkg-statoverride dpkg-trigger update-alternatives`),
  },
  { usrBin: w('apt apt-cache apt-cdrom apt-config apt-get apt-key apt-mark') },
  {
    usrBin: w(`debconf debconf-apt-progress debconf-communicate debconf-copydb debconf-escape
      debconf-set-selections debconf-show`),
    usrSbin: w('dpkg-preconfigure dpkg-reconfigure'),
  },
  {
    usrBin: w('getconf getent iconv ldd locale localedef pldd tzselect zdump'),
    usrSbin: w('iconvconfig ldconfig zic'),
  },
  { usrBin: w('chattr lsattr'), usrSbin: E2FSPROGS_SBIN, links: ext4Links() },
  { usrBin: w('gpgv') },
  { usrBin: w('select-editor sensible-browser sensible-editor sensible-pager') },
  { usrBin: w('deb-systemd-helper deb-systemd-invoke'), usrSbin: w('invoke-rc.d service update-rc.d') },
  {
    usrSbin: w('mkhomedir_helper pam_namespace_helper pam_timestamp_check unix_chkpwd unix_update'),
    setgidShadow: w('unix_chkpwd'),
  },
  { usrSbin: w('pam-auth-update pam_getenv update-passwd') },
];

function ext4Links(): [string, string][] {
  return [
    ...w('fsck.ext2 fsck.ext3 fsck.ext4').map((n) => [`sbin/${n}`, 'e2fsck'] as [string, string]),
    ...w('mkfs.ext2 mkfs.ext3 mkfs.ext4').map((n) => [`sbin/${n}`, 'mke2fs'] as [string, string]),
  ];
}

const NOBLE_ONLY: readonly PackageFiles[] = [
  {
    usrBin: w('ischroot run-parts savelog tempfile which.debianutils'),
    usrSbin: w('add-shell installkernel remove-shell update-shells'),
    links: [['bin/which', '/etc/alternatives/which']],
  },
  { usrBin: w('pidof pidwait') },
  { usrBin: w('sensible-terminal') },
  { usrBin: w('unminimize') },
];

const JAMMY_ONLY: readonly PackageFiles[] = [
  {
    usrBin: w('ischroot run-parts savelog tempfile which'),
    usrSbin: w('add-shell installkernel remove-shell'),
  },
  { links: [['bin/pidof', '/sbin/killall5']] },
  {
    usrSbin: w('adduser deluser'),
    links: [['sbin/addgroup', 'adduser'], ['sbin/delgroup', 'deluser']],
  },
];

export function ubuntuPackages(version: UbuntuVersion): readonly PackageFiles[] {
  return [...COMMON, ...(version === '24.04' ? NOBLE_ONLY : JAMMY_ONLY)];
}

/** `perl` is also installed under its versioned name (a hard link on disk). */
export const PERL_VERSION: Record<UbuntuVersion, string> = { '24.04': '5.38.2', '22.04': '5.34.0' };

/** `/etc/alternatives` as the images ship it. */
export function ubuntuAlternatives(version: UbuntuVersion): [string, string][] {
  const alts: [string, string][] = [
    ['awk', '/usr/bin/mawk'],
    ['nawk', '/usr/bin/mawk'],
  ];
  if (version === '24.04') alts.push(['which', '/usr/bin/which.debianutils']);
  return alts;
}

/**
 * /usr/bin/man in the minimized images (both releases): man-db is not installed, and the image build puts this
 * script in its place (the real man, once installed, is diverted to man.REAL). It exits 0.
 */
export const MINIMIZED_MAN = `#!/bin/sh
echo "This system has been minimized by removing packages and content that are"
echo "not required on a system that users do not log into."
echo ""
echo "To restore this content, including manpages, you can run the 'unminimize'"
echo "command. You will still need to ensure the 'man-db' package is installed."
`;

/** Scripts shipped by grep and gzip: real shell scripts that run other programs. */
export const WRAPPER_SCRIPTS: Record<string, string> = {
  egrep: '#!/bin/sh\ncmd=${0##*/}\necho "$cmd: warning: $cmd is obsolescent; using grep -E" >&2\nexec grep -E "$@"\n',
  fgrep: '#!/bin/sh\ncmd=${0##*/}\necho "$cmd: warning: $cmd is obsolescent; using grep -F" >&2\nexec grep -F "$@"\n',
  rgrep: '#!/bin/sh\nexec grep -r "$@"\n',
  gunzip: '#!/bin/sh\n# Trimmed from the gzip package; the real script also handles --help and --version.\nexec gzip -d "$@"\n',
  zcat: '#!/bin/sh\n# Trimmed from the gzip package.\nexec gzip -cd "$@"\n',
  uncompress: '#!/bin/sh\nexec gzip -d "$@"\n',
  zegrep: '#!/bin/sh\nexec zgrep -E "$@"\n',
  zfgrep: '#!/bin/sh\nexec zgrep -F "$@"\n',
};
