/**
 * POST /build's backend (moby api/server/backend/build.Backend.Build): the tags checked first, the builder the
 * `version` asks for, then for the legacy builder `Successfully built` and one `Successfully tagged` line per
 * tag. A context from a URL or git repository is refused: the simulated host cannot fetch one for the daemon.
 */
import { decompressStream } from '../../../pkg/archive/compression.js';
import { TarError } from '../../../pkg/archive/tar.js';
import { invalidParameter } from '../../../pkg/errdefs.js';
import { familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import type { DaemonContext } from '../context.js';
import { shortID } from '../ids.js';
import { imageTagRef } from '../images/commit.js';
import { notSimulated } from '../unsimulated.js';
import { buildkitBuild, type TraceSink } from './buildkit.js';
import { LegacyBuilder, readDockerfile, type BuildMessage } from './legacy.js';
import type { BuildOptions } from './options.js';
import { buildLog, type BuildRecorder } from './record.js';

export type { BuildOptions } from './options.js';
export { StepError, type BuildMessage } from './legacy.js';

/** sanitizeRepoAndTags: each `t` parsed, `:latest` added, duplicates dropped, digests refused. */
export function sanitizeRepoAndTags(names: readonly string[]): Reference[] {
  const seen = new Set<string>();
  const out: Reference[] = [];
  for (const name of names) {
    if (name === '') continue;
    const ref = parseNormalizedNamed(name);
    if (ref.digest !== undefined) throw new Error('build tag cannot contain a digest');
    const tagged = tagNameOnly(ref);
    const key = referenceString(tagged);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tagged);
  }
  return out;
}

/** remotecontext.Detect's refusals for what is not an uploaded archive. */
function checkRemote(remote: string, version: string): void {
  if (remote === '') return;
  if (remote === 'client-session') {
    if (version === '1') throw invalidParameter('experimental session with v1 builder is no longer supported, use builder version v2 (BuildKit) instead');
    throw notSimulated('a build context sent over a BuildKit session (the simulated daemon reads the uploaded context)');
  }
  if (/^(git:\/\/|git@|github\.com\/)/.test(remote) || /\.git(#.*)?$/.test(remote)) throw notSimulated(`building from a git repository (${remote})`);
  if (/^https?:\/\//.test(remote)) throw notSimulated(`building from a URL (${remote})`);
  throw new Error(`remoteURL (${remote}) could not be recognized as URL`);
}

/** The build; `out` gets the stream's messages (v1) or BuildKit's trace (v2). Returns the image ID. */
export async function imageBuild(d: DaemonContext, opts: BuildOptions, tar: Uint8Array, out: (m: BuildMessage) => void, trace?: TraceSink): Promise<string> {
  const tags = sanitizeRepoAndTags(opts.tags);
  checkRemote(opts.remote, opts.version);
  // The offline catalogue holds linux/amd64 images only: another `--platform` is refused, not ignored.
  if (opts.platform !== '' && !/^linux(\/(amd64|x86_64))?$/.test(opts.platform)) throw notSimulated(`building for the platform ${opts.platform}`);
  const rec = buildLog(d.store).begin(opts.version === '2' ? 'buildkit' : 'legacy', tags.map(familiarString));
  try {
    const id = await runBuilder(d, opts, contextTar(tar), tags, out, trace, rec);
    rec.succeeded(id);
    return id;
  } catch (e) {
    rec.failed((e as Error).message);
    throw e;
  }
}

/** The uploaded context as plain tar: dockerode gzips the contexts it packs, and moby reads them so. */
function contextTar(upload: Uint8Array): Uint8Array {
  try {
    return decompressStream(upload);
  } catch (e) {
    if (e instanceof TarError) throw new Error(`failed to read build context: ${e.message}`);
    throw e;
  }
}

async function runBuilder(
  d: DaemonContext, opts: BuildOptions, tar: Uint8Array, tags: Reference[], out: (m: BuildMessage) => void, trace: TraceSink | undefined,
  rec: BuildRecorder,
): Promise<string> {
  if (opts.version === '2') return buildkitBuild(d, opts, tar, tags, trace ?? (() => {}), out, rec);
  const src = readDockerfile(tar, opts.dockerfile || 'Dockerfile');
  const id = await new LegacyBuilder(d, opts, src, out, rec).build();
  out({ stream: `Successfully built ${shortID(id)}\n` });
  for (const ref of tags) {
    imageTagRef(d, id, ref);
    out({ stream: `Successfully tagged ${familiarString(ref)}\n` });
  }
  return id;
}
