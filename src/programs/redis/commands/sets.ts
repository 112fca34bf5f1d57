/** Set and sorted-set commands (t_set.c, t_zset.c). */
import { E, formatDouble, parseFloatArg, parseIntArg, type CommandContext, type RedisCommand } from '../context.js';
import { NIL, bulk, bulks, error, int, type Reply } from '../resp.js';
import { isReply, lookup, rangeOf } from './lists.js';

const INTSET_MAX = 512;

/** A small all-integer set is an intset in Redis, which lists its members sorted; others in insertion order. */
function members(s: Set<string>): string[] {
  const xs = [...s];
  if (xs.length <= INTSET_MAX && xs.every((x) => /^-?(0|[1-9]\d{0,17})$/.test(x))) return xs.sort((a, b) => Number(a) - Number(b));
  return xs;
}

const sadd = (ctx: CommandContext, a: string[]): Reply => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  const set = s ?? { type: 'set' as const, v: new Set<string>() };
  if (!s) ctx.db.set(a[1], set);
  let n = 0;
  for (const m of a.slice(2)) {
    if (!set.v.has(m)) n++;
    set.v.add(m);
  }
  ctx.server.dirty(n);
  return int(n);
};

const srem = (ctx: CommandContext, a: string[]): Reply => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  if (!s) return int(0);
  let n = 0;
  for (const m of a.slice(2)) if (s.v.delete(m)) n++;
  if (s.v.size === 0) ctx.db.delete(a[1]);
  ctx.server.dirty(n);
  return int(n);
};

const smembers = (ctx: CommandContext, a: string[]): Reply => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  return bulks(s ? members(s.v) : []);
};

const sismember = (ctx: CommandContext, a: string[]): Reply => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  return int(s?.v.has(a[2]) ? 1 : 0);
};

const scard = (ctx: CommandContext, a: string[]): Reply => {
  const s = lookup(ctx, a[1], 'set');
  if (isReply(s)) return s;
  return int(s?.v.size ?? 0);
};

function combine(op: 'inter' | 'union') {
  return (ctx: CommandContext, a: string[]): Reply => {
    const sets: Set<string>[] = [];
    for (const k of a.slice(1)) {
      const s = lookup(ctx, k, 'set');
      if (isReply(s)) return s;
      sets.push(s?.v ?? new Set());
    }
    let out: Set<string>;
    if (op === 'union') out = new Set(sets.flatMap((s) => [...s]));
    else {
      const [first, ...rest] = [...sets].sort((x, y) => x.size - y.size);
      out = new Set([...first].filter((m) => rest.every((s) => s.has(m))));
    }
    return bulks(members(out));
  };
}

// ---- sorted sets

function sorted(z: Map<string, number>): [string, number][] {
  return [...z].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

const zadd = (ctx: CommandContext, a: string[]): Reply => {
  let i = 2;
  let nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
  for (; i < a.length; i++) {
    const o = a[i].toUpperCase();
    if (o === 'NX') nx = true;
    else if (o === 'XX') xx = true;
    else if (o === 'GT') gt = true;
    else if (o === 'LT') lt = true;
    else if (o === 'CH') ch = true;
    else if (o === 'INCR') incr = true;
    else break;
  }
  const pairs = a.slice(i);
  if (pairs.length === 0 || pairs.length % 2 !== 0) return E.syntax;
  if (nx && xx) return error('ERR XX and NX options at the same time are not compatible');
  if ((gt && nx) || (lt && nx) || (gt && lt)) return error('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (incr && pairs.length > 2) return error('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = 0; j < pairs.length; j += 2) {
    const s = parseFloatArg(pairs[j]);
    if (s === null) return E.notFloat;
    scores.push(s);
  }
  const z = lookup(ctx, a[1], 'zset');
  if (isReply(z)) return z;
  if (!z && xx) return incr ? NIL : int(0);
  const zset = z ?? { type: 'zset' as const, v: new Map<string, number>() };
  let added = 0, changed = 0;
  let result: number | null = null;
  for (let j = 0; j < pairs.length; j += 2) {
    const m = pairs[j + 1];
    const cur = zset.v.get(m);
    let score = scores[j / 2];
    if (cur === undefined) {
      if (xx) continue;
      zset.v.set(m, score);
      added++;
      result = score;
      continue;
    }
    if (nx) continue;
    if (incr) {
      score = cur + score;
      if (Number.isNaN(score)) return error('ERR resulting score is not a number (NaN)');
    }
    if ((gt && score <= cur) || (lt && score >= cur)) continue;
    result = score;
    if (score !== cur) {
      zset.v.set(m, score);
      changed++;
    }
  }
  if (!z && zset.v.size > 0) ctx.db.set(a[1], zset);
  ctx.server.dirty(added + changed);
  if (incr) return result === null ? NIL : bulk(formatDouble(result, ctx.server.build.version));
  return int(ch ? added + changed : added);
};

/** A ZRANGE BYSCORE bound: `1.5`, `(1.5`, `-inf`, `+inf`. */
function scoreBound(s: string): { v: number; open: boolean } | null {
  const open = s.startsWith('(');
  const v = parseFloatArg(open ? s.slice(1) : s);
  return v === null ? null : { v, open };
}

const zrange = (ctx: CommandContext, a: string[]): Reply => {
  let byScore = false, rev = false, withScores = false;
  let limit: [number, number] | undefined;
  for (let i = 4; i < a.length; i++) {
    const o = a[i].toUpperCase();
    if (o === 'WITHSCORES') withScores = true;
    else if (o === 'REV') rev = true;
    else if (o === 'BYSCORE') byScore = true;
    else if (o === 'BYLEX') return error('ERR dockersim: ZRANGE BYLEX is not simulated');
    else if (o === 'LIMIT' && i + 2 < a.length) {
      const off = parseIntArg(a[i + 1]);
      const cnt = parseIntArg(a[i + 2]);
      if (off === null || cnt === null) return E.notInt;
      limit = [off, cnt];
      i += 2;
    } else return E.syntax;
  }
  if (limit && !byScore) return error('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  const z = lookup(ctx, a[1], 'zset');
  let picked: [string, number][];
  if (byScore) {
    const lo = scoreBound(rev ? a[3] : a[2]);
    const hi = scoreBound(rev ? a[2] : a[3]);
    if (!lo || !hi) return error('ERR min or max is not a float');
    if (isReply(z)) return z;
    const all = z ? sorted(z.v) : [];
    picked = all.filter(([, s]) => (lo.open ? s > lo.v : s >= lo.v) && (hi.open ? s < hi.v : s <= hi.v));
    if (rev) picked.reverse();
    if (limit) picked = limit[0] < 0 ? [] : picked.slice(limit[0], limit[1] < 0 ? undefined : limit[0] + limit[1]);
  } else {
    const s = parseIntArg(a[2]);
    const e = parseIntArg(a[3]);
    if (s === null || e === null) return E.notInt;
    if (isReply(z)) return z;
    const all = z ? sorted(z.v) : [];
    if (rev) all.reverse();
    const r = rangeOf(all.length, s, e);
    picked = r ? all.slice(r[0], r[1] + 1) : [];
  }
  return bulks(picked.flatMap(([m, sc]) => (withScores ? [m, formatDouble(sc, ctx.server.build.version)] : [m])));
};

const zscore = (ctx: CommandContext, a: string[]): Reply => {
  const z = lookup(ctx, a[1], 'zset');
  if (isReply(z)) return z;
  const s = z?.v.get(a[2]);
  return s === undefined ? NIL : bulk(formatDouble(s, ctx.server.build.version));
};

const zcard = (ctx: CommandContext, a: string[]): Reply => {
  const z = lookup(ctx, a[1], 'zset');
  if (isReply(z)) return z;
  return int(z?.v.size ?? 0);
};

const zrem = (ctx: CommandContext, a: string[]): Reply => {
  const z = lookup(ctx, a[1], 'zset');
  if (isReply(z)) return z;
  if (!z) return int(0);
  let n = 0;
  for (const m of a.slice(2)) if (z.v.delete(m)) n++;
  if (z.v.size === 0) ctx.db.delete(a[1]);
  ctx.server.dirty(n);
  return int(n);
};

export const SET_COMMANDS: readonly RedisCommand[] = [
  { name: 'sadd', arity: -3, run: sadd, write: true },
  { name: 'srem', arity: -3, run: srem, write: true },
  { name: 'smembers', arity: 2, run: smembers },
  { name: 'sismember', arity: 3, run: sismember },
  { name: 'scard', arity: 2, run: scard },
  { name: 'sinter', arity: -2, run: combine('inter') },
  { name: 'sunion', arity: -2, run: combine('union') },
  { name: 'zadd', arity: -4, run: zadd, write: true },
  { name: 'zrange', arity: -4, run: zrange },
  { name: 'zscore', arity: 3, run: zscore },
  { name: 'zcard', arity: 2, run: zcard },
  { name: 'zrem', arity: -3, run: zrem, write: true },
];
