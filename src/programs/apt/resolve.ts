/**
 * apt's install marking, for the cases a learner meets: each requested package and, depth first, what its
 * Pre-Depends and Depends need (the first alternative that is installed, already marked, or installable),
 * then its Recommends unless --no-install-recommends. The order packages are reached in (dependencies before
 * the package, recommended packages after it) is the order apt hands them to dpkg.
 */
import type { DebPackage, Relation, RelationGroup, UbuntuArchive } from '../../engine/rootfs/packages/archive.js';
import { satisfiesVersion } from './version.js';

export interface World {
  readonly archive: UbuntuArchive;
  /** Installed version of a package, if any. */
  installed(name: string): string | undefined;
  /** The version the lists offer (undefined: no index on disk lists it). */
  candidate(name: string): DebPackage | undefined;
}

export interface InstallPlan {
  /** New packages, in unpack order. */
  readonly install: readonly DebPackage[];
  /** Requested on the command line and newly installed. */
  readonly manual: ReadonlySet<string>;
  readonly alreadyNewest: readonly { name: string; version: string }[];
  readonly suggested: readonly string[];
  readonly recommended: readonly string[];
  /** Notes apt prints while resolving (`Note, selecting 'x' instead of 'y'`). */
  readonly notes: readonly string[];
}

export type ResolveResult =
  | { readonly ok: true; readonly plan: InstallPlan }
  | { readonly ok: false; readonly errors: readonly string[]; readonly notes: readonly string[]; readonly unmet?: readonly string[] };

export interface ResolveOptions {
  readonly installRecommends: boolean;
}

function satisfiedBy(world: World, r: Relation, marked: ReadonlyMap<string, DebPackage>): boolean {
  const inst = world.installed(r.name);
  if (inst !== undefined && satisfiesVersion(inst, r.op, r.version)) return true;
  const m = marked.get(r.name);
  if (m && satisfiesVersion(m.version, r.op, r.version)) return true;
  if (!r.op) {
    for (const p of world.archive.providers.get(r.name) ?? []) {
      if (world.installed(p) !== undefined || marked.has(p)) return true;
    }
  }
  return false;
}

/** The package that would satisfy `r` if installed, or undefined. */
function installable(world: World, r: Relation): DebPackage | undefined {
  const c = world.candidate(r.name);
  if (c && satisfiesVersion(c.version, r.op, r.version)) return c;
  if (!c && !r.op) {
    const providers = (world.archive.providers.get(r.name) ?? []).map((p) => world.candidate(p)).filter((p) => p !== undefined);
    if (providers.length > 0) return providers[0];
  }
  return undefined;
}

export function resolveInstall(world: World, requested: readonly string[], opts: ResolveOptions): ResolveResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const unmet: string[] = [];
  const marked = new Map<string, DebPackage>();
  const order: DebPackage[] = [];
  const manual = new Set<string>();
  const alreadyNewest: { name: string; version: string }[] = [];

  const visit = (p: DebPackage): void => {
    if (marked.has(p.name) || world.installed(p.name) !== undefined) return;
    marked.set(p.name, p);
    for (const group of [...p.preDepends, ...p.depends]) {
      if (group.some((r) => satisfiedBy(world, r, marked))) continue;
      const pick = group.map((r) => installable(world, r)).find((x) => x !== undefined);
      if (pick) visit(pick);
      else unmet.push(unmetLine(world, p, group));
    }
    order.push(p);
    if (!opts.installRecommends) return;
    for (const group of p.recommends) {
      if (group.some((r) => satisfiedBy(world, r, marked))) continue;
      const pick = group.map((r) => installable(world, r)).find((x) => x !== undefined);
      if (pick) visit(pick);
    }
  };

  const targets: DebPackage[] = [];
  for (const name of requested) {
    const cand = world.candidate(name);
    if (cand) {
      targets.push(cand);
      continue;
    }
    const providers = (world.archive.providers.get(name) ?? []).filter((p) => world.candidate(p));
    if (providers.length === 1) {
      notes.push(`Note, selecting '${providers[0]}' instead of '${name}'`);
      targets.push(world.candidate(providers[0])!);
    } else if (providers.length > 1) {
      notes.push(`Package ${name} is a virtual package provided by:\n${providers.map((p) => `  ${p} ${world.candidate(p)!.version}\n`).join('')}You should explicitly select one to install.\n`);
      errors.push(`Package '${name}' has no installation candidate`);
    } else {
      errors.push(`Unable to locate package ${name}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors, notes };

  for (const t of targets) {
    const inst = world.installed(t.name);
    if (inst !== undefined) alreadyNewest.push({ name: t.name, version: inst });
    else if (!marked.has(t.name)) manual.add(t.name);
    else manual.add(t.name);
    visit(t);
  }
  if (unmet.length > 0) {
    return { ok: false, errors: ['Unable to correct problems, you have held broken packages.'], notes, unmet };
  }

  const newNames = new Set(order.map((p) => p.name));
  const suggested = relatedNotInstalled(world, order, 'suggests', newNames);
  const recommended = relatedNotInstalled(world, order, 'recommends', newNames);
  return { ok: true, plan: { install: order, manual, alreadyNewest, suggested, recommended, notes } };
}

function unmetLine(world: World, p: DebPackage, group: RelationGroup): string {
  const r = group[0];
  const c = world.candidate(r.name);
  const why = c ? `but ${c.version} is to be installed` : 'but it is not installable';
  return ` ${p.name} : Depends: ${r.name}${r.op ? ` (${r.op} ${r.version})` : ''} ${why}`;
}

/**
 * The Suggested/Recommended lists: for each package being installed (in name order), each such group none
 * of whose members is installed or being installed, written `a`, `| b`, once per distinct group.
 */
function relatedNotInstalled(world: World, pkgs: readonly DebPackage[], kind: 'suggests' | 'recommends', newNames: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of [...pkgs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const group of p[kind]) {
      const key = group.map((r) => r.name).join(' | ');
      if (seen.has(key)) continue;
      seen.add(key);
      // A virtual package counts as there when one of its providers is (git's `ssh-client` and openssh-client).
      const present = (name: string): boolean => world.installed(name) !== undefined || newNames.has(name);
      const satisfied = group.some((r) => present(r.name) || (!r.op && (world.archive.providers.get(r.name) ?? []).some(present)));
      if (satisfied) continue;
      group.forEach((r, i) => out.push(i === 0 ? r.name : `| ${r.name}`));
    }
  }
  return out;
}
