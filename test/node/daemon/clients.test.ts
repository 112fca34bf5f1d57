/**
 * What third-party clients' own test suites (dockerode's mocha suite, docker-py's integration tests) hit against
 * the HTTP daemon, each pinned here with the client call or the plain request that hit it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../../../src/node/daemon/start.js';

let d: RunningDaemon;
let docker: Docker;
let socketPath: string;

beforeAll(async () => {
  socketPath = join(mkdtempSync(join(tmpdir(), 'dockersim-clients-')), 'docker.sock');
  d = await startDaemon({ hosts: [{ kind: 'unix', path: socketPath, url: `unix://${socketPath}` }], clock: { kind: 'realtime', speed: 20 } });
  docker = new Docker({ socketPath });
});

afterAll(async () => {
  await d.close();
});

interface Reply {
  readonly status: number;
  readonly body: string;
}

function http(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function follow(stream: NodeJS.ReadableStream): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null, out: Array<Record<string, unknown>>) => (err ? reject(err) : resolve(out))));
}

describe('compressed archives (moby DecompressStream)', () => {
  // dockerode packs { context, src } with tar-fs and gzips it: every such build failed "does not look like a tar archive".
  it('builds from the gzipped context dockerode packs from a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-ctx-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox\nCOPY hello /hello\nCMD ["cat", "/hello"]\n');
    writeFileSync(join(dir, 'hello'), 'hi\n');
    const out = await follow(await docker.buildImage({ context: dir, src: ['Dockerfile', 'hello'] }, { t: 'gz:ctx' }));
    expect(out.map((m) => m.stream ?? '').join('')).toMatch(/Successfully tagged gz:ctx\n$/);
  }, 60_000);

  it('loads a gzipped `docker save` stream', async () => {
    await follow(await docker.pull('busybox'));
    const saved = await new Promise<Buffer>((resolve, reject) => {
      void docker.getImage('busybox').get().then((s) => {
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks)));
        s.on('error', reject);
      }, reject);
    });
    const r = await http('POST', '/v1.50/images/load?quiet=1', gzipSync(saved), { 'Content-Type': 'application/x-tar' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Loaded image: busybox:latest');
  }, 60_000);

  it('refuses an xz archive in one line', async () => {
    const r = await http('POST', '/v1.50/images/load', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]), { 'Content-Type': 'application/x-tar' });
    expect(r).toEqual({ status: 501, body: '{"message":"dockersim: a xz-compressed archive is not simulated (send it plain or gzipped)"}\n' });
  });
});
