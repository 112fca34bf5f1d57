import type { Kernel } from '../../engine/kernel/kernel.js';
import type { Process } from '../../engine/kernel/process.js';
import { bool, str } from './fields.js';
import { runsProgram } from './lookup.js';
import { say } from './said.js';
import { defineCheck, type DaemonCheck } from './types.js';

/** `unix:///p`, `/p` → `unix:///p`; `tcp://:2375` → `tcp://0.0.0.0:2375`; undefined when not an address. */
export function canonicalAddress(a: string): string | undefined {
  if (a.startsWith('/')) return `unix://${a}`;
  if (a.startsWith('unix://')) return a.length > 7 ? a : undefined;
  const m = /^tcp:\/\/\[?([^\]]*?)\]?:(\d+)$/.exec(a);
  if (!m) return undefined;
  return `tcp://${m[1] === '' ? '0.0.0.0' : m[1]}:${m[2]}`;
}

function dockerds(kernel: Kernel): Process[] {
  return [...kernel.procs.values()].filter(
    (p) => p.state === 'running' && p.pidns === kernel.hostPidNs && runsProgram(p, 'dockerd'),
  );
}

/** What `ss -lxp` / `ss -ltnp` would list for dockerd: the addresses its sockets listen on. */
export function dockerdListeners(kernel: Kernel): string[] {
  const out = new Set<string>();
  for (const p of dockerds(kernel)) {
    for (const f of p.fds.values()) {
      const l = (f as { listener?: { address: string; closed: boolean } }).listener;
      if (l && !l.closed) out.add(canonicalAddress(l.address) ?? l.address);
    }
  }
  return [...out].sort();
}

/** dockerd is (not) running, and listens on the address. */
export const daemonCheck = defineCheck<DaemonCheck>({
  kind: 'daemon',
  schema: {
    fields: { running: bool, listens: str },
    refine(v) {
      if (v.running === undefined && v.listens === undefined) return 'daemon: give `running` or `listens`';
      if (typeof v.listens === 'string' && canonicalAddress(v.listens) === undefined) {
        return `daemon.listens: expected unix:///path or tcp://host:port, got ${JSON.stringify(v.listens)}`;
      }
      return undefined;
    },
  },
  evaluate(k, { machine }) {
    const running = dockerds(machine.kernel).length > 0;
    const addrs = dockerdListeners(machine.kernel);
    let holds = k.running === undefined || running === k.running;
    if (k.listens !== undefined) holds &&= addrs.includes(canonicalAddress(k.listens) ?? k.listens);
    const found = !running ? say('daemonDown') : addrs.length > 0 ? say('daemonListens', { addrs }) : say('daemonListensNothing');
    return { holds, found };
  },
});
