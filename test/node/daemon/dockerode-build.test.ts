/**
 * dockerode's buildImage against the HTTP daemon: the legacy stream (`version` left out, as dockerode sends it)
 * and BuildKit's (`version=2`), its traces decoding as StatusResponses, then the image inspected.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../../../src/node/daemon/start.js';
import { writeTar } from '../../../src/pkg/archive/tar.js';
import { decodeStatusResponse } from '../../../src/pkg/buildkit/statuspb.js';

let d: RunningDaemon;
let docker: Docker;

beforeAll(async () => {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'dockersim-dockerode-build-')), 'docker.sock');
  d = await startDaemon({ hosts: [{ kind: 'unix', path: socketPath, url: `unix://${socketPath}` }], clock: { kind: 'realtime', speed: 20 } });
  docker = new Docker({ socketPath });
});

afterAll(async () => {
  await d.close();
});

function tarOf(files: Record<string, string>): Buffer {
  return Buffer.from(writeTar(Object.entries(files).map(([name, text]) => ({
    name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: 0, data: new TextEncoder().encode(text),
  }))));
}

const context = (files: Record<string, string>): Readable => Readable.from([tarOf(files)]);

async function messages(stream: NodeJS.ReadableStream): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null, out: Array<Record<string, unknown>>) => (err ? reject(err) : resolve(out))));
}

describe('dockerode builds', () => {
  it('streams the legacy builder and tags the image', async () => {
    const out = await messages(await docker.buildImage(context({ Dockerfile: 'FROM busybox\nRUN echo built\nCMD ["sh"]\n' }), { t: 'made:v1' }));
    const text = out.map((m) => m.stream ?? '').join('');
    expect(text).toMatch(/^Step 1\/3 : FROM busybox\n/);
    expect(text).toContain('built\n');
    expect(text).toMatch(/Successfully tagged made:v1\n$/);
    const id = (out.find((m) => m.aux) as { aux: { ID: string } }).aux.ID;
    expect((await docker.getImage('made:v1').inspect()).Id).toBe(id);
  }, 60_000);

  // dockerode's version=2 opens a BuildKit session over /session (HTTP/2 gRPC), which the simulated daemon does not
  // speak: it refuses in one line. The simulated CLI's path, the context uploaded with version=2, works.
  it('refuses dockerode\'s BuildKit session, and streams BuildKit\'s trace for an uploaded context', async () => {
    await expect(docker.buildImage(context({ Dockerfile: 'FROM busybox\n' }), { version: '2' } as never)).rejects.toThrow(
      'dockersim: a BuildKit session (HTTP/2 gRPC over /session) is not simulated',
    );
    const res = await new Promise<string>((resolve, reject) => {
      const req = request({ socketPath: d.addresses[0].kind === 'unix' ? d.addresses[0].path : '', path: '/v1.50/build?version=2&t=kit', method: 'POST',
        headers: { 'Content-Type': 'application/x-tar' } }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end(tarOf({ Dockerfile: 'FROM busybox\nRUN echo kit\n' }));
    });
    const out = res.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const traces = out.filter((m) => m.id === 'moby.buildkit.trace').map((m) => decodeStatusResponse(Buffer.from(m.aux as string, 'base64')));
    const names = [...new Set(traces.flatMap((t) => t.vertexes.map((v) => v.name)))];
    expect(names).toContain('[2/2] RUN echo kit');
    expect(traces.flatMap((t) => t.logs).map((l) => Buffer.from(l.msg).toString()).join('')).toBe('kit\n');
    const last = out[out.length - 1] as { id: string; aux: { ID: string } };
    expect(last.id).toBe('moby.image.id');
    expect((await docker.getImage('kit').inspect()).Id).toBe(last.aux.ID);
  }, 60_000);
});
