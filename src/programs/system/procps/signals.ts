/** Signal names as procps' kill/pkill list and parse them (SIGIO is listed as POLL). */
import { SIGNALS, signalByNumber, type Signal } from '../../../engine/kernel/signals.js';

export function shortName(sig: Signal): string {
  return sig === 'SIGIO' ? 'POLL' : sig.slice(3);
}

/** `9`, `KILL`, `SIGKILL`, `kill`, `POLL`/`IO`; undefined if procps would not know it. */
export function parseSig(text: string): Signal | undefined {
  if (/^\d+$/.test(text)) return Number(text) === 0 ? undefined : signalByNumber(Number(text));
  const upper = text.toUpperCase().replace(/^SIG/, '');
  if (upper === 'POLL') return 'SIGIO';
  const name = `SIG${upper}`;
  return name in SIGNALS ? (name as Signal) : undefined;
}

export function allSignals(): Signal[] {
  return Object.keys(SIGNALS) as Signal[];
}

/** `kill -l`: names on two lines, as procps wraps them. */
export function signalList(): string {
  const names = allSignals().map(shortName);
  return `${names.slice(0, 16).join(' ')}\n${names.slice(16).join(' ')}\n`;
}

/** `kill -L`: a table of seven `%2d %-8s` cells a line. */
export function signalTable(): string {
  const sigs = allSignals();
  let out = '';
  sigs.forEach((sig, i) => {
    const n = String(SIGNALS[sig]).padStart(2);
    const endOfLine = (i + 1) % 7 === 0;
    out += `${n} ${endOfLine ? shortName(sig) : shortName(sig).padEnd(8)}`;
    if (endOfLine || i === sigs.length - 1) out += '\n';
  });
  return out;
}
