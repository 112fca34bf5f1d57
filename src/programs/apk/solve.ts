/**
 * apk's solver reduced to what a tutorial meets: every name in the world must be installed, with its
 * dependencies before it (depth first, in the index's order, which is the order apk's commit prints), and
 * whatever no world name still needs is purged, dependents first.
 */
import type { ApkPackage } from '../../engine/rootfs/packages/alpine321.js';

export interface Solution {
  /** Names no repository offers and nothing installed provides. */
  readonly missing: readonly string[];
  readonly install: readonly ApkPackage[];
  /** Installed names nothing in the world needs any more, in the order apk purges them. */
  readonly purge: readonly string[];
}

/**
 * `installed` maps each installed name to its dependencies; `available` is what the loaded indexes offer.
 */
export function solve(world: readonly string[], installed: ReadonlyMap<string, readonly string[]>, available: ReadonlyMap<string, ApkPackage>): Solution {
  const missing: string[] = [];
  const install: ApkPackage[] = [];
  const needed = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, top: boolean): void => {
    if (needed.has(name)) return;
    const deps = installed.get(name) ?? available.get(name)?.depends;
    if (!deps) {
      if (top) missing.push(name);
      return;
    }
    needed.add(name);
    for (const d of deps) visit(d, false);
    order.push(name);
    if (!installed.has(name)) install.push(available.get(name)!);
  };
  for (const w of world) visit(w, true);
  // Dependents go first: the reverse of the order they would have been installed in.
  const rank = new Map<string, number>();
  const walk = (name: string, seen: Set<string>): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const d of installed.get(name) ?? []) walk(d, seen);
    rank.set(name, rank.size);
  };
  const seen = new Set<string>();
  for (const n of [...installed.keys()].sort()) walk(n, seen);
  const purge = [...installed.keys()].filter((n) => !needed.has(n)).sort((a, b) => rank.get(b)! - rank.get(a)!);
  return { missing: [...new Set(missing)].sort(), install, purge };
}

/** World names whose packages (transitively) depend on `name`: why `apk del` kept it. */
export function keptBy(name: string, world: readonly string[], installed: ReadonlyMap<string, readonly string[]>): string[] {
  return world.filter((w) => {
    const seen = new Set<string>();
    const reach = (n: string): boolean => {
      if (seen.has(n)) return false;
      seen.add(n);
      return (installed.get(n) ?? []).some((d) => d === name || reach(d));
    };
    return w !== name && reach(w);
  });
}
