/**
 * dockerd's log lines, in logrus's text format: `time="…" level=info msg="…"` when stderr is not a
 * terminal (the journal), `INFO[<time>] …` with colours when it is.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { formatRFC3339NanoFixed } from '../../pkg/timetypes.js';

export type Fields = Readonly<Record<string, string>>;

export interface Logger {
  info(msg: string, fields?: Fields): Promise<void>;
  warn(msg: string, fields?: Fields): Promise<void>;
}

const LEVELS = { info: ['INFO', 36], warn: ['WARN', 33] } as const;

/** logrus quotes a value unless it is made only of safe characters. */
function quote(v: string): string {
  return /^[A-Za-z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v);
}

export function daemonLogger(sys: Sys): Logger {
  const tty = sys.isatty(2);
  const line = (level: keyof typeof LEVELS, msg: string, fields: Fields = {}): string => {
    const keys = Object.keys(fields).sort();
    if (!tty) {
      const ns = BigInt(Math.round(sys.now() * 1e6));
      const kv = keys.map((k) => ` ${k}=${quote(fields[k])}`).join('');
      return `time="${formatRFC3339NanoFixed(ns)}" level=${level} msg=${quote(msg)}${kv}\n`;
    }
    // dockerd sets FullTimestamp, so a terminal shows the same fixed-width time as the journal; logrus pads
    // the message to 44 columns and a space whether or not fields follow.
    const [name, colour] = LEVELS[level];
    const ns = BigInt(Math.round(sys.now() * 1e6));
    const kv = keys.map((k) => ` \x1b[${colour}m${k}\x1b[0m=${quote(fields[k])}`).join('');
    return `\x1b[${colour}m${name}\x1b[0m[${formatRFC3339NanoFixed(ns)}] ${msg.padEnd(44)} ${kv}\n`;
  };
  const write = (level: keyof typeof LEVELS) => async (msg: string, fields?: Fields) => {
    try {
      await sys.write(2, line(level, msg, fields));
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      /* stderr gone (the journal of a stopped unit): keep running */
    }
  };
  return { info: write('info'), warn: write('warn') };
}
