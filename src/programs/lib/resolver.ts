/**
 * getaddrinfo(3) as glibc's files-then-dns order does it: a numeric address is itself, then /etc/hosts,
 * then the nameservers of /etc/resolv.conf. Programs that reach hosts by name (curl, apt, ping, wget) go
 * through this one function, so a container without a network, a typo in a host name and a hosts entry
 * behave alike everywhere.
 *
 * The nameservers answer from the simulated Internet's zone (`INTERNET_HOSTS`); a nameserver the process's
 * network namespace has no route to makes the lookup fail the way glibc reports an unreachable server
 * (EAI_AGAIN, "Temporary failure in name resolution").
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

/** Public names the simulated Internet answers for, with the addresses their real zones gave. */
export const INTERNET_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'archive.ubuntu.com': ['91.189.91.82', '185.125.190.83', '91.189.91.83'],
  'security.ubuntu.com': ['91.189.91.83', '185.125.190.82', '91.189.91.82'],
  'ports.ubuntu.com': ['185.125.190.39'],
  'dl-cdn.alpinelinux.org': ['151.101.2.132'],
  'deb.debian.org': ['151.101.2.132'],
  'registry-1.docker.io': ['54.236.113.205'],
  'example.com': ['93.184.215.14'],
  'www.example.com': ['93.184.215.14'],
  'www.google.com': ['142.250.74.36'],
  'google.com': ['142.250.74.46'],
  'github.com': ['140.82.121.4'],
};

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

/** True when the namespace can send to `ip`: a local address, or an up interface with a route there. */
function reachable(sys: Sys, ip: string): boolean {
  if (ip.startsWith('127.')) return true;
  return sys.netInterfaces().some((i) => i.up && !i.loopback && (i.gateway !== undefined || i.ipv4.length > 0));
}

export async function getaddrinfo(sys: Sys, name: string): Promise<ResolveResult> {
  if (IPV4.test(name)) return { ok: true, addresses: [name] };
  const hosts = readText(sys, '/etc/hosts');
  const fromHosts = hosts === null ? undefined : hostsLookup(hosts, name);
  if (fromHosts) return { ok: true, addresses: [fromHosts] };
  const servers = nameservers(readText(sys, '/etc/resolv.conf') ?? '');
  if (!servers.some((s) => reachable(sys, s))) return { ok: false, error: 'EAI_AGAIN' };
  const found = INTERNET_HOSTS[name.toLowerCase().replace(/\.$/, '')];
  return found ? { ok: true, addresses: found } : { ok: false, error: 'EAI_NONAME' };
}
