/**
 * ifconfig: net-tools 2.10 (Ubuntu 24.04) and busybox's applet, listing the namespace's interfaces. The
 * kernel keeps no per-interface packet counters (a connection is a socket pair, not packets), so RX/TX read
 * 0; configuring an interface is refused.
 */
import type { NetInterface } from '../../engine/kernel/net.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';

function maskOf(len: number): string {
  const m = len === 0 ? 0 : (~((1 << (32 - len)) - 1)) >>> 0;
  return `${m >>> 24}.${(m >>> 16) & 255}.${(m >>> 8) & 255}.${m & 255}`;
}

const isBridge = (i: NetInterface): boolean => /^(docker\d+|br-)/.test(i.name);

/** RUNNING: carrier. A bridge has it while a port is enslaved to it. */
function running(i: NetInterface, all: readonly NetInterface[]): boolean {
  if (!i.up) return false;
  return isBridge(i) ? all.some((o) => o.master === i.name && o.up) : true;
}

function scope6(addr: string): { id: string; name: string; bb: string } {
  if (addr === '::1') return { id: '0x10', name: 'host', bb: 'Host' };
  if (/^fe[89ab]/i.test(addr)) return { id: '0x20', name: 'link', bb: 'Link' };
  return { id: '0x0', name: 'global', bb: 'Global' };
}

function netTools(i: NetInterface, all: readonly NetInterface[]): string {
  let flags = 0;
  const names: string[] = [];
  if (i.up) (flags |= 1), names.push('UP');
  if (!i.loopback) (flags |= 2), names.push('BROADCAST');
  if (i.loopback) (flags |= 8), names.push('LOOPBACK');
  if (running(i, all)) (flags |= 64), names.push('RUNNING');
  if (!i.loopback) (flags |= 4096), names.push('MULTICAST');
  let text = `${i.name}: flags=${flags}<${names.join(',')}>  mtu ${i.mtu}\n`;
  for (const c of i.ipv4) {
    const [addr, len] = c.split('/');
    text += `        inet ${addr}  netmask ${maskOf(Number(len))}${i.ipv4Broadcast ? `  broadcast ${i.ipv4Broadcast}` : ''}\n`;
  }
  for (const c of i.ipv6) {
    const [addr, len] = c.split('/');
    const s = scope6(addr);
    text += `        inet6 ${addr}  prefixlen ${len}  scopeid ${s.id}<${s.name}>\n`;
  }
  const txq = i.loopback || !(isBridge(i) || i.peerIndex !== undefined) ? 1000 : 0;
  text += i.loopback ? `        loop  txqueuelen ${txq}  (Local Loopback)\n` : `        ether ${i.mac}  txqueuelen ${txq}  (Ethernet)\n`;
  text += '        RX packets 0  bytes 0 (0.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n';
  text += '        TX packets 0  bytes 0 (0.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n';
  return text;
}

function busybox(i: NetInterface, all: readonly NetInterface[]): string {
  const pad = i.name.padEnd(10);
  let text = i.loopback ? `${pad}Link encap:Local Loopback  \n` : `${pad}Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n`;
  for (const c of i.ipv4) {
    const [addr, len] = c.split('/');
    text += `          inet addr:${addr}${i.ipv4Broadcast ? `  Bcast:${i.ipv4Broadcast}` : ''}  Mask:${maskOf(Number(len))}\n`;
  }
  for (const c of i.ipv6) text += `          inet6 addr: ${c} Scope:${scope6(c.split('/')[0]).bb}\n`;
  const f: string[] = [];
  if (i.up) f.push('UP');
  if (!i.loopback) f.push('BROADCAST');
  if (i.loopback) f.push('LOOPBACK');
  if (running(i, all)) f.push('RUNNING');
  if (!i.loopback) f.push('MULTICAST');
  const txq = i.loopback || !(isBridge(i) || i.peerIndex !== undefined) ? 1000 : 0;
  text += `          ${f.join(' ')}  MTU:${i.mtu}  Metric:1\n`;
  text += '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n';
  text += `          collisions:0 txqueuelen:${txq} \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n`;
  return text;
}

function makeIfconfig(bb: boolean): Program {
  return async (sys: Sys) => {
    const args = sys.argv.slice(1);
    const all = sys.netInterfaces();
    let showAll = false;
    if (args[0] === '-a') {
      showAll = true;
      args.shift();
    }
    if (args.length > 1) {
      await sys.write(2, sys.euid === 0 ? 'ifconfig: configuring interfaces is not simulated in dockersim\n' : 'SIOCSIFFLAGS: Operation not permitted\n');
      return 1;
    }
    let list = [...all].sort((a, b) => a.name.localeCompare(b.name));
    if (args.length === 1) {
      list = all.filter((i) => i.name === args[0]);
      if (list.length === 0) {
        await sys.write(2, bb ? `ifconfig: ${args[0]}: error fetching interface information: Device not found\n` : `${args[0]}: error fetching interface information: Device not found\n`);
        return 1;
      }
    } else if (!showAll) list = list.filter((i) => i.up);
    await sys.write(1, list.map((i) => (bb ? busybox(i, all) : netTools(i, all))).join(''));
    return 0;
  };
}

export const ifconfig = makeIfconfig(false);
export const busyboxIfconfig = makeIfconfig(true);
