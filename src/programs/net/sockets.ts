/**
 * Socket and route listings: iproute2 6.1's `ss` and net-tools 2.10's `netstat` (-t -l -n -p -a, -r), and
 * busybox's netstat. They read the namespace's TCP table from the kernel (`Sys.netSockets`); owners are
 * shown for the caller's own processes, and for all of them to root, as /proc's permissions allow.
 */
import type { NetInterface } from '../../engine/kernel/net.js';
import type { NetSocketInfo, Program, Sys } from '../../engine/kernel/sys.js';

interface ListOptions {
  tcp: boolean;
  listening: boolean;
  all: boolean;
  numeric: boolean;
  processes: boolean;
  routes: boolean;
  /** -4: IPv4 sockets only. */
  v4: boolean;
}

function parseFlags(argv: readonly string[], allowed: string): ListOptions | string {
  const o: ListOptions = { tcp: false, listening: false, all: false, numeric: false, processes: false, routes: false, v4: false };
  for (const a of argv.slice(1)) {
    if (a === '--tcp') o.tcp = true;
    else if (a === '--listening') o.listening = true;
    else if (a === '--all') o.all = true;
    else if (a === '--numeric') o.numeric = true;
    else if (a === '--processes' || a === '--program') o.processes = true;
    else if (/^-[a-zA-Z4]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (!allowed.includes(c)) return c;
        if (c === 't') o.tcp = true;
        else if (c === 'l') o.listening = true;
        else if (c === 'a') o.all = true;
        else if (c === 'n') o.numeric = true;
        else if (c === 'p') o.processes = true;
        else if (c === 'r') o.routes = true;
        else if (c === '4') o.v4 = true;
      }
    } else return a;
  }
  return o;
}

/** Well-known ports as ss and netstat name them without -n (from /etc/services' usual entries). */
const SERVICES: Record<number, string> = { 22: 'ssh', 80: 'http', 443: 'https', 53: 'domain', 6379: 'redis', 8080: 'http-alt', 2375: '2375', 3306: 'mysql', 5432: 'postgresql' };

function portName(port: number, numeric: boolean): string {
  if (port === 0) return '*';
  return numeric ? String(port) : (SERVICES[port] ?? String(port));
}

function visibleUsers(sys: Sys, s: NetSocketInfo): NetSocketInfo['users'] {
  return sys.euid === 0 ? s.users : s.users.filter((u) => u.uid === sys.cred.uid);
}

const isV6 = (s: NetSocketInfo): boolean => s.local.address.includes(':');

/** ss and netstat read /proc/net/tcp, then /proc/net/tcp6: IPv4 sockets first. */
function select(sys: Sys, o: ListOptions): NetSocketInfo[] {
  const all = sys.netSockets().filter((s) => !(o.v4 && isV6(s)));
  const picked = all.filter((s) => (o.all ? true : o.listening ? s.state === 'LISTEN' : s.state !== 'LISTEN'));
  const rank = (s: NetSocketInfo): number => (isV6(s) ? 2 : 0) + (s.state === 'LISTEN' ? 0 : 1);
  return picked.sort((a, b) => rank(a) - rank(b));
}

export const ss: Program = async (sys) => {
  const o = parseFlags(sys.argv, 'tlanpu4');
  if (typeof o === 'string') {
    await sys.write(2, `ss: option ${o.length === 1 ? `-${o}` : o} is not simulated in dockersim\n`);
    return 1;
  }
  const rows = select(sys, o).map((s) => ({
    state: s.state,
    recvQ: String(s.recvQ),
    sendQ: String(s.state === 'LISTEN' ? s.sendQ : s.sendQ),
    la: isV6(s) ? `[${s.local.address}]` : s.local.address,
    lp: portName(s.local.port, o.numeric),
    pa: s.state === 'LISTEN' ? (isV6(s) ? '[::]' : '0.0.0.0') : isV6(s) ? `[${s.peer.address}]` : s.peer.address,
    pp: s.state === 'LISTEN' ? '*' : portName(s.peer.port, o.numeric),
    proc: o.processes && visibleUsers(sys, s).length > 0
      ? `users:(${visibleUsers(sys, s).map((u) => `("${u.comm}",pid=${u.pid},fd=${u.fd})`).join(',')})`
      : '',
  }));
  const w = (min: number, vals: string[]): number => Math.max(min, ...vals.map((v) => v.length));
  const stateW = w(5, rows.map((r) => r.state)) + 1;
  const rqW = w(6, rows.map((r) => r.recvQ)) + 1;
  const sqW = w(6, rows.map((r) => r.sendQ)) + 1;
  const laW = w(13, rows.map((r) => r.la));
  const lpW = w(4, rows.map((r) => r.lp)) + 1;
  const paW = w(12, rows.map((r) => r.pa));
  const ppW = w(4, rows.map((r) => r.pp));
  let text = `${'State'.padEnd(stateW)}${'Recv-Q'.padEnd(rqW)}${'Send-Q'.padEnd(sqW)}${'Local Address'.padStart(laW)}:${'Port'.padEnd(lpW)}${'Peer Address'.padStart(paW)}:${'Port'.padEnd(ppW)}Process\n`;
  for (const r of rows) {
    text += `${r.state.padEnd(stateW)}${r.recvQ.padEnd(rqW)}${r.sendQ.padEnd(sqW)}${r.la.padStart(laW)}:${r.lp.padEnd(lpW)}${r.pa.padStart(paW)}:${r.pp.padEnd(ppW)} ${r.proc}\n`;
  }
  await sys.write(1, text);
  return 0;
};

function maskOf(len: number): string {
  const m = len === 0 ? 0 : (~((1 << (32 - len)) - 1)) >>> 0;
  return `${m >>> 24}.${(m >>> 16) & 255}.${(m >>> 8) & 255}.${m & 255}`;
}

function netOf(cidr: string): { net: string; len: number } {
  const [addr, l] = cidr.split('/');
  const len = Number(l ?? 32);
  const p = addr.split('.').map(Number);
  const ip = ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  const m = len === 0 ? 0 : (~((1 << (32 - len)) - 1)) >>> 0;
  const n = (ip & m) >>> 0;
  return { net: `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`, len };
}

/** The main table as route(8)/netstat -r list it: the default route first, then the connected subnets. */
export function routeTable(ifaces: readonly NetInterface[]): { dest: string; gw: string; mask: string; flags: string; iface: string }[] {
  const out: { dest: string; gw: string; mask: string; flags: string; iface: string }[] = [];
  for (const i of ifaces) if (i.up && i.gateway) out.push({ dest: '0.0.0.0', gw: i.gateway, mask: '0.0.0.0', flags: 'UG', iface: i.name });
  for (const i of ifaces) {
    if (!i.up || i.loopback) continue;
    for (const c of i.ipv4) {
      const n = netOf(c);
      out.push({ dest: n.net, gw: '0.0.0.0', mask: maskOf(n.len), flags: 'U', iface: i.name });
    }
  }
  return out;
}

/** `netstat -r` (busybox's too): the kernel's IPv4 routes as net-tools lays them out. */
function routingTable(sys: Sys): string {
  let text = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  for (const r of routeTable(sys.netInterfaces())) {
    text += `${r.dest.padEnd(15)} ${r.gw.padEnd(15)} ${r.mask.padEnd(15)} ${r.flags.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${r.iface}\n`;
  }
  return text;
}

export const netstat: Program = async (sys) => {
  const o = parseFlags(sys.argv, 'tlanpr4');
  if (typeof o === 'string') {
    await sys.write(2, `netstat: option ${o.length === 1 ? `-${o}` : o} is not simulated in dockersim\n`);
    return 1;
  }
  if (o.routes) {
    await sys.write(1, routingTable(sys));
    return 0;
  }
  const rows = select(sys, o);
  let text = '';
  if (o.processes && sys.euid !== 0) {
    text += '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n';
  }
  text += `Active Internet connections (${o.all ? 'servers and established' : o.listening ? 'only servers' : 'w/o servers'})\n`;
  text += `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.processes ? ' PID/Program name    ' : ''}\n`;
  const addr = (a: { address: string; port: number }): string => `${a.address}:${portName(a.port, o.numeric)}`;
  for (const s of rows) {
    const state = s.state === 'ESTAB' ? 'ESTABLISHED' : 'LISTEN';
    const foreign = s.state === 'LISTEN' ? (isV6(s) ? ':::*' : '0.0.0.0:*') : addr(s.peer);
    let line = `${isV6(s) ? 'tcp6' : 'tcp '}  ${String(s.recvQ).padStart(6)} ${String(s.state === 'LISTEN' ? 0 : s.sendQ).padStart(6)} ${addr(s.local).padEnd(23)} ${foreign.padEnd(23)} ${state.padEnd(11)}`;
    if (o.processes) {
      const u = visibleUsers(sys, s)[0];
      line += ` ${(u ? `${u.pid}/${u.comm}` : '-').padEnd(20)}`;
    }
    text += `${line}\n`;
  }
  await sys.write(1, text);
  return 0;
};

/** busybox netstat: the same table with busybox's header spacing. */
export const busyboxNetstat: Program = async (sys) => {
  const o = parseFlags(sys.argv, 'tlanpr');
  if (typeof o === 'string') {
    await sys.write(2, `netstat: option ${o.length === 1 ? `-${o}` : o} is not simulated in dockersim\n`);
    return 1;
  }
  if (o.routes) {
    await sys.write(1, routingTable(sys));
    return 0;
  }
  let text = `Active Internet connections (${o.all ? 'servers and established' : o.listening ? 'only servers' : 'w/o servers'})\n`;
  text += `Proto Recv-Q Send-Q Local Address           Foreign Address         State       ${o.processes ? 'PID/Program name' : ''}\n`;
  for (const s of select(sys, o)) {
    const local = `${s.local.address}:${portName(s.local.port, o.numeric)}`;
    const foreign = s.state === 'LISTEN' ? (isV6(s) ? ':::*' : '0.0.0.0:*') : `${s.peer.address}:${portName(s.peer.port, o.numeric)}`;
    const u = o.processes ? visibleUsers(sys, s)[0] : undefined;
    text += `${isV6(s) ? 'tcp6' : 'tcp '}  ${String(s.recvQ).padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${foreign.padEnd(23)} ${(s.state === 'ESTAB' ? 'ESTABLISHED' : 'LISTEN').padEnd(11)} ${o.processes ? (u ? `${u.pid}/${u.comm}` : '-') : ''}\n`;
  }
  await sys.write(1, text);
  return 0;
};
