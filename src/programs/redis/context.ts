/**
 * What a command sees: the server it runs in and the client that sent it. Commands are plain functions of
 * this context and their arguments, so the command table can be tested without a socket.
 */
import type { RedisBuild } from './builds.js';
import type { Db, Keyspace } from './keyspace.js';
import { error, type Reply } from './resp.js';

export interface ClientState {
  readonly id: number;
  /** `ip:port` of the peer, `laddr` the server's side. */
  readonly addr: string;
  readonly laddr: string;
  readonly fd: number;
  /** Unix ms. */
  readonly connectedAt: number;
  lastInteraction: number;
  db: number;
  name: string;
  lastCommand: string;
  authenticated: boolean;
  /** Set by QUIT / CLIENT KILL: the connection closes after the reply. */
  closeAfterReply: boolean;
}

export interface ServerStats {
  connectionsReceived: number;
  commandsProcessed: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  expiredKeys: number;
  netInputBytes: number;
  netOutputBytes: number;
  rejectedConnections: number;
}

/** What the command table needs from the process around it. */
export interface ServerHost {
  readonly build: RedisBuild;
  readonly keyspace: Keyspace;
  readonly config: Map<string, string>;
  readonly stats: ServerStats;
  readonly clients: ReadonlyMap<number, ClientState>;
  readonly pid: number;
  readonly startedAt: number;
  readonly configFile: string;
  readonly executable: string;
  /** Unix ms on the virtual clock. */
  now(): number;
  uptimeMs(): number;
  /** Writes the dataset to dir/dbfilename, logging as SAVE does; false if the write failed. */
  save(): Promise<boolean>;
  /** Starts a background save (a child that writes and exits). False if one is running already. */
  bgsave(): 'started' | 'in-progress';
  lastSave(): number;
  bgsaveInProgress(): boolean;
  changesSinceSave(): number;
  dirty(n: number): void;
  /** Begins the shutdown sequence (SHUTDOWN); resolves false when the final save failed and Redis stays up. */
  shutdown(opts: { save?: boolean; nosave?: boolean }): Promise<boolean>;
  uname(): { sysname: string; release: string; machine: string };
  hostname(): string;
}

export interface CommandContext {
  readonly server: ServerHost;
  readonly client: ClientState;
  readonly db: Db;
}

export interface RedisCommand {
  readonly name: string;
  readonly arity: number;
  /** A reply, or null for a command that answers by closing the connection (SHUTDOWN). */
  readonly run: (ctx: CommandContext, argv: string[]) => Reply | null | Promise<Reply | null>;
  /** Changes the dataset (counts toward save points). */
  readonly write?: boolean;
  /** Allowed before AUTH. */
  readonly noAuth?: boolean;
}

export const E = {
  wrongType: error('WRONGTYPE Operation against a key holding the wrong kind of value'),
  notInt: error('ERR value is not an integer or out of range'),
  notFloat: error('ERR value is not a valid float'),
  syntax: error('ERR syntax error'),
  noKey: error('ERR no such key'),
  overflow: error('ERR increment or decrement would overflow'),
  dbRange: error('ERR DB index is out of range'),
  invalidCursor: error('ERR invalid cursor'),
  hashNotInt: error('ERR hash value is not an integer'),
  expire: (cmd: string): Reply => error(`ERR invalid expire time in '${cmd}' command`),
  arity: (name: string): Reply => error(`ERR wrong number of arguments for '${name}' command`),
  unknownSub: (sub: string, cmd: string): Reply => error(`ERR unknown subcommand '${sub.slice(0, 128)}'. Try ${cmd} HELP.`),
};

const INT = /^-?(0|[1-9]\d*)$/;
const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** string2ll: a 64-bit integer in canonical form, or null. */
export function parseInt64(s: string): bigint | null {
  if (!INT.test(s) || s === '-0') return null;
  const n = BigInt(s);
  return n < MIN || n > MAX ? null : n;
}

export function inInt64(n: bigint): boolean {
  return n >= MIN && n <= MAX;
}

/** A Number that fits, for counts and indexes. */
export function parseIntArg(s: string): number | null {
  const n = parseInt64(s);
  return n === null ? null : Number(n);
}

/** strtold as Redis checks it: no spaces, no NaN; `inf` allowed. */
export function parseFloatArg(s: string): number | null {
  if (s === '' || /\s/.test(s)) return null;
  const low = s.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(low)) return low.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isNaN(n) ? null : n;
}

/**
 * How Redis prints a double in a reply, inf as `inf`: up to 7.0 with `%.17g` (0.1 is `0.10000000000000001`),
 * from 7.2 the shortest text that reads back (fpconv_dtoa: `0.1`).
 */
export function formatDouble(n: number, version = '7.0'): string {
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e17) return String(n);
  if (!/^[67]\.[01]\./.test(version)) return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
  let s = n.toPrecision(17);
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** How INCRBYFLOAT prints (`%.17Lg` of a long double, then humanised): the shortest text that reads back. */
export function formatHumanDouble(n: number): string {
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return String(n).replace(/e\+?/, 'e');
}
