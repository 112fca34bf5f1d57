/**
 * A client that cannot keep up slows the container, as with dockerd's attach copier: `docker run -it busybox
 * yes` in a terminal whose emulator has stopped output (XOFF) fills a bounded amount of buffering (the CLI's
 * terminal, its socket, the attach connection's queue, the session), then the container's own terminal stops
 * and `yes` blocks. Output resumes when the emulator does, and the detach keys still get through.
 */
import { describe, expect, it } from 'vitest';
import { Typist } from '../../../src/lessons/typist.js';
import { MachineTerminals } from '../../../src/lessons/terminals.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';

/**
 * A machine whose terminal ran `first` to its end and then starts `flood`, run 50 ms on; `shown()` counts what
 * reached the terminal's emulator since `first` ended.
 */
async function flooding(seed: number, first: string, flood: string) {
  const m = Machine.boot({ seed, drain: nodeDrain });
  const terminals = new MachineTerminals(m);
  const typist = new Typist(m, terminals);
  await typist.perform({ kind: 'type', text: first, line: 0 });
  await typist.settle();
  const term = terminals.get(1)!;
  let shown = 0;
  term.tty.onOutput((d) => void (shown += d.length));
  await typist.perform({ kind: 'type', text: flood, line: 0 });
  const k = m.kernel;
  await k.run({ until: k.now() + 50 });
  return { m, k, typist, term, shown: () => shown };
}

describe('attach backpressure', () => {
  it('holds a flooding container while its attached client is stopped, and lets it go again', { timeout: 120_000 }, async () => {
    const { m, k, typist, term, shown } = await flooding(1, 'sudo docker pull busybox', 'sudo docker run -it --name flood busybox yes');
    const c = m.daemonStore.getContainer('flood');
    expect(c.State.Running).toBe(true);
    const tty = m.daemonStore.runtime(c).tty!;
    let produced = 0;
    tty.onOutput((d) => void (produced += d.length));

    // The emulator stops reading: within a second everything between it and the container is full.
    term.tty.setFlow(true);
    await k.run({ until: k.now() + 1000 });
    const held = produced;
    await k.run({ until: k.now() + 3000 });
    expect(produced).toBe(held);
    // What piled up on the way is bounded by the buffers' limits, not by how long the client was stopped.
    expect(held).toBeLessThan(1 << 20);
    expect(c.State.Running).toBe(true);

    term.tty.setFlow(false);
    const before = shown();
    await k.run({ until: k.now() + 50 });
    expect(produced).toBeGreaterThan(held);
    expect(shown()).toBeGreaterThan(before);

    // Keys still get through the flood: Ctrl-P Ctrl-Q detaches, the prompt comes back, the container runs on.
    term.tty.input('\x10\x11');
    // (Not typist.settle: with `yes` running nothing is ever idle.)
    await k.run({ until: k.now() + 100 });
    expect(typist.output(1).endsWith('\x1b[01;34m~\x1b[00m$ ')).toBe(true);
    expect(c.State.Running).toBe(true);
  });

  for (const [flags, stream] of [['-it', 'its terminal'], ['-i', 'its pipes']] as const) {
    it(`holds a flooding \`docker exec ${flags}\` while its client is stopped, through ${stream}`, { timeout: 120_000 }, async () => {
      const { m, k, term, shown } = await flooding(2, 'sudo docker run -d --name box busybox sleep 100000', `sudo docker exec ${flags} box yes`);
      const rt = m.daemonStore.runtime(m.daemonStore.getContainer('box'));
      const rec = [...rt.execs.values()][0];
      expect(rec?.running).toBe(true);
      // Everything the exec process writes reaches its session: count it there.
      const sink = rec.sink!;
      const data = sink.data.bind(sink);
      let produced = 0;
      sink.data = (s, text) => {
        produced += text.length;
        data(s, text);
      };

      term.tty.setFlow(true);
      await k.run({ until: k.now() + 200 });
      const held = produced;
      await k.run({ until: k.now() + 300 });
      expect(produced).toBe(held);
      expect(held).toBeLessThan(1 << 20);

      term.tty.setFlow(false);
      const before = shown();
      await k.run({ until: k.now() + 50 });
      expect(produced).toBeGreaterThan(held);
      expect(shown()).toBeGreaterThan(before);
      expect(rec.running).toBe(true);
    });
  }
});
