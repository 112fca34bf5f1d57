/** String commands (t_string.c). */
import { E, formatHumanDouble, inInt64, parseFloatArg, parseInt64, type CommandContext, type RedisCommand } from '../context.js';
import { NIL, OK, array, bulk, error, int, type Reply } from '../resp.js';

/** The string at `key`, null if missing, or the WRONGTYPE reply. */
export function getString(ctx: CommandContext, key: string): string | null | Reply {
  const v = ctx.db.get(key);
  if (!v) return null;
  if (v.type !== 'string') return E.wrongType;
  return v.v;
}

function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null;
}

function hit(ctx: CommandContext, found: boolean): void {
  if (found) ctx.server.stats.keyspaceHits++;
  else ctx.server.stats.keyspaceMisses++;
}

const get = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  hit(ctx, s !== null);
  return bulk(s);
};

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] */
const set = (ctx: CommandContext, a: string[]): Reply => {
  let nx = false, xx = false, wantGet = false, keepTtl = false;
  let unit: 'EX' | 'PX' | 'EXAT' | 'PXAT' | undefined;
  let expireArg: string | undefined;
  for (let i = 3; i < a.length; i++) {
    const o = a[i].toUpperCase();
    const next = a[i + 1];
    if (o === 'NX' && !xx) nx = true;
    else if (o === 'XX' && !nx) xx = true;
    else if (o === 'GET') wantGet = true;
    else if (o === 'KEEPTTL' && !unit) keepTtl = true;
    else if ((o === 'EX' || o === 'PX' || o === 'EXAT' || o === 'PXAT') && !unit && !keepTtl && next !== undefined) {
      unit = o;
      expireArg = next;
      i++;
    } else return E.syntax;
  }
  let at: number | undefined;
  if (unit && expireArg !== undefined) {
    const n = parseInt64(expireArg);
    if (n === null) return E.notInt;
    if (n <= 0n) return E.expire('set');
    const v = Number(n);
    const now = ctx.server.now();
    at = unit === 'EX' ? now + v * 1000 : unit === 'PX' ? now + v : unit === 'EXAT' ? v * 1000 : v;
  }
  let old: string | null = null;
  if (wantGet) {
    const s = getString(ctx, a[1]);
    if (isReply(s)) return s;
    old = s;
  }
  const exists = ctx.db.has(a[1]);
  if ((nx && exists) || (xx && !exists)) return wantGet ? bulk(old) : NIL;
  ctx.db.set(a[1], { type: 'string', v: a[2] }, keepTtl);
  if (at !== undefined) ctx.db.setExpire(a[1], at);
  ctx.server.dirty(1);
  return wantGet ? bulk(old) : OK;
};

const setnx = (ctx: CommandContext, a: string[]): Reply => {
  if (ctx.db.has(a[1])) return int(0);
  ctx.db.set(a[1], { type: 'string', v: a[2] });
  ctx.server.dirty(1);
  return int(1);
};

function setWithExpire(name: string, ms: number) {
  return (ctx: CommandContext, a: string[]): Reply => {
    const n = parseInt64(a[2]);
    if (n === null) return E.notInt;
    if (n <= 0n) return E.expire(name);
    ctx.db.set(a[1], { type: 'string', v: a[3] });
    ctx.db.setExpire(a[1], ctx.server.now() + Number(n) * ms);
    ctx.server.dirty(1);
    return OK;
  };
}

const getset = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  ctx.db.set(a[1], { type: 'string', v: a[2] });
  ctx.server.dirty(1);
  return bulk(s);
};

const getdel = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  if (s !== null) {
    ctx.db.delete(a[1]);
    ctx.server.dirty(1);
  }
  return bulk(s);
};

const mget = (ctx: CommandContext, a: string[]): Reply =>
  array(a.slice(1).map((k) => {
    const v = ctx.db.get(k);
    return bulk(v?.type === 'string' ? v.v : null);
  }));

const mset = (ctx: CommandContext, a: string[]): Reply => {
  if (a.length % 2 !== 1) return E.arity(a[0].toLowerCase());
  for (let i = 1; i < a.length; i += 2) ctx.db.set(a[i], { type: 'string', v: a[i + 1] });
  ctx.server.dirty((a.length - 1) / 2);
  return OK;
};

function incrBy(ctx: CommandContext, key: string, by: bigint): Reply {
  const s = getString(ctx, key);
  if (isReply(s)) return s;
  const cur = s === null ? 0n : parseInt64(s);
  if (cur === null) return E.notInt;
  const next = cur + by;
  if (!inInt64(next)) return E.overflow;
  ctx.db.set(key, { type: 'string', v: String(next) }, true);
  ctx.server.dirty(1);
  return int(Number(next));
}

const incr = (ctx: CommandContext, a: string[]): Reply => incrBy(ctx, a[1], 1n);
const decr = (ctx: CommandContext, a: string[]): Reply => incrBy(ctx, a[1], -1n);
const incrby = (ctx: CommandContext, a: string[]): Reply => {
  const n = parseInt64(a[2]);
  return n === null ? E.notInt : incrBy(ctx, a[1], n);
};
const decrby = (ctx: CommandContext, a: string[]): Reply => {
  const n = parseInt64(a[2]);
  if (n === null) return E.notInt;
  if (n === -(2n ** 63n)) return error('ERR decrement would overflow');
  return incrBy(ctx, a[1], -n);
};

const incrbyfloat = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  const cur = s === null ? 0 : parseFloatArg(s);
  if (cur === null) return error('ERR value is not a valid float');
  const by = parseFloatArg(a[2]);
  if (by === null) return E.notFloat;
  const next = cur + by;
  if (!Number.isFinite(next)) return error('ERR increment would produce NaN or Infinity');
  const text = formatHumanDouble(next);
  ctx.db.set(a[1], { type: 'string', v: text }, true);
  ctx.server.dirty(1);
  return bulk(text);
};

const append = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  const next = (s ?? '') + a[2];
  ctx.db.set(a[1], { type: 'string', v: next }, true);
  ctx.server.dirty(1);
  return int(byteLen(next));
};

const strlen = (ctx: CommandContext, a: string[]): Reply => {
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  return int(s === null ? 0 : byteLen(s));
};

function byteLen(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const getrange = (ctx: CommandContext, a: string[]): Reply => {
  const start = parseInt64(a[2]);
  const end = parseInt64(a[3]);
  if (start === null || end === null) return E.notInt;
  const s = getString(ctx, a[1]);
  if (isReply(s)) return s;
  const str = s ?? '';
  let b = Number(start), e = Number(end);
  const len = str.length;
  if (b < 0 && e < 0 && b > e) return bulk('');
  if (b < 0) b = Math.max(0, len + b);
  if (e < 0) e = Math.max(0, len + e);
  if (e >= len) e = len - 1;
  if (len === 0 || b > e) return bulk('');
  return bulk(str.slice(b, e + 1));
};

export const STRING_COMMANDS: readonly RedisCommand[] = [
  { name: 'get', arity: 2, run: get },
  { name: 'set', arity: -3, run: set, write: true },
  { name: 'setnx', arity: 3, run: setnx, write: true },
  { name: 'setex', arity: 4, run: setWithExpire('setex', 1000), write: true },
  { name: 'psetex', arity: 4, run: setWithExpire('psetex', 1), write: true },
  { name: 'getset', arity: 3, run: getset, write: true },
  { name: 'getdel', arity: 2, run: getdel, write: true },
  { name: 'mget', arity: -2, run: mget },
  { name: 'mset', arity: -3, run: mset, write: true },
  { name: 'incr', arity: 2, run: incr, write: true },
  { name: 'decr', arity: 2, run: decr, write: true },
  { name: 'incrby', arity: 3, run: incrby, write: true },
  { name: 'decrby', arity: 3, run: decrby, write: true },
  { name: 'incrbyfloat', arity: 3, run: incrbyfloat, write: true },
  { name: 'append', arity: 3, run: append, write: true },
  { name: 'strlen', arity: 2, run: strlen },
  { name: 'getrange', arity: 4, run: getrange },
];
