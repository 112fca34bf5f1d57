/**
 * github.com/docker/go-units: HumanDuration (the Status column: `Up 5 minutes`, `Exited (0) 3 seconds ago`,
 * `docker images`' CREATED), HumanSize and HumanSizeWithPrecision (decimal), BytesSize (binary) and
 * RAMInBytes (`--memory 512m`). Thresholds mirror go-units, including its rounding of hours
 * (`d.Hours() + 0.5`) and the truncation everywhere else.
 */
import { goQuote } from './strconv.js';

const NS_PER_SECOND = 1e9;
const NS_PER_MINUTE = 60 * NS_PER_SECOND;
const NS_PER_HOUR = 60 * NS_PER_MINUTE;

/** units.HumanDuration of a time.Duration (nanoseconds); negative durations read as "Less than a second", as in Go. */
export function humanDuration(d: bigint | number): string {
  const ns = Number(d);
  const seconds = Math.trunc(ns / NS_PER_SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ns / NS_PER_MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ns / NS_PER_HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ns / NS_PER_HOUR) / 24 / 365)} years`;
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

/** units.HumanSizeWithPrecision: decimal units, `precision` significant digits. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  return custom(bytes, 1000, DECIMAL, precision);
}

/** units.HumanSize, four digits: the pull progress bar's `12.35MB/45.67MB`. */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** HumanSizeWithPrecision(size, 3), docker/cli's size columns (`docker images`: `78.1MB`, `4.26MB`, `0B`). */
export function humanSize3(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

/** units.BytesSize (`%.4g` with binary units) — `docker info`'s Total Memory: `7.622GiB`. */
export function bytesSize(bytes: number): string {
  return custom(bytes, 1024, BINARY, 4);
}

const UNIT_MULT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const GO_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** units.RAMInBytes (binary multipliers; `b`, `k`, `kb`, `kib` suffixes, any case): bytes, or Go's error text. */
export function ramInBytes(str: string): number | string {
  let sep = -1;
  for (let i = str.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(str[i])) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return `invalid size: '${str}'`;
  const num = str[sep] === ' ' ? str.slice(0, sep) : str.slice(0, sep + 1);
  let sfx = str.slice(sep + 1);
  if (!GO_FLOAT.test(num)) return `strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax`;
  let size = parseFloat(num);
  if (size < 0) return `invalid size: '${str}'`;
  if (sfx === '') return Math.trunc(size);
  const bad = `invalid suffix: '${sfx.toLowerCase()}'`;
  if (sfx.length > 3) return `invalid suffix: '${sfx}'`;
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? bad : Math.trunc(size);
  const mul = UNIT_MULT[sfx[0]];
  if (mul === undefined) return bad;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return bad;
  size *= mul;
  return Math.trunc(size);
}
