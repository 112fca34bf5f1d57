/**
 * `apt list` (apt-private/private-list.cc): one line a package, `name/suites,now version arch [flags]`, sorted
 * by name; `--installed` keeps installed packages, `--manual-installed` those apt did not install on its own.
 * The suites are the archives whose fetched index lists that version; `now` marks the installed one, and an
 * installed version no index lists is `[installed,local]`.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { Output } from '../lib/output.js';
import { availableIndexes, indexKey, isInstalled, readAuto, readSources, readStatus, releaseOf, unmodelledRelease } from './state.js';

export type ListFilter = 'all' | 'installed' | 'manual' | 'upgradable';

/** fnmatch(3) over package names, as apt list matches its patterns. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const c of glob) {
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.+^${}()|\\[\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export async function aptList(sys: Sys, filter: ListFilter, patterns: readonly string[]): Promise<number> {
  const archive = releaseOf(sys.fs);
  if (!archive) {
    await sys.write(2, `apt: ${unmodelledRelease(sys)}\n`);
    return 100;
  }
  const tty = sys.isatty(1);
  const out = new Output(sys, 1);
  await out.write(tty ? 'Listing... Done\n' : 'Listing...\n');
  const status = readStatus(sys.fs);
  const auto = readAuto(sys.fs);
  const avail = availableIndexes(sys.fs, readSources(sys.fs));
  const res = patterns.map(globToRegExp);
  const names = new Set<string>();
  for (const [n, e] of status) if (isInstalled(e)) names.add(n);
  if (filter === 'all') {
    for (const p of archive.packages.values()) if (!p.hostOnly && avail.has(indexKey(p))) names.add(p.name);
  }
  for (const n of [...names].sort()) {
    if (res.length > 0 && !res.some((r) => r.test(n))) continue;
    const e = status.get(n);
    const installed = isInstalled(e) ? e!.fields.get('Version') : undefined;
    if (filter === 'upgradable') continue;
    if ((filter === 'installed' || filter === 'manual') && installed === undefined) continue;
    if (filter === 'manual' && auto.has(n)) continue;
    const p = archive.packages.get(n);
    const listed = p !== undefined && avail.has(indexKey(p)) && (!p.hostOnly || installed !== undefined);
    const version = installed ?? p?.version ?? '';
    const arch = e?.fields.get('Architecture') ?? p?.arch ?? 'amd64';
    const suites = listed && p.version === version ? [p.suite] : [];
    if (installed !== undefined) suites.push('now');
    const flags = installed === undefined ? '' : ` [installed${!listed || p.version !== installed ? ',local' : auto.has(n) ? ',automatic' : ''}]`;
    const name = tty ? `\x1b[32m${n}\x1b[0m` : n;
    await out.write(`${name}/${suites.join(',')} ${version} ${arch}${flags}\n`);
  }
  await out.flush();
  return 0;
}
