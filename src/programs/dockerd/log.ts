/**
 * dockerd's log lines, in logrus's text format: `time="…" level=info msg="…"` when stderr is not a
 * terminal (the journal), `INFO[0000] …` with colours and seconds since start when it is.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { formatRFC3339Nano } from '../../engine/daemon/timefmt.js';

export type Fields = Readonly<Record<string, string>>;

export interface Logger {
  info(msg: string, fields?: Fields): Promise<void>;
  warn(msg: string, fields?: Fields): Promise<void>;
  fatal(msg: string, fields?: Fields): Promise<void>;
}

const LEVELS = { info: ['INFO', 36], warn: ['WARN', 33], fatal: ['FATA', 31] } as const;

/** logrus quotes a value unless it is made only of safe characters. */
function quote(v: string): string {
  return /^[A-Za-z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v);
}

export function daemonLogger(sys: Sys): Logger {
  const tty = sys.isatty(2);
  const start = sys.uptime();
  const line = (level: keyof typeof LEVELS, msg: string, fields: Fields = {}): string => {
    const keys = Object.keys(fields).sort();
    if (!tty) {
      const ns = BigInt(Math.round(sys.now() * 1e6));
      const kv = keys.map((k) => ` ${k}=${quote(fields[k])}`).join('');
      return `time="${formatRFC3339Nano(ns)}" level=${level} msg=${quote(msg)}${kv}\n`;
    }
    const [name, colour] = LEVELS[level];
    const secs = String(Math.floor((sys.uptime() - start) / 1000)).padStart(4, '0');
    const kv = keys.map((k) => ` \x1b[${colour}m${k}\x1b[0m=${quote(fields[k])}`).join('');
    const text = keys.length > 0 ? msg.padEnd(44) : msg;
    return `\x1b[${colour}m${name}\x1b[0m[${secs}] ${text}${kv}\n`;
  };
  const write = (level: keyof typeof LEVELS) => async (msg: string, fields?: Fields) => {
    try {
      await sys.write(2, line(level, msg, fields));
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      /* stderr gone (the journal of a stopped unit): keep running */
    }
  };
  return { info: write('info'), warn: write('warn'), fatal: write('fatal') };
}
