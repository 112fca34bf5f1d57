/**
 * Docker's apt repository for Ubuntu 24.04 (`deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc]
 * https://download.docker.com/linux/ubuntu noble stable`, as docs.docker.com/engine/install/ubuntu writes it):
 * the packages the learner's host has installed from it, at the versions its Docker reports (Engine and CLI
 * 28.2.2, containerd 1.7.27, buildx 0.24, released around 30 May 2025).
 *
 * Relations and descriptions are docker/docker-ce-packaging's deb/common/control as it was for 28.2.2 (commit
 * d6127368fd, 2025-05-21; `${shlibs:Depends}` written out as dpkg-shlibdeps gives it for Go programs linked
 * against glibc). containerd.io's stanza is containerd's own packaging (docker/containerd-packaging).
 * Installed-Size and Size are estimates of the 28.2.2 builds (the .debs could not be fetched here), as are
 * the compose plugin's version (2.36.2, the release Docker shipped beside 28.2.2) and the index's sizes.
 * The real index lists every release since noble was added; only the installed one is modelled.
 */
import { parseIndex, type DebPackage, type Repository } from './base.js';

const DOCKER = 'Docker <support@docker.com>';

export const DOCKER_NOBLE_REPO: Repository = {
  uri: 'https://download.docker.com/linux/ubuntu',
  origin: 'Docker',
  label: 'Docker CE',
  suite: 'noble',
  codename: 'noble',
  architectures: 'amd64 arm64 armhf ppc64el s390x',
  components: ['stable', 'test'],
  description: 'Docker CE packages for Ubuntu noble',
  inReleaseSize: 48_800,
  indexSizes: { stable: 29_600, test: 36_400 },
  // Docker's pool is per suite and component: dists/noble/pool/stable/amd64/docker-ce_28.2.2-1~ubuntu.24.04~noble_amd64.deb
  poolPath: (p) => `dists/${p.suite}/pool/${p.component}/${p.arch}/${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb`,
};

const V = '5:28.2.2-1~ubuntu.24.04~noble';

/** Format: base.ts `parseIndex`; every package is `h` (its files are the host's, never unpacked elsewhere). */
const LINES = `
containerd.io|1.7.27-1|amd64|noble/stable|devel|optional|117588|30469616|libc6 (>= 2.34), libseccomp2 (>= 2.5.0)||||containerd, runc|h|An open and reliable container runtime
docker-ce-cli|${V}|amd64|noble/stable|admin|optional|42911|15968702|libc6 (>= 2.34)||docker-buildx-plugin, docker-compose-plugin|docker-model-plugin||h,s=docker-ce|Docker CLI: the open-source application container engine
docker-ce|${V}|amd64|noble/stable|admin|optional|101563|20483434|containerd.io (>= 1.6.24), docker-ce-cli, iptables, libc6 (>= 2.34)|init-system-helpers (>= 1.54~)|apparmor, ca-certificates, docker-ce-rootless-extras, git, libltdl7, pigz, procps, xz-utils|cgroupfs-mount | cgroup-lite, kmod||h|Docker: the open-source application container engine
docker-ce-rootless-extras|${V}|amd64|noble/stable|admin|optional|20547|6337594|dbus-user-session||slirp4netns (>= 0.4.0)|||h,s=docker-ce|Rootless support for Docker.
docker-buildx-plugin|0.24.0-1~ubuntu.24.04~noble|amd64|noble/stable|admin|optional|76523|35680510||||||h,s=docker-ce|Docker Buildx cli plugin.
docker-compose-plugin|2.36.2-1~ubuntu.24.04~noble|amd64|noble/stable|admin|optional|72373|14219030|||docker-buildx-plugin|||h,s=docker-ce|Docker Compose (V2) plugin for the Docker CLI.
`;

/** The control fields this model only prints, per package, in the order Docker's index gives them. */
const EXTRA: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'containerd.io': [['Conflicts', 'containerd, runc'], ['Replaces', 'containerd, runc'], ['Homepage', 'https://containerd.io']],
  'docker-ce-cli': [['Conflicts', 'docker (<< 1.5~), docker-engine, docker.io'], ['Breaks', 'docker-ce (<< 5:0)'], ['Replaces', 'docker-ce (<< 5:0)'], ['Homepage', 'https://www.docker.com']],
  'docker-ce': [['Conflicts', 'docker (<< 1.5~), docker-engine, docker.io'], ['Replaces', 'docker-engine, docker-ce-cli (<< 5:28.0.0)'], ['Homepage', 'https://www.docker.com']],
  'docker-ce-rootless-extras': [['Conflicts', 'rootlesskit'], ['Breaks', 'rootlesskit'], ['Replaces', 'rootlesskit'], ['Enhances', 'docker-ce'], ['Homepage', 'https://docs.docker.com/engine/security/rootless/']],
  'docker-buildx-plugin': [['Replaces', 'docker-ce-cli'], ['Enhances', 'docker-ce-cli'], ['Homepage', 'https://github.com/docker/buildx']],
  'docker-compose-plugin': [['Enhances', 'docker-ce-cli'], ['Homepage', 'https://github.com/docker/compose']],
};

const MAINTAINER: Readonly<Record<string, string>> = { 'containerd.io': 'Containerd team <help@containerd.io>' };

let made: DebPackage[] | undefined;

/** Docker's noble/stable packages, each tied to the repository. */
export function dockerNoblePackages(): readonly DebPackage[] {
  made ??= parseIndex(LINES).map((p) => ({
    ...p, repo: DOCKER_NOBLE_REPO, maintainer: MAINTAINER[p.name] ?? DOCKER, extraFields: EXTRA[p.name] ?? [],
  }));
  return made;
}
