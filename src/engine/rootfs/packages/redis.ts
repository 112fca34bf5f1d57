/**
 * Ubuntu's redis-server and redis-tools packages (contract 2): their files per release. The binaries name a
 * build of the simulated Redis (`redis-server-7.0.15`…) so the version a learner sees is the release's; a
 * release whose Redis is not simulated gets binaries of that version's name, which run as "not simulated".
 * As in Debian's packaging, /usr/bin/redis-check-rdb is the server binary (it acts by the name it is run as) and
 * /usr/bin/redis-server a link to it.
 *
 * redis.conf holds the directives Ubuntu's file sets (its comments, ~100 KB of them, left out): upstream's
 * defaults with Debian's changes (daemonize, pidfile, logfile, dir). Ownership by the `redis` user is the
 * postinst's job (it creates the user first): REDIS_POSTINST lists what it changes.
 */
import { lines, type TreeBuilder } from '../builder.js';

/** Redis in each Ubuntu release's archive. */
export const UBUNTU_REDIS_VERSION: Readonly<Record<string, string>> = {
  '24.04': '7.0.15', '22.04': '6.0.16', '20.04': '5.0.7', '18.04': '4.0.9', '16.04': '3.0.6', '14.04': '2.8.4',
};

const CONF_7_0 = [
  'bind 127.0.0.1 -::1',
  'protected-mode yes',
  'port 6379',
  'tcp-backlog 511',
  'timeout 0',
  'tcp-keepalive 300',
  'daemonize yes',
  'pidfile /run/redis/redis-server.pid',
  'loglevel notice',
  'logfile /var/log/redis/redis-server.log',
  'databases 16',
  'always-show-logo no',
  'set-proc-title yes',
  'proc-title-template "{title} {listen-addr} {server-mode}"',
  'stop-writes-on-bgsave-error yes',
  'rdbcompression yes',
  'rdbchecksum yes',
  'dbfilename dump.rdb',
  'rdb-del-sync-files no',
  'dir /var/lib/redis',
  'replica-serve-stale-data yes',
  'replica-read-only yes',
  'repl-diskless-sync yes',
  'repl-diskless-sync-delay 5',
  'repl-diskless-sync-max-replicas 0',
  'repl-diskless-load disabled',
  'repl-disable-tcp-nodelay no',
  'replica-priority 100',
  'acllog-max-len 128',
  'lazyfree-lazy-eviction no',
  'lazyfree-lazy-expire no',
  'lazyfree-lazy-server-del no',
  'replica-lazy-flush no',
  'lazyfree-lazy-user-del no',
  'lazyfree-lazy-user-flush no',
  'oom-score-adj no',
  'oom-score-adj-values 0 200 800',
  'disable-thp yes',
  'appendonly no',
  'appendfilename "appendonly.aof"',
  'appenddirname "appendonlydir"',
  'appendfsync everysec',
  'no-appendfsync-on-rewrite no',
  'auto-aof-rewrite-percentage 100',
  'auto-aof-rewrite-min-size 64mb',
  'aof-load-truncated yes',
  'aof-use-rdb-preamble yes',
  'aof-timestamp-enabled no',
  'slowlog-log-slower-than 10000',
  'slowlog-max-len 128',
  'latency-monitor-threshold 0',
  'notify-keyspace-events ""',
  'hash-max-listpack-entries 512',
  'hash-max-listpack-value 64',
  'list-max-listpack-size -2',
  'list-compress-depth 0',
  'set-max-intset-entries 512',
  'zset-max-listpack-entries 128',
  'zset-max-listpack-value 64',
  'hll-sparse-max-bytes 3000',
  'stream-node-max-bytes 4096',
  'stream-node-max-entries 100',
  'activerehashing yes',
  'client-output-buffer-limit normal 0 0 0',
  'client-output-buffer-limit replica 256mb 64mb 60',
  'client-output-buffer-limit pubsub 32mb 8mb 60',
  'hz 10',
  'dynamic-hz yes',
  'aof-rewrite-incremental-fsync yes',
  'rdb-save-incremental-fsync yes',
  'jemalloc-bg-thread yes',
];

const CONF_6_0 = [
  'bind 127.0.0.1 ::1',
  'protected-mode yes',
  'port 6379',
  'tcp-backlog 511',
  'timeout 0',
  'tcp-keepalive 300',
  'daemonize yes',
  'supervised no',
  'pidfile /run/redis/redis-server.pid',
  'loglevel notice',
  'logfile /var/log/redis/redis-server.log',
  'databases 16',
  'always-show-logo yes',
  'save 900 1',
  'save 300 10',
  'save 60 10000',
  'stop-writes-on-bgsave-error yes',
  'rdbcompression yes',
  'rdbchecksum yes',
  'dbfilename dump.rdb',
  'rdb-del-sync-files no',
  'dir /var/lib/redis',
  'replica-serve-stale-data yes',
  'replica-read-only yes',
  'repl-diskless-sync no',
  'repl-diskless-sync-delay 5',
  'repl-diskless-load disabled',
  'repl-disable-tcp-nodelay no',
  'replica-priority 100',
  'acllog-max-len 128',
  'lazyfree-lazy-eviction no',
  'lazyfree-lazy-expire no',
  'lazyfree-lazy-server-del no',
  'replica-lazy-flush no',
  'lazyfree-lazy-user-del no',
  'oom-score-adj no',
  'oom-score-adj-values 0 200 800',
  'appendonly no',
  'appendfilename "appendonly.aof"',
  'appendfsync everysec',
  'no-appendfsync-on-rewrite no',
  'auto-aof-rewrite-percentage 100',
  'auto-aof-rewrite-min-size 64mb',
  'aof-load-truncated yes',
  'aof-use-rdb-preamble yes',
  'lua-time-limit 5000',
  'slowlog-log-slower-than 10000',
  'slowlog-max-len 128',
  'latency-monitor-threshold 0',
  'notify-keyspace-events ""',
  'hash-max-ziplist-entries 512',
  'hash-max-ziplist-value 64',
  'list-max-ziplist-size -2',
  'list-compress-depth 0',
  'set-max-intset-entries 512',
  'zset-max-ziplist-entries 128',
  'zset-max-ziplist-value 64',
  'hll-sparse-max-bytes 3000',
  'stream-node-max-bytes 4096',
  'stream-node-max-entries 100',
  'activerehashing yes',
  'client-output-buffer-limit normal 0 0 0',
  'client-output-buffer-limit replica 256mb 64mb 60',
  'client-output-buffer-limit pubsub 32mb 8mb 60',
  'hz 10',
  'dynamic-hz yes',
  'aof-rewrite-incremental-fsync yes',
  'rdb-save-incremental-fsync yes',
  'jemalloc-bg-thread yes',
];

/** The simulated program a package binary runs: its name and the build's version (programs/redis/builds.ts). */
function programName(base: string, v: string): string {
  return `${base}-${v}`;
}

function version(release: string): string {
  return UBUNTU_REDIS_VERSION[release] ?? UBUNTU_REDIS_VERSION['24.04'];
}

function redisConf(v: string): string {
  const body = v.startsWith('6.') ? CONF_6_0 : CONF_7_0;
  return lines(
    '# Redis configuration file example.',
    '#',
    '# (Ubuntu\'s file: the directives it sets, its explanatory comments left out by dockersim.)',
    '',
    ...body,
  );
}

export const redisContents: Readonly<Record<string, (b: TreeBuilder, release: string) => void>> = {
  'redis-server': (b, release) => {
    const v = version(release);
    b.link('/usr/bin/redis-server', 'redis-check-rdb');
    b.dir('/etc/redis', 0o2770);
    b.file('/etc/redis/redis.conf', redisConf(v), 0o640);
    b.file('/etc/default/redis-server', lines(
      '# redis-server configure options',
      '',
      '# ULIMIT: Call ulimit -n with this argument prior to invoking Redis itself.',
      '# This may be required for high-concurrency environments. Redis itself cannot',
      '# alter its limits as it is not being run as root. (default: do not call',
      '# ulimit)',
      '#',
      '# ULIMIT=65536',
    ));
    b.dir('/var/lib/redis', 0o750);
    b.dir('/var/log/redis', 0o2750);
  },
  'redis-tools': (b, release) => {
    const v = version(release);
    b.bin('/usr/bin/redis-cli', programName('redis-cli', v));
    b.bin('/usr/bin/redis-benchmark', programName('redis-benchmark', v));
    b.bin('/usr/bin/redis-check-rdb', programName('redis-server', v));
    b.bin('/usr/bin/redis-check-aof', programName('redis-server', v));
  },
};

/** What redis-server's postinst does once `adduser --system --group redis` has run. */
export const REDIS_POSTINST: readonly { readonly path: string; readonly user: string; readonly group: string }[] = [
  { path: '/etc/redis', user: 'redis', group: 'redis' },
  { path: '/etc/redis/redis.conf', user: 'redis', group: 'redis' },
  { path: '/var/lib/redis', user: 'redis', group: 'redis' },
  { path: '/var/log/redis', user: 'redis', group: 'adm' },
];
