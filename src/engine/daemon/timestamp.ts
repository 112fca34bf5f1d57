/**
 * timetypes.GetTimestamp + ParseTimestamps as the daemon applies them to an `until` filter value (the CLI
 * passes filter values through untouched): a Go duration counts back from now, an RFC 3339-like date (no
 * zone = UTC, the simulated host's zone) is that instant, digits are Unix seconds. Errors are unclassified,
 * as moby returns them bare.
 */
import { systemError } from '../../pkg/errdefs.js';

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/** Epoch nanoseconds. */
export function daemonTimestamp(value: string, nowNs: bigint): bigint {
  if (value !== '0' && DURATION.test(value)) {
    let ns = 0;
    for (const m of value.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) ns += parseFloat(m[1]) * UNIT_NS[m[2]];
    if (value.startsWith('-')) ns = -ns;
    // GetTimestamp keeps whole seconds of (now - d).
    const secs = (nowNs - BigInt(Math.round(ns))) / 1_000_000_000n;
    return secs * 1_000_000_000n;
  }
  const m = DATE.exec(value);
  if (m) {
    const [, y, mo, da, h = '0', mi = '0', s = '0', frac = '', zone] = m;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s));
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
    }
    return BigInt(ms) * 1_000_000n + BigInt(frac.padEnd(9, '0') || '0');
  }
  if (value.includes('-')) throw systemError(`parsing time ${JSON.stringify(value)}: cannot parse ${JSON.stringify(value)} as a date`);
  const u = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (!u) throw systemError(`failed to parse value as time or duration: ${JSON.stringify(value)}`);
  return BigInt(u[1]) * 1_000_000_000n + BigInt((u[2] ?? '').padEnd(9, '0') || '0');
}
