/**
 * Keyspace commands (db.c, expire.c). KEYS and SCAN walk keys in the order they were created: real Redis walks
 * its hash table, an order no learner can predict either.
 */
import { E, parseInt64, parseIntArg, type CommandContext, type RedisCommand } from '../context.js';
import { DB_COUNT, globMatch } from '../keyspace.js';
import { OK, array, bulk, bulks, error, int, status, type Reply } from '../resp.js';

const del = (ctx: CommandContext, a: string[]): Reply => {
  let n = 0;
  for (const k of a.slice(1)) if (ctx.db.delete(k)) n++;
  ctx.server.dirty(n);
  return int(n);
};

const exists = (ctx: CommandContext, a: string[]): Reply =>
  int(a.slice(1).filter((k) => ctx.db.has(k)).length);

function expireGeneric(name: string, toMs: (n: number, now: number) => number) {
  return (ctx: CommandContext, a: string[]): Reply => {
    const n = parseInt64(a[2]);
    if (n === null) return E.notInt;
    let nx = false, xx = false, gt = false, lt = false;
    for (const o of a.slice(3)) {
      const u = o.toUpperCase();
      if (u === 'NX') nx = true;
      else if (u === 'XX') xx = true;
      else if (u === 'GT') gt = true;
      else if (u === 'LT') lt = true;
      else return error(`ERR Unsupported option ${o}`);
    }
    if (nx && (xx || gt || lt)) return error('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (gt && lt) return error('ERR GT and LT options at the same time are not compatible');
    const at = toMs(Number(n), ctx.server.now());
    if (!Number.isSafeInteger(at)) return E.expire(name);
    if (!ctx.db.has(a[1])) return int(0);
    const cur = ctx.db.ttl(a[1]);
    if (nx && cur !== undefined) return int(0);
    if (xx && cur === undefined) return int(0);
    if (gt && (cur === undefined || at <= cur)) return int(0);
    if (lt && cur !== undefined && at >= cur) return int(0);
    ctx.db.setExpire(a[1], at);
    ctx.server.dirty(1);
    return int(1);
  };
}

function ttlGeneric(ms: boolean) {
  return (ctx: CommandContext, a: string[]): Reply => {
    if (!ctx.db.has(a[1])) return int(-2);
    const at = ctx.db.ttl(a[1]);
    if (at === undefined) return int(-1);
    const left = Math.max(0, at - ctx.server.now());
    return int(ms ? left : Math.floor((left + 500) / 1000));
  };
}

const persist = (ctx: CommandContext, a: string[]): Reply => {
  if (!ctx.db.has(a[1])) return int(0);
  const done = ctx.db.persist(a[1]);
  if (done) ctx.server.dirty(1);
  return int(done ? 1 : 0);
};

const type = (ctx: CommandContext, a: string[]): Reply => status(ctx.db.get(a[1])?.type ?? 'none');

const keys = (ctx: CommandContext, a: string[]): Reply => bulks(ctx.db.keys().filter((k) => globMatch(a[1], k)));

const scan = (ctx: CommandContext, a: string[]): Reply => {
  if (!/^\d+$/.test(a[1])) return E.invalidCursor;
  const cursor = Number(a[1]);
  let count = 10;
  let match: string | undefined;
  let typ: string | undefined;
  for (let i = 2; i < a.length; i++) {
    const o = a[i].toUpperCase();
    const v = a[i + 1];
    if (v === undefined) return E.syntax;
    if (o === 'COUNT') {
      const n = parseIntArg(v);
      if (n === null) return E.notInt;
      if (n < 1) return E.syntax;
      count = n;
    } else if (o === 'MATCH') match = v;
    else if (o === 'TYPE') typ = v;
    else return E.syntax;
    i++;
  }
  const all = ctx.db.keys();
  const page = all.slice(cursor, cursor + count);
  const next = cursor + count >= all.length ? 0 : cursor + count;
  const picked = page.filter((k) => (match === undefined || globMatch(match, k)) && (typ === undefined || ctx.db.get(k)?.type === typ.toLowerCase()));
  return array([bulk(String(next)), bulks(picked)]);
};

function rename(nx: boolean) {
  return (ctx: CommandContext, a: string[]): Reply => {
    const v = ctx.db.get(a[1]);
    if (!v) return E.noKey;
    if (a[1] === a[2]) return nx ? int(0) : OK;
    if (nx && ctx.db.has(a[2])) return int(0);
    const ttl = ctx.db.ttl(a[1]);
    ctx.db.delete(a[1]);
    ctx.db.set(a[2], v);
    if (ttl !== undefined) ctx.db.setExpire(a[2], ttl);
    ctx.server.dirty(1);
    return nx ? int(1) : OK;
  };
}

const dbsize = (ctx: CommandContext): Reply => int(ctx.db.size);

function flushArgs(a: string[]): Reply | undefined {
  if (a.length > 2) return E.syntax;
  if (a.length === 2 && !['ASYNC', 'SYNC'].includes(a[1].toUpperCase())) return E.syntax;
  return undefined;
}

const flushdb = (ctx: CommandContext, a: string[]): Reply => {
  const bad = flushArgs(a);
  if (bad) return bad;
  ctx.server.dirty(ctx.db.size);
  ctx.db.clear();
  return OK;
};

const flushall = async (ctx: CommandContext, a: string[]): Promise<Reply> => {
  const bad = flushArgs(a);
  if (bad) return bad;
  ctx.server.dirty(ctx.server.keyspace.keyCount());
  for (const d of ctx.server.keyspace.dbs) d.clear();
  // FLUSHALL with save points configured writes an empty snapshot at once, as Redis does.
  if ((ctx.server.config.get('save') ?? '') !== '') await ctx.server.save();
  return OK;
};

const select = (ctx: CommandContext, a: string[]): Reply => {
  const n = parseIntArg(a[1]);
  if (n === null) return E.notInt;
  if (n < 0 || n >= DB_COUNT) return E.dbRange;
  ctx.client.db = n;
  return OK;
};

const randomkey = (ctx: CommandContext): Reply => {
  const k = ctx.db.keys();
  return bulk(k.length ? k[0] : null);
};

export const KEY_COMMANDS: readonly RedisCommand[] = [
  { name: 'del', arity: -2, run: del, write: true },
  { name: 'unlink', arity: -2, run: del, write: true },
  { name: 'exists', arity: -2, run: exists },
  { name: 'expire', arity: -3, run: expireGeneric('expire', (n, now) => now + n * 1000), write: true },
  { name: 'pexpire', arity: -3, run: expireGeneric('pexpire', (n, now) => now + n), write: true },
  { name: 'expireat', arity: -3, run: expireGeneric('expireat', (n) => n * 1000), write: true },
  { name: 'pexpireat', arity: -3, run: expireGeneric('pexpireat', (n) => n), write: true },
  { name: 'ttl', arity: 2, run: ttlGeneric(false) },
  { name: 'pttl', arity: 2, run: ttlGeneric(true) },
  { name: 'persist', arity: 2, run: persist, write: true },
  { name: 'type', arity: 2, run: type },
  { name: 'keys', arity: 2, run: keys },
  { name: 'scan', arity: -2, run: scan },
  { name: 'rename', arity: 3, run: rename(false), write: true },
  { name: 'renamenx', arity: 3, run: rename(true), write: true },
  { name: 'dbsize', arity: 1, run: dbsize },
  { name: 'flushdb', arity: -1, run: flushdb, write: true },
  { name: 'flushall', arity: -1, run: flushall, write: true },
  { name: 'select', arity: 2, run: select },
  { name: 'randomkey', arity: 1, run: randomkey },
];
