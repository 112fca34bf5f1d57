/** List and hash commands (t_list.c, t_hash.c). */
import { E, inInt64, parseInt64, parseIntArg, type CommandContext, type RedisCommand } from '../context.js';
import type { RedisValue } from '../keyspace.js';
import { NIL, array, bulk, bulks, error, int, type Reply } from '../resp.js';

type Of<T extends RedisValue['type']> = Extract<RedisValue, { type: T }>;

/** The value at `key` if it has type `t`, undefined when missing, or WRONGTYPE. */
export function lookup<T extends RedisValue['type']>(ctx: CommandContext, key: string, t: T): Of<T> | undefined | Reply {
  const v = ctx.db.get(key);
  if (!v) return undefined;
  if (v.type !== t) return E.wrongType;
  return v as Of<T>;
}

export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && 't' in x;
}

// ---- lists

function push(left: boolean) {
  return (ctx: CommandContext, a: string[]): Reply => {
    const l = lookup(ctx, a[1], 'list');
    if (isReply(l)) return l;
    const list = l ?? { type: 'list' as const, v: [] };
    if (!l) ctx.db.set(a[1], list);
    for (const x of a.slice(2)) {
      if (left) list.v.unshift(x);
      else list.v.push(x);
    }
    ctx.server.dirty(a.length - 2);
    return int(list.v.length);
  };
}

function pop(left: boolean) {
  return (ctx: CommandContext, a: string[]): Reply => {
    let count: number | undefined;
    if (a.length > 3) return E.arity(a[0].toLowerCase());
    if (a.length === 3) {
      const n = parseIntArg(a[2]);
      if (n === null || n < 0) return error('ERR value is out of range, must be positive');
      count = n;
    }
    const l = lookup(ctx, a[1], 'list');
    if (isReply(l)) return l;
    if (!l) return count === undefined ? NIL : { t: 'array', items: null };
    const n = Math.min(count ?? 1, l.v.length);
    const out = left ? l.v.splice(0, n) : l.v.splice(l.v.length - n, n).reverse();
    if (l.v.length === 0) ctx.db.delete(a[1]);
    ctx.server.dirty(n);
    return count === undefined ? bulk(out[0] ?? null) : bulks(out);
  };
}

/** LRANGE-style start/end into a slice, as Redis clamps them. */
export function rangeOf(len: number, start: number, end: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1;
  return [start, end];
}

const lrange = (ctx: CommandContext, a: string[]): Reply => {
  const s = parseIntArg(a[2]);
  const e = parseIntArg(a[3]);
  if (s === null || e === null) return E.notInt;
  const l = lookup(ctx, a[1], 'list');
  if (isReply(l)) return l;
  if (!l) return array([]);
  const r = rangeOf(l.v.length, s, e);
  return bulks(r ? l.v.slice(r[0], r[1] + 1) : []);
};

const llen = (ctx: CommandContext, a: string[]): Reply => {
  const l = lookup(ctx, a[1], 'list');
  if (isReply(l)) return l;
  return int(l?.v.length ?? 0);
};

const lindex = (ctx: CommandContext, a: string[]): Reply => {
  const l = lookup(ctx, a[1], 'list');
  if (isReply(l)) return l;
  if (!l) return NIL;
  const i = parseIntArg(a[2]);
  if (i === null) return E.notInt;
  const at = i < 0 ? l.v.length + i : i;
  return bulk(l.v[at] ?? null);
};

// ---- hashes

const hset = (ctx: CommandContext, a: string[]): Reply => {
  if (a.length % 2 !== 0) return E.arity(a[0].toLowerCase());
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  const hash = h ?? { type: 'hash' as const, v: new Map<string, string>() };
  if (!h) ctx.db.set(a[1], hash);
  let added = 0;
  for (let i = 2; i < a.length; i += 2) {
    if (!hash.v.has(a[i])) added++;
    hash.v.set(a[i], a[i + 1]);
  }
  ctx.server.dirty((a.length - 2) / 2);
  return a[0].toLowerCase() === 'hmset' ? { t: 'status', s: 'OK' } : int(added);
};

const hsetnx = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  if (h?.v.has(a[2])) return int(0);
  const hash = h ?? { type: 'hash' as const, v: new Map<string, string>() };
  if (!h) ctx.db.set(a[1], hash);
  hash.v.set(a[2], a[3]);
  ctx.server.dirty(1);
  return int(1);
};

const hget = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return bulk(h?.v.get(a[2]) ?? null);
};

const hmget = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return bulks(a.slice(2).map((f) => h?.v.get(f) ?? null));
};

const hgetall = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return bulks(h ? [...h.v].flat() : []);
};

const hdel = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  if (!h) return int(0);
  let n = 0;
  for (const f of a.slice(2)) if (h.v.delete(f)) n++;
  if (h.v.size === 0) ctx.db.delete(a[1]);
  ctx.server.dirty(n);
  return int(n);
};

const hexists = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return int(h?.v.has(a[2]) ? 1 : 0);
};

function hlist(part: 'keys' | 'vals') {
  return (ctx: CommandContext, a: string[]): Reply => {
    const h = lookup(ctx, a[1], 'hash');
    if (isReply(h)) return h;
    return bulks(h ? [...(part === 'keys' ? h.v.keys() : h.v.values())] : []);
  };
}

const hlen = (ctx: CommandContext, a: string[]): Reply => {
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  return int(h?.v.size ?? 0);
};

const hincrby = (ctx: CommandContext, a: string[]): Reply => {
  const by = parseInt64(a[3]);
  if (by === null) return E.notInt;
  const h = lookup(ctx, a[1], 'hash');
  if (isReply(h)) return h;
  const hash = h ?? { type: 'hash' as const, v: new Map<string, string>() };
  const cur = hash.v.has(a[2]) ? parseInt64(hash.v.get(a[2])!) : 0n;
  if (cur === null) return E.hashNotInt;
  const next = cur + by;
  if (!inInt64(next)) return E.overflow;
  if (!h) ctx.db.set(a[1], hash);
  hash.v.set(a[2], String(next));
  ctx.server.dirty(1);
  return int(Number(next));
};

export const LIST_HASH_COMMANDS: readonly RedisCommand[] = [
  { name: 'lpush', arity: -3, run: push(true), write: true },
  { name: 'rpush', arity: -3, run: push(false), write: true },
  { name: 'lpop', arity: -2, run: pop(true), write: true },
  { name: 'rpop', arity: -2, run: pop(false), write: true },
  { name: 'lrange', arity: 4, run: lrange },
  { name: 'llen', arity: 2, run: llen },
  { name: 'lindex', arity: 3, run: lindex },
  { name: 'hset', arity: -4, run: hset, write: true },
  { name: 'hmset', arity: -4, run: hset, write: true },
  { name: 'hsetnx', arity: 4, run: hsetnx, write: true },
  { name: 'hget', arity: 3, run: hget },
  { name: 'hmget', arity: -3, run: hmget },
  { name: 'hgetall', arity: 2, run: hgetall },
  { name: 'hdel', arity: -3, run: hdel, write: true },
  { name: 'hexists', arity: 3, run: hexists },
  { name: 'hkeys', arity: 2, run: hlist('keys') },
  { name: 'hvals', arity: 2, run: hlist('vals') },
  { name: 'hlen', arity: 2, run: hlen },
  { name: 'hincrby', arity: 4, run: hincrby, write: true },
];
