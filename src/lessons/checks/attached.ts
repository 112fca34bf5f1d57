/**
 * Where a docker client in a terminal's foreground is "at": `docker run -it`, `docker attach`, `docker start -ai`
 * and `docker exec -it` relay the terminal to a container's terminal (or its stdin), so what the learner talks
 * to is that terminal's foreground process inside the container. Resolved from the client's argv (parsed as the
 * CLI parses it) and the daemon's records — the connection itself is not traced.
 */
import type { ContainerRecord, RelayTarget } from '../../engine/daemon/query.js';
import type { Kernel } from '../../engine/kernel/kernel.js';
import type { Process } from '../../engine/kernel/process.js';
import { dispatch } from '../../cli/dispatch.js';
import { changed, getBool, getString } from '../../cli/flags.js';
import type { Machine } from '../../machine/machine.js';
import { foregroundLeaves, runsProgram } from './lookup.js';

export interface AttachedTarget {
  readonly container: ContainerRecord;
  /** The processes the relayed keys reach (the container terminal's foreground job, or PID 1 / the exec). */
  readonly processes: readonly Process[];
}

const RELAYING = new Set(['run', 'attach', 'start', 'exec']);

/** Whether a docker client was given flag `name` (its long name), parsed as the CLI parses its argv. */
export function dockerGiven(client: Process, name: string): boolean {
  if (!runsProgram(client, 'docker')) return false;
  try {
    const d = dispatch(client.argv.slice(1), { configDir: '/root/.docker' });
    return d.kind === 'command' && changed(d.flags, name);
  } catch {
    return false;
  }
}

export function attachedTarget(machine: Machine, client: Process): AttachedTarget | undefined {
  if (!runsProgram(client, 'docker')) return undefined;
  let d;
  try {
    d = dispatch(client.argv.slice(1), { configDir: '/root/.docker' });
  } catch {
    return undefined;
  }
  if (d.kind !== 'command') return undefined;
  const verb = d.node.path[d.node.path.length - 1];
  if (!RELAYING.has(verb)) return undefined;
  // `docker start` without -a/-i and `docker run -d` return at once: while they run, nothing is relayed.
  if (verb === 'start' && !getBool(d.flags, 'attach') && !getBool(d.flags, 'interactive')) return undefined;
  if (verb === 'run' && getBool(d.flags, 'detach')) return undefined;
  const query = machine.query;
  let c: ContainerRecord | undefined;
  if (verb === 'run') {
    const name = getString(d.flags, 'name');
    c = name ? query.findContainer(name) : createdBy(machine, client);
  } else {
    c = d.args[0] !== undefined ? query.findContainer(d.args[0]) : undefined;
  }
  if (!c || !c.State.Running) return undefined;
  const target = query.relayTarget(c.ID, verb === 'exec' ? 'exec' : 'attach');
  if (!target) return undefined;
  return { container: c, processes: innerForeground(machine.kernel, target) };
}

function innerForeground(kernel: Kernel, { tty, process }: RelayTarget): Process[] {
  if (tty && tty.fgPgrp !== 0) {
    const leaves = foregroundLeaves(kernel, tty.fgPgrp);
    if (leaves.length > 0) return leaves;
  }
  return process && process.state === 'running' ? [process] : [];
}

/** `docker run` without --name: the first container created once the client had started. */
function createdBy(machine: Machine, client: Process): ContainerRecord | undefined {
  const clock = machine.kernel.clock;
  const startedNs = clock.epochNs() - BigInt(Math.round((clock.now() - client.startMs) * 1e6));
  let best: ContainerRecord | undefined;
  for (const c of machine.query.containers()) {
    if (c.Created >= startedNs && (!best || c.Created < best.Created)) best = c;
  }
  return best;
}
