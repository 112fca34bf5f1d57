/** POST /build's reply read with a bound in virtual time (the CLI's build display ticks when nothing came). */
import { describe, expect, it } from 'vitest';
import { DockerClient } from '../../src/api/client/client.js';
import type { Sys } from '../../src/engine/kernel/sys.js';
import { Machine } from '../../src/machine/machine.js';

const SOCK = 'unix:///run/test-build.sock';

/** A daemon that answers the ping, then the build with a message now and another a second later, chunked. */
async function server(sys: Sys, requests: string[]): Promise<number> {
  const lfd = sys.listen(SOCK, { mode: 0o666 });
  for (;;) {
    const fd = await sys.accept(lfd);
    let buf = '';
    while (!buf.includes('\r\n\r\n')) buf += (await sys.read(fd)) ?? '';
    const head = buf.slice(0, buf.indexOf('\r\n\r\n'));
    const len = Number(/Content-Length: (\d+)/i.exec(head)?.[1] ?? 0);
    let body = buf.slice(buf.indexOf('\r\n\r\n') + 4);
    while (body.length < len) body += (await sys.read(fd)) ?? '';
    requests.push(`${head.split('\r\n')[0]} ${body.length}`);
    if (head.startsWith('HEAD /_ping')) {
      await sys.write(fd, 'HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nOstype: linux\r\nContent-Length: 0\r\n\r\n');
      sys.close(fd);
      continue;
    }
    const chunk = (s: string): string => `${s.length.toString(16)}\r\n${s}\r\n`;
    await sys.write(fd, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    await sys.write(fd, chunk('{"stream":"one"}\n'));
    await sys.sleep(1000);
    await sys.write(fd, chunk('{"stream":"two"}\n') + '0\r\n\r\n');
    sys.close(fd);
    return 0;
  }
}

describe('DockerClient.imageBuild', () => {
  it('sends the tar and reads messages, each wait bounded in virtual time', async () => {
    const m = Machine.boot();
    const k = m.kernel;
    const init = k.hostPidNs.init!;
    const requests: string[] = [];
    const got: string[] = [];
    k.spawn(init, { argv: ['fake-dockerd'], program: (sys) => server(sys, requests) });
    k.spawn(init, {
      argv: ['client'],
      program: async (sys) => {
        await sys.sleep(10);
        const c = new DockerClient(sys, SOCK);
        const s = await c.imageBuild({ version: '2', t: ['a', 'b'] }, '\0'.repeat(2048), { 'Content-Type': 'application/x-tar' });
        const t0 = sys.now();
        for (;;) {
          const msg = await s.nextMessageWithin(150);
          got.push(`${sys.now() - t0} ${msg === undefined ? 'tick' : JSON.stringify(msg)}`);
          if (msg === null) break;
        }
        return 0;
      },
    });
    await m.run({});
    expect(requests).toEqual(['HEAD /_ping HTTP/1.1 0', 'POST /v1.50/build?t=a&t=b&version=2 HTTP/1.1 2048']);
    expect(got[0]).toMatch(/^[\d.]+ {"stream":"one"}$/);
    expect(got.filter((g) => g.endsWith('tick'))).toHaveLength(6);
    expect(got.at(-2)).toMatch(/^[\d.]+ {"stream":"two"}$/);
    expect(got.at(-1)).toMatch(/ null$/);
    expect(k.faults).toEqual([]);
  });
});
