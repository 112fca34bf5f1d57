import { describe, expect, it } from 'vitest';
import { boot, inDaemon } from './harness.js';

describe('containers with a TTY', () => {
  it('PID 1 writes to a pts; the log and an attached client get the terminal\'s bytes; stdin reaches it', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'ubuntu', Cmd: ['sh', '-c', 'tty; read line; echo "got $line"'], Tty: true, OpenStdin: true }).Id;
      const session = d.containerAttach(id, { stdin: true, stdout: true, stderr: true, stream: true });
      await d.containerStart(id);
      session.write('hello\r');
      let out = '';
      for (let c = await session.read(); c; c = await session.read()) out += c.data;
      const logs = h.engine.containers.get(id)!.logs.read().map((e) => e.line).join('');
      return { out, logs, code: (await d.containerWait(id)).StatusCode };
    });
    // Typed-ahead input is echoed by the line discipline at once, before the program reads it.
    expect(r.out).toMatch(/^hello\r\n\/dev\/pts\/\d+\r\ngot hello\r\n$/);
    expect(r.logs).toBe(r.out);
    expect(r.code).toBe(0);
  });
});
