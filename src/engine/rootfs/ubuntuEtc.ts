import { lines } from './builder.js';
import type { UbuntuVersion } from './ubuntuPackages.js';

/** Release facts of the two ubuntu images modelled (24.04.1 and 22.04.5 point releases). */
export interface UbuntuRelease {
  readonly version: UbuntuVersion;
  readonly point: string;
  readonly codename: string;
  readonly name: string;
  readonly debianVersion: string;
  /** Day number (days since 1970-01-01) that shadow's "last changed" field carries. */
  readonly shadowDay: number;
}

export const UBUNTU_RELEASES: Record<UbuntuVersion, UbuntuRelease> = {
  '24.04': {
    version: '24.04',
    point: '24.04.1',
    codename: 'noble',
    name: 'Noble Numbat',
    debianVersion: 'trixie/sid',
    shadowDay: 19977,
  },
  '22.04': {
    version: '22.04',
    point: '22.04.5',
    codename: 'jammy',
    name: 'Jammy Jellyfish',
    debianVersion: 'bookworm/sid',
    shadowDay: 19977,
  },
};

export function osRelease(r: UbuntuRelease): string {
  const ls = [
    `PRETTY_NAME="Ubuntu ${r.point} LTS"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${r.version}"`,
    `VERSION="${r.point} LTS (${r.name})"`,
    `VERSION_CODENAME=${r.codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${r.codename}`,
  ];
  if (r.version === '24.04') ls.push('LOGO=ubuntu-logo');
  return lines(...ls);
}

export function lsbRelease(r: UbuntuRelease): string {
  return lines(
    'DISTRIB_ID=Ubuntu',
    `DISTRIB_RELEASE=${r.version}`,
    `DISTRIB_CODENAME=${r.codename}`,
    `DISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"`,
  );
}

/** base-passwd's system accounts, in file order. */
export function basePasswd(r: UbuntuRelease): string[] {
  const ls = [
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
    'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
    'sync:x:4:65534:sync:/bin:/bin/sync',
    'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
    'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
    'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
    'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
    'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
    'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
    'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
    'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
    'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
    'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
    'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  ];
  if (r.version === '24.04') {
    ls.push('_apt:x:42:65534::/nonexistent:/usr/sbin/nologin', 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin');
  } else {
    ls.push(
      'gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin',
      'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
      '_apt:x:100:65534::/nonexistent:/usr/sbin/nologin',
    );
  }
  return ls;
}

/** base-passwd's groups as `[name, gid]`, in file order. */
export function baseGroups(r: UbuntuRelease): [string, number][] {
  const gs: [string, number][] = [
    ['root', 0], ['daemon', 1], ['bin', 2], ['sys', 3], ['adm', 4], ['tty', 5], ['disk', 6], ['lp', 7],
    ['mail', 8], ['news', 9], ['uucp', 10], ['man', 12], ['proxy', 13], ['kmem', 15], ['dialout', 20],
    ['fax', 21], ['voice', 22], ['cdrom', 24], ['floppy', 25], ['tape', 26], ['sudo', 27], ['audio', 29],
    ['dip', 30], ['www-data', 33], ['backup', 34], ['operator', 37], ['list', 38], ['irc', 39], ['src', 40],
  ];
  if (r.version === '22.04') gs.push(['gnats', 41]);
  gs.push(
    ['shadow', 42], ['utmp', 43], ['video', 44], ['sasl', 45], ['plugdev', 46], ['staff', 50], ['games', 60],
    ['users', 100], ['nogroup', 65534],
  );
  return gs;
}

/** The `/etc/shadow` line of a locked system account (`*`) or a passwordless user (`!`). */
export function shadowLine(name: string, day: number, pw = '*'): string {
  return `${name}:${pw}:${day}:0:99999:7:::`;
}

export function shells(r: UbuntuRelease): string {
  return r.version === '24.04'
    ? lines('# /etc/shells: valid login shells', '/bin/sh', '/usr/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/rbash', '/usr/bin/rbash', '/usr/bin/dash')
    : lines('# /etc/shells: valid login shells', '/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/rbash', '/usr/bin/rbash', '/usr/bin/sh', '/bin/dash', '/usr/bin/dash');
}

export function nsswitch(withSystemd: boolean): string {
  const db = withSystemd ? 'files systemd' : 'files';
  return lines(
    '# /etc/nsswitch.conf',
    '#',
    '# Example configuration of GNU Name Service Switch functionality.',
    "# If you have the `glibc-doc-reference' and `info' packages installed, try:",
    '# `info libc "Name Service Switch"\' for information about this file.',
    '',
    `passwd:         ${db}`,
    `group:          ${db}`,
    `shadow:         ${db}`,
    'gshadow:        files',
    '',
    'hosts:          files dns',
    'networks:       files',
    '',
    'protocols:      db files',
    'services:       db files',
    'ethers:         db files',
    'rpc:            db files',
    '',
    'netgroup:       nis',
  );
}

/** /etc/login.defs, trimmed to the settings that matter (the real file is ~340 lines of comments). */
export function loginDefs(r: UbuntuRelease): string {
  return lines(
    '#',
    '# /etc/login.defs - Configuration control definitions for the login package.',
    '# (trimmed: comments removed)',
    '#',
    'MAIL_DIR        /var/mail',
    'FAILLOG_ENAB\t\tyes',
    'LOG_UNKFAIL_ENAB\tno',
    'LOG_OK_LOGINS\t\tno',
    'SYSLOG_SU_ENAB\t\tyes',
    'SYSLOG_SG_ENAB\t\tyes',
    'FTMP_FILE\t/var/log/btmp',
    'SU_NAME\t\tsu',
    'HUSHLOGIN_FILE\t.hushlogin',
    'ENV_SUPATH\tPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'ENV_PATH\tPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games',
    'TTYGROUP\ttty',
    'TTYPERM\t\t0600',
    'ERASECHAR\t0177',
    'KILLCHAR\t025',
    'UMASK\t\t022',
    ...(r.version === '24.04' ? ['HOME_MODE\t0750'] : []),
    'PASS_MAX_DAYS\t99999',
    'PASS_MIN_DAYS\t0',
    'PASS_WARN_AGE\t7',
    'UID_MIN\t\t\t 1000',
    'UID_MAX\t\t\t60000',
    'SYS_UID_MIN\t\t  100',
    'SYS_UID_MAX\t\t  999',
    'GID_MIN\t\t\t 1000',
    'GID_MAX\t\t\t60000',
    'SYS_GID_MIN\t\t  100',
    'SYS_GID_MAX\t\t  999',
    'LOGIN_RETRIES\t\t5',
    'LOGIN_TIMEOUT\t\t60',
    'CHFN_RESTRICT\t\trwh',
    'DEFAULT_HOME\tyes',
    'USERGROUPS_ENAB yes',
    `ENCRYPT_METHOD ${r.version === '24.04' ? 'YESCRYPT' : 'SHA512'}`,
  );
}

export const ENVIRONMENT = lines(
  'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"',
);

export function aptSources(r: UbuntuRelease): { path: string; content: string }[] {
  if (r.version === '24.04') {
    const stanza = (uri: string, suites: string): string[] => [
      'Types: deb',
      `URIs: ${uri}`,
      `Suites: ${suites}`,
      'Components: main universe restricted multiverse',
      'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    ];
    return [
      { path: '/etc/apt/sources.list', content: lines('# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources') },
      {
        path: '/etc/apt/sources.list.d/ubuntu.sources',
        content: lines(
          ...stanza('http://archive.ubuntu.com/ubuntu/', 'noble noble-updates noble-backports'),
          '',
          '## Ubuntu security updates. Aside from URIs and Suites,',
          '## this should mirror your choices in the previous section.',
          ...stanza('http://security.ubuntu.com/ubuntu/', 'noble-security'),
        ),
      },
    ];
  }
  const c = r.codename;
  return [
    {
      path: '/etc/apt/sources.list',
      content: sourcesList(c),
    },
  ];
}

/** The docker-specific apt tweaks every official Debian/Ubuntu image carries. */
export const DOCKER_APT_CONF: Record<string, string> = {
  'docker-autoremove-suggests': lines(
    "# Since Docker users are looking for the smallest possible final images, the",
    '# following emerges as a very common pattern:',
    '#   RUN apt-get update && apt-get install -y <packages> && apt-get purge -y --auto-remove <packages>',
    'Apt::AutoRemove::SuggestsImportant "false";',
  ),
  'docker-clean': lines(
    '# Since for most Docker users, package installs happen in "docker build" steps,',
    "# the caches that APT keeps end up just wasting space in those layers.",
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    '',
    'Dir::Cache::pkgcache "";',
    'Dir::Cache::srcpkgcache "";',
  ),
  'docker-gzip-indexes': lines('Acquire::GzipIndexes "true";', 'Acquire::CompressionTypes::Order:: "gz";'),
  'docker-no-languages': lines('Acquire::Languages "none";'),
};

/** /etc/apt/sources.list as Ubuntu's images before 24.04 ship it (one-line `deb` entries). */
export function sourcesList(codename: string): string {
  const c = codename;
  return lines(
    '# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to',
    '# newer versions of the distribution.',
    `deb http://archive.ubuntu.com/ubuntu/ ${c} main restricted`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c}-updates main restricted`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c} universe`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c}-updates universe`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c} multiverse`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c}-updates multiverse`,
    `deb http://archive.ubuntu.com/ubuntu/ ${c}-backports main restricted universe multiverse`,
    `deb http://security.ubuntu.com/ubuntu/ ${c}-security main restricted`,
    `deb http://security.ubuntu.com/ubuntu/ ${c}-security universe`,
    `deb http://security.ubuntu.com/ubuntu/ ${c}-security multiverse`,
  );
}
