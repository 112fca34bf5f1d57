/**
 * iproute2 6.1 `ip`: `addr`, `link` and `route` listings of the process's network namespace, in the exact
 * layout `ip` prints. The kernel's interface records carry addresses and flags; what they leave implicit
 * (interface kind, carrier, queue length) follows the conventions documented at each helper below.
 */
import type { NetInterface } from '../../engine/kernel/net.js';
import type { Sys } from '../../engine/kernel/sys.js';

type Family = 'all' | '4' | '6';

interface IpOptions {
  family: Family;
  brief: boolean;
  /** busybox's ip: the older iproute2 layout (no `group`, `mode`, `link-netnsid`; M-DOWN; no `proto kernel`). */
  busybox: boolean;
}

const isBridge = (i: NetInterface): boolean => /^(docker\d+|br-|virbr)/.test(i.name);
const isVeth = (i: NetInterface): boolean => i.peerIndex !== undefined;

/** A bridge has carrier while some port is enslaved to it; docker0 with no containers is NO-CARRIER. */
function hasCarrier(i: NetInterface, all: readonly NetInterface[]): boolean {
  if (!i.up) return false;
  if (isBridge(i)) return all.some((o) => o.master === i.name && o.up);
  return true;
}

function flags(i: NetInterface, all: readonly NetInterface[]): string {
  const carrier = hasCarrier(i, all);
  const f: string[] = [];
  if (i.up && !carrier) f.push('NO-CARRIER');
  if (i.loopback) f.push('LOOPBACK');
  else f.push('BROADCAST', 'MULTICAST');
  if (i.up) f.push('UP');
  if (carrier) f.push('LOWER_UP');
  return f.join(',');
}

function state(i: NetInterface, all: readonly NetInterface[]): string {
  if (i.loopback) return i.up ? 'UNKNOWN' : 'DOWN';
  return hasCarrier(i, all) ? 'UP' : 'DOWN';
}

/** txqueuelen: 1000 for loopback and NICs; veths and bridges have 0, which `ip` omits (after `group default `). */
function qlen(i: NetInterface): string {
  return isVeth(i) || isBridge(i) ? '' : 'qlen 1000';
}

function ifName(i: NetInterface): string {
  return i.peerIndex !== undefined ? `${i.name}@if${i.peerIndex}` : i.name;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function network(cidr: string): { addr: string; len: number; net: number; bcast: number } {
  const [addr, l] = cidr.split('/');
  const len = Number(l ?? 32);
  const size = 2 ** (32 - len);
  const net = Math.floor(ipToInt(addr) / size) * size;
  return { addr, len, net, bcast: net + size - 1 };
}

function scope4(addr: string): string {
  return addr.startsWith('127.') ? 'host' : 'global';
}

function scope6(addr: string): string {
  if (addr === '::1') return 'host';
  return /^fe[89ab]/i.test(addr) ? 'link' : 'global';
}

function header(i: NetInterface, all: readonly NetInterface[], link: boolean, family: Family, busybox = false): string {
  if (busybox) {
    // busybox flags a veth whose peer index is not in this namespace (the container side) as M-DOWN.
    const mdown = isVeth(i) && !all.some((o) => o.index === i.peerIndex) ? ',M-DOWN' : '';
    const master = i.master ? ` master ${i.master}` : '';
    return `${i.index}: ${ifName(i)}: <${flags(i, all)}${mdown}> mtu ${i.mtu} qdisc ${i.qdisc}${master} state ${state(i, all)} ${qlen(i)}`;
  }
  const head = `${i.index}: ${ifName(i)}: <${flags(i, all)}> mtu ${i.mtu}`;
  // With -6, `ip addr` prints the short header iproute2 builds from the address dump alone.
  if (family === '6') return `${head} state ${state(i, all)}${qlen(i) ? ` ${qlen(i)}` : ''}`;
  const master = i.master ? ` master ${i.master}` : '';
  return `${head} qdisc ${i.qdisc}${master} state ${state(i, all)}${link ? ' mode DEFAULT' : ''} group default ${qlen(i)}`;
}

function linkLine(i: NetInterface, busybox = false): string {
  const kind = i.loopback ? 'loopback' : 'ether';
  const brd = i.loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  return `    link/${kind} ${i.mac} brd ${brd}${isVeth(i) && !busybox ? ' link-netnsid 0' : ''}`;
}

function addrLines(i: NetInterface, family: Family): string[] {
  const out: string[] = [];
  if (family !== '6') {
    for (const cidr of i.ipv4) {
      const n = network(cidr);
      const brd = i.ipv4Broadcast ?? (i.loopback || n.len >= 31 ? undefined : intToIp(n.bcast));
      out.push(`    inet ${cidr}${brd ? ` brd ${brd}` : ''} scope ${scope4(n.addr)} ${i.name}`);
      out.push('       valid_lft forever preferred_lft forever');
    }
  }
  if (family !== '4') {
    for (const cidr of i.ipv6) {
      out.push(`    inet6 ${cidr} scope ${scope6(cidr.split('/')[0])} `);
      out.push('       valid_lft forever preferred_lft forever');
    }
  }
  return out;
}

function showAddr(all: readonly NetInterface[], list: readonly NetInterface[], o: IpOptions): string[] {
  const out: string[] = [];
  for (const i of list) {
    if (o.brief) {
      const addrs = [...(o.family === '6' ? [] : i.ipv4), ...(o.family === '4' ? [] : i.ipv6)];
      if (o.family !== 'all' && addrs.length === 0) continue;
      out.push(`${ifName(i).padEnd(16)} ${state(i, all).padEnd(14)} ${addrs.map((a) => `${a} `).join('')}`);
      continue;
    }
    const lines = addrLines(i, o.family);
    if (o.family !== 'all' && lines.length === 0) continue;
    out.push(header(i, all, false, o.family, o.busybox));
    if (o.family === 'all') out.push(linkLine(i, o.busybox));
    out.push(...lines);
  }
  return out;
}

function showLink(all: readonly NetInterface[], list: readonly NetInterface[], o: IpOptions): string[] {
  if (o.brief) {
    return list.map((i) => `${ifName(i).padEnd(16)} ${state(i, all).padEnd(14)} ${i.mac} <${flags(i, all)}> `);
  }
  return list.flatMap((i) => [header(i, all, true, 'all', o.busybox), linkLine(i, o.busybox)]);
}

/**
 * The main routing table the kernel derives from the addresses: a `proto kernel` route per subnet, and a
 * default route via the interface's `gateway` when the namespace's record names one.
 */
function routes(all: readonly NetInterface[], busybox: boolean): string[] {
  const out: { key: number; line: string }[] = [];
  for (const i of all) {
    const gw = (i as NetInterface & { gateway?: string }).gateway;
    if (gw && i.up) out.push({ key: -1, line: `default via ${gw} dev ${i.name} ` });
  }
  for (const i of all) {
    if (i.loopback || !i.up) continue;
    for (const cidr of i.ipv4) {
      const n = network(cidr);
      const down = hasCarrier(i, all) ? '' : 'linkdown ';
      const line = busybox
        ? `${intToIp(n.net)}/${n.len} dev ${i.name} scope link  src ${n.addr} ${down}`
        : `${intToIp(n.net)}/${n.len} dev ${i.name} proto kernel scope link src ${n.addr} ${down}`;
      out.push({ key: n.net, line });
    }
  }
  return out.sort((a, b) => a.key - b.key).map((r) => r.line);
}

/** Linux's base_reachable_time: an entry confirmed less than 30 s ago is REACHABLE, then STALE. */
const REACHABLE_MS = 30_000;

/** `ip neigh`: the namespace's ARP cache, newest first as the kernel's dump walks it. */
function neighbours(sys: Sys): string[] {
  const now = sys.uptime();
  return [...sys.netNeighbours()].reverse().map((n) =>
    n.mac === undefined
      ? `${n.ip} dev ${n.dev} FAILED `
      : `${n.ip} dev ${n.dev} lladdr ${n.mac} ${now - n.at < REACHABLE_MS ? 'REACHABLE' : 'STALE'} `);
}

const OBJECTS: Record<string, string> = {
  a: 'addr', ad: 'addr', add: 'addr', addr: 'addr', addre: 'addr', addres: 'addr', address: 'addr',
  l: 'link', li: 'link', lin: 'link', link: 'link',
  r: 'route', ro: 'route', rou: 'route', rout: 'route', route: 'route',
  n: 'neigh', ne: 'neigh', nei: 'neigh', neigh: 'neigh', neighbor: 'neigh', neighbour: 'neigh',
};

const BB_USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del NAME [mode ipip|gre|sit]
\t[remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;

export const ip = makeIp(false);

/** `ip` as iproute2 prints it, or (busybox) as busybox's applet does. */
export function makeIp(busybox: boolean): (sys: Sys) => Promise<number> {
  return (sys) => runIp(sys, busybox);
}

async function runIp(sys: Sys, busybox: boolean): Promise<number> {
  const args = sys.argv.slice(1);
  const o: IpOptions = { family: 'all', brief: false, busybox };
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-4') o.family = '4';
    else if (a === '-6') o.family = '6';
    else if (a === '-br' || a === '-brief') o.brief = true;
    else if (a === '-V' || a === '-Version') return (await sys.write(1, 'ip utility, iproute2-6.1.0, libbpf 1.3.0\n'), 0);
    else if (a === '-c' || a === '-color' || a.startsWith('-color=')) continue;
    else {
      await sys.write(2, `Option "${a}" is unknown, try "ip -help".\n`);
      return 255;
    }
  }
  const objArg = args.shift();
  if (objArg === undefined) {
    await sys.write(2, 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n');
    return 255;
  }
  const obj = OBJECTS[objArg];
  if (!obj) {
    await sys.write(2, o.busybox ? `${BB_USAGE}` : `Object "${objArg}" is unknown, try "ip help".\n`);
    return 1;
  }
  const all = sys.netInterfaces();
  const cmd = args.shift() ?? 'show';
  const isShow = ['show', 'sh', 's', 'list', 'ls', 'l', 'lst'].includes(cmd);
  if (isShow && obj === 'neigh' && args.length === 0) {
    const lines = neighbours(sys);
    if (lines.length > 0) await sys.write(1, `${lines.join('\n')}\n`);
    return 0;
  }
  if (!isShow || obj === 'neigh') {
    if (sys.euid !== 0 && ['add', 'del', 'delete', 'set', 'change', 'replace', 'flush'].includes(cmd)) {
      await sys.write(2, 'RTNETLINK answers: Operation not permitted\n');
      return 2;
    }
    await sys.write(2, `ip: '${obj} ${cmd}' is not simulated in dockersim\n`);
    return 2;
  }
  if (obj === 'route') {
    const lines = routes(all, o.busybox);
    if (lines.length > 0) await sys.write(1, `${lines.join('\n')}\n`);
    return 0;
  }
  if (args[0] === 'dev') args.shift();
  let list = all;
  if (args[0] !== undefined) {
    const dev = args[0];
    list = all.filter((i) => i.name === dev);
    if (list.length === 0) {
      await sys.write(2, o.busybox ? `ip: can't find device '${dev}'\n` : `Device "${dev}" does not exist.\n`);
      return 1;
    }
  }
  const lines = obj === 'addr' ? showAddr(all, list, o) : showLink(all, list, o);
  if (lines.length > 0) await sys.write(1, `${lines.join('\n')}\n`);
  return 0;
}
