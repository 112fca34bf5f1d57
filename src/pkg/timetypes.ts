/**
 * Time as docker reads and writes it. Out: Go marshals time.Time as RFC3339Nano (fractional seconds with
 * trailing zeros dropped, no dot at all for whole seconds; the zero time.Time is `0001-01-01T00:00:00Z`, what
 * StartedAt/FinishedAt show before they are set), and jsonmessage's RFC3339NanoFixed (`docker logs -t`,
 * `docker events`) always has nine digits. In: Go's time.ParseDuration, and moby's api/types/time
 * (GetTimestamp, ParseTimestamps), which the CLI applies to `--since`/`--until` and the daemon to an `until`
 * filter: a Go duration counts back from now in whole seconds, an RFC 3339-like date (no zone = local time, UTC
 * on the simulated host) becomes `seconds.nanoseconds`, a bare unix timestamp passes through.
 * Instants here are bigint nanoseconds since the Unix epoch (the kernel clock's epochNs()) unless named `…Ms`.
 */
import { systemError } from './errdefs.js';
import { goQuote, parseInt64 } from './strconv.js';

export const ZERO_TIME = '0001-01-01T00:00:00Z';

function splitNs(ns: bigint): { base: string; frac: string } {
  let secs = ns / 1_000_000_000n;
  let rem = ns % 1_000_000_000n;
  if (rem < 0n) {
    rem += 1_000_000_000n;
    secs -= 1n;
  }
  const iso = new Date(Number(secs) * 1000).toISOString(); // 2024-01-02T03:04:05.000Z
  return { base: iso.slice(0, 19), frac: rem.toString().padStart(9, '0') };
}

/** Go's time.RFC3339Nano; `null` is the zero time. */
export function formatRFC3339Nano(ns: bigint | null): string {
  if (ns === null) return ZERO_TIME;
  const { base, frac } = splitNs(ns);
  const trimmed = frac.replace(/0+$/, '');
  return trimmed === '' ? `${base}Z` : `${base}.${trimmed}Z`;
}

/** moby's jsonmessage.RFC3339NanoFixed, used by `docker logs -t` and `docker events`: always 9 digits. */
export function formatRFC3339NanoFixed(ns: bigint): string {
  const { base, frac } = splitNs(ns);
  return `${base}.${frac}Z`;
}

/** Whole seconds since the epoch (Go's t.Unix(), flooring toward the past). */
export function unixSeconds(ns: bigint): number {
  let s = ns / 1_000_000_000n;
  if (ns < 0n && ns % 1_000_000_000n !== 0n) s -= 1n;
  return Number(s);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration: nanoseconds, or Go's error text. */
export function parseGoDuration(orig: string): number | string {
  const invalid = `time: invalid duration ${goQuote(orig)}`;
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const num = m ? m[0] : '';
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return invalid;
    s = s.slice(num.length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') return `time: missing unit in duration ${goQuote(orig)}`;
    const unit = DURATION_UNITS[u];
    if (unit === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`;
    s = s.slice(u.length);
    total += parseFloat(num.startsWith('.') ? '0' + num : num) * unit;
  }
  return neg ? -total : total;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;
const UNIX = /^(\d+)(?:\.(\d{1,9}))?$/;

/** timetypes.GetTimestamp against a reference time in epoch milliseconds: the string the API takes, or Go's error. */
export function getTimestamp(value: string, nowMs: number): string | Error {
  const d = parseGoDuration(value);
  if (value !== '0' && typeof d === 'number') return String(Math.floor((nowMs - d / 1e6) / 1000));
  const m = DATE.exec(value);
  if (m) {
    const [, y, mo, da, h = '0', mi = '0', s = '0', frac = '', zone] = m;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s));
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000;
    }
    return `${Math.floor(ms / 1000)}.${frac.padEnd(9, '0')}`;
  }
  // A `-` means it was probably an RFC 3339-like date the parser refused.
  if (value.includes('-')) return new Error(`parsing time ${goQuote(value)}: cannot parse ${goQuote(value)} as a date`);
  if (!UNIX.test(value)) return new Error(`failed to parse value as time or duration: ${goQuote(value)}`);
  return value;
}

/**
 * timetypes.ParseTimestamps: `seconds[.nanoseconds]` as epoch nanoseconds. Anything else fails in
 * strconv.ParseInt, an unclassified error (moby answers it with a 500 and Go's own text).
 */
export function parseTimestamps(value: string): bigint {
  const dot = value.indexOf('.');
  const sec = parseInt64OrSystem(dot < 0 ? value : value.slice(0, dot));
  if (dot < 0) return sec * 1_000_000_000n;
  const frac = value.slice(dot + 1);
  const n = parseInt64OrSystem(frac);
  // Go scales the fraction through a float64: nine digits or fewer come out exact.
  const nsec = frac.length <= 9 ? n * 10n ** BigInt(9 - frac.length) : BigInt(Math.trunc(Number(n) * 10 ** (9 - frac.length)));
  return sec * 1_000_000_000n + nsec;
}

function parseInt64OrSystem(s: string): bigint {
  try {
    return parseInt64(s);
  } catch (e) {
    throw systemError((e as Error).message);
  }
}

/**
 * GetTimestamp then ParseTimestamps, as the daemon applies them to an `until` filter value (the CLI passes
 * filter values through untouched). Errors are unclassified (errdefs.System), as moby returns them bare.
 */
export function filterTimestamp(value: string, nowNs: bigint): bigint {
  const t = getTimestamp(value, Number(nowNs / 1_000_000n));
  if (t instanceof Error) throw systemError(t.message);
  return parseTimestamps(t);
}

/** Go's time.Duration.String (`1m30s`, `1.5s`, `100ms`, `0s`), for texts moby formats with `%v`. */
export function goDurationString(ns: number | bigint): string {
  let u = BigInt(ns);
  const neg = u < 0n;
  if (neg) u = -u;
  const frac = (v: bigint, digits: number): string => {
    const s = v.toString().padStart(digits, '0').replace(/0+$/, '');
    return s === '' ? '' : `.${s}`;
  };
  let out: string;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    if (u < 1_000n) out = `${u}ns`;
    else if (u < 1_000_000n) out = `${u / 1_000n}${frac(u % 1_000n, 3)}µs`;
    else out = `${u / 1_000_000n}${frac(u % 1_000_000n, 6)}ms`;
  } else {
    const secs = u / 1_000_000_000n;
    const s = `${secs % 60n}${frac(u % 1_000_000_000n, 9)}s`;
    const mins = secs / 60n;
    if (mins === 0n) out = s;
    else if (mins < 60n) out = `${mins}m${s}`;
    else out = `${mins / 60n}h${mins % 60n}m${s}`;
  }
  return neg ? `-${out}` : out;
}
