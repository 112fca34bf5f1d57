/**
 * procps-ng `top`: batch mode (`top -b -n N`) prints the summary area and the task list sorted by %CPU;
 * on a terminal it redraws the screen every delay (3 s) until `q` or Ctrl-C. Of the interactive commands
 * only `q` is modelled; other keys just redraw.
 */
import { isProcessEnd } from '../../../engine/kernel/process.js';
import type { Sys } from '../../../engine/kernel/sys.js';
import { Output } from '../../lib/output.js';
import { userName } from '../accounts.js';
import { HZ, meminfo, pidMax, readProcs, uptimeSeconds, type ProcInfo } from './proc.js';
import { uptimeLine } from './uptime.js';

const f1 = (n: number, w: number): string => n.toFixed(1).padStart(w);

function cpuLine(sys: Sys): string {
  let fields = [0, 0, 0, 1, 0, 0, 0, 0];
  try {
    const m = /^cpu\s+(.*)$/m.exec(sys.fs.readText('/proc/stat'));
    if (m) fields = m[1].split(/\s+/).slice(0, 8).map(Number);
  } catch {
    // no /proc/stat: an idle machine
  }
  // In the first tick after boot nothing has been counted yet: the machine has been idle all along.
  if (!fields.some((v) => v !== 0)) fields[3] = 1;
  const [us, ni, sy, id, wa, hi, si, st] = fields;
  const total = fields.reduce((a, b) => a + b, 0);
  const p = (v: number): string => f1((v * 100) / total, 5);
  return `%Cpu(s):${p(us)} us,${p(sy)} sy,${p(ni)} ni,${p(id)} id,${p(wa)} wa,${p(hi)} hi,${p(si)} si,${p(st)} st `;
}

function timePlus(ticks: number): string {
  const cs = Math.floor((ticks * 100) / HZ);
  const min = Math.floor(cs / 6000);
  return `${min}:${String(Math.floor((cs % 6000) / 100)).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

export function topScreen(sys: Sys, width: number): string {
  const procs = readProcs(sys);
  const mem = meminfo(sys);
  const g = (k: string): number => mem.get(k) ?? 0;
  const mib = (kb: number): number => kb / 1024;
  const avail = mem.has('MemAvailable') ? g('MemAvailable') : g('MemFree');
  const count = (states: string): number => procs.filter((p) => states.includes(p.state)).length;
  const lines = [
    `top -${uptimeLine(sys)}`,
    `Tasks:${String(procs.length).padStart(4)} total,${String(count('R')).padStart(4)} running,${String(count('SDI')).padStart(4)} sleeping,${String(count('Tt')).padStart(4)} stopped,${String(count('Z')).padStart(4)} zombie`,
    cpuLine(sys),
    `MiB Mem :${f1(mib(g('MemTotal')), 9)} total,${f1(mib(g('MemFree')), 9)} free,${f1(mib(g('MemTotal') - avail), 9)} used,${f1(mib(g('Buffers') + g('Cached') + g('SReclaimable')), 9)} buff/cache     `,
    `MiB Swap:${f1(mib(g('SwapTotal')), 9)} total,${f1(mib(g('SwapFree')), 9)} free,${f1(mib(g('SwapTotal') - g('SwapFree')), 9)} used.${f1(mib(avail), 9)} avail Mem `,
    '',
  ];
  const pw = Math.max(5, String(pidMax(sys)).length);
  const up = uptimeSeconds(sys);
  const pcpu = (p: ProcInfo): number => {
    const secs = up - p.start / HZ;
    return secs > 0 ? (p.ticks / HZ / secs) * 100 : 0;
  };
  const head = `${'PID'.padStart(pw)} USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ `;
  lines.push(`${head}COMMAND`);
  const sorted = [...procs].sort((a, b) => pcpu(b) - pcpu(a) || a.pid - b.pid);
  const room = Math.max(1, width - head.length);
  for (const p of sorted) {
    const shr = 0;
    const user = userName(sys, p.euid);
    const pmem = g('MemTotal') > 0 ? (p.rssKb * 100) / g('MemTotal') : 0;
    const cmd = p.comm.length > room ? `${p.comm.slice(0, room - 1)}+` : p.comm;
    lines.push(
      `${String(p.pid).padStart(pw)} ${(user.length > 8 ? `${user.slice(0, 7)}+` : user).padEnd(8)} ${String(p.priority).padStart(3)} ${String(p.nice).padStart(3)} ` +
        `${String(p.vszKb).padStart(7)} ${String(p.rssKb).padStart(6)} ${String(shr).padStart(6)} ${p.state} ${f1(Math.min(999.9, pcpu(p)), 5)} ${f1(pmem, 5)} ${timePlus(p.ticks).padStart(9)} ${cmd}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function top(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let batch = false;
  let iterations = Infinity;
  let delay = 3;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-b') batch = true;
    else if (a === '-bn' || a === '-n') iterations = Number(args[++i]);
    else if (/^-b?n\d+$/.test(a)) iterations = Number(a.replace(/^-b?n/, ''));
    else if (a === '-d') delay = Number(args[++i]);
    else if (a === '-v' || a === '-V') return (await sys.write(1, 'top from procps-ng 4.0.4\n'), 0);
    else {
      await sys.write(2, `top: unknown option '${a.replace(/^-/, '')[0] ?? ''}'\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
      return 1;
    }
    if (a.startsWith('-b')) batch = true;
  }
  if (!batch) {
    if (!sys.isatty(0) || !sys.isatty(1)) {
      await sys.write(2, 'top: failed tty get\n');
      return 1;
    }
    return interactive(sys, delay, iterations);
  }
  const width = Number(sys.env.COLUMNS) || (sys.isatty(1) ? sys.getWinSize(1).cols : 80);
  const out = new Output(sys, 1);
  for (let n = 0; n < iterations; n++) {
    if (n > 0) {
      await out.flush();
      await sys.sleep(delay * 1000);
      await out.write('\n');
    }
    await out.write(topScreen(sys, width));
  }
  await out.flush();
  return 0;
}

/** The full-screen mode: a reader child turns keys into signals, so the redraw loop never blocks on input. */
async function interactive(sys: Sys, delay: number, iterations: number): Promise<number> {
  let quit = false;
  let redraw = false;
  const parent = sys.pid;
  sys.signal('SIGUSR1', () => void (quit = true));
  sys.signal('SIGUSR2', () => void (redraw = true));
  sys.signal('SIGINT', () => void (quit = true));
  const saved = sys.tcgetattr(0);
  sys.tcsetattr(0, { icanon: false, echo: false });
  const reader = sys.spawn({
    argv: ['top'],
    program: async (child) => {
      for (let d = await child.read(0); d !== null; d = await child.read(0)) {
        child.kill(parent, d.includes('q') ? 'SIGUSR1' : 'SIGUSR2');
        if (d.includes('q')) return 0;
      }
      child.kill(parent, 'SIGUSR1');
      return 0;
    },
  });
  await sys.write(1, '\x1b[?1049h');
  try {
    for (let n = 0; n < iterations && !quit; n++) {
      const { rows, cols } = sys.getWinSize(1);
      const lines = topScreen(sys, cols).split('\n').slice(0, rows).map((l) => l.slice(0, cols));
      await sys.write(1, `\x1b[H\x1b[J${lines.join('\n')}`);
      // Sleep in short steps so `q` takes effect at once, not at the next refresh.
      for (let waited = 0; waited < delay * 1000 && !quit && !redraw; waited += 100) await sys.sleep(100);
      redraw = false;
    }
  } finally {
    sys.tcsetattr(0, saved);
  }
  await sys.write(1, '\x1b[?1049l');
  try {
    sys.kill(reader, 'SIGKILL');
    await sys.wait(reader);
  } catch (e) {
    if (isProcessEnd(e)) throw e;
    // already gone (and reaped, when SIGCHLD is ignored) after reading `q`
  }
  return 0;
}
