/**
 * ping: iputils 20240117 (Ubuntu 24.04's iputils-ping) and busybox's applet. Each echo request asks the
 * kernel what comes back and when (`Sys.icmpEcho`); ping then lives through the virtual clock sending every
 * interval and printing each answer at the moment it arrives, so a Ctrl-C between them prints the
 * statistics as the real one does.
 */
import type { EchoOutcome, Program, Sys } from '../../engine/kernel/sys.js';
import { GAI_MESSAGES, getaddrinfo, getnameinfo } from '../lib/resolver.js';

interface PingOptions {
  count: number;
  intervalMs: number;
  /** -W: how long to wait for a reply after the last request. */
  waitMs: number;
  /** -w: stop after this long whatever happens. */
  deadlineMs: number;
  quiet: boolean;
  size: number;
  ttl: number;
  numeric: boolean;
  target: string;
}

type Event = { at: number; seq: number; outcome: EchoOutcome };

const INTERRUPT_SLICE_MS = 50;

/** iputils prints a time with 3 significant figures or so: 0.045, 1.23, 11.8, 123. */
function iputilsTime(ms: number): string {
  const us = Math.round(ms * 1000);
  if (us >= 100000 - 50) return String(Math.floor((us + 500) / 1000));
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `0.${String(us).padStart(3, '0')}`;
}

const f3 = (ms: number): string => ms.toFixed(3);

function parseIputils(argv: readonly string[]): PingOptions | { error: string; code: number } {
  const o: PingOptions = { count: Infinity, intervalMs: 1000, waitMs: 10000, deadlineMs: Infinity, quiet: false, size: 56, ttl: 64, numeric: false, target: '' };
  const num = (flag: string, v: string | undefined, min: number, max: number): number | string => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n)) return `ping: invalid argument: '${v ?? ''}'`;
    if (n < min || n > max) return `ping: invalid argument: '${v}': out of range: ${min} <= value <= ${max}`;
    void flag;
    return n;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.target = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if ('ciWwstI'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return { error: `ping: option requires an argument -- '${c}'\n${USAGE}`, code: 2 };
        let n: number | string;
        switch (c) {
          case 'c': n = num(c, v, 1, 9223372036854775807); if (typeof n === 'number') o.count = n; break;
          case 'i': n = num(c, v, 0, 2147483); if (typeof n === 'number') o.intervalMs = n * 1000; break;
          case 'W': n = num(c, v, 0, 2147483); if (typeof n === 'number') o.waitMs = n * 1000; break;
          case 'w': n = num(c, v, 0, 2147483); if (typeof n === 'number') o.deadlineMs = n * 1000; break;
          case 's': n = num(c, v, 0, 65507); if (typeof n === 'number') o.size = n; break;
          case 't': n = num(c, v, 1, 255); if (typeof n === 'number') o.ttl = n; break;
          default: return { error: `ping: -I is not simulated in dockersim\n`, code: 2 };
        }
        if (typeof n === 'string') return { error: `${n}\n`, code: 1 };
        break;
      }
      if (c === 'q') o.quiet = true;
      else if (c === 'n') o.numeric = true;
      else if (c === '4') continue;
      else if (c === 'V') return { error: 'ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n', code: 0 };
      else return { error: `ping: invalid option -- '${c}'\n${USAGE}`, code: 2 };
    }
  }
  if (o.intervalMs < 2 && o.intervalMs !== 0) return { error: 'ping: cannot flood, minimal interval for user must be >= 2 ms, use -i 0.002 (or higher)\n', code: 2 };
  return o;
}

const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      DNS name or IP address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -H                 force reverse DNS name resolution (useful for numeric
                     destinations or for -f), override -n
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>
  -n                 no reverse DNS name resolution, override -H
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use IPv6 node info query, try <help> as argument

For more details see ping(8).`;

interface Stats {
  sent: number;
  received: number;
  errors: number;
  rtts: number[];
  maxOutstanding: number;
}

/**
 * The send/receive loop both pings share: requests every interval, answers printed when they arrive, until
 * the count is sent and answered (or waited for), the deadline, or SIGINT.
 */
async function loop(sys: Sys, ip: string, o: PingOptions, onEvent: (e: Event, st: Stats) => Promise<void>): Promise<{ st: Stats; elapsed: number }> {
  const st: Stats = { sent: 0, received: 0, errors: 0, rtts: [], maxOutstanding: 0 };
  let interrupted = false;
  sys.signal('SIGINT', () => {
    interrupted = true;
  });
  const start = sys.uptime();
  const pending: Event[] = [];
  let nextSend = start;
  let lastSend = start;
  for (;;) {
    const now = sys.uptime();
    if (interrupted || now - start >= o.deadlineMs) break;
    if (st.sent < o.count && now >= nextSend) {
      st.sent++;
      lastSend = now;
      const outcome = sys.icmpEcho(ip, { ttl: o.ttl });
      if (outcome.kind === 'reply' || outcome.kind === 'ttl-exceeded') pending.push({ at: now + outcome.rttMs, seq: st.sent, outcome });
      else if (outcome.kind === 'unreachable') pending.push({ at: now + outcome.afterMs, seq: st.sent, outcome });
      st.maxOutstanding = Math.max(st.maxOutstanding, pending.length);
      // A real interval timer overshoots by a few milliseconds each time.
      nextSend = now + o.intervalMs + (o.intervalMs > 0 ? 1 + Math.floor(sys.random() * 9) : 0);
    }
    pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (pending.length > 0 && pending[0].at <= sys.uptime()) {
      const e = pending.shift()!;
      if (e.outcome.kind === 'reply') {
        st.received++;
        st.rtts.push(e.outcome.rttMs);
      } else st.errors++;
      await onEvent(e, st);
    }
    const doneSending = st.sent >= o.count;
    const answeredAll = doneSending && pending.length === 0 && st.received + st.errors >= st.sent;
    if (answeredAll) break;
    if (doneSending && sys.uptime() - lastSend >= o.waitMs && pending.every((p) => p.at > lastSend + o.waitMs)) break;
    const wake = Math.min(
      doneSending ? lastSend + o.waitMs : nextSend,
      pending[0]?.at ?? Infinity,
      start + o.deadlineMs,
    );
    // In slices, so a Ctrl-C ends the wait at once (a handler runs between them) as it does the real poll().
    await sys.sleep(Math.min(INTERRUPT_SLICE_MS, Math.max(0.001, wake - sys.uptime())));
  }
  sys.signal('SIGINT', 'default');
  const elapsed = Math.round((st.sent > 0 ? lastSend - start : 0) + (st.rtts.length > 0 ? st.rtts[st.rtts.length - 1] : 0));
  return { st, elapsed };
}

async function resolve(sys: Sys, target: string, busybox: boolean): Promise<string | { error: string }> {
  const r = await getaddrinfo(sys, target);
  if (r.ok) return r.addresses[0];
  return { error: busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: ${GAI_MESSAGES[r.error]}\n` };
}

export const ping: Program = async (sys) => {
  const o = parseIputils(sys.argv);
  if ('error' in o) {
    await sys.write(o.code === 0 ? 1 : 2, o.error);
    return o.code;
  }
  if (o.target === '') {
    await sys.write(2, 'ping: usage error: Destination address required\n');
    return 1;
  }
  const ip = await resolve(sys, o.target, false);
  if (typeof ip !== 'string') {
    await sys.write(2, ip.error);
    return 2;
  }
  const probe = sys.icmpEcho(ip, { ttl: 1 });
  if (probe.kind === 'no-route') {
    await sys.write(2, 'ping: connect: Network is unreachable\n');
    return 2;
  }
  await sys.write(1, `PING ${o.target} (${ip}) ${o.size}(${o.size + 28}) bytes of data.\n`);
  const named = o.target !== ip && !o.numeric;
  const names = new Map<string, string>();
  const { st, elapsed } = await loop(sys, ip, o, async (e) => {
    if (o.quiet) return;
    const out = e.outcome;
    if (out.kind === 'reply') {
      let from = out.from;
      if (named) {
        if (!names.has(out.from)) names.set(out.from, (await getnameinfo(sys, out.from)) ?? out.from);
        from = `${names.get(out.from)!} (${out.from})`;
      }
      await sys.write(1, `${o.size + 8} bytes from ${from}: icmp_seq=${e.seq} ttl=${out.ttl} time=${iputilsTime(out.rttMs)} ms\n`);
    } else if (out.kind === 'unreachable') {
      await sys.write(1, `From ${out.from} icmp_seq=${e.seq} Destination ${out.code === 'host' ? 'Host' : 'Net'} Unreachable\n`);
    } else if (out.kind === 'ttl-exceeded') {
      await sys.write(1, `From ${out.from} icmp_seq=${e.seq} Time to live exceeded\n`);
    }
  });
  let text = `\n--- ${o.target} ping statistics ---\n`;
  const loss = st.sent > 0 ? Math.round(((st.sent - st.received) * 100) / st.sent * 1e4) / 1e4 : 0;
  text += `${st.sent} packets transmitted, ${st.received} received${st.errors ? `, +${st.errors} errors` : ''}, ${loss}% packet loss, time ${elapsed}ms\n`;
  if (st.received > 0) {
    const min = Math.min(...st.rtts);
    const max = Math.max(...st.rtts);
    const avg = st.rtts.reduce((a, b) => a + b, 0) / st.rtts.length;
    const avg2 = st.rtts.reduce((a, b) => a + b * b, 0) / st.rtts.length;
    const mdev = Math.sqrt(Math.max(0, avg2 - avg * avg));
    text += `rtt min/avg/max/mdev = ${f3(min)}/${f3(avg)}/${f3(max)}/${f3(mdev)} ms`;
    text += st.maxOutstanding > 1 ? `, pipe ${st.maxOutstanding}\n` : '\n';
  } else if (st.maxOutstanding > 1) text += `pipe ${st.maxOutstanding}\n`;
  await sys.write(1, text);
  return st.received > 0 ? 0 : 1;
};

/** busybox ping: `seq=` from 0, times always with 3 decimals, its own statistics lines. */
export const busyboxPing: Program = async (sys) => {
  const o: PingOptions = { count: Infinity, intervalMs: 1000, waitMs: 10000, deadlineMs: Infinity, quiet: false, size: 56, ttl: 64, numeric: true, target: '' };
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      o.target = a;
      continue;
    }
    const c = a[1];
    if ('cWwsit'.includes(c) && a.length === 2) {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n)) {
        await sys.write(2, `ping: invalid number '${argv[i] ?? ''}'\n`);
        return 1;
      }
      if (c === 'c') o.count = n;
      else if (c === 'W') o.waitMs = n * 1000;
      else if (c === 'w') o.deadlineMs = n * 1000;
      else if (c === 's') o.size = n;
      else if (c === 'i') o.intervalMs = n * 1000;
      else o.ttl = n;
    } else if (a === '-q') o.quiet = true;
    else if (a === '-4') continue;
    else {
      await sys.write(2, `ping: unrecognized option '${a}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n`);
      return 1;
    }
  }
  if (o.target === '') {
    await sys.write(2, 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  const ip = await resolve(sys, o.target, true);
  if (typeof ip !== 'string') {
    await sys.write(2, ip.error);
    return 1;
  }
  await sys.write(1, `PING ${o.target} (${ip}): ${o.size} data bytes\n`);
  if (sys.icmpEcho(ip, { ttl: 1 }).kind === 'no-route') {
    await sys.write(2, 'ping: sendto: Network is unreachable\n');
    return 1;
  }
  const { st } = await loop(sys, ip, o, async (e) => {
    if (o.quiet || e.outcome.kind !== 'reply') return;
    await sys.write(1, `${o.size + 8} bytes from ${e.outcome.from}: seq=${e.seq - 1} ttl=${e.outcome.ttl} time=${f3(e.outcome.rttMs)} ms\n`);
  });
  const loss = st.sent > 0 ? Math.floor(((st.sent - st.received) * 100) / st.sent) : 0;
  let text = `\n--- ${o.target} ping statistics ---\n${st.sent} packets transmitted, ${st.received} packets received, ${loss}% packet loss\n`;
  if (st.received > 0) {
    const avg = st.rtts.reduce((a, b) => a + b, 0) / st.rtts.length;
    text += `round-trip min/avg/max = ${f3(Math.min(...st.rtts))}/${f3(avg)}/${f3(Math.max(...st.rtts))} ms\n`;
  }
  await sys.write(1, text);
  return st.received > 0 ? 0 : 1;
};

