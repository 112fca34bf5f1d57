/**
 * getaddrinfo(3) as glibc's files-then-dns order does it: a numeric address is itself, then /etc/hosts,
 * then the nameservers of /etc/resolv.conf. Programs that reach hosts by name (curl, apt, ping, wget) go
 * through this one function, so a container without a network, a typo in a host name and a hosts entry
 * behave alike everywhere.
 *
 * The queries travel the kernel's network (`Sys.dnsQuery`): a nameserver answers from the simulated
 * Internet's zone (engine/kernel/internet.ts) if the namespace can reach it; none reachable is glibc's
 * EAI_AGAIN ("Temporary failure in name resolution"), a name the zone lacks EAI_NONAME.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';

export type ResolveError = 'EAI_AGAIN' | 'EAI_NONAME';

export type ResolveResult =
  | { readonly ok: true; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly error: ResolveError };

/** gai_strerror(3) */
export const GAI_MESSAGES: Readonly<Record<ResolveError, string>> = {
  EAI_AGAIN: 'Temporary failure in name resolution',
  EAI_NONAME: 'Name or service not known',
};

/** glibc's resolver: RES_TIMEOUT 5 s, RES_DFLRETRY 2 tries per server. */
const RES_TIMEOUT_MS = 5000;
const RES_ATTEMPTS = 2;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function readText(sys: Sys, path: string): string | null {
  try {
    return utf8Decode(sys.fs.readFile(path));
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return null;
  }
}

/** The address /etc/hosts gives `name`, if it lists it. */
export function hostsLookup(hostsFile: string, name: string): string | undefined {
  for (const raw of hostsFile.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length >= 2 && fields.slice(1).some((n) => n.toLowerCase() === name.toLowerCase())) return fields[0];
  }
  return undefined;
}

export function nameservers(resolvConf: string): string[] {
  return resolvConf.split('\n').flatMap((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1] ?? []);
}

/**
 * Asks the nameservers of /etc/resolv.conf in order, `attempts` rounds: an answer or NXDOMAIN ends it; a server
 * with no route fails at once (sendto: Network is unreachable), one that never answers costs RES_TIMEOUT_MS a
 * try. `undefined`: no server answered.
 */
async function query(sys: Sys, name: string, type: 'A' | 'PTR', attempts: number): Promise<readonly string[] | 'nxdomain' | undefined> {
  const servers = nameservers(readText(sys, '/etc/resolv.conf') ?? '').slice(0, 3);
  for (let attempt = 0; attempt < attempts; attempt++) {
    for (const server of servers) {
      const r = sys.dnsQuery(server, name, type);
      if (r.kind === 'no-route') continue;
      if (r.kind === 'timeout') {
        await sys.sleep(RES_TIMEOUT_MS);
        continue;
      }
      await sys.sleep(r.rttMs);
      if (r.kind === 'answer') return r.names;
      if (r.kind === 'nxdomain') return 'nxdomain';
      // Refused (nothing on :53): the next server, or for a reverse lookup none at all.
      if (type === 'PTR') return undefined;
    }
  }
  return undefined;
}

export async function getaddrinfo(sys: Sys, name: string): Promise<ResolveResult> {
  if (IPV4.test(name)) return { ok: true, addresses: [name] };
  const hosts = readText(sys, '/etc/hosts');
  const fromHosts = hosts === null ? undefined : hostsLookup(hosts, name);
  if (fromHosts) return { ok: true, addresses: [fromHosts] };
  const r = await query(sys, name.replace(/\.$/, ''), 'A', RES_ATTEMPTS);
  if (r === undefined) return { ok: false, error: 'EAI_AGAIN' };
  return r === 'nxdomain' ? { ok: false, error: 'EAI_NONAME' } : { ok: true, addresses: r };
}

/** The name /etc/hosts gives `ip`, if it lists it. */
export function hostsReverse(hostsFile: string, ip: string): string | undefined {
  for (const raw of hostsFile.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length >= 2 && fields[0] === ip) return fields[1];
  }
  return undefined;
}

/** getnameinfo(3) with NI_NAMEREQD: /etc/hosts, then a PTR query; undefined when neither names `ip`. */
export async function getnameinfo(sys: Sys, ip: string): Promise<string | undefined> {
  const hosts = readText(sys, '/etc/hosts');
  const local = hosts === null ? undefined : hostsReverse(hosts, ip);
  if (local) return local;
  const r = await query(sys, `${ip.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR', 1);
  return Array.isArray(r) ? r[0].replace(/\.$/, '') : undefined;
}
