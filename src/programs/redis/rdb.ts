/**
 * dump.rdb. The magic (`REDIS` and the RDB version) is Redis's, so `head -c 9 dump.rdb` reads as it would;
 * the body is our own honest serialization (one JSON document), not Redis's binary encoding: a real
 * redis-check-rdb would not read it, and a real server's file would not load here.
 */
import type { Keyspace, RedisValue } from './keyspace.js';

interface Dumped {
  readonly 'redis-ver': string;
  readonly ctime: number;
  readonly 'used-mem': number;
  /** db index → [key, type, value, expireAt | null][] */
  readonly dbs: Record<string, [string, RedisValue['type'], unknown, number | null][]>;
}

export function dumpRdb(ks: Keyspace, version: string, rdbVersion: number, ctimeMs: number, usedMem: number): string {
  const dbs: Dumped['dbs'] = {};
  ks.dbs.forEach((d, i) => {
    const rows: Dumped['dbs'][string] = [];
    for (const k of d.keys()) {
      const v = d.data.get(k)!;
      const body = v.type === 'string' || v.type === 'list' ? v.v : v.type === 'set' ? [...v.v] : [...v.v];
      rows.push([k, v.type, body, d.expires.get(k) ?? null]);
    }
    if (rows.length) dbs[String(i)] = rows;
  });
  const doc: Dumped = { 'redis-ver': version, ctime: Math.floor(ctimeMs / 1000), 'used-mem': usedMem, dbs };
  return `REDIS${String(rdbVersion).padStart(4, '0')}${JSON.stringify(doc)}\n`;
}

export interface LoadResult {
  readonly version: string;
  readonly ctime: number;
  readonly usedMem: number;
  readonly loaded: number;
  readonly expired: number;
}

export class RdbError extends Error {}

/** Loads `text` into `ks` (which should be empty); keys already expired at `now` are skipped and counted. */
export function loadRdb(text: string, ks: Keyspace, now: number): LoadResult {
  const m = /^REDIS(\d{4})/.exec(text);
  if (!m) throw new RdbError('Wrong signature trying to load DB from file');
  let doc: Dumped;
  try {
    doc = JSON.parse(text.slice(9)) as Dumped;
  } catch {
    throw new RdbError('Short read or OOM loading DB. Unrecoverable error, aborting now.');
  }
  let loaded = 0, expired = 0;
  for (const [idx, rows] of Object.entries(doc.dbs)) {
    const db = ks.dbs[Number(idx)];
    if (!db) continue;
    for (const [key, type, body, at] of rows) {
      if (at !== null && at <= now) {
        expired++;
        continue;
      }
      db.data.set(key, revive(type, body));
      if (at !== null) db.expires.set(key, at);
      loaded++;
    }
  }
  return { version: doc['redis-ver'], ctime: doc.ctime, usedMem: doc['used-mem'], loaded, expired };
}

function revive(type: RedisValue['type'], body: unknown): RedisValue {
  switch (type) {
    case 'string':
      return { type, v: String(body) };
    case 'list':
      return { type, v: [...(body as string[])] };
    case 'set':
      return { type, v: new Set(body as string[]) };
    case 'hash':
      return { type, v: new Map(body as [string, string][]) };
    case 'zset':
      return { type, v: new Map(body as [string, number][]) };
  }
}
