/**
 * moby go-archive's DecompressStream: whatever reads an archive a client uploaded (a build context, `docker
 * load`, `docker import`, PUT /containers/{id}/archive) takes it plain or compressed, told apart by its first
 * bytes. dockerode gzips every build context it packs itself, so a daemon that read only plain tar failed them
 * all. gzip is undone here; bzip2, xz and zstd are recognised and refused in dockersim's one line.
 */
import { DaemonError } from '../errdefs.js';
import { gunzip, GzipError, isGzip } from './gzip.js';
import { TarError } from './tar.js';

const MAGIC: readonly (readonly [name: string, bytes: readonly number[]])[] = [
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
];

/** The archive's tar bytes; a damaged gzip stream is a TarError with what Go's readers say of it. */
export function decompressStream(data: Uint8Array): Uint8Array {
  if (isGzip(data)) {
    try {
      return gunzip(data).data;
    } catch (e) {
      if (!(e instanceof GzipError)) throw e;
      // compress/gzip: a header it cannot read, else the stream ends before the tar does.
      throw new TarError(data.length < 10 || data[2] !== 8 ? 'gzip: invalid header' : 'unexpected EOF');
    }
  }
  for (const [name, bytes] of MAGIC) {
    if (data.length >= bytes.length && bytes.every((b, i) => data[i] === b)) {
      throw new DaemonError('NotImplemented', `dockersim: a ${name}-compressed archive is not simulated (send it plain or gzipped)`);
    }
  }
  return data;
}
