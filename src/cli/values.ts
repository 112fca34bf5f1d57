/**
 * The checks pflag and docker's option types run when a flag gets its value, with Go's error texts
 * (`strconv.ParseInt: parsing "x": invalid syntax`, `time: missing unit in duration "5"`…).
 * A returned string is the error; null means the value is accepted.
 */
import { goQuote, parseGoBool, parseGoInt } from '../pkg/strconv.js';
import { parseGoDuration } from '../pkg/timetypes.js';
import { ramInBytes } from '../pkg/units.js';
import { parseNormalizedNamed } from '../pkg/reference.js';
import { mountError } from './command/container/mountopts.js';

export function checkValue(name: string, type: string, value: string): string | null {
  switch (type) {
    case '':
      return parseGoBool(value) === null ? `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax` : null;
    case 'int':
      return intError('ParseInt', value, -(2n ** 63n), 2n ** 63n - 1n);
    case 'uint':
    case 'uint64':
      return intError('ParseUint', value, 0n, 2n ** 64n - 1n);
    case 'uint16':
      return intError('ParseUint', value, 0n, 2n ** 16n - 1n);
    case 'duration': {
      const d = parseGoDuration(value);
      return typeof d === 'string' ? d : null;
    }
    case 'bytes': {
      if (name === 'memory-swap' && value === '-1') return null;
      const b = ramInBytes(value);
      return typeof b === 'string' ? b : null;
    }
    case 'decimal':
      return RATIONAL.test(value) ? null : `failed to parse ${value} as a rational number`;
    case 'filter':
      return value.includes('=') ? null : 'bad format of filter (expected name=value)';
    case 'mount':
      return mountError(value);
    case 'map':
      return name === 'sysctl' ? sysctlError(value) : null;
    case 'list':
      if (name === 'add-host') return extraHost(value).error;
      if (name === 'dns') return isIP(value) ? null : `IP address is not correctly formatted: ${value}`;
      if (name === 'tag') return validTag(value);
      return null;
    default:
      return null;
  }
}

function intError(fn: string, s: string, min: bigint, max: bigint): string | null {
  const v = parseGoInt(s, fn === 'ParseUint');
  const why = v === null ? 'invalid syntax' : v < min || v > max ? 'value out of range' : null;
  return why && `strconv.${fn}: parsing ${goQuote(s)}: ${why}`;
}

const RATIONAL = /^[+-]?(\d+\/\d+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)$/;

const SYSCTL_NAMES = new Set([
  'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem',
  'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced',
]);

function sysctlError(v: string): string | null {
  const key = v.split('=')[0];
  const ok = v.includes('=') && (SYSCTL_NAMES.has(key) || key.startsWith('net.') || key.startsWith('fs.mqueue.'));
  return ok ? null : `sysctl '${v}' is not allowed`;
}

/** net.ParseIP, near enough: a dotted quad or an IPv6 address. */
export function isIP(s: string): boolean {
  const t = s.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) return t.split('.').every((o) => Number(o) <= 255);
  return t.includes(':') && /^[0-9a-fA-F:.]+$/.test(t) && (t.match(/::/g)?.length ?? 0) <= 1;
}

/** docker/cli's opts.ValidateExtraHost: `name=ip` or `name:ip` (brackets allowed) → `name:ip` for the API. */
export function extraHost(val: string): { value: string; error: null } | { value: null; error: string } {
  let i = val.indexOf('=');
  if (i < 0) i = val.indexOf(':');
  const k = i < 0 ? '' : val.slice(0, i);
  let v = i < 0 ? '' : val.slice(i + 1);
  if (i < 0 || k === '' || k.includes(':')) return { value: null, error: `bad format for add-host: ${goQuote(val)}` };
  if (v !== 'host-gateway') {
    if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
    if (!isIP(v)) return { value: null, error: `invalid IP address in add-host: ${goQuote(v)}` };
  }
  return { value: `${k}:${v}`, error: null };
}

/** opts.ValidateTag (`docker build -t`): the reference's own error. */
function validTag(value: string): string | null {
  try {
    parseNormalizedNamed(value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
