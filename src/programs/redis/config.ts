/**
 * redis.conf and `--option value` arguments, read as loadServerConfig does: the file's lines first, then the
 * command line's options appended as more lines, so a later line wins. A directive Redis does not know is a
 * fatal config error in Redis's words. Known directives that change nothing the simulation can show (tuning
 * knobs such as `hz` or `tcp-keepalive`) are kept for CONFIG GET; those with visible effects the simulation
 * does not model (`appendonly yes`, cluster mode, TLS) stop the server with a `dockersim:` line.
 */
import type { RedisBuild } from './builds.js';
import { validProcTitleTemplate } from './proctitle.js';
import { repr, splitArgs } from './resp.js';

/** Defaults as CONFIG GET shows them, for the settings the simulation reads or reports. */
export function defaultConfig(build: RedisBuild, cwd: string): Map<string, string> {
  const v6 = build.version.startsWith('6.');
  return new Map<string, string>([
    ['bind', v6 ? '' : '* -::*'],
    ['port', '6379'],
    ['protected-mode', build.protectedModeDefault ? 'yes' : 'no'],
    ['requirepass', ''],
    ['save', v6 ? '900 1 300 10 60 10000' : '3600 1 300 100 60 10000'],
    ['dir', cwd],
    ['dbfilename', 'dump.rdb'],
    ['loglevel', 'notice'],
    ['logfile', ''],
    ['daemonize', 'no'],
    ['supervised', 'no'],
    ['pidfile', ''],
    ['databases', '16'],
    ['maxclients', '10000'],
    ['maxmemory', '0'],
    ['maxmemory-policy', 'noeviction'],
    ['appendonly', 'no'],
    ['always-show-logo', 'no'],
    ['timeout', '0'],
    ['tcp-keepalive', '300'],
    ['tcp-backlog', '511'],
    ['hz', '10'],
  ]);
}

/** Directives Redis knows that only tune what the simulation does not model: accepted and remembered. */
const INERT = new Set([
  'set-proc-title', 'proc-title-template', 'stop-writes-on-bgsave-error', 'rdbcompression', 'rdbchecksum',
  'rdb-del-sync-files', 'replica-serve-stale-data', 'replica-read-only', 'repl-diskless-sync', 'repl-diskless-sync-delay',
  'repl-diskless-sync-max-replicas', 'repl-diskless-load', 'repl-disable-tcp-nodelay', 'replica-priority',
  'acllog-max-len', 'lazyfree-lazy-eviction', 'lazyfree-lazy-expire', 'lazyfree-lazy-server-del', 'replica-lazy-flush',
  'lazyfree-lazy-user-del', 'lazyfree-lazy-user-flush', 'oom-score-adj', 'oom-score-adj-values', 'disable-thp',
  'appendfilename', 'appenddirname', 'appendfsync', 'no-appendfsync-on-rewrite', 'auto-aof-rewrite-percentage',
  'auto-aof-rewrite-min-size', 'aof-load-truncated', 'aof-use-rdb-preamble', 'aof-timestamp-enabled',
  'slowlog-log-slower-than', 'slowlog-max-len', 'latency-monitor-threshold', 'notify-keyspace-events',
  'hash-max-listpack-entries', 'hash-max-listpack-value', 'list-max-listpack-size', 'list-compress-depth',
  'set-max-intset-entries', 'zset-max-listpack-entries', 'zset-max-listpack-value', 'hll-sparse-max-bytes',
  'stream-node-max-bytes', 'stream-node-max-entries', 'activerehashing', 'client-output-buffer-limit', 'dynamic-hz',
  'aof-rewrite-incremental-fsync', 'rdb-save-incremental-fsync', 'jemalloc-bg-thread', 'hash-max-ziplist-entries',
  'hash-max-ziplist-value', 'list-max-ziplist-size', 'zset-max-ziplist-entries', 'zset-max-ziplist-value',
  'lua-time-limit', 'slave-serve-stale-data', 'slave-read-only', 'slave-priority', 'slave-lazy-flush',
  'repl-diskless-sync-period', 'lfu-log-factor', 'lfu-decay-time', 'maxmemory-samples', 'active-defrag',
  'io-threads', 'io-threads-do-reads', 'crash-log-enabled', 'crash-memcheck-enabled', 'enable-debug-command',
  'enable-module-command', 'enable-protected-configs', 'locale-collate', 'syslog-enabled', 'syslog-ident',
  'syslog-facility', 'hide-user-data-from-log', 'busy-reply-threshold', 'shutdown-timeout', 'shutdown-on-sigint',
  'shutdown-on-sigterm', 'tracking-table-max-keys', 'unixsocketperm', 'maxmemory-clients', 'replica-ignore-maxmemory',
]);

/** Directives whose effect is visible and not modelled: the server refuses to start with them set (to non-defaults). */
const UNMODELLED: Readonly<Record<string, string>> = {
  appendonly: 'no', 'cluster-enabled': 'no', 'tls-port': '0', 'unixsocket': '', replicaof: '', slaveof: '',
  'rename-command': '', 'include': '', 'user': '', 'aclfile': '', 'masterauth': '', 'masteruser': '',
};

export type ConfigResult =
  | { readonly ok: true; readonly config: Map<string, string>; readonly modules: readonly string[] }
  | { readonly ok: false; readonly fatal: string };

/** `*** FATAL CONFIG FILE ERROR (Redis X) ***` as loadServerConfigFromString prints it. */
function fatal(build: RedisBuild, lineNo: number, line: string, err: string): ConfigResult {
  return {
    ok: false,
    fatal: `\n*** FATAL CONFIG FILE ERROR (Redis ${build.version}) ***\nReading the configuration file, at line ${lineNo}\n>>> '${line}'\n${err}\n`,
  };
}

/**
 * Applies the config file's text and then the command line's `--name value…` options. `unmodelled` lists the
 * directive that made the simulation refuse, if any, through the result's fatal text.
 */
export function loadConfig(build: RedisBuild, cwd: string, fileText: string, options: readonly string[]): ConfigResult {
  const cfg = defaultConfig(build, cwd);
  const modules: string[] = [];
  const lines = fileText.split('\n');
  // Options become lines after the file's: `--port 7000 --save ""` → `port 7000`, `save ""`.
  let opt = '';
  for (const o of options) {
    if (o.startsWith('--') && o.length > 2) {
      if (opt) lines.push(opt);
      opt = o.slice(2);
    } else opt += ` ${repr(o)}`;
  }
  if (opt) lines.push(opt);
  const saveSeen: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const argv = splitArgs(line);
    if (argv === null) return fatal(build, i + 1, line, 'Unbalanced quotes in configuration line');
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    const args = argv.slice(1);
    if (name === 'loadmodule') {
      if (!args[0]) return fatal(build, i + 1, line, 'Bad directive or wrong number of arguments');
      modules.push(args[0]);
      continue;
    }
    if (name === 'save') {
      saveSeen.push(args.join(' '));
      continue;
    }
    if (name in UNMODELLED) {
      if (args.join(' ') !== UNMODELLED[name] && !(name === 'appendonly' && args[0] === 'no')) {
        return { ok: false, fatal: `dockersim: the redis.conf directive '${name}' is not simulated\n` };
      }
      continue;
    }
    if (!cfg.has(name) && !INERT.has(name)) return fatal(build, i + 1, line, 'Bad directive or wrong number of arguments');
    if (args.length === 0 && name !== 'bind') return fatal(build, i + 1, line, 'wrong number of arguments');
    if (name === 'port' && !/^\d+$/.test(args[0])) return fatal(build, i + 1, line, 'argument couldn\'t be parsed into an integer');
    if (['protected-mode', 'daemonize', 'always-show-logo', 'set-proc-title'].includes(name) && !['yes', 'no'].includes(args[0].toLowerCase())) {
      return fatal(build, i + 1, line, 'argument must be \'yes\' or \'no\'');
    }
    if (name === 'proc-title-template' && !build.version.startsWith('6.0') && !validProcTitleTemplate(args.join(' '), cfg)) {
      return fatal(build, i + 1, line, 'template format is invalid or contains unknown variables');
    }
    cfg.set(name, args.join(' '));
  }
  // `save ""` clears the save points; several `save` lines add up.
  if (saveSeen.length) cfg.set('save', saveSeen.filter((s) => s !== '').join(' '));
  return { ok: true, config: cfg, modules };
}

/** The `save` setting as [seconds, changes] points. */
export function savePoints(save: string): [number, number][] {
  const nums = save.split(/\s+/).filter(Boolean).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}
