/**
 * INFO: Redis's sections and field names, with values from the simulated server. Memory figures are a model
 * (a baseline plus a rough size per key), not an allocator's; CPU times are the virtual uptime's share.
 */
import type { CommandContext } from './context.js';

const SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace'];
const DEFAULT = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace'];

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(2)}K`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(2)}M`;
  return `${(bytes / 1024 ** 3).toFixed(2)}G`;
}

/** A stable 40-hex id from a seed string (run_id, replid). */
export function hexId(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

export function usedMemory(ctx: CommandContext): number {
  const base = ctx.server.build.version.startsWith('8') ? 1_050_000 : ctx.server.build.version.startsWith('7') ? 876_136 : 866_000;
  return base + ctx.server.keyspace.keyCount() * 56 + ctx.server.clients.size * 20_496;
}

export function infoText(ctx: CommandContext, args: readonly string[]): string {
  const want = args.map((a) => a.toLowerCase());
  const all = want.includes('all') || want.includes('everything');
  const picked = want.length === 0 || want.includes('default') ? DEFAULT : all ? SECTIONS : SECTIONS.filter((s) => want.includes(s));
  const parts = picked.map((s) => section(ctx, s));
  return parts.join('\r\n');
}

function section(ctx: CommandContext, name: string): string {
  const s = ctx.server;
  const b = s.build;
  const now = s.now();
  const up = Math.floor(s.uptimeMs() / 1000);
  const lines: string[] = [];
  const put = (k: string, v: string | number): void => void lines.push(`${k}:${v}`);
  switch (name) {
    case 'server': {
      const u = s.uname();
      put('redis_version', b.version);
      put('redis_git_sha1', '00000000');
      put('redis_git_dirty', b.dirty ? 1 : 0);
      put('redis_build_id', b.buildId);
      put('redis_mode', 'standalone');
      put('os', `${u.sysname} ${u.release} ${u.machine}`);
      put('arch_bits', 64);
      if (b.monotonicLine) put('monotonic_clock', 'POSIX clock_gettime');
      put('multiplexing_api', 'epoll');
      put('atomicvar_api', b.version.startsWith('6') ? 'c11-builtin' : 'c11-builtin');
      put('gcc_version', b.gccVersion);
      put('process_id', s.pid);
      put('process_supervised', 'no');
      put('run_id', hexId(`run:${s.pid}:${s.startedAt}`));
      put('tcp_port', s.config.get('port') ?? '6379');
      put('server_time_usec', Math.floor(now * 1000));
      put('uptime_in_seconds', up);
      put('uptime_in_days', Math.floor(up / 86400));
      put('hz', 10);
      put('configured_hz', 10);
      put('lru_clock', Math.floor(now / 1000) & ((1 << 24) - 1));
      put('executable', s.executable);
      put('config_file', s.configFile);
      put('io_threads_active', 0);
      break;
    }
    case 'clients':
      put('connected_clients', s.clients.size);
      put('cluster_connections', 0);
      put('maxclients', s.config.get('maxclients') ?? '10000');
      put('client_recent_max_input_buffer', 0);
      put('client_recent_max_output_buffer', 0);
      put('blocked_clients', 0);
      put('tracking_clients', 0);
      put('clients_in_timeout_table', 0);
      break;
    case 'memory': {
      const used = usedMemory(ctx);
      put('used_memory', used);
      put('used_memory_human', human(used));
      put('used_memory_rss', 12_623_872);
      put('used_memory_rss_human', human(12_623_872));
      put('used_memory_peak', used);
      put('used_memory_peak_human', human(used));
      put('maxmemory', s.config.get('maxmemory') ?? '0');
      put('maxmemory_human', '0B');
      put('maxmemory_policy', s.config.get('maxmemory-policy') ?? 'noeviction');
      put('mem_allocator', b.malloc);
      break;
    }
    case 'persistence':
      put('loading', 0);
      put('rdb_changes_since_last_save', s.changesSinceSave());
      put('rdb_bgsave_in_progress', s.bgsaveInProgress() ? 1 : 0);
      put('rdb_last_save_time', Math.floor(s.lastSave() / 1000));
      put('rdb_last_bgsave_status', 'ok');
      put('aof_enabled', 0);
      put('aof_rewrite_in_progress', 0);
      break;
    case 'stats':
      put('total_connections_received', s.stats.connectionsReceived);
      put('total_commands_processed', s.stats.commandsProcessed);
      put('instantaneous_ops_per_sec', 0);
      put('total_net_input_bytes', s.stats.netInputBytes);
      put('total_net_output_bytes', s.stats.netOutputBytes);
      put('rejected_connections', s.stats.rejectedConnections);
      put('expired_keys', s.stats.expiredKeys);
      put('evicted_keys', 0);
      put('keyspace_hits', s.stats.keyspaceHits);
      put('keyspace_misses', s.stats.keyspaceMisses);
      put('pubsub_channels', 0);
      put('pubsub_patterns', 0);
      break;
    case 'replication':
      put('role', 'master');
      put('connected_slaves', 0);
      if (!b.version.startsWith('6')) put('master_failover_state', 'no-failover');
      put('master_replid', hexId(`replid:${s.pid}:${s.startedAt}`));
      put('master_replid2', '0'.repeat(40));
      put('master_repl_offset', 0);
      put('second_repl_offset', -1);
      put('repl_backlog_active', 0);
      put('repl_backlog_size', 1048576);
      put('repl_backlog_first_byte_offset', 0);
      put('repl_backlog_histlen', 0);
      break;
    case 'cpu': {
      const cpu = (s.uptimeMs() / 1000) * 0.001;
      put('used_cpu_sys', cpu.toFixed(6));
      put('used_cpu_user', cpu.toFixed(6));
      put('used_cpu_sys_children', '0.000000');
      put('used_cpu_user_children', '0.000000');
      break;
    }
    case 'modules':
      break;
    case 'errorstats':
      break;
    case 'cluster':
      put('cluster_enabled', 0);
      break;
    case 'keyspace':
      s.keyspace.dbs.forEach((d, i) => {
        const keys = d.size;
        if (keys > 0) put(`db${i}`, `keys=${keys},expires=${d.expiresCount},avg_ttl=${avgTtl(d.expires, now)}`);
      });
      break;
  }
  const title = name === 'cpu' ? 'CPU' : name === 'errorstats' ? 'Errorstats' : name[0].toUpperCase() + name.slice(1);
  return `# ${title}\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}

function avgTtl(expires: ReadonlyMap<string, number>, now: number): number {
  if (expires.size === 0) return 0;
  let sum = 0;
  for (const at of expires.values()) sum += Math.max(0, at - now);
  return Math.floor(sum / expires.size);
}
