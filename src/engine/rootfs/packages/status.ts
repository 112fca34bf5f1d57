/**
 * /var/lib/dpkg/status stanzas: how dpkg records an installed package (its fields in dpkg's order). The
 * image builders write the image's own packages with it; apt and dpkg read and rewrite the same file.
 */
import { formatRelations, UBUNTU_MAINTAINER, type DebPackage } from './base.js';

/** dpkg's field order in the status file. */
const FIELD_ORDER = [
  'Package', 'Essential', 'Status', 'Priority', 'Section', 'Installed-Size', 'Maintainer', 'Architecture', 'Multi-Arch',
  'Source', 'Version', 'Replaces', 'Provides', 'Depends', 'Pre-Depends', 'Recommends', 'Suggests', 'Breaks', 'Conflicts',
  'Conffiles', 'Description', 'Homepage', 'Original-Maintainer',
];

export function formatStanza(fields: ReadonlyMap<string, string>): string {
  const keys = [...fields.keys()].sort((a, b) => rank(a) - rank(b));
  return keys.map((k) => `${k}: ${fields.get(k)}\n`).join('');
}

function rank(k: string): number {
  const i = FIELD_ORDER.indexOf(k);
  return i < 0 ? FIELD_ORDER.length : i;
}

/** The status stanza of an installed package, from its archive entry. */
export function statusFields(p: DebPackage, status = 'install ok installed'): Map<string, string> {
  const f = new Map<string, string>();
  f.set('Package', p.name);
  f.set('Status', status);
  f.set('Priority', p.priority);
  f.set('Section', p.section);
  if (p.installedSize > 0) f.set('Installed-Size', String(p.installedSize));
  f.set('Maintainer', UBUNTU_MAINTAINER);
  f.set('Architecture', p.arch);
  if (p.multiArchSame) f.set('Multi-Arch', 'same');
  if (p.source !== p.name) f.set('Source', p.source);
  f.set('Version', p.version);
  if (p.provides.length) f.set('Provides', p.provides.join(', '));
  if (p.depends.length) f.set('Depends', formatRelations(p.depends));
  if (p.preDepends.length) f.set('Pre-Depends', formatRelations(p.preDepends));
  if (p.recommends.length) f.set('Recommends', formatRelations(p.recommends));
  if (p.suggests.length) f.set('Suggests', formatRelations(p.suggests));
  f.set('Description', p.description || p.name);
  return f;
}

/** The image's /var/lib/dpkg/status: every package it ships, sorted by name as dpkg writes it. */
export function imageStatus(base: ReadonlyMap<string, DebPackage>): string {
  return [...base.keys()].sort().map((n) => formatStanza(statusFields(base.get(n)!))).join('\n');
}
