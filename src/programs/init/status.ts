/** `systemctl status UNIT` as systemd 255 (Ubuntu 24.04) lays it out, without the journal excerpt. */
import type { Sys, WaitStatus } from '../../engine/kernel/sys.js';
import type { Unit } from './units.js';

export interface ServiceState {
  readonly unit: Unit;
  pid: number;
  /** Uptime (ms) of the last state change. */
  sinceMs: number;
  startedMs: number;
  exit: WaitStatus | null;
  cpuMs: number;
  /** The last start failed (the service exited before it was ready). */
  failed: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function timestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** systemd's relative time: `12s ago`, `5min 3s ago`, `2h 5min ago`, `3 days ago`. */
export function ago(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}min ${s % 60}s ago` : `${m}min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}min ago` : `${h}h ago`;
  const days = Math.floor(h / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

function exitText(st: WaitStatus): string {
  if (st.signal) return `code=killed, signal=${st.signal.slice(3)}`;
  return `code=exited, status=${st.code}/${st.code === 0 ? 'SUCCESS' : 'FAILURE'}`;
}

function readProc(sys: Sys, pid: number, file: string): string {
  try {
    return sys.fs.readText(`/proc/${pid}/${file}`);
  } catch {
    return '';
  }
}

export function statusText(sys: Sys, s: ServiceState): string {
  const u = s.unit;
  const now = sys.uptime();
  const bootEpoch = sys.now() - now;
  const since = `since ${timestamp(bootEpoch + s.sinceMs)}; ${ago(now - s.sinceMs)}`;
  const lines = [
    `${s.pid ? '●' : s.failed ? '×' : '○'} ${u.name} - ${u.description}`,
    `     Loaded: loaded (${u.path}; enabled; preset: enabled)`,
  ];
  if (s.pid) {
    const status = readProc(sys, s.pid, 'status');
    const threads = /^Threads:\s+(\d+)/m.exec(status)?.[1] ?? '1';
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? '0');
    const cmdline = readProc(sys, s.pid, 'cmdline').split('\0').filter((a) => a !== '').join(' ');
    lines.push(
      `     Active: active (running) ${since}`,
      `       Docs: ${u.documentation}`,
      `   Main PID: ${s.pid} (${u.execStart[0]?.split('/').pop() ?? ''})`,
      `      Tasks: ${threads}`,
      `     Memory: ${(rssKb / 1024).toFixed(1)}M`,
      `     CGroup: /system.slice/${u.name}`,
      `             └─${s.pid} ${cmdline}`,
    );
  } else if (s.exit) {
    lines.push(
      s.failed ? `     Active: failed (Result: exit-code) ${since}` : `     Active: inactive (dead) ${since}`,
      `       Docs: ${u.documentation}`,
      `    Process: ${s.exit.pid} ExecStart=${u.execStart.join(' ')} (${exitText(s.exit)})`,
      `   Main PID: ${s.exit.pid} (${exitText(s.exit)})`,
    );
  } else {
    lines.push(`     Active: inactive (dead)`, `       Docs: ${u.documentation}`);
  }
  return `${lines.join('\n')}\n`;
}
