/**
 * /var/lib/dpkg/status stanzas: how dpkg records an installed package (its fields in dpkg's order). The
 * image builders write the image's own packages with it; apt and dpkg read and rewrite the same file.
 */
import { formatRelations, UBUNTU_MAINTAINER, type DebPackage } from './base.js';

/** dpkg's field order in the status file. */
const FIELD_ORDER = [
  'Package', 'Essential', 'Status', 'Priority', 'Section', 'Installed-Size', 'Maintainer', 'Architecture', 'Multi-Arch',
  'Source', 'Version', 'Replaces', 'Provides', 'Depends', 'Pre-Depends', 'Recommends', 'Suggests', 'Breaks', 'Conflicts', 'Enhances',
  'Conffiles', 'Description', 'Homepage', 'Original-Maintainer',
];

const RANK = new Map(FIELD_ORDER.map((k, i) => [k, i]));

/**
 * Ranks looked up once a key, and no sort when the fields are in order already (statusFields and a status
 * file read back give them so): apt rewrites every installed package's stanza twice an install.
 */
export function formatStanza(fields: ReadonlyMap<string, string>): string {
  const keys = [...fields.keys()];
  const ranks = keys.map((k) => RANK.get(k) ?? FIELD_ORDER.length);
  let ordered = keys;
  for (let i = 1; i < ranks.length; i++) {
    if (ranks[i] < ranks[i - 1]) {
      // Stable, as the sort by rank was: fields dpkg does not order keep their own order, after the others.
      ordered = keys.map((_, j) => j).sort((a, b) => ranks[a] - ranks[b]).map((j) => keys[j]);
      break;
    }
  }
  let out = '';
  for (const k of ordered) out += `${k}: ${fields.get(k)}\n`;
  return out;
}

/** The status stanza of an installed package, from its archive entry. */
export function statusFields(p: DebPackage, status = 'install ok installed'): Map<string, string> {
  const f = new Map<string, string>();
  f.set('Package', p.name);
  f.set('Status', status);
  f.set('Priority', p.priority);
  f.set('Section', p.section);
  if (p.installedSize > 0) f.set('Installed-Size', String(p.installedSize));
  f.set('Maintainer', p.maintainer ?? UBUNTU_MAINTAINER);
  f.set('Architecture', p.arch);
  if (p.multiArchSame) f.set('Multi-Arch', 'same');
  if (p.source !== p.name) f.set('Source', p.source);
  f.set('Version', p.version);
  if (p.provides.length) f.set('Provides', p.provides.join(', '));
  if (p.depends.length) f.set('Depends', formatRelations(p.depends));
  if (p.preDepends.length) f.set('Pre-Depends', formatRelations(p.preDepends));
  if (p.recommends.length) f.set('Recommends', formatRelations(p.recommends));
  if (p.suggests.length) f.set('Suggests', formatRelations(p.suggests));
  for (const [k, v] of p.extraFields ?? []) if (k !== 'Homepage') f.set(k, v);
  f.set('Description', p.description || p.name);
  for (const [k, v] of p.extraFields ?? []) if (k === 'Homepage') f.set(k, v);
  return f;
}

/** The image's (or host's) /var/lib/dpkg/status: every package it ships, sorted by name as dpkg writes it. */
export function imageStatus(base: ReadonlyMap<string, DebPackage>): string {
  return [...base.keys()].sort().map((n) => formatStanza(statusFields(base.get(n)!))).join('\n');
}
