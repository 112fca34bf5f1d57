/**
 * `docker stats` numbers (docker/cli stats_helpers.go, formatter_stats.go): CPU % from the change since
 * the previous sample relative to the whole system's, memory without the page cache (inactive_file),
 * network and block I/O summed, sizes binary for memory and decimal for I/O.
 */
import type { Json } from '../client.js';
import { GO_TYPE } from './gofmt.js';
import { bytesSize, humanSize3 } from '../../pkg/units.js';
import { truncateID } from './container.js';

export const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
export const STATS_HEADERS = {
  Container: 'CONTAINER', ID: 'CONTAINER ID', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS',
} as const;

export interface StatsEntry {
  readonly container: string;
  readonly id: string;
  readonly name: string;
  readonly cpuPercent: number;
  readonly memory: number;
  readonly memoryLimit: number;
  readonly memoryPercent: number;
  readonly netRx: number;
  readonly netTx: number;
  readonly blockRead: number;
  readonly blockWrite: number;
  readonly pids: number;
  readonly invalid: boolean;
}

type Any = Record<string, any>;

export function statsEntry(container: string, s: Json): StatsEntry {
  const v = s as Any;
  const cpu = v.cpu_stats ?? {};
  const pre = v.precpu_stats ?? {};
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const sysDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  let online = cpu.online_cpus ?? 0;
  if (online === 0) online = (cpu.cpu_usage?.percpu_usage ?? []).length;
  const cpuPercent = sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * online * 100 : 0;
  const mem = v.memory_stats ?? {};
  const usage = mem.usage ?? 0;
  const st = mem.stats ?? {};
  let used = usage;
  if (st.total_inactive_file !== undefined && st.total_inactive_file < usage) used = usage - st.total_inactive_file;
  else if ((st.inactive_file ?? 0) < usage) used = usage - (st.inactive_file ?? 0);
  const limit = mem.limit ?? 0;
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(v.networks ?? {}) as Any[]) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  let read = 0;
  let write = 0;
  for (const e of (v.blkio_stats?.io_service_bytes_recursive ?? []) as Any[]) {
    const op = String(e.op ?? '').toLowerCase();
    if (op === 'read') read += e.value ?? 0;
    else if (op === 'write') write += e.value ?? 0;
  }
  return {
    container,
    id: String(v.id ?? ''),
    name: String(v.name ?? ''),
    cpuPercent,
    memory: used,
    memoryLimit: limit,
    memoryPercent: limit !== 0 ? (used / limit) * 100 : 0,
    netRx: rx,
    netTx: tx,
    blockRead: read,
    blockWrite: write,
    pids: v.pids_stats?.current ?? 0,
    invalid: false,
  };
}

export function statsRow(e: StatsEntry, trunc: boolean): Record<string | symbol, unknown> {
  const bad = e.invalid;
  const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
  return {
    [GO_TYPE]: '*container.statsContext',
    BlockIO: bad ? '--' : `${humanSize3(e.blockRead)} / ${humanSize3(e.blockWrite)}`,
    CPUPerc: bad ? '--' : `${e.cpuPercent.toFixed(2)}%`,
    Container: e.container,
    ID: trunc ? truncateID(e.id) : e.id,
    MemPerc: bad ? '--' : `${e.memoryPercent.toFixed(2)}%`,
    MemUsage: bad ? '-- / --' : `${bytesSize(e.memory)} / ${bytesSize(e.memoryLimit)}`,
    Name: name === '' ? '--' : name,
    NetIO: bad ? '--' : `${humanSize3(e.netRx)} / ${humanSize3(e.netTx)}`,
    PIDs: bad ? '--' : String(e.pids),
  };
}
