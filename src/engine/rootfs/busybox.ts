import type { Tree } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';
import { imageMtime } from './images.js';

const w = (s: string): string[] => s.trim().split(/\s+/);

/**
 * The applets of the official busybox image (busybox:1.37.0-glibc, `busybox:latest`): `make defconfig` of
 * BusyBox 1.37.0 plus the image's own CONFIG_AR and CONFIG_INOTIFYD (docker-library/busybox
 * Dockerfile.builder). 1.37 defconfig = 1.36.1's list + getfattr + sha384sum. ASCII order, as
 * `busybox --list` prints them.
 */
export const BUSYBOX_APPLETS: readonly string[] = w(`
  [ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping ascii ash awk base32 base64 basename bc
  beep blkdiscard blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat chattr chgrp chmod chown
  chpasswd chpst chroot chrt chvt cksum clear cmp comm conspy cp cpio crc32 crond crontab cryptpw cttyhack
  cut date dc dd deallocvt delgroup deluser depmod devmem df dhcprelay diff dirname dmesg dnsd dnsdomainname
  dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed egrep eject env envdir envuidgid ether-wake expand
  expr factor fakeidentd fallocate false fatattr fbset fbsplash fdflush fdformat fdisk fgconsole fgrep find
  findfs flock fold free freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd ftpget ftpput fuser getfattr
  getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hexedit hostid hostname httpd hush hwclock
  i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup inetd init inotifyd
  insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule iptunnel kbd_mode
  kill killall killall5 klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login
  logname logread losetup lpd lpq lpr ls lsattr lsmod lsof lspci lsscsi lsusb lzcat lzma lzop makedevs
  makemime man md5sum mdev mesg microcom mim mkdir mkdosfs mke2fs mkfifo mkfs.ext2 mkfs.minix mkfs.vfat
  mknod mkpasswd mkswap mktemp modinfo modprobe more mount mountpoint mpstat mt mv nameif nanddump nandwrite
  nbd-client nc netstat nice nl nmeter nohup nologin nproc nsenter nslookup ntpd od openvt partprobe passwd
  paste patch pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap popmaildir poweroff powertop
  printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink readprofile realpath
  reboot reformime remove-shell renice reset resize resume rev rm rmdir rmmod route rpm rpm2cpio rtcwake
  run-init run-parts runlevel runsv runsvdir rx script scriptreplay sed seedrng sendmail seq setarch
  setconsole setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid sh sha1sum sha256sum
  sha384sum sha3sum sha512sum showkey shred shuf slattach sleep smemcap softlimit sort split ssl_client
  start-stop-daemon stat strings stty su sulogin sum sv svc svlogd svok swapoff swapon switch_root sync
  sysctl syslogd tac tail tar taskset tc tcpsvd tee telnet telnetd test tftp tftpd time timeout top touch tr
  traceroute traceroute6 tree true truncate ts tsort tty ttysize tunctl ubiattach ubidetach ubimkvol
  ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd udpsvd uevent umount uname unexpand uniq
  unix2dos unlink unlzma unshare unxz unzip uptime users usleep uudecode uuencode vconfig vi vlock volname w
  wall watch watchdog wc wget which who whoami whois xargs xxd xz xzcat yes zcat zcip`);

/** buildroot's system/skeleton/etc files, which the busybox image copies verbatim. */
export const BUSYBOX_PASSWD = lines(
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
  'bin:x:2:2:bin:/bin:/bin/false',
  'sys:x:3:3:sys:/dev:/bin/false',
  'sync:x:4:100:sync:/bin:/bin/sync',
  'mail:x:8:8:mail:/var/spool/mail:/bin/false',
  'www-data:x:33:33:www-data:/var/www:/bin/false',
  'operator:x:37:37:Operator:/var:/bin/false',
  'nobody:x:65534:65534:nobody:/home:/bin/false',
);

export const BUSYBOX_GROUP = lines(
  'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:',
  'mail:x:8:', 'kmem:x:9:', 'wheel:x:10:root', 'cdrom:x:11:', 'dialout:x:18:', 'floppy:x:19:', 'video:x:28:',
  'audio:x:29:', 'tape:x:32:', 'www-data:x:33:', 'operator:x:37:', 'utmp:x:43:', 'plugdev:x:46:',
  'staff:x:50:', 'lock:x:54:', 'netdev:x:82:', 'users:x:100:', 'nogroup:x:65534:',
);

/** The image replaces buildroot's empty root password with `*` (CVE-2019-5021). */
export const BUSYBOX_SHADOW = lines(
  ...['root', 'daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody'].map(
    (u) => `${u}:*:10933:0:99999:7:::`,
  ),
);

/**
 * The busybox:1.37 (glibc) root filesystem. The real image hard-links every applet to /bin/busybox (`busybox
 * --install /bin`); here each applet is its own file whose content names `busybox`, so the program sees
 * argv[0] and picks the applet, as the real multi-call binary does. No /etc/os-release: the image has none.
 */
export function busyboxTree(): Tree {
  const b = new TreeBuilder(imageMtime('busybox:1.37'));
  b.bin('/bin/busybox', 'busybox');
  for (const applet of BUSYBOX_APPLETS) b.bin(`/bin/${applet}`, 'busybox');
  b.bin('/bin/getconf', 'getconf'); // copied from Debian: busybox has no getconf applet
  b.link('/usr/bin/env', '../../bin/env');
  b.dir('/dev').dir('/tmp', 0o1777).dir('/root', 0o700).dir('/var/www', 0o755, 33, 33);
  // Home directories the image creates for passwd entries that lacked one (owner = the account).
  b.dir('/usr/sbin', 0o755, 1, 1).dir('/var/spool/mail', 0o755, 8, 8).dir('/home', 0o755, 65534, 65534);
  b.file('/etc/passwd', BUSYBOX_PASSWD).file('/etc/group', BUSYBOX_GROUP).file('/etc/shadow', BUSYBOX_SHADOW, 0o600);
  b.file('/etc/nsswitch.conf', lines(
    '# /etc/nsswitch.conf', '#', '# Example configuration of GNU Name Service Switch functionality.', '',
    'passwd:         files', 'group:          files', 'shadow:         files', 'gshadow:        files', '',
    'hosts:          files dns', 'networks:       files', '',
    'protocols:      db files', 'services:       db files', 'ethers:         db files', 'rpc:            db files', '',
    'netgroup:       nis',
  ));
  b.file('/etc/localtime', 'TZif2\x00\x00\x00UTC\n');
  for (const l of ['ld-linux-x86-64.so.2', 'libc.so.6', 'libm.so.6', 'libresolv.so.2', 'libnss_compat.so.2', 'libnss_dns.so.2', 'libnss_files.so.2', 'libnss_hesiod.so.2', 'libpthread.so.0']) {
    b.lib(`/lib/${l}`);
  }
  b.link('/lib64', 'lib');
  return b.build();
}
