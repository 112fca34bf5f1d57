/**
 * traceroute 2.1.5 (Ubuntu 24.04's `traceroute` package): probes with growing TTLs, three per hop, each
 * asking the kernel who answers (a router's time-exceeded, the destination, nothing) and after how long.
 * Hops that never answer cost the 5 s wait each, as the real one spends it.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { GAI_MESSAGES, getaddrinfo, getnameinfo, nameservers } from '../lib/resolver.js';

function usesResolvedStub(sys: Sys): boolean {
  try {
    return nameservers(utf8Decode(sys.fs.readFile('/etc/resolv.conf'))).includes('127.0.0.53');
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return false;
  }
}

export const traceroute: Program = async (sys) => {
  let numeric = false;
  let maxHops = 30;
  let queries = 3;
  let waitMs = 5000;
  let target: string | undefined;
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') numeric = true;
    else if (a === '-m') maxHops = Number(argv[++i]);
    else if (a === '-q') queries = Number(argv[++i]);
    else if (a === '-w') waitMs = Number(argv[++i]) * 1000;
    else if (a === '-I' || a === '-4') continue;
    else if (a.startsWith('-')) {
      await sys.write(2, `traceroute: option ${a} is not simulated in dockersim\n`);
      return 2;
    } else if (target === undefined) target = a;
    else {
      await sys.write(2, `traceroute: a packet length argument is not simulated in dockersim\n`);
      return 2;
    }
  }
  if (target === undefined) {
    await sys.write(2, 'Usage:\n  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]\n');
    return 2;
  }
  const r = await getaddrinfo(sys, target);
  if (!r.ok) {
    await sys.write(2, `${target}: ${GAI_MESSAGES[r.error]}\nCannot handle "host" cmdline arg \`${target}' on position 1 (argc 1)\n`);
    return 2;
  }
  const ip = r.addresses[0];
  await sys.write(1, `traceroute to ${target} (${ip}), ${maxHops} hops max, 60 byte packets\n`);
  if (sys.icmpEcho(ip, { ttl: 1 }).kind === 'no-route') {
    await sys.write(2, 'connect: Network is unreachable\n');
    return 1;
  }
  // systemd-resolved answers the default gateway's reverse lookup with `_gateway`.
  const gateways = usesResolvedStub(sys) ? new Set(sys.netInterfaces().flatMap((i) => (i.gateway ? [i.gateway] : []))) : new Set<string>();
  const names = new Map<string, string>();
  const nameOf = async (addr: string): Promise<string> => {
    if (numeric) return addr;
    if (!names.has(addr)) names.set(addr, gateways.has(addr) ? '_gateway' : ((await getnameinfo(sys, addr)) ?? addr));
    return names.get(addr)!;
  };
  for (let ttl = 1; ttl <= maxHops; ttl++) {
    let line = `${String(ttl).padStart(2)} `;
    let last: string | undefined;
    let reached = false;
    let longest = 0;
    for (let q = 0; q < queries; q++) {
      const out = sys.icmpEcho(ip, { ttl });
      if (out.kind === 'lost' || out.kind === 'no-route') {
        line += ' *';
        longest = Math.max(longest, waitMs);
        continue;
      }
      const from = out.from;
      const ms = out.kind === 'unreachable' ? out.afterMs : out.rttMs;
      longest = Math.max(longest, ms);
      if (from !== last) {
        line += numeric ? ` ${from}` : ` ${await nameOf(from)} (${from})`;
        last = from;
      }
      line += `  ${ms.toFixed(3)} ms${out.kind === 'unreachable' ? ' !H' : ''}`;
      if (out.kind === 'reply' || out.kind === 'unreachable') reached = true;
    }
    await sys.sleep(longest);
    await sys.write(1, `${line}\n`);
    if (reached) break;
  }
  return 0;
};
