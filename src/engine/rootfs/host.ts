import type { Tree } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';
import { DOCKER_BASH_COMPLETION } from './dockerCompletion.js';
import { ROOT_BASHRC, ROOT_PROFILE, SKEL_BASHRC, SKEL_BASH_LOGOUT, SKEL_PROFILE } from './dotfiles.js';
import { imageMtime } from './images.js';
import { UBUNTU_RELEASES, baseGroups, basePasswd, shadowLine } from './ubuntuEtc.js';
import type { HostRecords } from './packages/hostRecords.js';
import { DeferredBytes } from '../fs/deferred.js';
import { LateSlot } from '../kernel/late.js';
import { utf8Encode } from '../kernel/utf8.js';
import { addUbuntuSystem } from './ubuntu.js';

const w = (s: string): string[] => s.trim().split(/\s+/);

export interface HostOptions {
  readonly hostname?: string;
  /**
   * The learner is already in group `docker` (as after `sudo usermod -aG docker user` and a new login), so
   * `docker ps` works without sudo: what a docs page's example expects. The app and the book start without it.
   */
  readonly dockerGroup?: boolean;
}

/** The learner: uid/gid 1000, in the groups an Ubuntu cloud install gives its first user, not in `docker`. */
export const HOST_USER = { name: 'user', uid: 1000, gid: 1000, home: '/home/user' } as const;
export const HOST_USER_GROUPS = ['adm', 'cdrom', 'sudo', 'dip', 'plugdev', 'lxd'] as const;
export const DOCKER_GID = 988;

/** Programs a server install and Docker Engine add on top of the ubuntu:24.04 image, by directory. */
const HOST_USR_BIN = w(`
  sudo sudoreplay systemctl journalctl hostnamectl timedatectl loginctl networkctl resolvectl systemd-run
  systemd-analyze systemd-cgls systemd-cgtop ip ss bridge curl wget less lsof nano vim.basic
  ping tracepath nc.openbsd dig host nslookup ssh scp sftp ssh-keygen git python3 tmux screen htop file
  strace tcpdump rsync bc man lsb_release crontab
  docker dockerd docker-proxy dockerd-rootless.sh containerd containerd-shim-runc-v2 ctr runc docker-init`);
const HOST_USR_SBIN = w('visudo tc iptables iptables-save iptables-restore ip6tables nft sshd cron rsyslogd ufw');

/**
 * lesspipe is a shell script on Ubuntu; every login's ~/.bashrc evals its no-argument output. Only that form
 * is kept here: for a file argument it prints nothing, which tells less to read the file as it is.
 */
const LESSPIPE = `#!/bin/sh
#
# lesspipe - input preprocessor for less (trimmed: setup output only)
if [ $# -eq 0 ]; then
  echo "export LESSOPEN=\\"| /usr/bin/lesspipe %s\\";"
  echo "export LESSCLOSE=\\"/usr/bin/lesspipe %s %s\\";"
fi
exit 0
`;

/**
 * The learner's machine: an Ubuntu 24.04 server (a superset of the ubuntu:24.04 image) with systemd,
 * sudo, iproute2, curl and Docker Engine installed, the learner `user` with passwordless sudo (as cloud-init
 * sets it up) and a `docker` group the user is not yet in.
 */
export function hostTree(opts: HostOptions = {}): Tree {
  const hostname = opts.hostname ?? 'dockersim';
  const b = new TreeBuilder(imageMtime('ubuntu:24.04'));
  addUbuntuSystem(b, '24.04', { host: true, status: new DeferredBytes(HOST_STATUS_BYTES, statusBytes) });
  addHostPrograms(b);
  addHostAccounts(b, opts.dockerGroup ?? false);
  addHostEtc(b, hostname);
  b.file('/var/lib/apt/extended_states', new DeferredBytes(HOST_EXTENDED_STATES_BYTES, extendedStatesBytes));
  b.file('/root/.bashrc', ROOT_BASHRC).file('/root/.profile', ROOT_PROFILE);
  b.dir('/root/.ssh', 0o700);
  return b.build();
}

function addHostPrograms(b: TreeBuilder): void {
  for (const n of HOST_USR_BIN) {
    if (n === 'sudo') b.bin('/usr/bin/sudo', 'sudo', 0o4755);
    else if (n === 'vim.basic') b.bin('/usr/bin/vim.basic', 'vim');
    else if (n === 'nc.openbsd') b.bin('/usr/bin/nc.openbsd', 'nc');
    else b.bin(`/usr/bin/${n}`);
  }
  b.file('/usr/bin/lesspipe', LESSPIPE, 0o755);
  b.bins('/usr/sbin', HOST_USR_SBIN);
  b.link('/usr/bin/sudoedit', 'sudo').link('/usr/sbin/ip', '/bin/ip');
  b.links('/etc/alternatives', [
    ['vi', '/usr/bin/vim.basic'], ['vim', '/usr/bin/vim.basic'], ['editor', '/bin/nano'], ['nc', '/bin/nc.openbsd'],
    ['netcat', '/bin/nc.openbsd'], ['pager', '/bin/less'],
  ]);
  b.links('/usr/bin', [
    ['vi', '/etc/alternatives/vi'], ['vim', '/etc/alternatives/vim'], ['editor', '/etc/alternatives/editor'],
    ['nc', '/etc/alternatives/nc'], ['netcat', '/etc/alternatives/netcat'], ['pager', '/etc/alternatives/pager'],
    ['python3.12', 'python3'], ['ping4', 'ping'], ['ping6', 'ping'],
  ]);
  b.bin('/usr/lib/systemd/systemd', 'systemd');
  b.link('/usr/sbin/init', '../lib/systemd/systemd');
  for (const n of ['halt', 'poweroff', 'reboot', 'shutdown', 'runlevel', 'telinit']) b.link(`/usr/sbin/${n}`, '/bin/systemctl');
  b.link('/usr/lib/systemd/systemd-journald', 'systemd');
  addBashCompletion(b);
  b.bin('/usr/libexec/docker/cli-plugins/docker-buildx', 'docker-buildx');
  b.bin('/usr/libexec/docker/cli-plugins/docker-compose', 'docker-compose');
  b.file('/usr/lib/systemd/system/docker.service', lines(
    '[Unit]', 'Description=Docker Application Container Engine', 'Documentation=https://docs.docker.com',
    'After=network-online.target nss-lookup.target docker.socket firewalld.service containerd.service time-set.target',
    'Wants=network-online.target containerd.service', 'Requires=docker.socket', '', '[Service]', 'Type=notify',
    'ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    'ExecReload=/bin/kill -s HUP $MAINPID', 'Restart=always', '', '[Install]', 'WantedBy=multi-user.target'));
  b.file('/usr/lib/systemd/system/docker.socket', lines(
    '[Unit]', 'Description=Docker Socket for the API', '', '[Socket]', 'ListenStream=/run/docker.sock',
    'SocketMode=0660', 'SocketUser=root', 'SocketGroup=docker', '', '[Install]', 'WantedBy=sockets.target'));
  b.file('/usr/lib/systemd/system/containerd.service', lines('[Unit]', 'Description=containerd container runtime', 'Documentation=https://containerd.io', 'After=network.target local-fs.target dbus.service', '', '[Service]', 'ExecStart=/usr/bin/containerd', '', '[Install]', 'WantedBy=multi-user.target'));
}

/**
 * The bash-completion package (2.11, sourced by every login's ~/.bashrc) and docker-ce-cli's completion file.
 * bash-completion's own scripts are thousands of lines of bash: here they keep what they register, and the
 * functions they name (_completion_loader, _sudo) are built into the simulated bash, as cobra's
 * __start_docker is. The loader reads a command's file from completions/ on its first Tab, as the real one does.
 */
function addBashCompletion(b: TreeBuilder): void {
  const dir = '/usr/share/bash-completion';
  b.file(`${dir}/bash_completion`, lines(
    '#                                                          -*- shell-script -*-',
    '#',
    '#   bash_completion - programmable completion functions for bash 4.2+',
    '#',
    '#   (dockersim: the functions are built into this bash; what the package registers follows)',
    '',
    '# Load a command\'s completion from completions/ the first time it is completed.',
    'complete -D -F _completion_loader',
    '',
    '# ex: filetype=sh'));
  b.file(`${dir}/completions/docker`, DOCKER_BASH_COMPLETION);
  b.file(`${dir}/completions/sudo`, lines(
    '# bash completion for sudo(8)                             -*- shell-script -*-',
    '',
    '# (dockersim: _sudo is built into this bash) It completes the command sudo runs as that command would be',
    '# completed on its own (_command_offset), after sudo\'s options and their arguments.',
    '',
    'complete -F _sudo sudo sudoedit',
    '',
    '# ex: filetype=sh'));
  b.file('/etc/bash_completion', lines('. /usr/share/bash-completion/bash_completion'));
}

/**
 * The host's dpkg status and apt auto marks (packages/hostRecords.ts), made from the package indexes the first
 * time something reads them. The indexes are ~16 KB of gzipped code no boot needs, so that module comes with
 * the code loaded after the first prompt (machine/late.ts), which fills this slot; the files' sizes are known
 * beforehand (test/engine/rootfs/host.test.ts holds them to the texts), so `ls -l` needs no text.
 */
export const LATE_HOST_RECORDS = new LateSlot<() => HostRecords>('the host\'s package records');
export const HOST_STATUS_BYTES = 89_119;
export const HOST_EXTENDED_STATES_BYTES = 7_500;

// One producer per file for every host tree: trees built alike compare equal.
const statusBytes = (): Uint8Array => utf8Encode(LATE_HOST_RECORDS.get()().status);
const extendedStatesBytes = (): Uint8Array => utf8Encode(LATE_HOST_RECORDS.get()().extendedStates);

function addHostAccounts(b: TreeBuilder, dockerGroup: boolean): void {
  const r = UBUNTU_RELEASES['24.04'];
  const system = [
    'systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin',
    'systemd-timesync:x:996:996:systemd Time Synchronization:/:/usr/sbin/nologin',
    'messagebus:x:100:102::/nonexistent:/usr/sbin/nologin',
    'systemd-resolve:x:991:991:systemd Resolver:/:/usr/sbin/nologin',
    'polkitd:x:990:990:User for polkitd:/:/usr/sbin/nologin',
    'syslog:x:101:104::/nonexistent:/usr/sbin/nologin',
    'uuidd:x:102:105::/run/uuidd:/usr/sbin/nologin',
    'tcpdump:x:103:107::/nonexistent:/usr/sbin/nologin',
    'sshd:x:104:65534::/run/sshd:/usr/sbin/nologin',
    `${HOST_USER.name}:x:${HOST_USER.uid}:${HOST_USER.gid}:${HOST_USER.name}:${HOST_USER.home}:/bin/bash`,
  ];
  const passwd = [...basePasswd(r), ...system];
  const member = (g: string): string => ((HOST_USER_GROUPS as readonly string[]).includes(g) ? HOST_USER.name : '');
  const groups: [string, number, string][] = [
    ...baseGroups(r).map(([n, g]): [string, number, string] => [n, g, n === 'adm' ? `syslog,${HOST_USER.name}` : member(n)]),
    ['systemd-journal', 999, ''], ['systemd-network', 998, ''], ['systemd-timesync', 996, ''], ['input', 995, ''],
    ['kvm', 993, ''], ['render', 992, ''], ['messagebus', 102, ''], ['systemd-resolve', 991, ''],
    ['polkitd', 990, ''], ['syslog', 104, ''], ['uuidd', 105, ''], ['_ssh', 106, ''], ['tcpdump', 107, ''],
    ['lxd', 101, member('lxd')], ['docker', DOCKER_GID, dockerGroup ? HOST_USER.name : ''], [HOST_USER.name, HOST_USER.gid, ''],
  ];
  const names = passwd.map((l) => l.slice(0, l.indexOf(':')));
  b.file('/etc/passwd', lines(...passwd));
  b.file('/etc/group', lines(...groups.map(([n, g, m]) => `${n}:x:${g}:${m}`)));
  b.file('/etc/shadow', lines(...names.map((n) => shadowLine(n, r.shadowDay, n === HOST_USER.name ? '!' : '*'))), 0o640, 0, 42);
  b.file('/etc/gshadow', lines(...groups.map(([n, , m]) => `${n}:*::${m}`)), 0o640, 0, 42);
  const { uid, gid, home } = HOST_USER;
  b.dir(home, 0o750, uid, gid);
  b.file(`${home}/.bashrc`, SKEL_BASHRC, 0o644, uid, gid);
  b.file(`${home}/.profile`, SKEL_PROFILE, 0o644, uid, gid);
  b.file(`${home}/.bash_logout`, SKEL_BASH_LOGOUT, 0o644, uid, gid);
  b.dir(`${home}/.ssh`, 0o700, uid, gid);
  b.file(`${home}/.ssh/authorized_keys`, '', 0o600, uid, gid);
}

function addHostEtc(b: TreeBuilder, hostname: string): void {
  b.file('/etc/hostname', lines(hostname));
  b.file('/etc/hosts', lines(
    '127.0.0.1 localhost', `127.0.1.1 ${hostname}`, '',
    '# The following lines are desirable for IPv6 capable hosts',
    '::1 ip6-localhost ip6-loopback', 'fe00::0 ip6-localnet', 'ff00::0 ip6-mcastprefix', 'ff02::1 ip6-allnodes', 'ff02::2 ip6-allrouters',
  ));
  b.link('/etc/resolv.conf', '../run/systemd/resolve/stub-resolv.conf');
  b.file('/run/systemd/resolve/stub-resolv.conf', lines(
    '# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).',
    '# Do not edit.', '', 'nameserver 127.0.0.53', 'options edns0 trust-ad', 'search .'));
  b.file('/run/systemd/resolve/resolv.conf', lines(
    '# This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).',
    '# Do not edit.', '', 'nameserver 10.0.2.3', 'search .'));
  b.file('/etc/sudoers', lines(
    '#', "# This file MUST be edited with the 'visudo' command as root.", '#',
    '# Please consider adding local content in /etc/sudoers.d/ instead of', '# directly modifying this file.', '#',
    '# See the man page for details on how to write a sudoers file.', '#',
    'Defaults\tenv_reset', 'Defaults\tmail_badpass',
    'Defaults\tsecure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"',
    'Defaults\tuse_pty', '', '# User privilege specification', 'root\tALL=(ALL:ALL) ALL', '',
    '# Members of the admin group may gain root privileges', '%admin ALL=(ALL) ALL', '',
    '# Allow members of group sudo to execute any command', '%sudo\tALL=(ALL:ALL) ALL', '',
    '# See sudoers(5) for more information on "@include" directives:', '', '@includedir /etc/sudoers.d',
  ), 0o440);
  // cloud-init writes this for the default user: sudo without a password, as on a fresh cloud VM.
  b.file('/etc/sudoers.d/90-cloud-init-users', lines(
    '# Created by cloud-init v. 24.4-0ubuntu1~24.04.2', '', `# User rules for ${HOST_USER.name}`,
    `${HOST_USER.name} ALL=(ALL) NOPASSWD:ALL`), 0o440);
  b.file('/etc/sudoers.d/README', lines('#', '# The default /etc/sudoers file created on installation of the', '# sudo  package now includes the directive:', '#', '# \t@includedir /etc/sudoers.d', '#'), 0o440);
  b.dir('/etc/docker').dir('/var/lib/docker', 0o710).dir('/var/lib/containerd', 0o711);
  b.dir('/etc/containerd').file('/etc/containerd/config.toml', lines('#   Copyright 2018-2022 Docker Inc.', '', 'disabled_plugins = ["cri"]'));
  b.file('/etc/apt/sources.list.d/docker.list', lines('deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu noble stable'));
  b.file('/etc/apt/keyrings/docker.asc', lines('-----BEGIN PGP PUBLIC KEY BLOCK-----', '(trimmed)', '-----END PGP PUBLIC KEY BLOCK-----'));
  b.file('/etc/motd', '');
  b.file('/etc/timezone', lines('Etc/UTC'));
  b.dirs(['/run/user', '/run/systemd/system', '/var/log/journal', '/var/lib/systemd', '/snap']);
}
