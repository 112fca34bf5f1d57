/**
 * serverLog's line: `PID:ROLE DD Mon YYYY HH:MM:SS.mmm LEVEL message`, ROLE `C` before the server is set up
 * (and in a save child), `M` for the master; LEVEL `.` debug, `-` verbose, `*` notice, `#` warning. Times are
 * UTC: containers have no zone set.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type LogLevel = 'debug' | 'verbose' | 'notice' | 'warning';
const LEVEL_CHAR: Record<LogLevel, string> = { debug: '.', verbose: '-', notice: '*', warning: '#' };
const RANK: Record<LogLevel, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };

export function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

export function logLine(pid: number, role: 'C' | 'M', ms: number, level: LogLevel | '*' | '#', msg: string): string {
  const ch = level === '*' || level === '#' ? level : LEVEL_CHAR[level];
  return `${pid}:${role} ${logTime(ms)} ${ch} ${msg}\n`;
}

/** True when a line at `level` passes the configured `loglevel`. */
export function logs(configured: string, level: LogLevel): boolean {
  const c = (configured in RANK ? configured : 'notice') as LogLevel;
  return RANK[level] >= RANK[c];
}

export function levelOf(ch: '*' | '#'): LogLevel {
  return ch === '*' ? 'notice' : 'warning';
}
