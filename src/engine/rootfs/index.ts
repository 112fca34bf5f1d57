import type { Tree } from '../fs/tree.js';
import { alpineTree } from './alpine.js';
import { busyboxTree } from './busybox.js';
import { hostTree, type HostOptions } from './host.js';
import type { ImageRef } from './images.js';
import { redisImageTree } from './redis.js';
import { ubuntuTree } from './ubuntu.js';
import { imageMtime } from './images.js';

export { IMAGES, DEFAULT_PATH_ENV, imageMtime, type ImageMeta, type ImageRef } from './images.js';
export { BUSYBOX_APPLETS } from './busybox.js';
export { ALPINE_BUSYBOX_LINKS, ALPINE_VERSION } from './alpine.js';
export { HOST_USER, HOST_USER_GROUPS, DOCKER_GID, type HostOptions } from './host.js';
export { TreeBuilder } from './builder.js';

/**
 * Root filesystems by image reference, plus the host's. Each call builds a fresh Tree, so callers may keep
 * or transform the result without sharing state.
 */
export const ROOTFS: { readonly [K in ImageRef]: () => Tree } & { readonly host: (opts?: HostOptions) => Tree } = {
  'ubuntu:24.04': () => ubuntuTree('24.04'),
  'ubuntu:22.04': () => ubuntuTree('22.04'),
  'busybox:1.37': busyboxTree,
  'alpine:3.21': alpineTree,
  // The redis image's base is debian:bookworm-slim (engine/rootfs/debian.ts, on the nginx branch): until it is
  // merged, Ubuntu 24.04's tree stands in, so the layers above it can be tried. The lead swaps the base.
  'redis:8.0.2': () => redisImageTree(ubuntuTree('24.04'), imageMtime('redis:8.0.2')),
  host: hostTree,
};
