/** github.com/docker/go-units: HumanDuration, HumanSize (decimal), BytesSize (binary). */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** units.HumanDuration of a duration in milliseconds (negative counts as under a second). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Go's `%.Ng`: N significant digits, trailing zeros dropped, exponent form `1e+03` when Go would use it. */
function g(v: number, digits: number): string {
  if (v === 0) return '0';
  const s = v.toPrecision(digits);
  const trim = (m: string): string => (m.includes('.') ? m.replace(/\.?0+$/, '') : m);
  const e = s.indexOf('e');
  if (e < 0) return trim(s);
  const exp = s.slice(e + 1);
  const sign = exp.startsWith('-') ? '-' : '+';
  return `${trim(s.slice(0, e))}e${sign}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
}

function custom(size: number, base: number, units: readonly string[], digits: number): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return g(size, digits) + units[i];
}

/** units.HumanSizeWithPrecision(size, 3) — what `docker images` prints: `78.1MB`, `4.26MB`, `0B`. */
export function humanSize(bytes: number): string {
  return custom(bytes, 1000, DECIMAL, 3);
}

/** units.BytesSize (`%.4g` with binary units) — `docker info`'s Total Memory: `7.622GiB`. */
export function bytesSize(bytes: number): string {
  return custom(bytes, 1024, BINARY, 4);
}
