/**
 * The Redis builds the simulator ships, and where their words differ. A file on the simulated disk names its
 * build in its program name (`redis-server` is the official image's 8.0; `redis-server-7.0.15` Ubuntu 24.04's
 * package), so `redis-server --version`, INFO and the banner follow what is installed.
 */

export interface RedisBuild {
  readonly version: string;
  /** `modified=1` in the log: the image patches config.c (protected-mode off) and builds its modules in. */
  readonly dirty: boolean;
  readonly buildId: string;
  readonly malloc: string;
  readonly gccVersion: string;
  readonly rdbVersion: number;
  /** Redis 7.2+ logs its start at NOTICE (`*`); older ones at WARNING (`#`). */
  readonly startLevel: '*' | '#';
  /** 7.2+ says `Ready to accept connections tcp`. */
  readonly readyNamesTransport: boolean;
  /** 6.2+ logs the monotonic clock it chose. */
  readonly monotonicLine: boolean;
  /** 8.0 checks overcommit before it starts (a `C` line); 7.0 after `Server initialized`; 6.0 words it its own way. */
  readonly overcommit: 'before-start' | 'after-init' | 'legacy';
  /** 7.0+ logs `Done loading RDB, keys loaded: …`. */
  readonly doneLoadingLine: boolean;
  /** The default of protected-mode (the image builds it off). */
  readonly protectedModeDefault: boolean;
  /** The first line of the logo's caption: 8.0 names the edition on a line of its own. */
  readonly logo: 'classic' | 'open-source';
}

export const IMAGE_BUILD: RedisBuild = {
  version: '8.0.2', dirty: true, buildId: '1f1b1f3d6f4c4b2a', malloc: 'jemalloc-5.3.0', gccVersion: '12.2.0',
  rdbVersion: 12, startLevel: '*', readyNamesTransport: true, monotonicLine: true, overcommit: 'before-start',
  doneLoadingLine: true, protectedModeDefault: false, logo: 'open-source',
};

export const BUILDS: Readonly<Record<string, RedisBuild>> = {
  '8.0.2': IMAGE_BUILD,
  '7.0.15': {
    version: '7.0.15', dirty: false, buildId: 'ae4d7c971a948f0', malloc: 'jemalloc-5.3.0', gccVersion: '13.2.0',
    rdbVersion: 10, startLevel: '#', readyNamesTransport: false, monotonicLine: true, overcommit: 'after-init',
    doneLoadingLine: true, protectedModeDefault: true, logo: 'classic',
    },
  '6.0.16': {
    version: '6.0.16', dirty: false, buildId: 'a3fdef44459b3ad6', malloc: 'jemalloc-5.2.1', gccVersion: '11.2.0',
    rdbVersion: 9, startLevel: '#', readyNamesTransport: false, monotonicLine: false, overcommit: 'legacy',
    doneLoadingLine: false, protectedModeDefault: true, logo: 'classic',
    },
};

/** Program name for a build: the image's is the plain name, a package's carries its version. */
export function programName(base: 'redis-server' | 'redis-cli' | 'redis-benchmark' | 'redis-check-rdb' | 'redis-check-aof', version: string): string {
  return version === IMAGE_BUILD.version ? base : `${base}-${version}`;
}

/** The simulated programs' names, for the chunk table (programs/optional.ts). */
export const REDIS_PROGRAM_NAMES: readonly string[] = Object.keys(BUILDS).flatMap((v) =>
  (['redis-server', 'redis-cli'] as const).map((b) => programName(b, v)));
