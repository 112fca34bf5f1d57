/**
 * apt's acquire step over the simulated network: each host is a queue served in order, hosts run side by
 * side, and an item prints `Get:N` when its transfer starts. Names are resolved with getaddrinfo, so a
 * container without a network fails the way apt does (`Temporary failure resolving 'archive.ubuntu.com'`).
 * Transfers take virtual time: a round trip per item plus the bytes at the mirror's bandwidth.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { getaddrinfo } from '../lib/resolver.js';
import { sizeToStr, timeToStr } from './format.js';

/** A mirror serving a container over a home connection: ~8 MB/s, 40 ms a request. */
export const BANDWIDTH_BYTES_PER_MS = 8000;
export const REQUEST_MS = 40;
/** apt's Acquire::Retries (3) with its backoff between attempts. */
const RETRY_DELAYS_MS = [1000, 2000, 4000];

export interface FetchItem {
  readonly host: string;
  /** What Get:/Hit:/Err: lines print after the number. */
  readonly description: string;
  /** The URI `Failed to fetch` names. */
  readonly uri: string;
  readonly size: number;
  /** Already current (an index whose InRelease did not change): prints Hit, costs one round trip. */
  readonly hit?: boolean;
  /** Only asked for once an earlier item (its InRelease) arrived: never tried when the host cannot be reached. */
  readonly dependent?: boolean;
}

/** The error of an item never tried because what it depends on failed (no line of its own). */
export const SKIPPED = '';

export interface FetchResult {
  readonly ok: boolean;
  /** Per item, in input order: fetched (or hit) or the error text. */
  readonly errors: readonly (string | null)[];
  readonly fetchedBytes: number;
  readonly elapsedSec: number;
}

/** `Fetched 2057 kB in 1s (1480 kB/s)` (AcqTextStatus::Stop), or nothing when nothing was fetched. */
export function fetchedLine(r: FetchResult): string {
  if (r.fetchedBytes === 0) return '';
  const cps = r.elapsedSec < 0.01 ? 0 : r.fetchedBytes / r.elapsedSec;
  return `Fetched ${sizeToStr(r.fetchedBytes)}B in ${timeToStr(Math.round(r.elapsedSec))} (${sizeToStr(cps)}B/s)\n`;
}

export async function acquire(sys: Sys, items: readonly FetchItem[], write: (s: string) => Promise<void>, quiet: number): Promise<FetchResult> {
  const start = sys.uptime();
  const hosts = [...new Set(items.map((i) => i.host))];
  const failure = new Map<string, string>();
  for (const h of hosts) {
    const r = await getaddrinfo(sys, h);
    if (!r.ok) failure.set(h, r.error === 'EAI_AGAIN' ? `Temporary failure resolving '${h}'` : `Could not resolve '${h}'`);
  }
  // apt numbers an item when it is first reported, so the numbers run in the order lines appear.
  const ids: number[] = items.map(() => 0);
  let nextId = 1;
  // A timeline of what each host does; lines print in time order (ties: item order).
  const events: { at: number; seq: number; item: number; line: (id: number) => string }[] = [];
  const errors: (string | null)[] = items.map(() => null);
  let fetched = 0;
  let seq = 0;
  for (const h of hosts) {
    let t = 0;
    const mine = items.map((it, i) => ({ it, i })).filter(({ it }) => it.host === h);
    const fail = failure.get(h);
    if (fail) {
      // Each host's queue reports its items a moment apart, so two unreachable hosts' lines interleave.
      const tried = mine.filter(({ it }) => !it.dependent);
      for (const delay of RETRY_DELAYS_MS) {
        tried.forEach(({ it, i }, k) => events.push({ at: t + k, seq: seq++, item: i, line: (id) => `Ign:${id} ${it.description}\n` }));
        t += delay;
      }
      tried.forEach(({ it, i }, k) => events.push({ at: t + k, seq: seq++, item: i, line: (id) => `Err:${id} ${it.description}\n  ${fail}\n` }));
      for (const { it, i } of mine) errors[i] = it.dependent ? SKIPPED : fail;
      continue;
    }
    for (const { it, i } of mine) {
      if (it.hit) {
        events.push({ at: t, seq: seq++, item: i, line: (id) => `Hit:${id} ${it.description}\n` });
        t += REQUEST_MS;
        continue;
      }
      events.push({ at: t, seq: seq++, item: i, line: (id) => `Get:${id} ${it.description}${it.size ? ` [${sizeToStr(it.size)}B]` : ''}\n` });
      t += REQUEST_MS + Math.ceil(it.size / BANDWIDTH_BYTES_PER_MS);
      fetched += it.size;
    }
    events.push({ at: t, seq: seq++, item: -1, line: () => '' });
  }
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  let now = 0;
  for (const e of events) {
    if (e.at > now) {
      await sys.sleep(e.at - now);
      now = e.at;
    }
    if (e.item < 0) continue;
    if (ids[e.item] === 0) ids[e.item] = nextId++;
    if (quiet < 2) await write(e.line(ids[e.item]));
  }
  return { ok: errors.every((e) => e === null), errors, fetchedBytes: fetched, elapsedSec: (sys.uptime() - start) / 1000 };
}
