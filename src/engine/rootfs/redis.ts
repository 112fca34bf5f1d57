/**
 * The official `redis` image (8.0.2 on debian:bookworm-slim, as Docker Hub had it in mid-2025): what its
 * Dockerfile adds on top of the Debian base. `redis` user and group 999, the binaries in /usr/local/bin (the
 * check tools and redis-sentinel are links to redis-server, as the build deduplicates them), the modules the
 * entrypoint loads, /data owned by redis, and an entrypoint that behaves as the image's: an option or a
 * `.conf` first argument means redis-server; as root it hands the working directory to redis and re-runs itself
 * as redis through setpriv; it tightens the umask, prints `Starting Redis Server` and adds `--loadmodule` for
 * each module.
 */
import type { Tree, TreeEntry } from '../fs/tree.js';
import { TreeBuilder, lines } from './builder.js';

export const REDIS_IMAGE_VERSION = '8.0.2';
export const REDIS_UID = 999;

export const REDIS_MODULES = ['redisbloom.so', 'redisearch.so', 'redistimeseries.so', 'rejson.so'] as const;

/** Written for dockersim; same observable steps as the image's docker-entrypoint.sh. */
export const REDIS_ENTRYPOINT = lines(
  '#!/bin/sh',
  'set -e',
  '',
  '# "-something" or "something.conf" as the first argument: those are redis-server\'s.',
  'if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then',
  '\tset -- redis-server "$@"',
  'fi',
  '',
  'cmd="$(command -v "$1" 2>/dev/null || :)"',
  'is_server=',
  'if [ "$(readlink -f "$cmd")" = /usr/local/bin/redis-server ]; then',
  '\tis_server=1',
  'fi',
  '',
  '# Started as root (no --user): give the data directory to redis and run as redis, without extra privileges.',
  'if [ -n "$is_server" ] && [ -z "$SKIP_DROP_PRIVS" ] && [ "$(id -u)" = 0 ]; then',
  '\tif [ -z "$SKIP_FIX_PERMS" ]; then',
  '\t\tfind . \\! -user redis -exec chown redis \'{}\' +',
  '\tfi',
  '\texec setpriv --reuid redis --regid redis --clear-groups --nnp \\',
  '\t\t--inh-caps=-all --ambient-caps=-all --bounding-set=-all "$0" "$@"',
  'fi',
  '',
  '# Files redis writes are its own alone unless a umask was chosen.',
  'if [ "$(umask)" = 0022 ]; then',
  '\tumask 0077',
  'fi',
  '',
  'if [ -n "$is_server" ]; then',
  '\techo "Starting Redis Server"',
  '\tmodules_dir=/usr/local/lib/redis/modules/',
  '\tfor file in "$modules_dir"*.so; do',
  '\t\tmodule="$modules_dir/${file##*/}"',
  '\t\tif [ -s "$module" ] && [ -r "$module" ] && [ -x "$module" ]; then',
  '\t\t\tset -- "$@" --loadmodule "$module"',
  '\t\tfi',
  '\tdone',
  'fi',
  '',
  'exec "$@"',
);

function appendLine(base: Tree, path: string, line: string): TreeEntry {
  const e = base[path];
  const content = e && e.type === 'file' ? (typeof e.content === 'string' ? e.content : new TextDecoderLite(e.content).text) : '';
  return { ...(e ?? { type: 'file', mode: 0o644, uid: 0, gid: 0 }), type: 'file', content: `${content}${line}\n` } as TreeEntry;
}

/** Bytes of a file that is ASCII text (the account databases). */
class TextDecoderLite {
  readonly text: string;
  constructor(bytes: Uint8Array) {
    this.text = String.fromCharCode(...bytes);
  }
}

/** The image's tree: `base` (debian:bookworm-slim's) with the redis layers on top. */
export function redisImageTree(base: Tree, mtimeMs: number): Tree {
  const b = new TreeBuilder(mtimeMs);
  for (const name of ['redis-server', 'redis-cli', 'redis-benchmark']) b.bin(`/usr/local/bin/${name}`);
  b.links('/usr/local/bin', [['redis-check-aof', 'redis-server'], ['redis-check-rdb', 'redis-server'], ['redis-sentinel', 'redis-server']]);
  b.file('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT, 0o755);
  for (const m of REDIS_MODULES) b.file(`/usr/local/lib/redis/modules/${m}`, `\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00${m}\n`, 0o755);
  b.dir('/data', 0o755, REDIS_UID, REDIS_UID);
  const layer = b.build();
  delete (layer as Record<string, TreeEntry>)['/'];
  const out: Record<string, TreeEntry> = { ...base };
  // Parent directories the base already has keep the base's entry.
  for (const [path, entry] of Object.entries(layer)) if (!(entry.type === 'dir' && path !== '/data' && base[path])) out[path] = entry;
  out['/etc/passwd'] = appendLine(base, '/etc/passwd', `redis:x:${REDIS_UID}:${REDIS_UID}::/home/redis:/bin/sh`);
  out['/etc/group'] = appendLine(base, '/etc/group', `redis:x:${REDIS_UID}:`);
  if (base['/etc/shadow']) out['/etc/shadow'] = appendLine(base, '/etc/shadow', 'redis:!:20235::::::');
  return out;
}
