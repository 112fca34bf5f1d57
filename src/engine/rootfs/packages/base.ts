/**
 * What an ubuntu image has installed, and the package facts both the image builders and apt use: the
 * `DebPackage` record, relation fields as Ubuntu writes them, the index line format. The host's boot writes
 * its dpkg status with it, so it holds no release's data; the archive's index (what `apt-get update` makes
 * known) is archive.ts, which only apt's chunk loads.
 */
import { BASE_DESCRIPTIONS, BASE_SECTIONS } from './descriptions.js';

export type UbuntuVersion = '24.04' | '22.04';

/** `a (>= 1.0) | b` is one group of two alternatives. */
export interface Relation {
  readonly name: string;
  readonly op?: '<<' | '<=' | '=' | '>=' | '>>';
  readonly version?: string;
  /** `python3:any` */
  readonly archQual?: string;
}
export type RelationGroup = readonly Relation[];

export interface DebPackage {
  readonly name: string;
  readonly version: string;
  readonly arch: 'amd64' | 'all';
  /** `noble-updates`: the suite whose index lists this version. */
  readonly suite: string;
  /** Ubuntu's `main`/`universe`, or a third-party repository's own (`stable` for Docker's). */
  readonly component: 'main' | 'universe' | 'stable';
  readonly section: string;
  readonly priority: 'required' | 'important' | 'standard' | 'optional' | 'extra';
  /** KiB, as the Installed-Size field. */
  readonly installedSize: number;
  /** Bytes of the .deb. */
  readonly size: number;
  readonly depends: readonly RelationGroup[];
  readonly preDepends: readonly RelationGroup[];
  readonly recommends: readonly RelationGroup[];
  readonly suggests: readonly RelationGroup[];
  readonly provides: readonly string[];
  readonly description: string;
  readonly source: string;
  /** Its maintainer scripts talk to debconf (so a run without a terminal prints debconf's fallback lines). */
  readonly debconf: boolean;
  /** Ships shared libraries: dpkg runs libc-bin's ldconfig trigger after it. */
  readonly sharedLib: boolean;
  /** Multi-Arch: same packages print as `name:amd64` in dpkg's output. */
  readonly multiArchSame: boolean;
  /**
   * Installed on the learner's host only (flag `h`): dockersim does not model its files, so apt installs it
   * nowhere else and says so; on the host it is already there.
   */
  readonly hostOnly?: boolean;
  /** A repository other than Ubuntu's archive serves it: known only once that repository's index is fetched. */
  readonly repo?: Repository;
  /** Its Maintainer when not Ubuntu's. */
  readonly maintainer?: string;
  /** Index and status fields apt here does not act on (Conflicts, Replaces, Breaks, Enhances, Homepage), as written. */
  readonly extraFields?: readonly (readonly [string, string])[];
}

/** A third-party apt repository (one suite of it): what its InRelease says and where its files are. */
export interface Repository {
  /** `https://download.docker.com/linux/ubuntu` (no trailing slash) */
  readonly uri: string;
  readonly origin: string;
  readonly label: string;
  readonly suite: string;
  readonly codename: string;
  readonly architectures: string;
  readonly components: readonly string[];
  readonly description: string;
  /** Bytes of its InRelease and of each component's amd64 Packages file as apt downloads them. */
  readonly inReleaseSize: number;
  readonly indexSizes: Readonly<Record<string, number>>;
  /** The path of a package's .deb under the repository's URI. */
  poolPath(p: DebPackage): string;
}
export interface UbuntuArchive {
  readonly version: UbuntuVersion;
  readonly codename: string;
  readonly libcVersion: string;
  /** The image's installed packages, name → package (with its archive facts). */
  readonly base: ReadonlyMap<string, DebPackage>;
  /** Every package the lists make known once updated (the base packages too). */
  readonly packages: ReadonlyMap<string, DebPackage>;
  /** Virtual package → real packages providing it. */
  readonly providers: ReadonlyMap<string, readonly string[]>;
  /** `(Reading database ... N files and directories currently installed.)` on the fresh image. */
  readonly baseFileCount: number;
  /** Third-party repositories for this release whose packages `packages` holds (DebPackage.repo). */
  readonly repositories: readonly Repository[];
}

const UBUNTU_MAINTAINER = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
export { UBUNTU_MAINTAINER };

export function parseRelations(field: string): RelationGroup[] {
  if (field.trim() === '') return [];
  return field.split(',').map((group) =>
    group.split('|').map((alt) => {
      const m = /^\s*([a-z0-9][a-z0-9+.-]*)(?::([a-z0-9]+))?\s*(?:\(\s*(<<|<=|=|>=|>>)\s*([^)\s]+)\s*\))?\s*$/.exec(alt);
      if (!m) throw new Error(`archive: bad relation ${JSON.stringify(alt)}`);
      return { name: m[1], ...(m[2] ? { archQual: m[2] } : {}), ...(m[3] ? { op: m[3] as Relation['op'], version: m[4] } : {}) };
    }));
}

export function formatRelations(groups: readonly RelationGroup[]): string {
  return groups.map((g) => g.map((r) => `${r.name}${r.archQual ? `:${r.archQual}` : ''}${r.op ? ` (${r.op} ${r.version})` : ''}`).join(' | ')).join(', ');
}

/**
 * One line per package, fields separated by `|`:
 * `name|version|arch|suite/component|section|priority|installed KiB|bytes|Depends|Pre-Depends|Recommends|Suggests|Provides|flags|description`
 * (alternatives inside a relation field are written ` | `, with spaces)
 * flags: `d` debconf, `l` shared library, `m` Multi-Arch: same, `h` host only (DebPackage.hostOnly), `s=<source>`.
 */
export function parseIndex(text: string): DebPackage[] {
  const out: DebPackage[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // `a | b` (spaces around the bar) is an alternative inside a field; a bare `|` separates fields.
    const f = line.split(/(?<! )\|(?! )/);
    if (f.length !== 15) throw new Error(`archive: ${f.length} fields in ${JSON.stringify(line)}`);
    const [name, version, arch, where, section, priority, isize, size, dep, pre, rec, sug, prov, flags, description] = f;
    const [suite, component] = where.split('/');
    const flagList = flags.split(',').filter(Boolean);
    out.push({
      name, version, arch: arch as DebPackage['arch'], suite, component: component as DebPackage['component'], section,
      priority: priority as DebPackage['priority'], installedSize: Number(isize), size: Number(size),
      depends: parseRelations(dep), preDepends: parseRelations(pre), recommends: parseRelations(rec),
      suggests: parseRelations(sug), provides: prov.split(',').map((s) => s.trim()).filter(Boolean), description,
      source: flagList.find((x) => x.startsWith('s='))?.slice(2) ?? name,
      debconf: flagList.includes('d'), sharedLib: flagList.includes('l'), multiArchSame: flagList.includes('m'),
      ...(flagList.includes('h') ? { hostOnly: true } : {}),
    });
  }
  return out;
}

/**
 * The image's packages: `name=version` words, `:amd64` after a Multi-Arch: same library, `~all` for
 * architecture-independent ones. Their other facts are generic (they are already installed, nothing
 * downloads them) unless the index lists them too.
 */
export function baseFromList(list: string, suite: string, index: ReadonlyMap<string, DebPackage>): Map<string, DebPackage> {
  const out = new Map<string, DebPackage>();
  for (const word of list.trim().split(/\s+/)) {
    const m = /^([^:=~]+)(:amd64)?(~all)?=(.+)$/.exec(word);
    if (!m) throw new Error(`archive: bad base entry ${word}`);
    const [, name, ma, all, version] = m;
    const listed = index.get(name);
    if (listed) {
      out.set(name, listed);
      continue;
    }
    out.set(name, {
      name, version, arch: all ? 'all' : 'amd64', suite, component: 'main', section: BASE_SECTIONS[name] ?? (name.startsWith('lib') || name.startsWith('gcc') ? 'libs' : 'admin'),
      priority: IMPORTANT.has(name) ? 'important' : 'required', installedSize: 0, size: 0, depends: [], preDepends: [], recommends: [], suggests: [], provides: [],
      description: BASE_DESCRIPTIONS[name] ?? '', source: name, debconf: false, sharedLib: name.startsWith('lib'), multiArchSame: ma !== undefined,
    });
  }
  return out;
}

/** Image packages of Priority important rather than required. */
const IMPORTANT = new Set(['procps', 'unminimize', 'ubuntu-keyring', 'gpgv', 'apt']);
