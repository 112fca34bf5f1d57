/**
 * The learner's host: an Ubuntu 24.04 server install with Docker Engine from Docker's repository. HOST_PACKAGES
 * are what the host has beyond the ubuntu:24.04 image (the programs host.ts puts on it); its dpkg database
 * holds them and what they need (hostInstalled).
 *
 * NOBLE_HOST_INDEX holds the noble packages the host has that tutorials' index (nobleIndex.ts) does not:
 * their versions are noble's of late 2024, as the rest of the model, with their Depends; written from the
 * Ubuntu archive as remembered, not verified here (no network), and Installed-Size/Size approximate. The
 * libraries and tools they and Docker's packages need follow them (xz-utils, pigz, apparmor… that docker-ce
 * recommends). A Depends naming a package in no index here stays unmet, as the model's noble is partial. They are
 * `h` (host only): dockersim does not model their files, so apt will not install them in a container.
 */
import { parseIndex, type DebPackage } from './base.js';

export const NOBLE_HOST_INDEX = `
sudo|1.9.15p5-3ubuntu5|amd64|noble/main|admin|important|3520|947582|libapparmor1 (>= 2.7.0~beta2), libaudit1 (>= 1:2.2.1), libc6 (>= 2.38), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.2.0), libpam-modules, sensible-utils|||||h|Provide limited super user privileges to specific users
systemd|255.4-1ubuntu8.4|amd64|noble-updates/main|admin|important|10396|3471952|libc6 (>= 2.39), libsystemd-shared (= 255.4-1ubuntu8.4), libsystemd0 (= 255.4-1ubuntu8.4), mount||systemd-timesyncd | time-daemon, systemd-resolved|systemd-container, systemd-homed, systemd-userdbd, systemd-boot, libqrencode4, libtss2-esys-3.0.2-0t64|systemd-sysusers, systemd-tmpfiles|h|system and service manager
libsystemd-shared|255.4-1ubuntu8.4|amd64|noble-updates/main|libs|important|5492|2068384|libacl1 (>= 2.2.23), libblkid1 (>= 2.30.2), libcap2 (>= 1:2.10), libcrypt1 (>= 1:4.4.0), libgcrypt20 (>= 1.10.0), liblz4-1 (>= 0.0~r130), liblzma5 (>= 5.1.1alpha+20120614), libmount1 (>= 2.30), libpam0g (>= 0.99.7.1), libseccomp2 (>= 2.4.1), libselinux1 (>= 3.1~), libssl3t64 (>= 3.0.0), libzstd1 (>= 1.5.5)|||||h,l,s=systemd|systemd shared private library
systemd-sysv|255.4-1ubuntu8.4|amd64|noble-updates/main|admin|important|120|11880|systemd (= 255.4-1ubuntu8.4)|||||h,s=systemd|system and service manager - SysV compatibility symlinks
systemd-resolved|255.4-1ubuntu8.4|amd64|noble-updates/main|admin|important|784|296392|libc6 (>= 2.39), libssl3t64 (>= 3.0.0), libsystemd-shared (= 255.4-1ubuntu8.4), systemd (= 255.4-1ubuntu8.4)|||||h,s=systemd|systemd DNS resolver
systemd-timesyncd|255.4-1ubuntu8.4|amd64|noble-updates/main|admin|important|164|35476|libc6 (>= 2.34), libsystemd-shared (= 255.4-1ubuntu8.4), systemd||||time-daemon|h,s=systemd|minimalistic service to synchronize local time with NTP servers
lsof|4.95.0-1build3|amd64|noble/main|utils|optional|455|253408|libc6 (>= 2.34), libselinux1 (>= 3.1~), libtirpc3t64 (>= 1.0.2)|||||h|utility to list open files
iputils-tracepath|3:20240117-1build1|amd64|noble/main|net|optional|66|14180|libc6 (>= 2.34)|||||h,s=iputils|Tools to trace the network path to a remote host
python3|3.12.3-0ubuntu2|amd64|noble/main|python|important|92|23958|python3.12 (>= 3.12.3-1~), libpython3-stdlib (= 3.12.3-0ubuntu2)|python3-minimal (= 3.12.3-0ubuntu2)||python3-doc, python3-tk, python3-venv|python3-profiler|h,s=python3-defaults|interactive high-level object-oriented language (default python3 version)
python3-minimal|3.12.3-0ubuntu2|amd64|noble/main|python|important|112|27376|python3.12-minimal (>= 3.12.3-1~)|||||h,s=python3-defaults|minimal subset of the Python language (default python3 version)
libpython3-stdlib|3.12.3-0ubuntu2|amd64|noble/main|python|important|24|9944|libpython3.12-stdlib|||||h,s=python3-defaults|interactive high-level object-oriented language (default python3 version)
python3.12|3.12.3-1ubuntu0.3|amd64|noble-updates/main|python|important|648|651202|python3.12-minimal (= 3.12.3-1ubuntu0.3), libpython3.12-stdlib (= 3.12.3-1ubuntu0.3), media-types | mime-support, tzdata|||python3.12-venv, python3.12-doc, binutils||h|Interactive high-level object-oriented language (version 3.12)
python3.12-minimal|3.12.3-1ubuntu0.3|amd64|noble-updates/main|python|important|6512|2330126|libpython3.12-minimal (= 3.12.3-1ubuntu0.3), libexpat1 (>= 2.1~beta3), zlib1g (>= 1:1.2.0)|||binfmt-support||h,s=python3.12|Minimal subset of the Python language (version 3.12)
tmux|3.4-1ubuntu0.1|amd64|noble-updates/main|admin|optional|1133|448262|libc6 (>= 2.38), libevent-core-2.1-7t64 (>= 2.1.8-stable), libtinfo6 (>= 6), libutempter0 (>= 1.1.5)|||||h|terminal multiplexer
libevent-core-2.1-7t64|2.1.12-stable-9ubuntu2|amd64|noble/main|libs|optional|244|91266|libc6 (>= 2.38)|||||h,l,m,s=libevent|Asynchronous event notification library (core)
libutempter0|1.2.1-3build1|amd64|noble/main|libs|optional|52|9422|libc6 (>= 2.34)|||||h,l,m,s=libutempter|privileged helper for utmp/wtmp updates (runtime)
screen|4.9.1-1build1|amd64|noble/main|misc|optional|1000|655490|libc6 (>= 2.38), libcrypt1 (>= 1:4.1.0), libpam0g (>= 0.99.7.1), libtinfo6 (>= 6), libutempter0 (>= 1.1.5)|||byobu | screenie | iselect (>= 1.4.0-1), ncurses-term||h|terminal multiplexer with VT100/ANSI terminal emulation
htop|3.3.0-4build1|amd64|noble/main|utils|optional|434|171206|libc6 (>= 2.38), libncursesw6 (>= 6), libnl-3-200 (>= 3.2.7), libnl-genl-3-200 (>= 3.2.7), libtinfo6 (>= 6)|||lm-sensors, lsof, strace||h|interactive processes viewer
libnl-3-200|3.7.0-0.3build1.1|amd64|noble-updates/main|libs|optional|204|62566|libc6 (>= 2.38)|||||h,l,m,s=libnl3|library for dealing with netlink sockets
libnl-genl-3-200|3.7.0-0.3build1.1|amd64|noble-updates/main|libs|optional|55|12060|libc6 (>= 2.14), libnl-3-200 (= 3.7.0-0.3build1.1)|||||h,l,m,s=libnl3|library for dealing with netlink sockets - generic netlink
file|1:5.45-3build1|amd64|noble/main|utils|standard|80|22214|libc6 (>= 2.34), libmagic1t64 (= 1:5.45-3build1)|||||h|Recognize the type of data in a file using "magic" numbers
libmagic1t64|1:5.45-3build1|amd64|noble/main|libs|standard|212|87442|libbz2-1.0, libc6 (>= 2.38), liblzma5 (>= 5.1.1alpha+20120614), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.1.4), libmagic-mgc (= 1:5.45-3build1)|||||h,l,m,s=file|Recognize the type of data in a file using "magic" numbers - library
libmagic-mgc|1:5.45-3build1|amd64|noble/main|libs|standard|7424|307134||||||h,s=file|File type determination library using "magic" numbers (compiled magic file)
strace|6.8-0ubuntu2|amd64|noble/main|utils|standard|2212|576254|libc6 (>= 2.38), libdw1t64 (>= 0.158), libselinux1 (>= 3.1~), libunwind8|||||h|System call tracer
tcpdump|4.99.4-3ubuntu4|amd64|noble/main|net|standard|1250|480176|adduser, libc6 (>= 2.38), libpcap0.8t64 (>= 1.10.0), libssl3t64 (>= 3.0.0)||apparmor (>= 2.13.3-7)|||h|command-line network traffic analyzer
libpcap0.8t64|1.10.4-4.1ubuntu3|amd64|noble/main|libs|standard|309|151442|libc6 (>= 2.38), libdbus-1-3 (>= 1.9.14), libibverbs1 (>= 28)|||||h,l,m,s=libpcap|system interface for user-level packet capture
rsync|3.2.7-1ubuntu1|amd64|noble/main|net|standard|757|436136|libacl1 (>= 2.2.23), libc6 (>= 2.38), liblz4-1 (>= 0.0~r130), libpopt0 (>= 1.14), libssl3t64 (>= 3.0.0), libxxhash0 (>= 0.8.0), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.2.11)|||openssh-client, openssh-server, python3, python3-braceexpand||h|fast, versatile, remote (and local) file-copying tool
libpopt0|1.19+dfsg-1build1|amd64|noble/main|libs|important|136|28236|libc6 (>= 2.33)|||||h,l,m,s=popt|lib for parsing cmdline parameters
bc|1.07.1-3ubuntu4|amd64|noble/main|math|standard|226|86410|libc6 (>= 2.34), libreadline8t64 (>= 6.0)|||||h|GNU bc arbitrary precision calculator language
man-db|2.12.0-4build2|amd64|noble/main|doc|standard|2804|1239870|bsdextrautils, groff-base, libc6 (>= 2.38), libgdbm6t64 (>= 1.16), libpipeline1 (>= 1.5.0), libseccomp2 (>= 2.1.0), zlib1g (>= 1:1.1.4)|debconf (>= 1.5.33) | debconf-2.0||apparmor, groff, less, www-browser||h,d|tools for reading manual pages
lsb-release|12.0-2|all|noble/main|misc|optional|23|6524||||||h,s=lsb-release-minimal|Linux Standard Base version reporting utility (minimal implementation)
cron|3.0pl1-184ubuntu2|amd64|noble/main|admin|important|212|85214|cron-daemon-common, libc6 (>= 2.34), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), libpam-runtime, sensible-utils||default-mta | mail-transport-agent|anacron, checksecurity, supercat, mail-transport-agent, logrotate|cron-daemon|h|process scheduling daemon
cron-daemon-common|3.0pl1-184ubuntu2|all|noble/main|admin|important|85|13856|adduser|||||h,s=cron|process scheduling daemon's configuration files
iptables|1.8.10-3ubuntu2|amd64|noble/main|net|important|2778|381254|libip4tc2 (= 1.8.10-3ubuntu2), libip6tc2 (= 1.8.10-3ubuntu2), libxtables12 (= 1.8.10-3ubuntu2), netbase (>= 6.0), libc6 (>= 2.38), libmnl0 (>= 1.0.3-4~), libnetfilter-conntrack3 (>= 1.0.6), libnfnetlink0 (>= 1.0.2), libnftnl11 (>= 1.2.6)||nftables|firewalld, kmod||h|administration tools for packet filtering and NAT
libip4tc2|1.8.10-3ubuntu2|amd64|noble/main|libs|important|58|23484|libc6 (>= 2.28)|||||h,l,m,s=iptables|netfilter libip4tc library
libip6tc2|1.8.10-3ubuntu2|amd64|noble/main|libs|important|58|23730|libc6 (>= 2.28)|||||h,l,m,s=iptables|netfilter libip6tc library
libnetfilter-conntrack3|1.0.9-6build1|amd64|noble/main|libs|important|119|44656|libc6 (>= 2.14), libmnl0 (>= 1.0.3-4~), libnfnetlink0 (>= 1.0.2)|||||h,l,m,s=libnetfilter-conntrack|Netfilter netlink-conntrack library
libnfnetlink0|1.0.2-2build1|amd64|noble/main|libs|important|60|14906|libc6 (>= 2.14)|||||h,l,m,s=libnfnetlink|Netfilter netlink library
libnftnl11|1.2.6-2build1|amd64|noble/main|libs|important|224|65812|libc6 (>= 2.14), libmnl0 (>= 1.0.3-4~)|||||h,l,m,s=libnftnl|Netfilter nftables userspace API library
nftables|1.0.9-1build1|amd64|noble/main|net|important|182|69850|libnftables1 (= 1.0.9-1build1), libc6 (>= 2.34), libedit2 (>= 3.1-20130611-0)||netbase|firewalld||h|Program to control packet filtering rules by Netfilter project
libnftables1|1.0.9-1build1|amd64|noble/main|libs|important|1188|358374|libc6 (>= 2.38), libgmp10 (>= 2:6.3.0+dfsg), libjansson4 (>= 2.14), libmnl0 (>= 1.0.3-4~), libnftnl11 (>= 1.2.6), libxtables12 (>= 1.6.0+snapshot20161117)|||||h,l,m,s=nftables|Netfilter nftables high level userspace API library
ufw|0.36.2-6|all|noble/main|admin|optional|880|169604|iptables, lsb-base (>= 3.0-6), ucf, python3:any, debconf (>= 0.5) | debconf-2.0|||rsyslog||h,d|program for managing a Netfilter firewall
rsyslog|8.2312.0-3ubuntu9|amd64|noble/main|admin|important|1868|523746|libc6 (>= 2.38), libestr0 (>= 0.1.4), libfastjson4 (>= 1.2304.0), libsystemd0 (>= 209), libuuid1 (>= 2.16), zlib1g (>= 1:1.2.0), adduser, ucf||logrotate|rsyslog-mysql | rsyslog-pgsql, rsyslog-mongodb, rsyslog-doc, rsyslog-openssl | rsyslog-gnutls, rsyslog-gssapi, rsyslog-relp, apparmor (>= 2.8.96~2541-0ubuntu4~)|linux-kernel-log-daemon, system-log-daemon|h|reliable system and kernel logging daemon
libestr0|0.1.11-1build1|amd64|noble/main|libs|important|29|8396|libc6 (>= 2.4)|||||h,l,m,s=libestr|Helper functions for handling strings (lib)
libfastjson4|1.2304.0-1build1|amd64|noble/main|libs|important|86|24008|libc6 (>= 2.14)|||||h,l,m,s=libfastjson|fast json library for C
ucf|3.0043+nmu1|all|noble/main|utils|important|238|55256|debconf (>= 1.5.19), coreutils (>= 5.91), sensible-utils|||||h|Update Configuration File(s): preserve user changes to config files
bash-completion|1:2.11-8|all|noble/main|shells|important|1463|180334||||||h|programmable completion for the bash shell
openssh-server|1:9.6p1-3ubuntu13.5|amd64|noble-updates/main|net|optional|2074|509936|adduser, libpam-modules, libpam-runtime, lsb-base, openssh-client (= 1:9.6p1-3ubuntu13.5), openssh-sftp-server, procps, ucf, debconf (>= 0.5) | debconf-2.0, libaudit1 (>= 1:2.2.1), libc6 (>= 2.38), libcom-err2 (>= 1.43.9), libcrypt1 (>= 1:4.1.0), libgssapi-krb5-2 (>= 1.17), libkrb5-3 (>= 1.13~alpha1+dfsg), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), libssl3t64 (>= 3.0.13), libwrap0 (>= 7.6-4~), zlib1g (>= 1:1.1.4)||ssh-import-id|molly-guard, monkeysphere, ssh-askpass, ufw||h,d,s=openssh|secure shell (SSH) server, for secure access from remote machines
openssh-sftp-server|1:9.6p1-3ubuntu13.5|amd64|noble-updates/main|net|optional|125|37830|openssh-client (= 1:9.6p1-3ubuntu13.5), libc6 (>= 2.38)|||||h,s=openssh|secure shell (SSH) sftp server module, for SFTP access from remote machines
libwrap0|7.6.q-33|amd64|noble/main|libs|optional|99|47884|libc6 (>= 2.33)|||||h,l,m,s=tcp-wrappers|Wietse Venema's TCP wrappers library
xz-utils|5.6.1+really5.4.5-1build0.1|amd64|noble/main|utils|important|1318|267808|libc6 (>= 2.34), liblzma5 (>= 5.4.0)|||||h|XZ-format compression utilities
pigz|2.8-1|amd64|noble/universe|utils|optional|214|65352|libc6 (>= 2.34), zlib1g (>= 1:1.2.3.4)|||||h|Parallel Implementation of GZip
libltdl7|2.4.7-7build1|amd64|noble/main|libs|optional|94|40244|libc6 (>= 2.14)|||||h,l,m,s=libtool|System independent dlopen wrapper for GNU libtool
libapparmor1|4.0.1really4.0.1-0ubuntu0.24.04.3|amd64|noble-updates/main|libs|optional|130|50256|libc6 (>= 2.34)|||||h,l,m,s=apparmor|changehat AppArmor library
apparmor|4.0.1really4.0.1-0ubuntu0.24.04.3|amd64|noble-updates/main|admin|optional|2692|637590|libc6 (>= 2.38), debconf (>= 0.5) | debconf-2.0|||apparmor-profiles-extra, apparmor-utils||h,d|user-space parser utility for AppArmor
lsb-base|11.6|all|noble/main|misc|optional|22|4608|sysvinit-utils (>= 3.05-4~)|||||h,s=lsb|transitional package for sysvinit-utils
bsdextrautils|2.39.3-9ubuntu6.1|amd64|noble-updates/main|utils|important|326|73406|libc6 (>= 2.38), libsmartcols1 (>= 2.39.3), libtinfo6 (>= 6)|||||h,s=util-linux|extra utilities from 4.4BSD-Lite
groff-base|1.23.0-3build2|amd64|noble/main|text|important|3704|1019484|libc6 (>= 2.38), libgcc-s1 (>= 3.0), libstdc++6 (>= 13.1), libuchardet0 (>= 0.0.1)|||||h,s=groff|GNU troff text-formatting system (base system components)
libpipeline1|1.5.7-2|amd64|noble/main|libs|important|78|30074|libc6 (>= 2.34)|||||h,l,m,s=libpipeline|Unix process pipeline manipulation library
libdw1t64|0.190-1.1build4|amd64|noble/main|libs|optional|889|261478|libbz2-1.0, libc6 (>= 2.38), libelf1t64 (= 0.190-1.1build4), liblzma5 (>= 5.1.1alpha+20120614), libzstd1 (>= 1.5.5), zlib1g (>= 1:1.2.3.3)|||||h,l,m,s=elfutils|library that provides access to the DWARF debug information
libunwind8|1.6.2-3build1|amd64|noble/main|libs|optional|176|56360|libc6 (>= 2.34), liblzma5 (>= 5.1.1alpha+20120614)|||||h,l,m,s=libunwind|library to determine the call-chain of a program - runtime
libdbus-1-3|1.14.10-4ubuntu4.1|amd64|noble-updates/main|libs|standard|487|210234|libc6 (>= 2.38), libsystemd0|||||h,l,m,s=dbus|simple interprocess messaging system (library)
libibverbs1|50.0-2build2|amd64|noble/main|libs|optional|141|62684|adduser, libc6 (>= 2.38), libnl-3-200 (>= 3.2.7)|||||h,l,m,s=rdma-core|Library for direct userspace use of RDMA (InfiniBand/iWARP)
libuchardet0|0.0.8-1build1|amd64|noble/main|libs|important|232|77934|libc6 (>= 2.14), libgcc-s1 (>= 3.0), libstdc++6 (>= 4.1.1)|||||h,l,m,s=uchardet|universal charset detection library - shared library
dbus-user-session|1.14.10-4ubuntu4.1|amd64|noble-updates/main|admin|optional|32|9968|dbus (>= 1.14.10-4ubuntu4.1), libpam-systemd, systemd||||default-dbus-session-bus, dbus-session-bus|h,s=dbus|simple interprocess messaging system (systemd --user integration)
dbus|1.14.10-4ubuntu4.1|amd64|noble-updates/main|admin|standard|172|24284|dbus-bin (= 1.14.10-4ubuntu4.1), dbus-daemon (= 1.14.10-4ubuntu4.1), dbus-system-bus-common (>= 1.14.10-4ubuntu4.1), libc6 (>= 2.34), libdbus-1-3 (= 1.14.10-4ubuntu4.1), libexpat1 (>= 2.1~beta3), libsystemd0|||||h|simple interprocess messaging system (system message bus)
dbus-bin|1.14.10-4ubuntu4.1|amd64|noble-updates/main|admin|standard|111|39148|libc6 (>= 2.34), libdbus-1-3 (= 1.14.10-4ubuntu4.1)|||||h,s=dbus|simple interprocess messaging system (command line utilities)
dbus-daemon|1.14.10-4ubuntu4.1|amd64|noble-updates/main|admin|standard|432|118312|dbus-bin (= 1.14.10-4ubuntu4.1), dbus-session-bus-common (>= 1.14.10-4ubuntu4.1), libapparmor1 (>= 2.8.94), libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcap-ng0 (>= 0.7.9), libdbus-1-3 (= 1.14.10-4ubuntu4.1), libexpat1 (>= 2.1~beta3), libselinux1 (>= 3.1~), libsystemd0|||||h,s=dbus|simple interprocess messaging system (reference message bus)
dbus-session-bus-common|1.14.10-4ubuntu4.1|all|noble-updates/main|admin|standard|42|14914||||||h,s=dbus|simple interprocess messaging system (session bus configuration)
dbus-system-bus-common|1.14.10-4ubuntu4.1|all|noble-updates/main|admin|standard|61|15498|adduser|||||h,s=dbus|simple interprocess messaging system (system bus configuration)
libpam-systemd|255.4-1ubuntu8.4|amd64|noble-updates/main|admin|standard|635|235378|libpam-runtime, dbus | dbus-broker, systemd (= 255.4-1ubuntu8.4), libc6 (>= 2.39), libpam0g (>= 0.99.7.1), libsystemd-shared (= 255.4-1ubuntu8.4)||||default-logind, logind|h,m,s=systemd|system and service manager - PAM module
`;

/** What the server install and Docker's packages add to the image, as `apt-get install` would name them. */
export const HOST_PACKAGES: readonly string[] = [
  'sudo', 'systemd', 'systemd-sysv', 'iproute2', 'curl', 'wget', 'less', 'lsof', 'nano', 'vim', 'iputils-ping', 'iputils-tracepath',
  'netcat-openbsd', 'bind9-dnsutils', 'openssh-client', 'openssh-server', 'git', 'python3', 'tmux', 'screen', 'htop', 'file', 'strace',
  'tcpdump', 'rsync', 'bc', 'man-db', 'lsb-release', 'cron', 'iptables', 'nftables', 'ufw', 'rsyslog', 'bash-completion', 'ca-certificates',
  'docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin', 'docker-ce-rootless-extras',
];

export interface HostInstalled {
  /** Every installed package (the image's and the host's), by name. */
  readonly packages: ReadonlyMap<string, DebPackage>;
  /** Installed only because another needs or recommends it (apt's Auto-Installed). */
  readonly auto: ReadonlySet<string>;
}

/**
 * The host's installed set: the image's packages, HOST_PACKAGES, and what those Pre-Depend, Depend on and
 * Recommend (apt installs Recommends), each relation met by the first alternative or provider `known` has.
 * A relation nothing in `known` meets is left unmet: the model's index does not hold every noble package.
 */
export function hostInstalled(base: ReadonlyMap<string, DebPackage>, known: ReadonlyMap<string, DebPackage>): HostInstalled {
  const providers = new Map<string, string[]>();
  for (const p of known.values()) {
    for (const v of p.provides) {
      const name = v.replace(/\s*\(.*\)$/, '');
      providers.set(name, [...(providers.get(name) ?? []), p.name]);
    }
  }
  const packages = new Map(base);
  const auto = new Set<string>();
  const queue: DebPackage[] = [];
  const add = (p: DebPackage, isAuto: boolean): void => {
    if (packages.has(p.name)) return;
    packages.set(p.name, p);
    if (isAuto) auto.add(p.name);
    queue.push(p);
  };
  for (const n of HOST_PACKAGES) {
    const p = known.get(n);
    if (!p) throw new Error(`host: ${n} is in no index`);
    add(p, false);
  }
  const installedOrKnown = (name: string): boolean => packages.has(name) || (providers.get(name) ?? []).some((x) => packages.has(x));
  while (queue.length) {
    const p = queue.shift()!;
    for (const group of [...p.preDepends, ...p.depends, ...p.recommends]) {
      if (group.some((r) => installedOrKnown(r.name))) continue;
      for (const r of group) {
        const pick = known.get(r.name) ?? known.get((providers.get(r.name) ?? [])[0] ?? '');
        if (pick) {
          add(pick, true);
          break;
        }
      }
    }
  }
  return { packages, auto };
}

let parsed: DebPackage[] | undefined;

export function nobleHostIndex(): readonly DebPackage[] {
  parsed ??= parseIndex(NOBLE_HOST_INDEX);
  return parsed;
}
