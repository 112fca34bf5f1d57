/**
 * GET /containers/{id}/stats?stream=false (moby daemon/stats.go, cgroup v2): CPU from the container's cgroup,
 * memory from a per-program resident size (the simulation has no pages to count), pids, and eth0 counters.
 * Without one-shot, the daemon takes a second sample a second later so `precpu_stats` gives the CLI a rate.
 */
import type { Process } from '../kernel/process.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { formatRFC3339Nano, ZERO_TIME } from './timefmt.js';

/** Resident KiB a cgroup charges for one process of a program, like a real container's memory.current. */
const RSS_KIB: Record<string, number> = { sleep: 348, sh: 520, ash: 520, dash: 512, bash: 3180, busybox: 420, top: 880, cat: 400 };
const DEFAULT_RSS_KIB = 1024;
const HOST_MEM_BYTES = 4026512 * 1024;
const CPUS = 2;

interface Sample {
  readonly readNs: bigint;
  readonly cpuNs: number;
  readonly systemNs: number;
  readonly procs: Process[];
}

function sample(d: DaemonContext, c: Container): Sample {
  const k = d.engine.kernel;
  const rt = d.engine.runtime(c);
  const procs = rt.pid1 ? k.processesIn(rt.pid1.pidns).filter((p) => p.state === 'running') : [];
  return { readNs: d.engine.nowNs(), cpuNs: Math.round((rt.cgroup?.cpuMs ?? 0) * 1e6), systemNs: Math.round(k.clock.now() * 1e6 * CPUS), procs };
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
  readonly oneShot?: boolean;
}

export async function containerStats(d: DaemonContext, name: string, opts: StatsOptions = {}): Promise<Record<string, unknown>> {
  const c = d.engine.getContainer(name);
  const base = { name: c.Name, id: c.ID };
  const blkio = {
    io_service_bytes_recursive: null, io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null,
    io_wait_time_recursive: null, io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null,
  };
  if (!c.State.Running) {
    return {
      ...base, read: ZERO_TIME, preread: ZERO_TIME, pids_stats: {}, blkio_stats: blkio, num_procs: 0, storage_stats: {},
      cpu_stats: cpuJSON(null), precpu_stats: cpuJSON(null), memory_stats: {},
    };
  }
  let pre: Sample | null = null;
  if (!opts.oneShot) {
    pre = sample(d, c);
    await d.sys.sleep(1000);
  }
  const s = sample(d, c);
  const rt = d.engine.runtime(c);
  const usage = s.procs.reduce((n, p) => n + (RSS_KIB[p.comm] ?? DEFAULT_RSS_KIB) * 1024, 0);
  const inactiveFile = Math.min(usage, 16 * 4096);
  const limit = rt.cgroup && Number.isFinite(rt.cgroup.memoryMax) ? rt.cgroup.memoryMax : HOST_MEM_BYTES;
  const out: Record<string, unknown> = {
    ...base, read: formatRFC3339Nano(s.readNs), preread: pre ? formatRFC3339Nano(pre.readNs) : ZERO_TIME,
    pids_stats: rt.cgroup && Number.isFinite(rt.cgroup.pidsMax) ? { current: s.procs.length, limit: rt.cgroup.pidsMax } : { current: s.procs.length },
    blkio_stats: blkio, num_procs: 0, storage_stats: {}, cpu_stats: cpuJSON(s), precpu_stats: cpuJSON(pre),
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
