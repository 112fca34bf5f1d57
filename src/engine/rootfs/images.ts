/**
 * What `docker images` / `docker inspect` need to know about the images the simulator ships, taken from the
 * real images on Docker Hub (amd64). Layers and digests are the registry's business, not this table's.
 * Sizes are bytes: `size` is what `docker images` shows (uncompressed, "78.1MB" = 78_100_000 with Docker's
 * decimal units), `compressedSize` what `docker pull` downloads.
 */
export interface ImageMeta {
  readonly repository: string;
  readonly tag: string;
  /** Other tags that name the same image (`latest`, codenames). */
  readonly aliases: readonly string[];
  readonly created: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly architecture: 'amd64';
  readonly os: 'linux';
  /** ENTRYPOINT, EXPOSE, STOPSIGNAL, WORKDIR and VOLUME of the image's Dockerfile (contract 6). */
  readonly entrypoint?: readonly string[];
  /** `80/tcp`. */
  readonly exposedPorts?: readonly string[];
  readonly stopSignal?: string;
  readonly workingDir?: string;
  readonly volumes?: readonly string[];
}

export const DEFAULT_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const IMAGES = {
  'ubuntu:24.04': {
    repository: 'ubuntu',
    tag: '24.04',
    aliases: ['latest', 'noble'],
    created: '2024-09-11T16:25:43.050179742Z',
    size: 78_100_000,
    compressedSize: 29_750_000,
    cmd: ['/bin/bash'],
    env: [DEFAULT_PATH_ENV],
    labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
    architecture: 'amd64',
    os: 'linux',
  },
  'ubuntu:22.04': {
    repository: 'ubuntu',
    tag: '22.04',
    aliases: ['jammy'],
    created: '2024-09-11T16:25:21.359713431Z',
    size: 77_900_000,
    compressedSize: 29_540_000,
    cmd: ['/bin/bash'],
    env: [DEFAULT_PATH_ENV],
    labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' },
    architecture: 'amd64',
    os: 'linux',
  },
  // The book's older tags: the last image of each on Docker Hub (docker-library/repo-info, amd64).
  'ubuntu:20.04': {
    repository: 'ubuntu', tag: '20.04', aliases: ['focal'], created: '2022-12-09T01:20:21Z',
    size: 72_800_000, compressedSize: 28_576_882, cmd: ['bash'], env: [DEFAULT_PATH_ENV],
    labels: {}, architecture: 'amd64', os: 'linux',
  },
  'ubuntu:18.04': {
    repository: 'ubuntu', tag: '18.04', aliases: ['bionic'], created: '2023-01-02T18:48:56Z',
    size: 63_100_000, compressedSize: 26_711_442, cmd: ['bash'], env: [DEFAULT_PATH_ENV],
    labels: {}, architecture: 'amd64', os: 'linux',
  },
  'ubuntu:16.04': {
    repository: 'ubuntu', tag: '16.04', aliases: ['xenial'], created: '2021-08-31T01:21:30Z',
    size: 135_000_000, compressedSize: 46_499_103, cmd: ['/bin/bash'], env: [DEFAULT_PATH_ENV],
    labels: {}, architecture: 'amd64', os: 'linux',
  },
  'ubuntu:14.04': {
    repository: 'ubuntu', tag: '14.04', aliases: ['trusty'], created: '2021-03-25T22:33:44Z',
    size: 197_000_000, compressedSize: 70_764_430, cmd: ['/bin/bash'], env: [DEFAULT_PATH_ENV],
    labels: {}, architecture: 'amd64', os: 'linux',
  },
  'busybox:1.37': {
    repository: 'busybox',
    tag: '1.37',
    aliases: ['latest', '1.37.0', '1', 'stable'],
    created: '2024-09-26T21:31:42Z',
    size: 4_270_000,
    compressedSize: 2_150_000,
    cmd: ['sh'],
    env: [DEFAULT_PATH_ENV],
    labels: {},
    architecture: 'amd64',
    os: 'linux',
  },
  'alpine:3.21': {
    repository: 'alpine',
    tag: '3.21',
    aliases: ['latest', '3.21.3', '3'],
    created: '2025-02-14T03:28:36Z',
    size: 7_830_000,
    compressedSize: 3_640_000,
    cmd: ['/bin/sh'],
    env: [DEFAULT_PATH_ENV],
    labels: {},
    architecture: 'amd64',
    os: 'linux',
  },
  // Sizes and creation time are close estimates of Docker Hub's redis:8.0.2 (amd64), not copied figures.
  'redis:8.0.2': {
    repository: 'redis',
    tag: '8.0.2',
    aliases: ['latest', '8', '8.0', '8.0.2-bookworm', '8.0-bookworm', '8-bookworm', 'bookworm'],
    created: '2025-05-27T20:31:14Z',
    size: 137_000_000,
    compressedSize: 47_900_000,
    cmd: ['redis-server'],
    env: [DEFAULT_PATH_ENV],
    labels: {},
    architecture: 'amd64',
    os: 'linux',
    entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['6379/tcp'],
    workingDir: '/data',
    volumes: ['/data'],
  },
  'debian:bookworm-slim': {
    repository: 'debian',
    tag: 'bookworm-slim',
    aliases: ['12-slim', '12.9-slim', 'stable-slim'],
    created: '2025-02-03T00:00:00Z',
    size: 74_800_000,
    compressedSize: 28_230_000,
    cmd: ['bash'],
    env: [DEFAULT_PATH_ENV],
    labels: {},
    architecture: 'amd64',
    os: 'linux',
  },
  // docker-nginx's mainline Dockerfiles at 1.27.4, the nginx of Docker 28.0's release (February 2025).
  'nginx:1.27.4': {
    repository: 'nginx',
    tag: '1.27.4',
    aliases: ['latest', 'mainline', '1', '1.27', 'bookworm', '1.27.4-bookworm'],
    created: '2025-02-05T21:27:16Z',
    size: 192_000_000,
    compressedSize: 72_190_000,
    cmd: ['nginx', '-g', 'daemon off;'],
    env: [DEFAULT_PATH_ENV, 'NGINX_VERSION=1.27.4', 'NJS_VERSION=0.8.9', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    architecture: 'amd64',
    os: 'linux',
    entrypoint: ['/docker-entrypoint.sh'],
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGQUIT',
  },
  'nginx:1.27.4-alpine': {
    repository: 'nginx',
    tag: '1.27.4-alpine',
    aliases: ['alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', '1.27.4-alpine3.21'],
    created: '2025-02-05T21:48:02Z',
    size: 47_900_000,
    compressedSize: 20_330_000,
    cmd: ['nginx', '-g', 'daemon off;'],
    env: [DEFAULT_PATH_ENV, 'NGINX_VERSION=1.27.4', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.9', 'NJS_RELEASE=1'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    architecture: 'amd64',
    os: 'linux',
    entrypoint: ['/docker-entrypoint.sh'],
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGQUIT',
  },
  // distribution-library-image's 2.8.3 (the last registry 2.x, October 2023).
  'registry:2': {
    repository: 'registry',
    tag: '2',
    aliases: ['2.8', '2.8.3'],
    created: '2023-10-02T18:13:41Z',
    size: 25_400_000,
    compressedSize: 9_360_000,
    cmd: ['/etc/docker/registry/config.yml'],
    env: [DEFAULT_PATH_ENV],
    labels: {},
    architecture: 'amd64',
    os: 'linux',
    entrypoint: ['/entrypoint.sh'],
    exposedPorts: ['5000/tcp'],
    volumes: ['/var/lib/registry'],
  },
} as const satisfies Record<string, ImageMeta>;

export type ImageRef = keyof typeof IMAGES;

/** The time files in an image's tree carry: the image's build time. */
export function imageMtime(ref: ImageRef): number {
  return Date.parse(IMAGES[ref].created);
}
