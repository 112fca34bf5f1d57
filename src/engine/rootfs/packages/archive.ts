/**
 * The offline Ubuntu archive: per release, the binary packages `apt-get update` makes known (the fields of a
 * `Packages` index that apt and dpkg print) and the packages the official image already has installed.
 *
 * Each release's index is a table of one line per package (see `parseIndex`), written from the Ubuntu archive
 * (packages.ubuntu.com; the image lists from docker-library/repo-info). Dependencies are kept as Ubuntu
 * writes them, alternatives and version constraints included, so apt's resolver here works from the same
 * facts the real one does: `apt-get install nginx` installs Recommends unless told not to, and which
 * packages come along depends on what the image already has.
 */
import { baseFromList, parseIndex, type DebPackage, type Repository, type UbuntuArchive, type UbuntuVersion } from './base.js';
import { JAMMY_BASE } from './jammy.js';
import { JAMMY_INDEX } from './jammyIndex.js';
import { NOBLE_BASE } from './noble.js';
import { NOBLE_INDEX } from './nobleIndex.js';
import { nobleHostIndex } from './nobleHost.js';
import { DOCKER_NOBLE_REPO, dockerNoblePackages } from './docker.js';

export {
  type Repository,
  formatRelations, parseIndex, parseRelations, UBUNTU_MAINTAINER,
  type DebPackage, type Relation, type RelationGroup, type UbuntuArchive, type UbuntuVersion,
} from './base.js';

/**
 * `extra`: packages beyond the tutorials' index, for noble the host's own (nobleHost.ts) and Docker's
 * repository's (docker.ts, each tied to its repository, so only that repository's index makes it known).
 */
function build(version: UbuntuVersion, codename: string, libc: string, baseList: string, index: string, files: number, extra: readonly DebPackage[] = []): UbuntuArchive {
  const listed = new Map([...parseIndex(index), ...extra].map((p) => [p.name, p]));
  const base = baseFromList(baseList, codename, listed);
  const packages = new Map<string, DebPackage>(base);
  for (const [n, p] of listed) packages.set(n, p);
  const providers = new Map<string, string[]>();
  for (const p of packages.values()) {
    for (const v of p.provides) {
      const name = v.replace(/\s*\(.*\)$/, '');
      providers.set(name, [...(providers.get(name) ?? []), p.name]);
    }
  }
  const repositories = [...new Set(extra.flatMap((p) => (p.repo ? [p.repo] : [])))];
  return { version, codename, libcVersion: libc, base, packages, providers, baseFileCount: files, repositories };
}

const cache = new Map<UbuntuVersion, UbuntuArchive>();

export function ubuntuArchive(version: UbuntuVersion): UbuntuArchive {
  let a = cache.get(version);
  if (!a) {
    a = version === '24.04'
      ? build('24.04', 'noble', '2.39-0ubuntu8.3', NOBLE_BASE, NOBLE_INDEX, 4381, [...nobleHostIndex(), ...dockerNoblePackages()])
      : build('22.04', 'jammy', '2.35-0ubuntu3.8', JAMMY_BASE, JAMMY_INDEX, 4395);
    cache.set(version, a);
  }
  return a;
}

/** The release a root filesystem is, from its os-release `VERSION_ID`. */
export function archiveForVersionId(versionId: string): UbuntuArchive | undefined {
  return versionId === '24.04' || versionId === '22.04' ? ubuntuArchive(versionId) : undefined;
}

/** Every third-party repository modelled, whatever the release: a source on one of their hosts names one of them. */
export const THIRD_PARTY_REPOSITORIES: readonly Repository[] = [DOCKER_NOBLE_REPO];
