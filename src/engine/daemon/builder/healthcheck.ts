/**
 * HEALTHCHECK (BuildKit's instructions.parseHealthcheck, which moby's legacy builder and `docker commit
 * --change` parse with too): `NONE` disables the base image's check; `CMD` takes the exec form (`["CMD", …]`) or a
 * shell command (`["CMD-SHELL", "…"]`); the flags are Go durations of at least 1ms (0 means the default) and a
 * retry count. Errors are thrown with BuildKit's words; the caller adds the line.
 */
import { goQuote } from '../../../pkg/strconv.js';
import { parseGoDuration } from '../../../pkg/timetypes.js';
import type { HealthConfig } from '../healthConfig.js';
import type { Node } from './dockerfile/parser.js';

/** parseOptInterval: '' and 0 are the default (0); less than 1ms is refused. */
function interval(name: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const d = parseGoDuration(value);
  if (typeof d === 'string') throw new Error(d);
  if (d === 0) return 0;
  if (d < 1_000_000) throw new Error(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return d;
}

/** strconv.ParseInt(value, 10, 32). */
function retries(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
  const n = Number(value);
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw new Error(`strconv.ParseInt: parsing ${goQuote(value)}: value out of range`);
  if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
  return n;
}

/** The instruction's config; `node.args` is the type word then the command (one string unless JSON). */
export function parseHealthcheck(n: Pick<Node, 'args' | 'json'>, flags: Readonly<Record<string, string>>): HealthConfig {
  if (n.args.length === 0) throw new Error('HEALTHCHECK requires at least one argument');
  const typ = n.args[0].toUpperCase();
  const args = n.args.slice(1);
  if (typ === 'NONE') {
    if (args.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  if (typ !== 'CMD') throw new Error(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  // handleJSONArgs: the exec form as it is, the shell form as one string.
  const cmd = n.json ? args : args.length > 0 ? [args.join(' ')] : [];
  if (cmd.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  return {
    Test: [n.json ? 'CMD' : 'CMD-SHELL', ...cmd],
    Interval: interval('interval', flags.interval), Timeout: interval('timeout', flags.timeout),
    StartPeriod: interval('start-period', flags['start-period']), StartInterval: interval('start-interval', flags['start-interval']),
    Retries: retries(flags.retries),
  };
}
