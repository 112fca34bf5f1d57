/**
 * moby's timetypes.GetTimestamp, which the client applies to `--since`/`--until` before sending them: a Go
 * duration counts back from now (whole seconds), an RFC 3339-like date becomes `seconds.nanoseconds`
 * (dates without a zone are local time, UTC here), a bare unix timestamp passes through.
 */
import { goQuote } from '../pkg/strconv.js';
import { parseGoDuration } from './values.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

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
  if (value.includes('-')) return new Error(`parsing time ${goQuote(value)}: cannot parse`);
  if (!/^\d+(\.\d{1,9})?$/.test(value)) return new Error(`failed to parse value as time or duration: ${goQuote(value)}`);
  return value;
}
