/**
 * The `history` of the offline registry's images, as their configs on Docker Hub (amd64) record it: the legacy
 * builder's `/bin/sh -c #(nop) …` lines for the Ubuntu images, BuildKit's `… # buildkit` lines and
 * `buildkit.dockerfile.v0` comments for the newer ones, debuerreotype's line for Debian.
 *
 * A catalog image is one layer here (registry.ts), so exactly one entry carries a layer: the base rootfs, which
 * holds the whole image. The instructions that set the config (ENV, EXPOSE, CMD…) follow as empty entries, as on
 * Hub; the RUN and COPY steps that were layers of their own on Hub (nginx, redis) are left out rather than shown
 * with a size they do not have here.
 */
import type { HistoryEntry } from './images/store.js';

const BK = 'buildkit.dockerfile.v0';

const nop = (created: string, instruction: string): HistoryEntry =>
  ({ created, created_by: `/bin/sh -c #(nop)  ${instruction}`, empty_layer: true });
const addFile = (created: string, diffIdHex: string): HistoryEntry =>
  ({ created, created_by: `/bin/sh -c #(nop) ADD file:${diffIdHex} in / ` });
const bk = (created: string, createdBy: string, empty = true): HistoryEntry =>
  ({ created, created_by: createdBy, comment: BK, ...(empty ? { empty_layer: true } : {}) });

function ubuntuLabelled(created: string, version: string, hex: string): HistoryEntry[] {
  return [
    nop(created, 'ARG RELEASE'),
    nop(created, 'ARG LAUNCHPAD_BUILD_ARCH'),
    nop(created, 'LABEL org.opencontainers.image.ref.name=ubuntu'),
    nop(created, `LABEL org.opencontainers.image.version=${version}`),
    addFile(created, hex),
    nop(created, 'CMD ["/bin/bash"]'),
  ];
}

const debian = (created: string, epoch: number): HistoryEntry =>
  ({ created, created_by: `# debian.sh --arch 'amd64' out/ 'bookworm' '@${epoch}'`, comment: 'debuerreotype 0.15' });

function nginxConfig(created: string, env: readonly string[]): HistoryEntry[] {
  return [
    bk(created, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    ...env.map((e) => bk(created, `ENV ${e}`)),
    bk(created, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
    bk(created, 'EXPOSE map[80/tcp:{}]'),
    bk(created, 'STOPSIGNAL SIGQUIT'),
    bk(created, 'CMD ["nginx" "-g" "daemon off;"]'),
  ];
}

/** The history of catalog image `key` (created at `created`), whose one layer has diff ID `sha256:<hex>`. */
export function catalogHistory(key: string, created: string, diffIdHex: string): HistoryEntry[] {
  switch (key) {
    case 'ubuntu:24.04':
      return ubuntuLabelled(created, '24.04', diffIdHex);
    case 'ubuntu:22.04':
      return ubuntuLabelled(created, '22.04', diffIdHex);
    case 'ubuntu:20.04':
    case 'ubuntu:18.04':
      return [addFile(created, diffIdHex), nop(created, 'CMD ["bash"]')];
    case 'ubuntu:16.04':
    case 'ubuntu:14.04':
      return [addFile(created, diffIdHex), nop(created, 'CMD ["/bin/bash"]')];
    case 'busybox:1.37':
      return [{ created, created_by: 'BusyBox 1.37.0 (glibc), Debian 12' }];
    case 'alpine:3.21':
      return [bk(created, 'ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit', false), bk(created, 'CMD ["/bin/sh"]')];
    case 'debian:bookworm-slim':
      return [debian(created, Date.parse(created) / 1000)];
    case 'redis:8.0.2':
      return [
        debian('2025-05-20T00:00:00Z', 1747699200),
        bk(created, 'VOLUME [/data]'),
        bk(created, 'WORKDIR /data'),
        bk(created, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
        bk(created, 'EXPOSE map[6379/tcp:{}]'),
        bk(created, 'CMD ["redis-server"]'),
      ];
    case 'nginx:1.27.4':
      return [
        debian('2025-02-03T00:00:00Z', 1738540800),
        ...nginxConfig(created, ['NGINX_VERSION=1.27.4', 'NJS_VERSION=0.8.9', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm']),
      ];
    case 'nginx:1.27.4-alpine':
      return [
        bk('2025-01-08T12:07:30Z', 'ADD alpine-minirootfs-3.21.2-x86_64.tar.gz / # buildkit', false),
        bk('2025-01-08T12:07:30Z', 'CMD ["/bin/sh"]'),
        ...nginxConfig(created, ['NGINX_VERSION=1.27.4', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.9', 'NJS_RELEASE=1']),
      ];
    case 'hello-world:latest':
      return [bk(created, 'COPY hello / # buildkit', false), bk(created, 'CMD ["/hello"]')];
    default:
      return [addFile(created, diffIdHex)];
  }
}
