/** The tar-carrying calls of docker/client over the simulated socket: bodies as bytes, never text. */
import type { DockerClient } from '../../api/client/client.js';
import { JsonStream } from '../../api/client/client.js';
import { arrayFromBytes, bytesFromArray, bytesToText } from '../../api/bytes.js';
import { base64Decode } from '../../pkg/base64.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { encodeQuery } from '../../api/http/query.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { ArchiveClient, ArchiveMessageStream, PathStat } from '../../cli/archiveClient.js';
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
      method, target: target(path, q), ...(body ? { body: bytesFromArray(body), headers: { 'Content-Type': ct ?? 'application/x-tar' } } : {}),
    });
    const all = await res.readAll();
    sys.close(res.fd);
    return { res, body: all };
  };
  const stream = async (method: string, path: string, q: Query, body: Uint8Array, ct: string): Promise<ArchiveMessageStream> => {
    await c.negotiate();
    const res = await c.send({ method, target: target(path, q), body: bytesFromArray(body), headers: { 'Content-Type': ct } });
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
      return { tar: arrayFromBytes(body), stat: decodeStat(res.headers.get('X-Docker-Container-Path-Stat')) };
    },
    async copyToContainer(container, path, tar, opts) {
      await readBody('PUT', `/containers/${container}/archive`, {
        copyUIDGID: opts.copyUIDGID ? 'true' : undefined, noOverwriteDirNonDir: 'true', path,
      }, tar);
    },
    async containerExport(container) {
      return arrayFromBytes((await readBody('GET', `/containers/${container}/export`)).body);
    },
    async imageSave(names) {
      return arrayFromBytes((await readBody('GET', '/images/get', { names: [...names] })).body);
    },
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
