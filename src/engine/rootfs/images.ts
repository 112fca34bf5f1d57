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
} as const satisfies Record<string, ImageMeta>;

export type ImageRef = keyof typeof IMAGES;

/** The time files in an image's tree carry: the image's build time. */
export function imageMtime(ref: ImageRef): number {
  return Date.parse(IMAGES[ref].created);
}
