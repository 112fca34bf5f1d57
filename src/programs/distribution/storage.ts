/**
 * The registry's filesystem storage driver layout (distribution registry/storage/paths.go) under its root
 * directory: blobs by digest, each repository's layer, revision and tag links, upload sessions. Everything a
 * registry knows is read back from these files, so a restarted registry container serves what it stored.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';

const V2 = '/docker/registry/v2';

export class Storage {
  constructor(
    private readonly sys: Sys,
    private readonly root: string,
  ) {}

  private p(rel: string): string {
    return `${this.root}${V2}${rel}`;
  }

  private hex(digest: string): string {
    return digest.slice('sha256:'.length);
  }

  blobPath(digest: string): string {
    const h = this.hex(digest);
    return this.p(`/blobs/sha256/${h.slice(0, 2)}/${h}/data`);
  }

  private repo(name: string): string {
    return this.p(`/repositories/${name}`);
  }

  private write(path: string, data: string | Uint8Array): void {
    this.sys.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    this.sys.fs.writeFile(path, data);
  }

  private read(path: string): string | null {
    try {
      return this.sys.fs.readText(path);
    } catch (e) {
      if (isSysError(e)) return null;
      throw e;
    }
  }

  blobSize(digest: string): number | null {
    try {
      return this.sys.fs.stat(this.blobPath(digest)).size;
    } catch (e) {
      if (isSysError(e)) return null;
      throw e;
    }
  }

  readBlob(digest: string): Uint8Array {
    return this.sys.fs.readFile(this.blobPath(digest));
  }

  /** Moves a finished upload's data into place (a rename: deferred content stays deferred). */
  commitUpload(name: string, uuid: string, digest: string): void {
    const dst = this.blobPath(digest);
    if (this.blobSize(digest) === null) {
      this.sys.fs.mkdir(dst.slice(0, dst.lastIndexOf('/')), { recursive: true });
      this.sys.fs.rename(this.uploadData(name, uuid), dst);
    }
    this.linkLayer(name, digest);
    this.removeUpload(name, uuid);
  }

  linkLayer(name: string, digest: string): void {
    this.write(`${this.repo(name)}/_layers/sha256/${this.hex(digest)}/link`, digest);
  }

  hasLayerLink(name: string, digest: string): boolean {
    return this.read(`${this.repo(name)}/_layers/sha256/${this.hex(digest)}/link`) !== null;
  }

  uploadData(name: string, uuid: string): string {
    return `${this.repo(name)}/_uploads/${uuid}/data`;
  }

  startUpload(name: string, uuid: string, startedAt: string): void {
    this.write(this.uploadData(name, uuid), '');
    this.write(`${this.repo(name)}/_uploads/${uuid}/startedat`, startedAt);
  }

  hasUpload(name: string, uuid: string): boolean {
    return this.read(`${this.repo(name)}/_uploads/${uuid}/startedat`) !== null;
  }

  writeUpload(name: string, uuid: string, data: Uint8Array): void {
    this.sys.fs.writeFile(this.uploadData(name, uuid), data);
  }

  appendUpload(name: string, uuid: string, data: Uint8Array): void {
    this.sys.fs.writeFile(this.uploadData(name, uuid), data, { append: true });
  }

  /**
   * The upload's hash state at its end offset (`_uploads/<id>/hashstates/sha256/<offset>`): for a layer that
   * came by reference, the digest itself, since the bytes to hash were never made.
   */
  setUploadHashState(name: string, uuid: string, offset: number, digest: string): void {
    this.write(`${this.repo(name)}/_uploads/${uuid}/hashstates/sha256/${offset}`, digest);
  }

  uploadHashState(name: string, uuid: string): string | null {
    const dir = `${this.repo(name)}/_uploads/${uuid}/hashstates/sha256`;
    try {
      const offs = this.sys.fs.readdir(dir);
      return offs.length === 1 ? this.read(`${dir}/${offs[0]}`) : null;
    } catch (e) {
      if (isSysError(e)) return null;
      throw e;
    }
  }

  uploadSize(name: string, uuid: string): number {
    return this.sys.fs.stat(this.uploadData(name, uuid)).size;
  }

  readUpload(name: string, uuid: string): Uint8Array {
    return this.sys.fs.readFile(this.uploadData(name, uuid));
  }

  private removeUpload(name: string, uuid: string): void {
    const dir = `${this.repo(name)}/_uploads/${uuid}`;
    for (const f of this.listAll(dir).reverse()) {
      try {
        if (this.sys.fs.lstat(f).type === 'dir') this.sys.fs.rmdir(f);
        else this.sys.fs.unlink(f);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
  }

  /** `dir` and everything under it, parents before children. */
  private listAll(dir: string): string[] {
    const out = [dir];
    let names: string[] = [];
    try {
      names = this.sys.fs.readdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    for (const n of names.sort()) {
      const p = `${dir}/${n}`;
      if (this.sys.fs.lstat(p).type === 'dir') out.push(...this.listAll(p));
      else out.push(p);
    }
    return out;
  }

  /** A manifest is a blob too, linked as a revision and, by tag, as its current and index links. */
  putManifest(name: string, tag: string | null, digest: string, body: Uint8Array): void {
    if (this.blobSize(digest) === null) this.write(this.blobPath(digest), body);
    this.write(`${this.repo(name)}/_manifests/revisions/sha256/${this.hex(digest)}/link`, digest);
    if (tag !== null) {
      this.write(`${this.repo(name)}/_manifests/tags/${tag}/current/link`, digest);
      this.write(`${this.repo(name)}/_manifests/tags/${tag}/index/sha256/${this.hex(digest)}/link`, digest);
    }
  }

  tagDigest(name: string, tag: string): string | null {
    return this.read(`${this.repo(name)}/_manifests/tags/${tag}/current/link`);
  }

  hasRevision(name: string, digest: string): boolean {
    return this.read(`${this.repo(name)}/_manifests/revisions/sha256/${this.hex(digest)}/link`) !== null;
  }

  repoExists(name: string): boolean {
    return this.sys.fs.exists(this.repo(name));
  }

  tags(name: string): string[] {
    try {
      return this.sys.fs.readdir(`${this.repo(name)}/_manifests/tags`).sort();
    } catch (e) {
      if (isSysError(e)) return [];
      throw e;
    }
  }

  /** Repositories are the directories holding a `_manifests` (names may have slashes), in lexical order. */
  catalog(): string[] {
    const out: string[] = [];
    const walk = (dir: string, prefix: string): void => {
      let names: string[];
      try {
        names = this.sys.fs.readdir(dir).sort();
      } catch (e) {
        if (isSysError(e)) return;
        throw e;
      }
      if (names.includes('_manifests')) out.push(prefix);
      for (const n of names) if (!n.startsWith('_')) walk(`${dir}/${n}`, prefix ? `${prefix}/${n}` : n);
    };
    walk(this.p('/repositories'), '');
    return out.sort();
  }
}
