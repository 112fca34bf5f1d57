/**
 * The bridge hands real sockets the exact bytes dockerd writes and dockerd the exact bytes a client sends:
 * UTF-8 in a request body and in a response, whatever the TCP segments.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDaemon, type TestDaemon } from './helpers.js';

let d: TestDaemon;

beforeAll(async () => {
  d = await testDaemon({ clock: { kind: 'manual' } });
  await d.host.idle();
});

afterAll(async () => {
  await d.close();
});

/** Sends `parts` one TCP write at a time (so a character may be split across segments); the whole answer. */
function exchange(parts: readonly Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = connect(d.tcp.port, '127.0.0.1');
    const got: Buffer[] = [];
    s.on('data', (b: Buffer) => got.push(b));
    s.on('close', () => resolve(Buffer.concat(got)));
    s.once('error', reject);
    s.once('connect', () => {
      const next = (i: number): void => {
        if (i < parts.length) s.write(parts[i], () => setTimeout(() => next(i + 1), 5));
      };
      next(0);
    });
  });
}

function body(answer: Buffer): Buffer {
  return answer.subarray(answer.indexOf('\r\n\r\n') + 4);
}

describe('bytes through the daemon bridge', () => {
  it('carries UTF-8 split across segments in a request body to the decoder as the bytes they are', async () => {
    const json = Buffer.from('{"Image": 中}', 'utf8');
    const head = Buffer.from(`POST /v1.50/containers/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: close\r\n\r\n`);
    const at = json.indexOf(Buffer.from('中')) + 1;
    const msg = body(await exchange([head, json.subarray(0, at), json.subarray(at)]));
    // Go's scanner reads bytes and quotes the first bad one as a rune: 0xE4 is 'ä'.
    expect(JSON.parse(msg.toString('utf8'))).toEqual({ message: "invalid JSON: invalid character 'ä' looking for beginning of value" });
  });

  it('returns UTF-8 in a response byte for byte', async () => {
    const path = `/v1.50/containers/${encodeURIComponent('ü名')}/json`;
    const msg = body(await exchange([Buffer.from(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)]));
    expect(msg.includes(Buffer.from('ü名', 'utf8'))).toBe(true);
    expect(JSON.parse(msg.toString('utf8'))).toEqual({ message: 'No such container: ü名' });
  });
});
