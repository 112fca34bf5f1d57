/** The tar-carrying calls of docker/client over the simulated socket: bodies as bytes, never text. */
import type { DockerClient } from '../../api/client/client.js';
import { JsonStream } from '../../api/client/client.js';
import { concatBytes } from '../../engine/kernel/chunks.js';
import { base64Decode } from '../../pkg/base64.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { encodeQuery } from '../../api/http/query.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { ArchiveClient, ArchiveMessageStream, ByteStream, PathStat } from '../../cli/archiveClient.js';
import { parseNormalizedNamed, tagNameOnly } from '../../pkg/reference.js';

type Query = Record<string, string | readonly string[] | undefined>;

function decodeStat(h: string): PathStat {
  return JSON.parse(utf8Decode(base64Decode(h))) as PathStat;
}

export function archiveApi(sys: Sys, c: DockerClient): ArchiveClient {
  const target = (path: string, q?: Query): string => {
    const qs = q ? encodeQuery(q) : '';
    return `/v${c.version}${path}${qs ? `?${qs}` : ''}`;
  };
  const readBody = async (method: string, path: string, q?: Query, body?: Uint8Array, ct?: string) => {
    const res = await c.send({
      method, target: target(path, q), ...(body ? { body, headers: { 'Content-Type': ct ?? 'application/x-tar' } } : {}),
    });
    const parts: Uint8Array[] = [];
    for (let p = await res.nextBytes(); p !== null; p = await res.nextBytes()) parts.push(p);
    sys.close(res.fd);
    return { res, body: concatBytes(parts) };
  };
  /** A body given out as it comes off the socket: the daemon makes the next piece only once this one is read. */
  const bodyStream = async (path: string, q?: Query): Promise<ByteStream> => {
    const res = await c.send({ method: 'GET', target: target(path, q) });
    let open = true;
    return {
      async next() {
        const piece = open ? await res.nextBytes() : null;
        if (piece === null && open) {
          open = false;
          sys.close(res.fd);
        }
        return piece;
      },
    };
  };
  const stream = async (method: string, path: string, q: Query, body: Uint8Array, ct: string): Promise<ArchiveMessageStream> => {
    await c.negotiate();
    const res = await c.send({ method, target: target(path, q), body, headers: { 'Content-Type': ct } });
    const s = new JsonStream(sys, res);
    return { nextMessage: () => s.nextMessage(), close: () => s.close() };
  };
  return {
    async containerStatPath(container, path) {
      const { res } = await readBody('HEAD', `/containers/${container}/archive`, { path });
      return decodeStat(res.headers.get('X-Docker-Container-Path-Stat'));
    },
    async copyFromContainer(container, path) {
      const { res, body } = await readBody('GET', `/containers/${container}/archive`, { path });
      return { tar: body, stat: decodeStat(res.headers.get('X-Docker-Container-Path-Stat')) };
    },
    async copyToContainer(container, path, tar, opts) {
      await readBody('PUT', `/containers/${container}/archive`, {
        copyUIDGID: opts.copyUIDGID ? 'true' : undefined, noOverwriteDirNonDir: 'true', path,
      }, tar);
    },
    containerExport: (container) => bodyStream(`/containers/${container}/export`),
    imageSave: (names) => bodyStream('/images/get', { names: [...names] }),
    imageLoad: (tar, quiet) => stream('POST', '/images/load', { quiet: quiet ? '1' : undefined }, tar, 'application/x-tar'),
    async imageImport(source, tar, o) {
      let repo: string | undefined;
      let tag: string | undefined;
      if (o.ref !== '') {
        const ref = tagNameOnly(parseNormalizedNamed(o.ref));
        repo = `${ref.domain}/${ref.path}`;
        tag = ref.tag;
      }
      return stream('POST', '/images/create', {
        changes: o.changes.length > 0 ? [...o.changes] : undefined, fromSrc: source, message: o.message || undefined,
        platform: o.platform || undefined, repo, tag,
      }, tar, 'text/plain');
    },
  };
}
