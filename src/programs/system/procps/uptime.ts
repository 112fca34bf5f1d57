/** procps-ng `uptime`: time of day, time since boot, logged-in users, load averages. */
import type { Sys } from '../../../engine/kernel/sys.js';
import { loadavg, readProcs, uptimeSeconds } from './proc.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Logged-in users as utmp would count them: one per terminal whose session is led by a login shell
 * (argv[0] starting with `-`). A container has no utmp, and no login shells, so it counts 0.
 */
export function countUsers(sys: Sys): number {
  const ttys = new Set<number>();
  for (const p of readProcs(sys)) {
    if (p.ttyNr !== 0 && p.session === p.pid && (p.cmdline[0] ?? '').startsWith('-')) ttys.add(p.ttyNr);
  }
  return ttys.size;
}

function pretty(secs: number): string {
  const parts: string[] = [];
  const weeks = Math.floor(secs / 604800);
  const days = Math.floor((secs % 604800) / 86400);
  const hours = Math.floor((secs % 86400) / 3600);
  const mins = Math.floor((secs % 3600) / 60);
  const add = (n: number, unit: string): void => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(weeks, 'week');
  add(days, 'day');
  add(hours, 'hour');
  if (mins > 0 || parts.length === 0) parts.push(`${mins} minute${mins === 1 ? '' : 's'}`);
  return `up ${parts.join(', ')}`;
}

export function uptimeLine(sys: Sys): string {
  const now = new Date(sys.now());
  const secs = Math.floor(uptimeSeconds(sys));
  let up = '';
  const days = Math.floor(secs / 86400);
  if (days > 0) up += `${days} day${days === 1 ? '' : 's'}, `;
  const hours = Math.floor((secs % 86400) / 3600);
  const mins = Math.floor((secs % 3600) / 60);
  up += hours > 0 ? `${String(hours).padStart(2)}:${pad2(mins)}, ` : `${mins} min, `;
  const users = countUsers(sys);
  const [l1, l5, l15] = loadavg(sys);
  const clock = `${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`;
  return ` ${clock} up ${up}${String(users).padStart(2)} user${users > 1 ? 's' : ''},  load average: ${l1}, ${l5}, ${l15}`;
}

export async function uptime(sys: Sys): Promise<number> {
  const arg = sys.argv[1];
  if (arg === '-p' || arg === '--pretty') {
    await sys.write(1, `${pretty(Math.floor(uptimeSeconds(sys)))}\n`);
  } else if (arg === '-s' || arg === '--since') {
    const d = new Date(sys.now() - uptimeSeconds(sys) * 1000);
    const iso = d.toISOString();
    await sys.write(1, `${iso.slice(0, 10)} ${iso.slice(11, 19)}\n`);
  } else if (arg === '-V' || arg === '--version') {
    await sys.write(1, 'uptime from procps-ng 4.0.4\n');
  } else if (arg !== undefined) {
    await sys.write(2, `uptime: invalid option -- '${arg.replace(/^-+/, '').charAt(0)}'\n\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n`);
    return 1;
  } else {
    await sys.write(1, `${uptimeLine(sys)}\n`);
  }
  return 0;
}
