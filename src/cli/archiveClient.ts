/**
 * What `docker cp`, `export`, `save`, `load` and `import` ask of the API client (docker/client's
 * ContainerStatPath, CopyFromContainer, CopyToContainer, ContainerExport, ImageSave, ImageLoad, ImageImport),
 * and what they need of the process around them: bytes on stdin/stdout and the host's files.
 */
import type { Fs } from '../engine/kernel/fsTypes.js';

import type { PathStat } from '../engine/daemon/containerArchive.js';

export type { PathStat };

/** Newline-separated JSON messages (client.ts's MessageStream, named apart so the two files need not import each other). */
export interface ArchiveMessageStream {
  nextMessage(): Promise<Record<string, unknown> | null>;
  close(): void;
}

/** A response body read piece by piece as it arrives (GET …/export, /images/get): null at its end. */
export interface ByteStream {
  next(): Promise<Uint8Array | null>;
}

export interface ArchiveClient {
  containerStatPath(container: string, path: string): Promise<PathStat>;
  copyFromContainer(container: string, path: string): Promise<{ tar: Uint8Array; stat: PathStat }>;
  copyToContainer(container: string, path: string, tar: Uint8Array, opts: { copyUIDGID: boolean }): Promise<void>;
  containerExport(container: string): Promise<ByteStream>;
  imageSave(names: readonly string[]): Promise<ByteStream>;
  imageLoad(tar: Uint8Array, quiet: boolean): Promise<ArchiveMessageStream>;
  imageImport(source: string, tar: Uint8Array, opts: { ref: string; message: string; changes: readonly string[]; platform: string }): Promise<ArchiveMessageStream>;
}

/** The bytes side of the docker process: its stdin and stdout as bytes, and the host's files as it may reach them. */
export interface HostIo {
  readonly fs: Fs;
  cwd(): string;
  writeOut(bytes: Uint8Array): Promise<void>;
  /** All of stdin, to its end. */
  readIn(): Promise<Uint8Array>;
}

export const GO_MODE_DIR = 2 ** 31;
export const GO_MODE_SYMLINK = 2 ** 27;
export const isGoDir = (mode: number): boolean => mode >= GO_MODE_DIR;
export const isGoSymlink = (mode: number): boolean => Math.floor(mode / GO_MODE_SYMLINK) % 2 === 1;
