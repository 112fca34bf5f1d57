/**
 * The registry program's v2 API (handle), on an in-memory filesystem: the routes and answers docker/distribution
 * 2.8.3 gives, its JSON errors, the filesystem driver's layout, digests checked on upload, cross-repository
 * mounts, and a layer that arrives by reference stored as a file whose bytes are made only when read.
 */
import { describe, expect, it } from 'vitest';
import { Headers } from '../../../src/api/http/headers.js';
import type { HttpRequest } from '../../../src/api/http/request.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import { DeferredBytes } from '../../../src/engine/fs/deferred.js';
import { sha256Hex } from '../../../src/engine/fs/sha256.js';
import { blobSize, shareLayer } from '../../../src/engine/daemon/distribution/blobs.js';
import { LAYER_REF_TYPE } from '../../../src/engine/daemon/distribution/remote.js';
import type { Sys } from '../../../src/engine/kernel/sys.js';
import { SysError } from '../../../src/engine/kernel/errno.js';
import { handle } from '../../../src/programs/distribution/registry.js';
import { Storage } from '../../../src/programs/distribution/storage.js';
import { gunzip } from '../../../src/pkg/archive/gzip.js';
import { readTar } from '../../../src/pkg/archive/tar.js';

/** Files and directories in maps; a DeferredBytes is kept as it is until read (what the inode does). */
function memSys(): { sys: Sys; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['/']);
  let seed = 1;
  const enoent = (p: string): never => {
    throw new SysError('ENOENT', 'open', p);
  };
  const read = (p: string): Uint8Array => {
    const f = files.get(p) ?? enoent(p);
    if (f instanceof DeferredBytes) {
      const b = f.produce();
      files.set(p, b);
      return b;
    }
    return f;
  };
  const fs = {
    mkdir(p: string) {
      let cur = '';
      for (const part of p.split('/').filter(Boolean)) dirs.add((cur += `/${part}`));
    },
    writeFile(p: string, data: string | Uint8Array, o: { append?: boolean } = {}) {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      if (o.append && files.has(p)) {
        const old = read(p);
        const n = new Uint8Array(old.length + bytes.length);
        n.set(old);
        n.set(bytes, old.length);
        files.set(p, n);
      } else files.set(p, bytes);
    },
    readFile: read,
    readText: (p: string) => new TextDecoder().decode(read(p)),
    stat(p: string) {
      const f = files.get(p);
      if (f) return { type: 'file', size: f instanceof DeferredBytes ? f.deferredSize : f.length };
      if (dirs.has(p)) return { type: 'dir', size: 4096 };
      return enoent(p);
    },
    lstat(p: string) {
      return fs.stat(p);
    },
    exists: (p: string) => files.has(p) || dirs.has(p),
    readdir(p: string) {
      if (!dirs.has(p)) enoent(p);
      const out = new Set<string>();
      for (const k of [...files.keys(), ...dirs]) if (k.startsWith(`${p}/`)) out.add(k.slice(p.length + 1).split('/')[0]);
      return [...out];
    },
    rename(a: string, b: string) {
      files.set(b, files.get(a) ?? enoent(a));
      files.delete(a);
    },
    unlink: (p: string) => void files.delete(p),
    rmdir: (p: string) => void dirs.delete(p),
  };
  const sys = { fs, now: () => Date.parse('2026-12-06T12:00:00Z'), random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647) } as unknown as Sys;
  return { sys, files };
}

function req(method: string, target: string, opts: { body?: string; headers?: Record<string, string> } = {}): HttpRequest {
  const [path, rawQuery = ''] = target.split('?');
  return { method, target, path, rawQuery, proto: 'HTTP/1.1', headers: new Headers(Object.entries(opts.headers ?? {})), body: opts.body ?? '', keepAlive: true };
}

const ROOT = '/var/lib/registry';
const V2 = `${ROOT}/docker/registry/v2`;
const digestOf = (s: string): string => `sha256:${sha256Hex(new TextEncoder().encode(s))}`;

describe('registry v2 API', () => {
  it('answers /v2/ with the API version header', () => {
    const { sys } = memSys();
    const r = handle(sys, new Storage(sys, ROOT), req('GET', '/v2/'));
    expect(r.status).toBe(200);
    expect(r.body).toBe('{}');
    expect(r.headers).toContainEqual(['Docker-Distribution-Api-Version', 'registry/2.0']);
  });

  it('stores a monolithic upload at the filesystem driver path and checks its digest', () => {
    const { sys, files } = memSys();
    const st = new Storage(sys, ROOT);
    const bad = handle(sys, st, req('POST', `/v2/me/x/blobs/uploads/?digest=${digestOf('nope')}`, { body: 'hello' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('{"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content","detail":{}}]}\n');
    const d = digestOf('hello');
    const ok = handle(sys, st, req('POST', `/v2/me/x/blobs/uploads/?digest=${d}`, { body: 'hello' }));
    expect(ok.status).toBe(201);
    expect(ok.headers).toContainEqual(['Location', `/v2/me/x/blobs/${d}`]);
    const hex = d.slice(7);
    expect(new TextDecoder().decode(files.get(`${V2}/blobs/sha256/${hex.slice(0, 2)}/${hex}/data`))).toBe('hello');
    expect(new TextDecoder().decode(files.get(`${V2}/repositories/me/x/_layers/sha256/${hex}/link`))).toBe(d);
    const got = handle(sys, st, req('GET', `/v2/me/x/blobs/${d}`));
    expect(got.body).toBe('hello');
    expect(got.headers).toContainEqual(['Docker-Content-Digest', d]);
  });

  it('answers unknown blobs, manifests and names with the registry errors', () => {
    const { sys } = memSys();
    const st = new Storage(sys, ROOT);
    const d = digestOf('x');
    expect(handle(sys, st, req('HEAD', `/v2/me/x/blobs/${d}`)).status).toBe(404);
    expect(handle(sys, st, req('GET', `/v2/me/x/blobs/${d}`)).body).toBe(`{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"${d}"}]}\n`);
    expect(handle(sys, st, req('GET', '/v2/me/x/manifests/latest')).body).toBe('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"me/x"}}]}\n');
    expect(handle(sys, st, req('GET', '/v2/me/x/tags/list')).status).toBe(404);
  });

  it('takes a chunked upload, a manifest, and lists catalog and tags; a manifest naming unknown blobs is refused', () => {
    const { sys } = memSys();
    const st = new Storage(sys, ROOT);
    const start = handle(sys, st, req('POST', '/v2/me/app/blobs/uploads/'));
    expect(start.status).toBe(202);
    const loc = start.headers.find(([k]) => k === 'Location')![1];
    const p = handle(sys, st, req('PATCH', loc, { body: '{"a":' }));
    expect(p.headers).toContainEqual(['Range', '0-4']);
    const cfg = '{"a":1}';
    handle(sys, st, req('PATCH', loc, { body: '1}' }));
    expect(handle(sys, st, req('PUT', `${loc}&digest=${encodeURIComponent(digestOf(cfg))}`)).status).toBe(201);
    const manifest = (layer: string): string => JSON.stringify({ schemaVersion: 2, config: { digest: digestOf(cfg) }, layers: [{ digest: layer }] });
    const missing = handle(sys, st, req('PUT', '/v2/me/app/manifests/v1', { body: manifest(digestOf('zz')) }));
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('"code":"MANIFEST_BLOB_UNKNOWN"');
    const m = JSON.stringify({ schemaVersion: 2, config: { digest: digestOf(cfg) }, layers: [] });
    const put = handle(sys, st, req('PUT', '/v2/me/app/manifests/v1', { body: m }));
    expect(put.status).toBe(201);
    expect(put.headers).toContainEqual(['Docker-Content-Digest', digestOf(m)]);
    expect(handle(sys, st, req('GET', '/v2/_catalog')).body).toBe('{"repositories":["me/app"]}\n');
    expect(handle(sys, st, req('GET', '/v2/me/app/tags/list')).body).toBe('{"name":"me/app","tags":["v1"]}\n');
    expect(handle(sys, st, req('GET', '/v2/me/app/manifests/v1')).body).toBe(m);
    expect(handle(sys, st, req('GET', '/v2/me/app/manifests/v2')).body).toBe('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"v2"}}]}\n');
  });

  it('stores a layer sent by reference without making its bytes, mounts it across repositories, and makes the tar.gz when read', () => {
    const { sys, files } = memSys();
    const st = new Storage(sys, ROOT);
    const layer = Layer.fromTree({ '/': { type: 'dir' }, '/big': { type: 'file', content: new Uint8Array(3 << 20) } });
    const d = shareLayer(layer);
    const loc = handle(sys, st, req('POST', '/v2/me/a/blobs/uploads/')).headers.find(([k]) => k === 'Location')![1];
    handle(sys, st, req('PATCH', loc, { body: d, headers: { 'Content-Type': LAYER_REF_TYPE } }));
    expect(handle(sys, st, req('PUT', `${loc}&digest=${encodeURIComponent(d)}`)).status).toBe(201);
    const path = `${V2}/blobs/sha256/${d.slice(7, 9)}/${d.slice(7)}/data`;
    expect(files.get(path)).toBeInstanceOf(DeferredBytes);
    const mount = handle(sys, st, req('POST', `/v2/me/b/blobs/uploads/?from=me%2Fa&mount=${encodeURIComponent(d)}`));
    expect(mount.status).toBe(201);
    const head = handle(sys, st, req('HEAD', `/v2/me/b/blobs/${d}`));
    expect(head.headers).toContainEqual(['Content-Length', String(blobSize(layer))]);
    const ref = handle(sys, st, req('GET', `/v2/me/b/blobs/${d}`, { headers: { Accept: LAYER_REF_TYPE } }));
    expect([ref.contentType, ref.body]).toEqual([LAYER_REF_TYPE, d]);
    expect(files.get(path)).toBeInstanceOf(DeferredBytes);
    const bytes = handle(sys, st, req('GET', `/v2/me/b/blobs/${d}`)).body;
    expect(bytes.length).toBe(blobSize(layer));
    const tar = readTar(gunzip(Uint8Array.from(bytes, (c) => c.charCodeAt(0))).data);
    expect(tar.entries.map((e) => [e.name, e.data?.length])).toEqual([['big', 3 << 20]]);
  });
});
