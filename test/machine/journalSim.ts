/**
 * Test helpers for the journal: a machine whose terminals' output is captured from the moment they open, and
 * a digest of the state that must come back after replay.
 */
import { Machine } from '../../src/machine/machine.js';
import { InputRecorder, replay, type JournalEntry, type Position, type ReplayOptions } from '../../src/machine/journal.js';
import { nodeDrain } from '../../src/node/drain.js';

export interface Captured {
  readonly machine: Machine;
  readonly rec: InputRecorder;
  /** Everything each terminal showed, by terminal number. */
  readonly out: Map<number, string>;
}

function capture(machine: Machine, rec: InputRecorder): Captured {
  const out = new Map<number, string>();
  rec.onOpened((id, t) => {
    out.set(id, '');
    t.tty.onOutput((data) => out.set(id, out.get(id)! + data));
  });
  return { machine, rec, out };
}

export function bootRecorded(seed: number): Captured {
  const machine = Machine.boot({ seed, drain: nodeDrain });
  return capture(machine, new InputRecorder(machine));
}

export async function bootReplayed(
  seed: number,
  entries: readonly JournalEntry[],
  opts: ReplayOptions = {},
): Promise<Captured> {
  const machine = Machine.boot({ seed, drain: nodeDrain });
  const out = new Map<number, string>();
  const rec = await replay(machine, entries, {
    ...opts,
    onOpened: (id, t) => {
      out.set(id, '');
      t.tty.onOutput((data) => out.set(id, out.get(id)! + data));
    },
  });
  return { machine, rec, out };
}

/** What must be equal after replay: position, processes, containers with their states and addresses. */
export function digest(c: Captured): unknown {
  const k = c.machine.kernel;
  const procs = [...k.procs.values()]
    .map((p) => `${p.hostPid} ${p.state} ${p.comm} ${p.argv.join(' ')}`)
    .sort();
  const containers = [...c.machine.daemonStore.containers.values()]
    .map((ct) => {
      const ip = [...ct.Networks.values()].map((n) => n.IPAddress).join(',');
      return `${ct.ID.slice(0, 12)} ${ct.Name} ${ct.State.stateString()} ${ct.State.ExitCode} ${ip} ${ct.logs.read().map((e) => `${e.timeNs} ${e.stream} ${e.line}`).join('')}`;
    })
    .sort();
  const pos: Position = { step: k.sched.slices, at: k.now() };
  // What the editor pane saved, with its metadata (owner, mode, mtime at the position it went in).
  const notes = [c.machine.files.stat({ kind: 'host' }, '/home/user/notes.txt'), c.machine.files.read({ kind: 'host' }, '/home/user/notes.txt')].map((r) =>
    r.ok && r.value instanceof Uint8Array ? { ok: true, text: new TextDecoder().decode(r.value) } : r,
  );
  return { pos, procs, containers, notes, ttys: [...k.ttys.keys()].sort(), faults: k.faults.length };
}
