/**
 * Container stats (moby daemon/stats.go, cgroup v2): CPU and memory.current from the container's cgroup (see
 * kernel/memory.ts for what a process's memory is), pids, and eth0 counters.
 */
import { HOST_MEM_BYTES, residentBytes } from '../kernel/memory.js';
import type { Process } from '../kernel/process.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { blockUntil } from './block.js';
import { invalidParameter } from '../../pkg/errdefs.js';
import { formatRFC3339Nano, ZERO_TIME } from '../../pkg/timetypes.js';

const CPUS = 2;

interface Sample {
  readonly readNs: bigint;
  readonly cpuNs: number;
  readonly systemNs: number;
  readonly procs: Process[];
}

function sample(d: DaemonContext, c: Container): Sample {
  const k = d.store.kernel;
  const rt = d.store.runtime(c);
  const procs = rt.pid1 ? k.processesIn(rt.pid1.pidns).filter((p) => p.state === 'running') : [];
  return { readNs: d.store.nowNs(), cpuNs: Math.round((rt.cgroup?.cpuMs ?? 0) * 1e6), systemNs: Math.round(k.clock.now() * 1e6 * CPUS), procs };
}

function cpuJSON(s: Sample | null): Record<string, unknown> {
  const total = s?.cpuNs ?? 0;
  const kernel = Math.round(total / 10);
  const out: Record<string, unknown> = { cpu_usage: { total_usage: total, usage_in_kernelmode: kernel, usage_in_usermode: total - kernel } };
  if (s) Object.assign(out, { system_cpu_usage: s.systemNs, online_cpus: CPUS });
  out.throttling_data = { periods: 0, throttled_periods: 0, throttled_time: 0 };
  return out;
}

export interface StatsOptions {
  /** Keep sending a record every interval (the API's default). */
  readonly stream?: boolean;
  /** One record at once, without the second sample that gives `precpu_stats`. */
  readonly oneShot?: boolean;
}

/** moby's stats collector samples its subscribed containers once a second (daemon.go, NewCollector). */
export const STATS_INTERVAL_MS = 1000;

const BLKIO = {
  io_service_bytes_recursive: null, io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null,
  io_wait_time_recursive: null, io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null,
};

type StatsRecord = Record<string, unknown> & { read: string; cpu_stats: Record<string, unknown> };

/** What GetContainerStats answers for a container that is not running: a record that only names it. */
function emptyRecord(c: Container): StatsRecord {
  return {
    name: c.Name, id: c.ID, read: ZERO_TIME, preread: ZERO_TIME, pids_stats: {}, blkio_stats: BLKIO, num_procs: 0, storage_stats: {},
    cpu_stats: cpuJSON(null), precpu_stats: cpuJSON(null), memory_stats: {},
  };
}

/** One sample of the container (moby GetContainerStats), its `pre*` fields still zero. */
function collect(d: DaemonContext, c: Container): StatsRecord {
  if (!c.State.Running) return emptyRecord(c);
  const s = sample(d, c);
  const rt = d.store.runtime(c);
  // A thread shares its leader's memory (as memory.current charges it); every task has a kernel stack.
  const usage = s.procs.reduce((n, p) => n + (p.tgid === p.hostPid ? residentBytes(p) : 0), 0);
  const inactiveFile = Math.min(usage, 16 * 4096);
  const limit = rt.cgroup && Number.isFinite(rt.cgroup.memoryMax) ? rt.cgroup.memoryMax : HOST_MEM_BYTES;
  const out: StatsRecord = {
    name: c.Name, id: c.ID, read: formatRFC3339Nano(s.readNs), preread: ZERO_TIME,
    pids_stats: rt.cgroup && Number.isFinite(rt.cgroup.pidsMax) ? { current: s.procs.length, limit: rt.cgroup.pidsMax } : { current: s.procs.length },
    blkio_stats: BLKIO, num_procs: 0, storage_stats: {}, cpu_stats: cpuJSON(s), precpu_stats: cpuJSON(null),
    memory_stats: {
      usage,
      stats: { active_anon: 0, active_file: 0, anon: usage - inactiveFile, file: inactiveFile, inactive_anon: usage - inactiveFile, inactive_file: inactiveFile, kernel_stack: 16384 * s.procs.length },
      limit,
    },
  };
  if (rt.ip) {
    out.networks = { eth0: { rx_bytes: 0, rx_packets: 0, rx_errors: 0, rx_dropped: 0, tx_bytes: 0, tx_packets: 0, tx_errors: 0, tx_dropped: 0 } };
  }
  return out;
}

/**
 * GET /containers/{id}/stats (moby daemon/stats.go): hands each record to `emit`. Without `stream`, one record:
 * the empty one for a container that is not running, else a sample taken an interval after a first one (so
 * `precpu_stats` gives the CLI a rate) or, with `oneShot`, at once. With `stream`, a record every interval
 * whatever the container does (the empty one while it is not running, as dockerd's collector publishes it),
 * each carrying the previous one's CPU figures, until `stopped()` or the container is removed.
 */
export async function containerStats(d: DaemonContext, name: string, opts: StatsOptions, emit: (record: Record<string, unknown>) => void, stopped: () => boolean = () => false): Promise<void> {
  const engine = d.store;
  const c = engine.getContainer(name);
  const stream = opts.stream ?? false;
  if (stream && opts.oneShot) throw invalidParameter('cannot have stream=true and one-shot=true');
  if (!stream && (!c.State.Running || c.State.Restarting)) {
    emit(emptyRecord(c));
    return;
  }
  if (opts.oneShot) {
    emit(collect(d, c));
    return;
  }
  const gone = (): boolean => !engine.containers.has(c.ID);
  let pre: StatsRecord | null = null;
  for (;;) {
    const rec = collect(d, c);
    if (pre) Object.assign(rec, { preread: pre.read, precpu_stats: pre.cpu_stats });
    // Without stream the first sample only primes the CPU figures (moby's noStreamFirstFrame).
    if (stream || pre) emit(rec);
    if (!stream && pre) return;
    pre = rec;
    // The wait is always a timer, so a client streaming a stopped container's records costs a wake-up a second.
    await blockUntil(engine.kernel, d.sys, engine.changed, () => stopped() || gone(), STATS_INTERVAL_MS);
    if (stopped() || gone()) return;
  }
}
