import type { Tree } from '../fs/tree.js';
import { alpineTree } from './alpine.js';
import { busyboxTree } from './busybox.js';
import { debianSlimTree } from './debian.js';
import { nginxAlpineTree, nginxDebianTree } from './nginxImage.js';
import { hostTree, type HostOptions } from './host.js';
import type { ImageRef } from './images.js';
import { redisImageTree } from './redis.js';
import { registryTree } from './registryImage.js';
import { JAMMY_BASE } from './packages/jammy.js';
import { NOBLE_BASE } from './packages/noble.js';
import { ubuntuTree } from './ubuntu.js';
import { ubuntuLegacyTree } from './ubuntuLegacy.js';
import { IMAGES, imageMtime } from './images.js';
import { KNOWN_SIZES, sizeTree } from './sizes.js';

export { IMAGES, DEFAULT_PATH_ENV, imageMtime, type ImageMeta, type ImageRef } from './images.js';
export { BUSYBOX_APPLETS } from './busybox.js';
export { ALPINE_BUSYBOX_LINKS, ALPINE_VERSION } from './alpine.js';
export { HOST_USER, HOST_USER_GROUPS, DOCKER_GID, type HostOptions } from './host.js';
export { TreeBuilder } from './builder.js';
export { addDebianSlim } from './debian.js';

/**
 * Root filesystems by image reference, plus the host's. Each call builds a fresh Tree, so callers may keep
 * or transform the result without sharing state.
 */
export const ROOTFS: { readonly [K in ImageRef]: () => Tree } & { readonly host: (opts?: HostOptions) => Tree } = {
  'ubuntu:24.04': sized('ubuntu:24.04', () => ubuntuTree('24.04', NOBLE_BASE)),
  'ubuntu:22.04': sized('ubuntu:22.04', () => ubuntuTree('22.04', JAMMY_BASE)),
  'ubuntu:20.04': sized('ubuntu:20.04', () => ubuntuLegacyTree('20.04', imageMtime('ubuntu:20.04'))),
  'ubuntu:18.04': sized('ubuntu:18.04', () => ubuntuLegacyTree('18.04', imageMtime('ubuntu:18.04'))),
  'ubuntu:16.04': sized('ubuntu:16.04', () => ubuntuLegacyTree('16.04', imageMtime('ubuntu:16.04'))),
  'ubuntu:14.04': sized('ubuntu:14.04', () => ubuntuLegacyTree('14.04', imageMtime('ubuntu:14.04'))),
  'busybox:1.37': sized('busybox:1.37', busyboxTree),
  'alpine:3.21': sized('alpine:3.21', alpineTree),
  'redis:8.0.2': sized('redis:8.0.2', () => redisImageTree(debianSlimTree(), imageMtime('redis:8.0.2'))),
  'debian:bookworm-slim': sized('debian:bookworm-slim', debianSlimTree),
  'nginx:1.27.4': sized('nginx:1.27.4', nginxDebianTree),
  'nginx:1.27.4-alpine': sized('nginx:1.27.4-alpine', nginxAlpineTree),
  'registry:2': sized('registry:2', registryTree),
  // The host keeps its files as they are: its disk is not an image anyone sizes.
  host: hostTree,
};

/** An image's tree with its files weighing what Docker Hub's image does (sizes.ts). */
function sized(ref: ImageRef, tree: () => Tree): () => Tree {
  return () => sizeTree(tree(), IMAGES[ref].size, KNOWN_SIZES[ref]);
}
