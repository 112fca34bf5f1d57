import type { Tree } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';
import { imageMtime } from './images.js';

const w = (s: string): string[] => s.trim().split(/\s+/);

export const ALPINE_VERSION = '3.21.3';

/**
 * Where Alpine's busybox trigger (`busybox --install -s`) puts each applet: absolute symlinks to
 * /bin/busybox in the directory the applet's config names. Alpine's busybox config, not defconfig.
 */
export const ALPINE_BUSYBOX_LINKS: Readonly<Record<'/bin' | '/sbin' | '/usr/bin' | '/usr/sbin', readonly string[]>> = {
  '/bin': w(`
    arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo ed
    egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill
    link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv
    netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv
    setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat`),
  '/sbin': w(`
    acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig
    ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap
    logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff
    raidautorun reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc
    vconfig watchdog`),
  '/usr/bin': w(`
    [ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw
    cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser
    groups hd head hexdump hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma lzopcat
    md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt passwd paste pgrep
    pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum
    sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr
    traceroute traceroute6 truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma unlzop unshare
    unxz unzip uptime uudecode uuencode vi vlock volname wc wget which who whoami whois xargs xxd xzcat yes`),
  '/usr/sbin': w(`
    add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5
    loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell rfkill sendmail
    setfont setlogcons`),
};

/** The 15 packages of the alpine:3.21 image, `[name, version]`. */
export const ALPINE_PACKAGES: readonly (readonly [string, string])[] = [
  ['alpine-baselayout', '3.6.8-r1'], ['alpine-baselayout-data', '3.6.8-r1'], ['alpine-keys', '2.5-r0'],
  ['alpine-release', '3.21.3-r0'], ['apk-tools', '2.14.6-r3'], ['busybox', '1.37.0-r12'],
  ['busybox-binsh', '1.37.0-r12'], ['ca-certificates-bundle', '20241121-r1'], ['libcrypto3', '3.3.3-r0'],
  ['libssl3', '3.3.3-r0'], ['musl', '1.2.5-r9'], ['musl-utils', '1.2.5-r9'], ['scanelf', '1.3.8-r1'],
  ['ssl_client', '1.37.0-r12'], ['zlib', '1.3.1-r2'],
];

export const ALPINE_OS_RELEASE = lines(
  'NAME="Alpine Linux"',
  'ID=alpine',
  `VERSION_ID=${ALPINE_VERSION}`,
  'PRETTY_NAME="Alpine Linux v3.21"',
  'HOME_URL="https://alpinelinux.org/"',
  'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
);

export const ALPINE_PASSWD = lines(
  'root:x:0:0:root:/root:/bin/sh',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/mail:/sbin/nologin',
  'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
  'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin',
  'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin',
  'sshd:x:22:22:sshd:/dev/null:/sbin/nologin',
  'games:x:35:35:games:/usr/games:/sbin/nologin',
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin',
  'guest:x:405:100:guest:/dev/null:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/:/sbin/nologin',
);

export const ALPINE_GROUP = lines(
  'root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin',
  'adm:x:4:root,daemon', 'tty:x:5:', 'disk:x:6:root', 'lp:x:7:lp', 'kmem:x:9:', 'wheel:x:10:root',
  'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news', 'uucp:x:14:uucp', 'cron:x:16:cron', 'audio:x:18:',
  'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:', 'tape:x:26:root',
  'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:', 'shadow:x:42:', 'www-data:x:82:',
  'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:',
  'nobody:x:65534:',
);

const ALPINE_SHADOW = lines(
  'root:*::0:::::',
  ...w('bin daemon lp sync shutdown halt mail news uucp cron ftp sshd games ntp guest nobody').map((u) => `${u}:!::0:::::`),
);

export const ALPINE_PROFILE = lines(
  'export CHARSET=UTF-8',
  'export LANG=C.UTF-8',
  'export LC_COLLATE=C',
  'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"',
  'export PAGER=less',
  'umask 022',
  '',
  '# use nicer PS1 for bash and busybox ash',
  'if [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then',
  "\tPS1='\\h:\\w\\$ '",
  '# use nicer PS1 for zsh',
  'elif [ -n "$ZSH_VERSION" ]; then',
  "\tPS1='%m:%~%# '",
  '# set up fallback default PS1',
  'else',
  '\t: "${HOSTNAME:=$(hostname)}"',
  "\tPS1='${HOSTNAME%%.*}:$PWD'",
  '\t[ "$(id -u)" -eq 0 ] && PS1="${PS1}# " || PS1="${PS1}\\$ "',
  'fi',
  '',
  'for script in /etc/profile.d/*.sh ; do',
  '\tif [ -r "$script" ] ; then',
  '\t\t. "$script"',
  '\tfi',
  'done',
  'unset script',
);

/** The alpine:3.21 root filesystem (musl, busybox, apk; not usr-merged). */
export function alpineTree(): Tree {
  return alpineTreeBuilder(imageMtime('alpine:3.21')).build();
}

export interface AlpineAccounts {
  /** `passwd` lines and `[group, gid, members]` an image built FROM alpine added (`adduser`, `addgroup`). */
  readonly users?: readonly string[];
  readonly groups?: readonly (readonly [string, number, string])[];
}

/** alpine:3.21's files on a builder, for images built FROM it to add their own. */
export function alpineTreeBuilder(mtimeMs: number, accounts: AlpineAccounts = {}): TreeBuilder {
  const b = new TreeBuilder(mtimeMs);
  b.bin('/bin/busybox', 'busybox');
  for (const [dir, applets] of Object.entries(ALPINE_BUSYBOX_LINKS)) {
    for (const a of applets) b.link(`${dir}/${a}`, '/bin/busybox');
  }
  b.bin('/sbin/apk', 'apk').bin('/sbin/mkmntdirs', 'mkmntdirs');
  b.file('/sbin/ldconfig', '#!/bin/sh\n# musl has no ld.so.cache: ldconfig is a no-op stub.\nexit 0\n', 0o755);
  b.bins('/usr/bin', w('getconf getent iconv ldd scanelf ssl_client'));
  b.lib('/lib/ld-musl-x86_64.so.1').link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1');
  b.lib('/lib/libz.so.1.3.1').link('/lib/libz.so.1', 'libz.so.1.3.1');
  b.lib('/lib/libapk.so.2.14.0');
  b.lib('/usr/lib/libcrypto.so.3').lib('/usr/lib/libssl.so.3');
  b.dirs(['/dev', '/home', '/media/cdrom', '/media/floppy', '/media/usb', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys']);
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  b.dirs(['/usr/local/bin', '/usr/local/lib', '/usr/local/share', '/usr/share/man', '/usr/share/misc', '/lib/firmware', '/lib/modules-load.d', '/lib/mdev']);
  addEtc(b, accounts);
  addVar(b);
  return b;
}

function addEtc(b: TreeBuilder, accounts: AlpineAccounts): void {
  b.file('/etc/alpine-release', lines(ALPINE_VERSION));
  b.file('/usr/lib/os-release', ALPINE_OS_RELEASE).link('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/passwd', ALPINE_PASSWD + (accounts.users ?? []).map((l) => `${l}\n`).join(''))
    .file('/etc/group', ALPINE_GROUP + (accounts.groups ?? []).map(([n, g, m]) => `${n}:x:${g}:${m}\n`).join('')).file('/etc/shadow', ALPINE_SHADOW + (accounts.users ?? []).map((l) => `${l.slice(0, l.indexOf(':'))}:!::0:::::\n`).join(''), 0o640, 0, 42);
  b.file('/etc/profile', ALPINE_PROFILE);
  b.file('/etc/profile.d/20locale.sh', lines('export CHARSET=UTF-8', 'export LANG=${LANG:-C.UTF-8}', 'export LC_COLLATE=${LC_COLLATE:-C}'));
  b.file('/etc/profile.d/README', lines('Local profile scripts', '---------------------', '', 'This directory should contain scripts to be run by /etc/profile. (trimmed)'));
  b.file('/etc/profile.d/color_prompt.sh.disabled', lines('# Setup a red prompt for root and a green one for users.', '# rename this file to color_prompt.sh to actually enable it (trimmed)'));
  b.file('/etc/shells', lines('# valid login shells', '/bin/sh', '/bin/ash'));
  b.file('/etc/fstab', lines('/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0', '/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0'));
  b.file('/etc/hostname', lines('localhost'));
  b.file('/etc/hosts', lines('127.0.0.1\tlocalhost localhost.localdomain', '::1\t\tlocalhost localhost.localdomain'));
  b.file('/etc/issue', 'Welcome to Alpine Linux 3.21\nKernel \\r on an \\m (\\l)\n\n');
  b.file('/etc/motd', lines('Welcome to Alpine!', '', 'The Alpine Wiki contains a large amount of how-to guides and general',
    'information about administrating Alpine systems.', 'See <https://wiki.alpinelinux.org/>.', '',
    'You can setup the system with the command: setup-alpine', '',
    'You may change this message by editing /etc/motd.', ''));
  b.file('/etc/nsswitch.conf', lines('# musl itself does not support NSS, however some third-party DNS', '# implementations use the nsswitch.conf file to determine what', '# policy to follow.', '# Editing this file is not recommended.', 'hosts: files dns'));
  b.file('/etc/inittab', lines('# /etc/inittab (trimmed)', '::sysinit:/sbin/openrc sysinit', '::sysinit:/sbin/openrc boot', '::wait:/sbin/openrc default', '::ctrlaltdel:/sbin/reboot', '::shutdown:/sbin/openrc shutdown'));
  b.file('/etc/securetty', lines('console', 'tty1', 'tty2', 'tty3', 'tty4', 'tty5', 'tty6'));
  b.file('/etc/sysctl.conf', lines('# content of this file will override /etc/sysctl.d/*'));
  b.file('/etc/modules', lines('af_packet', 'ipv6'));
  b.file('/etc/protocols', lines('# Internet (IP) protocols (trimmed)', 'ip\t0\tIP', 'icmp\t1\tICMP', 'tcp\t6\tTCP', 'udp\t17\tUDP'));
  b.file('/etc/services', lines('# Network services, Internet style (trimmed)', 'ssh\t\t22/tcp', 'http\t\t80/tcp', 'https\t\t443/tcp'));
  b.file('/etc/udhcpc/udhcpc.conf', lines('# udhcpc configuration (trimmed)'));
  b.file('/etc/crontabs/root', lines('# do daily/weekly/monthly maintenance', '# min\thour\tday\tmonth\tweekday\tcommand',
    '*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min', '0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly',
    '0\t2\t*\t*\t*\trun-parts /etc/periodic/daily', '0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly',
    '0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly'), 0o600);
  b.dirs(['15min', 'daily', 'hourly', 'monthly', 'weekly'].map((p) => `/etc/periodic/${p}`));
  b.dirs(['/etc/conf.d', '/etc/init.d', '/etc/modprobe.d', '/etc/modules-load.d', '/etc/opt', '/etc/sysctl.d', '/etc/ssl/certs', '/etc/apk/protected_paths.d', '/etc/network/if-up.d', '/etc/network/if-down.d']);
  b.file('/etc/ssl/certs/ca-certificates.crt', lines('-----BEGIN CERTIFICATE-----', '(trimmed CA bundle)', '-----END CERTIFICATE-----'));
  b.file('/etc/busybox-paths.d/busybox', lines(...Object.entries(ALPINE_BUSYBOX_LINKS).flatMap(([d, as]) => as.map((a) => `${d.slice(1)}/${a}`))));
  b.link('/etc/mtab', '../proc/mounts');
  b.file('/etc/apk/arch', lines('x86_64'));
  b.file('/etc/apk/repositories', lines('https://dl-cdn.alpinelinux.org/alpine/v3.21/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.21/community'));
  b.file('/etc/apk/world', lines('alpine-baselayout', 'alpine-keys', 'alpine-release', 'apk-tools', 'busybox', 'ca-certificates-bundle'));
  b.file('/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', lines('-----BEGIN PUBLIC KEY-----', '(trimmed)', '-----END PUBLIC KEY-----'));
  b.file('/etc/secfixes.d/alpine', lines('secfixes:', '  3.12.0-r0:', '    - CVE-2019-5021'));
}

function addVar(b: TreeBuilder): void {
  b.dirs(['/var/cache/misc', '/var/empty', '/var/lib/misc', '/var/lib/udhcpd', '/var/local', '/var/log', '/var/mail', '/var/opt', '/var/spool/cron']);
  b.link('/var/run', '../run').link('/var/lock', '../run/lock');
  b.link('/var/spool/cron/crontabs', '../../../etc/crontabs').link('/var/spool/mail', '../../mail');
  b.file('/lib/apk/db/installed', ALPINE_PACKAGES.map(([p, v]) => lines(`P:${p}`, `V:${v}`, 'A:x86_64', `T:${p} package`, 'o:' + p, 'm:Natanael Copa <ncopa@alpinelinux.org>', '')).join(''));
  b.file('/lib/apk/db/lock', '', 0o600).file('/lib/apk/db/triggers', lines('busybox /bin /sbin /usr/bin /usr/sbin'));
  b.file('/lib/apk/db/scripts.tar', '');
  b.dir('/lib/apk/exec');
  b.file('/lib/sysctl.d/00-alpine.conf', lines('# content of this file will override /etc/sysctl.d/* (trimmed)'));
}
