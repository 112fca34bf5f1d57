/**
 * The slice of Alpine v3.21's repositories (main, community) that tutorials install, as apk's APKINDEX
 * describes each package: version, installed size, dependencies in the index's order, and the files it
 * puts on disk (each binary by the simulated program it runs). `apk` (programs/apk) installs only what is
 * here; the rest of the 25k-package index is only counted.
 *
 * Versions are those of v3.21 in early 2025 (the alpine:3.21.3 image's time). Installed sizes are rounded
 * from pkgs.alpinelinux.org as remembered, not measured: they only feed apk's `OK: N MiB` line.
 */
import type { Tree } from '../../fs/tree.js';
import { TreeBuilder } from '../builder.js';

export const ALPINE_MIRROR_HOST = 'dl-cdn.alpinelinux.org';

export interface AlpineRepo {
  /** As /etc/apk/repositories names it. */
  readonly url: string;
  /** The index's `DESCRIPTION` that `apk update` prints (the aports commit the index was built from). */
  readonly description: string;
  /** APKINDEX.<first 4 bytes of SHA-1 of the index URL>.tar.gz, as apk_repo_format_cache_index names it. */
  readonly cacheFile: string;
  /** Packages the whole index holds, and its size compressed. */
  readonly packages: number;
  readonly indexBytes: number;
}

export const ALPINE_REPOS: readonly AlpineRepo[] = [
  { url: 'https://dl-cdn.alpinelinux.org/alpine/v3.21/main', description: 'v3.21.3-160-g0fa5ae05a43', cacheFile: 'APKINDEX.36c0efc6.tar.gz', packages: 5602, indexBytes: 512_000 },
  { url: 'https://dl-cdn.alpinelinux.org/alpine/v3.21/community', description: 'v3.21.3-159-gbbd9f1e5de8', cacheFile: 'APKINDEX.e33e93f4.tar.gz', packages: 19795, indexBytes: 1_830_000 },
];

export interface ApkPackage {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** Installed size in bytes (APKINDEX `I:`). */
  readonly size: number;
  /** Dependencies by package name, in the index's order (so: and cmd: providers already resolved). */
  readonly depends: readonly string[];
  readonly repo: 'main' | 'community';
  /** `/path` a program named after the file, `/path=program`, `link:/path=target`, `lib:/path`, `dir:/path`, `etc:/path=text`. */
  readonly files: readonly string[];
  /** Its .post-install (and matching .pre-deinstall) scripts' effect, if it has them. */
  readonly postInstall?: 'add-shell-bash';
}

const P = (name: string, version: string, size: number, depends: string[], files: string[], description: string, extra: Partial<ApkPackage> = {}): ApkPackage =>
  ({ name, version, size, depends, files, description, repo: 'main', ...extra });

/**
 * The image's own packages' installed sizes. alpine:3.21 has 15 packages (a real `apk add --no-cache curl`
 * on it ends `OK: 12 MiB in 24 packages`), so its world cannot name libc-utils, which it lacks.
 */
export const ALPINE_BASE_SIZES: Readonly<Record<string, number>> = {
  'alpine-baselayout': 6_100, 'alpine-baselayout-data': 18_900, 'alpine-keys': 14_200, 'alpine-release': 4_100,
  'apk-tools': 253_000, busybox: 817_000, 'busybox-binsh': 1, 'ca-certificates-bundle': 241_000,
  libcrypto3: 4_650_000, libssl3: 790_000, musl: 627_000, 'musl-utils': 176_000,
  scanelf: 62_000, ssl_client: 13_000, zlib: 100_000,
};

const CURL_LIBS = ['ca-certificates-bundle', 'brotli-libs', 'c-ares', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs', 'zlib'];

export const ALPINE_321_PACKAGES: readonly ApkPackage[] = [
  P('curl', '8.12.1-r1', 250_000, ['ca-certificates-bundle', 'libcurl', 'zlib'], ['/usr/bin/curl'], 'URL retrival utility and library'),
  P('libcurl', '8.12.1-r1', 802_000, CURL_LIBS, ['lib:/usr/lib/libcurl.so.4.8.0', 'link:/usr/lib/libcurl.so.4=libcurl.so.4.8.0'], 'The multiprotocol file transfer library'),
  P('brotli-libs', '1.1.0-r2', 732_000, [], ['lib:/usr/lib/libbrotlicommon.so.1.1.0', 'lib:/usr/lib/libbrotlidec.so.1.1.0', 'lib:/usr/lib/libbrotlienc.so.1.1.0',
    'link:/usr/lib/libbrotlicommon.so.1=libbrotlicommon.so.1.1.0', 'link:/usr/lib/libbrotlidec.so.1=libbrotlidec.so.1.1.0', 'link:/usr/lib/libbrotlienc.so.1=libbrotlienc.so.1.1.0'], 'Generic lossless compressor (libraries)'),
  P('c-ares', '1.34.5-r0', 229_000, [], ['lib:/usr/lib/libcares.so.2.19.4', 'link:/usr/lib/libcares.so.2=libcares.so.2.19.4'], 'Asynchronous DNS/names resolver library'),
  P('libidn2', '2.3.7-r0', 213_000, ['libunistring'], ['lib:/usr/lib/libidn2.so.0.4.0', 'link:/usr/lib/libidn2.so.0=libidn2.so.0.4.0'], 'Encoding and decoding library for internationalized domain names'),
  P('libunistring', '1.2-r0', 1_840_000, [], ['lib:/usr/lib/libunistring.so.5.1.0', 'link:/usr/lib/libunistring.so.5=libunistring.so.5.1.0'], 'Library for manipulating Unicode strings and C strings'),
  P('nghttp2-libs', '1.64.0-r0', 172_000, [], ['lib:/usr/lib/libnghttp2.so.14.28.3', 'link:/usr/lib/libnghttp2.so.14=libnghttp2.so.14.28.3'], 'Experimental HTTP/2 client, server and proxy (libraries)'),
  P('libpsl', '0.21.5-r3', 94_000, ['libidn2', 'libunistring'], ['lib:/usr/lib/libpsl.so.5.3.5', 'link:/usr/lib/libpsl.so.5=libpsl.so.5.3.5'], 'C library for the Publix Suffix List'),
  P('zstd-libs', '1.5.6-r2', 656_000, [], ['lib:/usr/lib/libzstd.so.1.5.6', 'link:/usr/lib/libzstd.so.1=libzstd.so.1.5.6'], 'Zstandard - Fast real-time compression algorithm (libraries)'),
  P('bash', '5.2.37-r0', 1_230_000, ['busybox-binsh', 'readline', 'libncursesw'], ['/bin/bash', 'dir:/etc/bash', 'etc:/etc/bash/bashrc=# /etc/bash/bashrc (trimmed)\n'],
    'The GNU Bourne Again shell', { postInstall: 'add-shell-bash' }),
  P('readline', '8.2.13-r0', 274_000, ['libncursesw'], ['lib:/usr/lib/libreadline.so.8.2', 'link:/usr/lib/libreadline.so.8=libreadline.so.8.2', 'etc:/etc/inputrc=# /etc/inputrc (trimmed)\n'],
    'GNU readline library'),
  P('libncursesw', '6.5_p20241006-r3', 402_000, ['ncurses-terminfo-base'], ['lib:/usr/lib/libncursesw.so.6.5', 'link:/usr/lib/libncursesw.so.6=libncursesw.so.6.5'], 'Console display library (libncursesw)'),
  P('ncurses-terminfo-base', '6.5_p20241006-r3', 221_000, [], ['dir:/etc/terminfo', 'dir:/etc/terminfo/x', 'etc:/etc/terminfo/x/xterm=(terminfo)\n',
    'dir:/etc/terminfo/v', 'etc:/etc/terminfo/v/vt100=(terminfo)\n'], 'Descriptions of common terminals'),
];

/**
 * Real v3.21 packages a tutorial may ask for that dockersim does not model: apk refuses them in one line
 * rather than calling them a typo.
 */
export const ALPINE_321_UNMODELLED: ReadonlySet<string> = new Set(`
  nginx git vim nano python3 py3-pip nodejs npm openssh openssh-client openssl wget iputils bind-tools redis postgresql
  mariadb mysql htop jq make gcc g++ build-base tzdata ca-certificates sudo shadow procps util-linux coreutils findutils
  grep sed gawk less tar gzip unzip zip rsync tini su-exec dumb-init go rust cargo ruby php83 openjdk17 openjdk21 apache2
  lighttpd supervisor net-tools iproute2 tcpdump nmap socat netcat-openbsd busybox-extras musl-dev linux-headers
  libc6-compat gcompat file tree xz zstd perl docker docker-cli git-lfs ncurses zsh fish tmux screen emacs neovim
  postgresql-client redis-cli sqlite mongodb-tools memcached haproxy traefik caddy openrc bash-completion man-pages
  mandoc ripgrep fzf lsof strace gdb nginx-mod-http-headers-more xxd vim-common iperf3 mtr
`.trim().split(/\s+/));

/** What a learner can install here (the rest of the table is their dependencies). */
export const ALPINE_321_OFFERED = ['bash', 'curl'] as const;

export const ALPINE_321_INDEX: ReadonlyMap<string, ApkPackage> = new Map(ALPINE_321_PACKAGES.map((p) => [p.name, p]));

/** The files a package puts on disk, as a tree rooted at `/` whose files carry `mtimeMs`. */
export function apkPackageFiles(p: ApkPackage, mtimeMs: number): Tree {
  const b = new TreeBuilder(mtimeMs);
  for (const spec of p.files) {
    if (spec.startsWith('dir:')) b.dir(spec.slice(4));
    else if (spec.startsWith('lib:')) b.lib(spec.slice(4));
    else if (spec.startsWith('link:')) {
      const [path, target] = spec.slice(5).split('=');
      b.link(path, target);
    } else if (spec.startsWith('etc:')) {
      const i = spec.indexOf('=');
      b.file(spec.slice(4, i), spec.slice(i + 1));
    } else {
      const [path, program] = spec.split('=');
      b.bin(path, program ?? path.slice(path.lastIndexOf('/') + 1));
    }
  }
  return b.build();
}
