/**
 * DNS clients: dig, nslookup and host (BIND 9.18, Ubuntu 24.04's bind9-dnsutils/bind9-host), busybox's
 * nslookup, and glibc's `getent hosts`. Each query travels the kernel's network to the nameserver
 * /etc/resolv.conf (or `@server`) names, which answers from the simulated Internet's zone: A and PTR records
 * only (the zone holds no AAAA, MX or TXT records, and these tools say so rather than print an empty answer).
 */
import type { DnsOutcome, DnsType, Program, Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { getaddrinfo, hostsLookup, nameservers } from '../lib/resolver.js';
import { formatDate } from './when.js';

export const BIND_VERSION = '9.18.30-0ubuntu0.24.04.2-Ubuntu';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function readText(sys: Sys, path: string): string {
  try {
    return utf8Decode(sys.fs.readFile(path));
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return '';
  }
}

function systemServers(sys: Sys): string[] {
  return nameservers(readText(sys, '/etc/resolv.conf')).slice(0, 3);
}

/** Where `text` ends on screen, tabs expanded to every 8th column. */
function column(text: string): number {
  let c = 0;
  for (const ch of text) c = ch === '\t' ? (Math.floor(c / 8) + 1) * 8 : c + 1;
  return c;
}

/** Pads with tabs to the tab stop at `col` (at least one tab), as BIND's master-file style does. */
function tabTo(text: string, col: number): string {
  let c = column(text);
  let out = text;
  do {
    out += '\t';
    c = (Math.floor(c / 8) + 1) * 8;
  } while (c < col);
  return out;
}

const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

function arpa(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** Wire size of a name: length-prefixed labels plus the root. */
function wireLen(name: string): number {
  const n = fqdn(name);
  return n === '.' ? 1 : n.length + 1;
}

interface Asked {
  readonly server: string;
  readonly outcome: DnsOutcome;
  /** Which try answered (errors printed for the ones before). */
  readonly failures: string[];
}

/**
 * Asks the servers in order, `tries` times each, waiting the answer's round trip or the timeout in virtual
 * time: how dig, nslookup and host go through their server list.
 */
async function ask(sys: Sys, servers: readonly string[], name: string, type: DnsType, tries: number, timeoutMs: number): Promise<Asked> {
  const failures: string[] = [];
  let last: DnsOutcome = { kind: 'timeout' };
  for (const server of servers) {
    for (let t = 0; t < tries; t++) {
      const r = sys.dnsQuery(server, name, type);
      last = r;
      if (r.kind === 'no-route') {
        failures.push(`;; UDP setup with ${server}#53(${server}) for ${name} failed: network unreachable.`);
        continue;
      }
      if (r.kind === 'timeout') {
        await sys.sleep(timeoutMs);
        failures.push(`;; communications error to ${server}#53: timed out`);
        continue;
      }
      await sys.sleep(r.rttMs);
      if (r.kind === 'refused') {
        failures.push(`;; communications error to ${server}#53: connection refused`);
        continue;
      }
      return { server, outcome: r, failures };
    }
  }
  return { server: servers[0] ?? '', outcome: last, failures };
}

// ---------------------------------------------------------------- dig

export const dig: Program = async (sys) => {
  let server: string | undefined;
  let name: string | undefined;
  let type: string | undefined;
  let short = false;
  let reverse = false;
  let tries = 3;
  let timeoutMs = 5000;
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (/^\+tries=\d+$/.test(a)) tries = Number(a.slice(7));
    else if (/^\+time(out)?=\d+$/.test(a)) timeoutMs = Number(a.split('=')[1]) * 1000;
    else if (a === '+noall' || a === '+answer' || a.startsWith('+') ) {
      await sys.write(2, `dig: option ${a} is not simulated in dockersim\n`);
      return 1;
    } else if (a === '-x') {
      reverse = true;
      name = args[++i];
    } else if (a === '-v') {
      await sys.write(2, `DiG ${BIND_VERSION}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      await sys.write(2, `dig: option ${a} is not simulated in dockersim\n`);
      return 1;
    } else if (name !== undefined && /^[A-Za-z]+$/.test(a) && type === undefined) type = a.toUpperCase();
    else if (name === undefined) name = a;
    else type = a.toUpperCase();
  }
  if (name === undefined) {
    await sys.write(2, 'dig: querying the root zone (NS .) is not simulated in dockersim\n');
    return 1;
  }
  if (reverse) {
    name = arpa(name);
    type = 'PTR';
  }
  const qtype = type ?? 'A';
  if (!['A', 'AAAA', 'PTR'].includes(qtype)) {
    await sys.write(2, `dig: record type ${qtype} is not simulated in dockersim (its zone holds A and PTR records)\n`);
    return 1;
  }
  const servers = server !== undefined ? [server] : systemServers(sys);
  const cmdline = sys.argv.slice(1).join(' ');
  const head = `\n; <<>> DiG ${BIND_VERSION} <<>> ${cmdline}\n${server !== undefined ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  if (servers.length === 0) servers.push('127.0.0.1');
  const q = fqdn(name);
  const res = qtype === 'AAAA'
    ? await ask(sys, servers, name, 'A', tries, timeoutMs)
    : await ask(sys, servers, name, qtype as DnsType, tries, timeoutMs);
  const out = res.outcome;
  let text = res.failures.map((f) => `${f}\n`).join('');
  if (out.kind !== 'answer' && out.kind !== 'nxdomain') {
    if (!short) text += `${head};; no servers could be reached\n`;
    await sys.write(1, text);
    return 9;
  }
  const answers = out.kind === 'answer' && qtype !== 'AAAA' ? out.names : [];
  if (short) {
    await sys.write(1, text + answers.map((a) => `${a}\n`).join(''));
    return 0;
  }
  const ttl = qtype === 'PTR' ? 86400 : 3600;
  const rdLen = qtype === 'PTR' ? (a: string): number => wireLen(a) : (): number => 4;
  const size = 12 + wireLen(q) + 4 + answers.reduce((n, a) => n + 12 + rdLen(a), 0) + 11;
  const status = out.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR';
  text += head;
  text += ';; Got answer:\n';
  text += `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${1 + Math.floor(sys.random() * 65535)}\n`;
  text += `;; flags: qr rd ra; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: 0, ADDITIONAL: 1\n\n`;
  text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${res.server === '127.0.0.53' ? 65494 : 1232}\n`;
  text += `;; QUESTION SECTION:\n${tabTo(`;${q}`, 32)}IN\t${qtype}\n\n`;
  if (answers.length > 0) {
    text += ';; ANSWER SECTION:\n';
    for (const a of answers) text += `${tabTo(`${tabTo(`${tabTo(q, 24)}${ttl}`, 32)}IN`, 40)}${qtype}\t${a}\n`;
    text += '\n';
  }
  text += `;; Query time: ${Math.max(0, Math.round(out.rttMs))} msec\n`;
  text += `;; SERVER: ${res.server}#53(${res.server}) (UDP)\n`;
  text += `;; WHEN: ${formatDate(sys.now())}\n`;
  text += `;; MSG SIZE  rcvd: ${size}\n\n`;
  await sys.write(1, text);
  return 0;
};

// ---------------------------------------------------------------- nslookup (BIND)

export const nslookup: Program = async (sys) => {
  const args = sys.argv.slice(1).filter((a) => !a.startsWith('-'));
  const bad = sys.argv.slice(1).find((a) => a.startsWith('-'));
  if (bad !== undefined) {
    await sys.write(2, `nslookup: option ${bad} is not simulated in dockersim\n`);
    return 1;
  }
  if (args.length === 0) {
    await sys.write(2, 'nslookup: interactive mode is not simulated in dockersim\n');
    return 1;
  }
  const [target, server] = args;
  const servers = server !== undefined ? [server] : systemServers(sys);
  const isIp = IPV4.test(target);
  const res = await ask(sys, servers, isIp ? arpa(target) : target, isIp ? 'PTR' : 'A', 3, 5000);
  const out = res.outcome;
  let text = res.failures.map((f) => `${f}\n`).join('');
  if (out.kind !== 'answer' && out.kind !== 'nxdomain') {
    const timedOut = out.kind === 'timeout';
    await sys.write(1, `${text};; ${timedOut ? 'connection timed out; ' : ''}no servers could be reached\n\n`);
    return 1;
  }
  text += `Server:\t\t${res.server}\nAddress:\t${res.server}#53\n\n`;
  if (out.kind === 'nxdomain') {
    await sys.write(1, `${text}** server can't find ${isIp ? arpa(target) : target}: NXDOMAIN\n\n`);
    return 1;
  }
  text += 'Non-authoritative answer:\n';
  if (isIp) text += out.names.map((n) => `${arpa(target)}\tname = ${n}\n`).join('');
  else text += out.names.map((a) => `Name:\t${target}\nAddress: ${a}\n`).join('');
  await sys.write(1, `${text}\n`);
  return 0;
};

// ---------------------------------------------------------------- host

export const host: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const bad = args.find((a) => a.startsWith('-'));
  if (bad !== undefined || args.length === 0) {
    await sys.write(2, bad ? `host: option ${bad} is not simulated in dockersim\n` : 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const [target, server] = args;
  const servers = server !== undefined ? [server] : systemServers(sys);
  const isIp = IPV4.test(target);
  const res = await ask(sys, servers, isIp ? arpa(target) : target, isIp ? 'PTR' : 'A', 2, 5000);
  const out = res.outcome;
  let text = server !== undefined && (out.kind === 'answer' || out.kind === 'nxdomain')
    ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  if (out.kind === 'nxdomain') {
    await sys.write(1, `${text}Host ${isIp ? arpa(target) : target} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  if (out.kind !== 'answer') {
    await sys.write(1, ';; connection timed out; no servers could be reached\n');
    return 1;
  }
  text += isIp ? out.names.map((n) => `${arpa(target)} domain name pointer ${n}\n`).join('') : out.names.map((a) => `${target} has address ${a}\n`).join('');
  await sys.write(1, text);
  return 0;
};

// ---------------------------------------------------------------- busybox nslookup

export const busyboxNslookup: Program = async (sys) => {
  const args = sys.argv.slice(1);
  if (args.length === 0 || args[0].startsWith('-')) {
    await sys.write(2, 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const [target, server] = args;
  const servers = server !== undefined ? [server] : systemServers(sys);
  const isIp = IPV4.test(target);
  const name = isIp ? arpa(target) : target;
  // busybox sends every query at once and waits 5 s for the answers; a server that never answers costs one wait.
  const first = await ask(sys, servers, name, isIp ? 'PTR' : 'A', 1, 5000);
  const out = first.outcome;
  if (out.kind !== 'answer' && out.kind !== 'nxdomain') {
    if (out.kind === 'refused' || out.kind === 'no-route') {
      await sys.write(2, `nslookup: write to '${first.server}': ${out.kind === 'refused' ? 'Connection refused' : 'Network unreachable'}\n`);
    }
    await sys.write(1, ';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let text = `Server:\t\t${first.server}\nAddress:\t${first.server}:53\n\n`;
  if (out.kind === 'nxdomain') {
    text += `** server can't find ${name}: NXDOMAIN\n\n`;
    if (!isIp) text += `** server can't find ${name}: NXDOMAIN\n\n`;
    await sys.write(1, text);
    return 1;
  }
  if (isIp) text += `Non-authoritative answer:\n${out.names.map((n) => `${name}\tname = ${n.replace(/\.$/, '')}\n`).join('')}\n`;
  else {
    text += `Non-authoritative answer:\n${out.names.map((a) => `Name:\t${target}\nAddress: ${a}\n`).join('')}\n`;
    text += `Non-authoritative answer:\n*** Can't find ${target}: No answer\n\n`;
  }
  await sys.write(1, text);
  return 0;
};

// ---------------------------------------------------------------- getent hosts

/** `getent hosts NAME…`: glibc's files-then-dns lookup, one line per address; exit 2 when a key is not found. */
export async function getentHosts(sys: Sys, keys: readonly string[]): Promise<number> {
  let status = 0;
  const hosts = readText(sys, '/etc/hosts');
  for (const key of keys) {
    if (IPV4.test(key)) {
      const line = hosts.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).find((f) => f[0] === key && f.length > 1);
      if (line) await sys.write(1, `${key.padEnd(15)} ${line.slice(1).join(' ')}\n`);
      else status = 2;
      continue;
    }
    const local = hostsLookup(hosts, key);
    if (local !== undefined) {
      const line = hosts.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).find((f) => f[0] === local && f.slice(1).includes(key));
      await sys.write(1, `${local.padEnd(15)} ${(line ?? [local, key]).slice(1).join(' ')}\n`);
      continue;
    }
    const r = await getaddrinfo(sys, key);
    if (!r.ok) {
      status = 2;
      continue;
    }
    for (const a of r.addresses) await sys.write(1, `${a.padEnd(15)} ${key}\n`);
  }
  return status;
}
