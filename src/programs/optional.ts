/**
 * Programs too big to ride in the utilities chunk: each family (an editor, a server, a package manager) is a
 * chunk of its own that a machine loads through `Sys.hostLoad` the first time one of its binaries runs, so a
 * learner who never opens vim never downloads it and the utilities chunk stays quick to fetch.
 *
 * A family's module exports `programs`, its binaries by the name their file on the simulated disk gives
 * (`binaryContent(name)`); list each name here against the family's loader.
 */
import type { Program } from '../engine/kernel/sys.js';

export interface ProgramFamily {
  /** The `hostLoad` key: a machine waits for a family once, whichever of its programs runs first. */
  readonly chunk: string;
  readonly load: () => Promise<{ readonly programs: Readonly<Record<string, Program>> }>;
  readonly names: readonly string[];
}

/** The network tools' binary names (src/programs/net). */
export const NET_PROGRAMS = [
  'curl', 'wget', 'ping', 'traceroute', 'nc', 'dig', 'nslookup', 'host', 'ss', 'netstat', 'ifconfig', 'iptables',
] as const;

/** busybox applets that live in the network tools' chunk. */
export const NET_APPLETS = ['wget', 'ping', 'nc', 'nslookup', 'ifconfig', 'netstat'] as const;

export const loadNet = (): Promise<typeof import('./net/index.js')> => import('./net/index.js');
/** The network tools' `hostLoad` key (the web preview's client loads the family under it too). */
export const NET_CHUNK = 'net';

export const OPTIONAL_FAMILIES: readonly ProgramFamily[] = [
  { chunk: NET_CHUNK, load: loadNet, names: NET_PROGRAMS },
  { chunk: 'redis', load: () => import('./redis/index.js'), names: [
    // Written out, not read from redis/builds.ts, which would bring the build table into the first chunk
    // (test/programs/optional.test.ts holds the two together).
    'redis-server', 'redis-cli', 'redis-server-7.0.15', 'redis-cli-7.0.15', 'redis-server-6.0.16', 'redis-cli-6.0.16', 'setpriv',
  ] },
  { chunk: 'vim', load: () => import('./vim/index.js'), names: ['vim', 'vim.basic', 'vim.tiny', 'busybox-vi'] },
  { chunk: 'nginx', load: () => import('./nginx/index.js'), names: ['nginx', 'nginx-1.18-ubuntu', 'nginx-1.14-ubuntu', 'nginx-1.10-ubuntu', 'nginx-1.4-ubuntu', 'nginx-org', 'nginx-org-alpine'] },
  // GNU sed, mawk, GNU tar and gzip (Ubuntu's binaries; gunzip and zcat are gzip's wrapper scripts there).
  { chunk: 'text', load: () => import('./text/index.js'), names: ['sed', 'mawk', 'tar', 'gzip'] },
  { chunk: 'apt', load: () => import('./apt/index.js'), names: ['apt-get', 'apt', 'apt-cache', 'dpkg', 'dpkg-query'] },
  { chunk: 'nano', load: () => import('./nano/index.js'), names: ['nano', 'nano-6.2'] },
  { chunk: 'apk', load: () => import('./apk/index.js'), names: ['apk'] },
  { chunk: 'git', load: () => import('./git/index.js'), names: ['git'] },
  { chunk: 'pager', load: () => import('./pager/index.js'), names: ['less', 'more', 'man'] },
  { chunk: 'distribution', load: () => import('./distribution/index.js'), names: ['registry'] },
];
