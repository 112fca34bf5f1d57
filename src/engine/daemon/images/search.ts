/**
 * `docker search` offline: Docker Hub's answers for the images the simulator knows, and a few it does not, then
 * the repositories the learner pushed to the simulated Hub, as its search API lists a new public repository.
 */
import { invalidParameter } from '../../../pkg/errdefs.js';

export interface SearchResult {
  readonly star_count: number;
  readonly is_official: boolean;
  readonly name: string;
  readonly is_automated: boolean;
  readonly description: string;
}

const HUB: readonly SearchResult[] = [
  { name: 'ubuntu', description: 'Ubuntu is a Debian-based Linux operating system based on free software.', star_count: 17700, is_official: true, is_automated: false },
  { name: 'busybox', description: 'Busybox base image.', star_count: 3400, is_official: true, is_automated: false },
  { name: 'alpine', description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', star_count: 11400, is_official: true, is_automated: false },
  { name: 'hello-world', description: 'Hello World! (an example of minimal Dockerization)', star_count: 2400, is_official: true, is_automated: false },
  { name: 'nginx', description: 'Official build of Nginx.', star_count: 20900, is_official: true, is_automated: false },
  { name: 'redis', description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', star_count: 13100, is_official: true, is_automated: false },
  { name: 'ubuntu/nginx', description: 'Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.', star_count: 129, is_official: false, is_automated: false },
  { name: 'ubuntu/squid', description: 'Squid is a caching proxy for the Web. Long-term tracks maintained by Canonical.', star_count: 110, is_official: false, is_automated: false },
  { name: 'ubuntu/bind9', description: 'BIND 9 is a very flexible, full-featured DNS system. Long-term tracks maintained by Canonical.', star_count: 112, is_official: false, is_automated: false },
  { name: 'ubuntu/mysql', description: 'MySQL open source fast, stable, multi-thread database. Long-term tracks maintained by Canonical.', star_count: 67, is_official: false, is_automated: false },
  { name: 'radial/busyboxplus', description: 'Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.', star_count: 55, is_official: false, is_automated: false },
  { name: 'alpine/git', description: 'A  simple git container running in alpine linux, especially for tiny linux distro.', star_count: 250, is_official: false, is_automated: false },
];

/** Namespaces the Hub's answers show as taken by real accounts (with `library`, the official images'). */
export const TAKEN_NAMESPACES: ReadonlySet<string> = new Set(['library', ...HUB.filter((r) => r.name.includes('/')).map((r) => r.name.split('/')[0])]);

export interface SearchOptions {
  readonly limit?: number;
  readonly isOfficial?: boolean;
  readonly minStars?: number;
  /** `is-automated=true`: Docker Hub has no automated builds any more, so nothing matches. */
  readonly isAutomated?: boolean;
}

/** A repository pushed to the simulated Hub, as search lists it. */
export function pushedResult(name: string): SearchResult {
  return { star_count: 0, is_official: false, name, is_automated: false, description: '' };
}

/** `pushed`: the simulated Hub's repositories (hub.ts's hubPushedRepos), listed after the catalogue's. */
export function imageSearch(term: string, opts: SearchOptions = {}, pushed: readonly string[] = []): SearchResult[] {
  const limit = opts.limit ?? 25;
  if (limit < 1 || limit > 100) throw invalidParameter(`limit ${limit} is outside the range of [1, 100]`);
  if (opts.isAutomated) return [];
  const t = term.toLowerCase();
  const all = [...HUB, ...pushed.filter((p) => !HUB.some((r) => r.name === p)).map(pushedResult)];
  // Docker Hub answers `limit` results, then the daemon filters them (registry.Service.Search).
  return all.filter((r) => r.name.includes(t) || r.description.toLowerCase().includes(t))
    .slice(0, limit)
    .filter((r) => opts.isOfficial === undefined || r.is_official === opts.isOfficial)
    .filter((r) => r.star_count >= (opts.minStars ?? 0));
}

const ACCEPTED = new Set(['is-automated', 'is-official', 'stars']);

/** filters.Args's invalidFilter text: `invalid filter 'is-official=maybe'`. */
function invalidFilter(key: string, values?: readonly string[]): Error {
  return invalidParameter(`invalid filter '${key}${values ? `=${values.join(',')}` : ''}'`);
}

/** GetBoolOrDefault: 1/true or 0/false, not both, not neither. */
function boolFilter(filters: Readonly<Record<string, readonly string[]>>, key: string): boolean | undefined {
  const v = filters[key];
  if (v === undefined) return undefined;
  if (v.length === 0) throw invalidFilter(key);
  const isFalse = v.includes('0') || v.includes('false');
  const isTrue = v.includes('1') || v.includes('true');
  if (isFalse === isTrue) throw invalidFilter(key, v);
  return isTrue;
}

/** The search filters as moby's registry.Service.Search validates them, with its errors. */
export function searchOptions(limit: number, filters: Readonly<Record<string, readonly string[]>>): SearchOptions {
  for (const k of Object.keys(filters)) if (!ACCEPTED.has(k)) throw invalidFilter(k);
  const isAutomated = boolFilter(filters, 'is-automated') ?? false;
  const isOfficial = boolFilter(filters, 'is-official');
  let minStars: number | undefined;
  for (const s of filters.stars ?? []) {
    if (!/^[+-]?\d+$/.test(s)) throw invalidParameter(`invalid filter 'stars=${s}': strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
    minStars = Math.max(minStars ?? 0, Number(s));
  }
  return { limit: limit > 0 ? limit : undefined, isOfficial, minStars, isAutomated };
}
