/**
 * The text of /proc files in Linux 6.8's formats (proc(5)); procps parses these, so spacing and field order
 * matter. Times in clock ticks are USER_HZ = 100; pages are 4 KiB.
 */
import type { ProcInfo, ProcSource } from './procInfo.js';

const HZ = 100;
const STATE_NAMES: Record<ProcInfo['state'], string> = {
  R: 'R (running)',
  S: 'S (sleeping)',
  D: 'D (disk sleep)',
  T: 'T (stopped)',
  Z: 'Z (zombie)',
};

const ticks = (ms: number): number => Math.floor(ms / (1000 / HZ));

/** /proc/<pid>/stat: 52 fields; comm is in parentheses and may contain spaces. */
export function formatStat(p: ProcInfo): string {
  const zombie = p.state === 'Z';
  const base = 0x55b7c8a00000 + p.pid * 0x10000;
  const stack = 0x7ffc9a000000 + p.pid * 0x1000;
  const fields: (number | string)[] = [
    p.pid,
    `(${p.comm})`,
    p.state,
    p.ppid,
    p.pgid,
    p.sid,
    p.ttyNr,
    p.tpgid,
    zombie ? 4194308 : 4194304, // PF_RANDOMIZE, plus PF_EXITING once a zombie
    120 + p.pid * 7,
    0,
    0,
    0,
    ticks(p.cpuMs),
    0,
    0,
    0,
    20,
    0,
    p.threads,
    0,
    ticks(p.startMs),
    zombie ? 0 : p.vszKb * 1024,
    zombie ? 0 : Math.floor(p.rssKb / 4),
    '18446744073709551615',
    zombie ? 0 : base,
    zombie ? 0 : base + 0x19000,
    zombie ? 0 : stack,
    0,
    0,
    0,
    0,
    0,
    zombie ? 0 : 65536,
    0,
    0,
    0,
    17,
    p.pid % 2,
    0,
    0,
    0,
    0,
    0,
    zombie ? 0 : base + 0x1d000,
    zombie ? 0 : base + 0x1e480,
    zombie ? 0 : base + 0x1f4f000,
    zombie ? 0 : stack + 0xf5e,
    zombie ? 0 : stack + 0xf6a,
    zombie ? 0 : stack + 0xf6a,
    zombie ? 0 : stack + 0xfeb,
    p.exitCode ?? 0,
  ];
  return fields.join(' ') + '\n';
}

/** /proc/<pid>/statm: size resident shared text lib data dt, in pages. */
export function formatStatm(p: ProcInfo): string {
  if (p.state === 'Z') return '0 0 0 0 0 0 0\n';
  const size = Math.floor(p.vszKb / 4);
  const rss = Math.floor(p.rssKb / 4);
  return `${size} ${rss} ${Math.floor(rss * 0.8)} 25 0 ${Math.floor(size * 0.15)} 0\n`;
}

const kb = (n: number): string => `${String(n).padStart(8)} kB`;

/** /proc/<pid>/status, the fields Linux 6.8 prints, in its order. */
export function formatStatus(p: ProcInfo, umask: number): string {
  const pids = p.nsPids ?? [p.pid];
  const tab = (xs: readonly number[]): string => xs.join('\t');
  const lines = [
    `Name:\t${p.comm}`,
    `Umask:\t${umask.toString(8).padStart(4, '0')}`,
    `State:\t${STATE_NAMES[p.state]}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${p.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${p.uid}\t${p.euid}\t${p.euid}\t${p.euid}`,
    `Gid:\t${p.gid}\t${p.egid ?? p.gid}\t${p.egid ?? p.gid}\t${p.egid ?? p.gid}`,
    `FDSize:\t${p.state === 'Z' ? 0 : 64}`,
    `Groups:\t${(p.groups ?? []).join(' ')} `,
    `NStgid:\t${tab(pids)}`,
    `NSpid:\t${tab(pids)}`,
    `NSpgid:\t${tab(p.nsPgids ?? [p.pgid])}`,
    `NSsid:\t${tab(p.nsSids ?? [p.sid])}`,
  ];
  if (p.state !== 'Z') {
    const data = Math.floor(p.vszKb * 0.12);
    lines.push(
      `VmPeak:\t${kb(p.vszKb)}`,
      `VmSize:\t${kb(p.vszKb)}`,
      `VmLck:\t${kb(0)}`,
      `VmPin:\t${kb(0)}`,
      `VmHWM:\t${kb(p.rssKb)}`,
      `VmRSS:\t${kb(p.rssKb)}`,
      `RssAnon:\t${kb(Math.floor(p.rssKb * 0.2))}`,
      `RssFile:\t${kb(p.rssKb - Math.floor(p.rssKb * 0.2))}`,
      `RssShmem:\t${kb(0)}`,
      `VmData:\t${kb(data)}`,
      `VmStk:\t${kb(132)}`,
      `VmExe:\t${kb(100)}`,
      `VmLib:\t${kb(Math.floor(p.vszKb * 0.3))}`,
      `VmPTE:\t${kb(52)}`,
      `VmSwap:\t${kb(0)}`,
      `HugetlbPages:\t${kb(0)}`,
    );
  }
  const capEff = p.euid === 0 ? '000001ffffffffff' : '0000000000000000';
  lines.push(
    'CoreDumping:\t0',
    'THP_enabled:\t1',
    'untag_mask:\t0xffffffffffffffff',
    `Threads:\t${p.threads}`,
    'SigQ:\t0/31615',
    'SigPnd:\t0000000000000000',
    'ShdPnd:\t0000000000000000',
    'SigBlk:\t0000000000000000',
    'SigIgn:\t0000000000000000',
    'SigCgt:\t0000000000000000',
    'CapInh:\t0000000000000000',
    `CapPrm:\t${capEff}`,
    `CapEff:\t${capEff}`,
    'CapBnd:\t000001ffffffffff',
    'CapAmb:\t0000000000000000',
    'NoNewPrivs:\t0',
    'Seccomp:\t0',
    'Seccomp_filters:\t0',
    'Speculation_Store_Bypass:\tthread vulnerable',
    'SpeculationIndirectBranch:\tconditional enabled',
    'Cpus_allowed:\t3',
    'Cpus_allowed_list:\t0-1',
    'Mems_allowed:\t00000000,00000001',
    'Mems_allowed_list:\t0',
    'voluntary_ctxt_switches:\t' + (ticks(p.cpuMs) + 1),
    'nonvoluntary_ctxt_switches:\t0',
  );
  return lines.join('\n') + '\n';
}

const secs = (ms: number): string => (Math.floor(ms / 10) / 100).toFixed(2);

export function formatUptime(src: ProcSource): string {
  const up = src.uptimeMs();
  return `${secs(up)} ${secs(Math.max(0, up * src.cpus - src.busyMs()))}\n`;
}

export function formatLoadavg(src: ProcSource, running: number, total: number, lastPid: number): string {
  const [a, b, c] = src.loadavg();
  return `${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} ${running}/${total} ${lastPid}\n`;
}

export function formatMeminfo(src: ProcSource): string {
  const total = src.memTotalKb;
  const used = Math.min(total, src.memUsedKb());
  const cached = Math.floor(total * 0.18);
  const buffers = Math.floor(total * 0.02);
  const free = Math.max(0, total - used - cached - buffers);
  const rows: [string, number][] = [
    ['MemTotal', total],
    ['MemFree', free],
    ['MemAvailable', free + cached + buffers],
    ['Buffers', buffers],
    ['Cached', cached],
    ['SwapCached', 0],
    ['Active', Math.floor(used * 0.6 + cached * 0.4)],
    ['Inactive', Math.floor(used * 0.4 + cached * 0.6)],
    ['Active(anon)', Math.floor(used * 0.6)],
    ['Inactive(anon)', Math.floor(used * 0.4)],
    ['Active(file)', Math.floor(cached * 0.4)],
    ['Inactive(file)', Math.floor(cached * 0.6)],
    ['Unevictable', 0],
    ['Mlocked', 0],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ['Zswap', 0],
    ['Zswapped', 0],
    ['Dirty', 0],
    ['Writeback', 0],
    ['AnonPages', used],
    ['Mapped', Math.floor(cached * 0.2)],
    ['Shmem', 1024],
    ['KReclaimable', Math.floor(total * 0.01)],
    ['Slab', Math.floor(total * 0.015)],
    ['SReclaimable', Math.floor(total * 0.01)],
    ['SUnreclaim', Math.floor(total * 0.005)],
    ['KernelStack', 2048],
    ['PageTables', 4096],
    ['CommitLimit', Math.floor(total / 2)],
    ['Committed_AS', used * 2],
    ['VmallocTotal', 34359738367],
    ['VmallocUsed', 20480],
    ['VmallocChunk', 0],
    ['Percpu', 1024],
    ['HardwareCorrupted', 0],
    ['AnonHugePages', 0],
  ];
  let out = '';
  for (const [k, v] of rows) out += `${(k + ':').padEnd(16)}${String(v).padStart(8)} kB\n`;
  out += 'HugePages_Total:       0\nHugePages_Free:        0\nHugePages_Rsvd:        0\nHugePages_Surp:        0\n';
  out += `${'Hugepagesize:'.padEnd(16)}${String(2048).padStart(8)} kB\n`;
  return out;
}

/** /proc/stat: per-CPU tick counters, then btime (boot time, epoch seconds) and process counters. */
export function formatProcStat(src: ProcSource, forks: number, running: number): string {
  const up = ticks(src.uptimeMs());
  const busy = ticks(src.busyMs());
  const perCpu = (n: number, share: number): string => {
    const user = Math.floor(busy * share);
    const idle = Math.max(0, up - user);
    return `cpu${n} ${user} 0 0 ${idle} 0 0 0 0 0 0`;
  };
  const totalUser = Math.floor(busy);
  const totalIdle = Math.max(0, up * src.cpus - totalUser);
  const lines = [`cpu  ${totalUser} 0 0 ${totalIdle} 0 0 0 0 0 0`];
  for (let i = 0; i < src.cpus; i++) lines.push(perCpu(i, 1 / src.cpus));
  lines.push(
    'intr 0',
    `ctxt ${up * 3}`,
    `btime ${Math.floor(src.bootEpochMs / 1000)}`,
    `processes ${forks}`,
    `procs_running ${running}`,
    'procs_blocked 0',
    'softirq 0 0 0 0 0 0 0 0 0 0 0',
  );
  return lines.join('\n') + '\n';
}

export function formatCpuinfo(cpus: number): string {
  let out = '';
  for (let i = 0; i < cpus; i++) {
    out += [
      `processor\t: ${i}`,
      'vendor_id\t: GenuineIntel',
      'cpu family\t: 6',
      'model\t\t: 85',
      'model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz',
      'stepping\t: 7',
      'microcode\t: 0x5003901',
      'cpu MHz\t\t: 2499.998',
      'cache size\t: 36608 KB',
      'physical id\t: 0',
      `siblings\t: ${cpus}`,
      `core id\t\t: ${i}`,
      `cpu cores\t: ${cpus}`,
      `apicid\t\t: ${i}`,
      `initial apicid\t: ${i}`,
      'fpu\t\t: yes',
      'fpu_exception\t: yes',
      'cpuid level\t: 13',
      'wp\t\t: yes',
      'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single pti fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid mpx avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves ida arat pku ospke',
      'bugs\t\t: cpu_meltdown spectre_v1 spectre_v2 spec_store_bypass l1tf mds swapgs itlb_multihit mmio_stale_data retbleed gds bhi',
      'bogomips\t: 4999.99',
      'clflush size\t: 64',
      'cache_alignment\t: 64',
      'address sizes\t: 46 bits physical, 48 bits virtual',
      'power management:',
      '',
    ].join('\n') + '\n';
  }
  return out;
}
