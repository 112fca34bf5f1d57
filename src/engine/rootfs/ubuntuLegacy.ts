/**
 * The book's older ubuntu tags (14.04 trusty, 16.04 xenial, 18.04 bionic, 20.04 focal), as the last image of
 * each on Docker Hub: their own release files (/etc/os-release, lsb-release, issue, debian_version) and apt
 * sources, over the 22.04 system's programs. Their package databases are not modelled: /var/lib/dpkg/status is
 * empty and apt and dpkg say so rather than list 22.04's packages as theirs.
 */
import type { Tree } from '../fs/tree.js';
import { lines } from './builder.js';
import { JAMMY_BASE } from './packages/jammy.js';
import { ubuntuTree } from './ubuntu.js';
import { sourcesList } from './ubuntuEtc.js';

export type LegacyUbuntu = '14.04' | '16.04' | '18.04' | '20.04';

interface Legacy {
  readonly point: string;
  readonly codename: string;
  readonly name: string;
  readonly debian: string;
  readonly https: boolean;
}

const LEGACY: Record<LegacyUbuntu, Legacy> = {
  '14.04': { point: '14.04.6', codename: 'trusty', name: 'Trusty Tahr', debian: 'jessie/sid', https: false },
  '16.04': { point: '16.04.7', codename: 'xenial', name: 'Xenial Xerus', debian: 'stretch/sid', https: false },
  '18.04': { point: '18.04.6', codename: 'bionic', name: 'Bionic Beaver', debian: 'buster/sid', https: true },
  '20.04': { point: '20.04.5', codename: 'focal', name: 'Focal Fossa', debian: 'bullseye/sid', https: true },
};

function osRelease(v: LegacyUbuntu, r: Legacy): string {
  const web = r.https ? 'https' : 'http';
  const ls = [
    'NAME="Ubuntu"',
    v === '14.04' ? `VERSION="${r.point} LTS, ${r.name}"` : `VERSION="${r.point} LTS (${r.name})"`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    `PRETTY_NAME="Ubuntu ${r.point} LTS"`,
    `VERSION_ID="${v}"`,
    `HOME_URL="${web}://www.ubuntu.com/"`,
    `SUPPORT_URL="${web}://help.ubuntu.com/"`,
    `BUG_REPORT_URL="${web}://bugs.launchpad.net/ubuntu/"`,
  ];
  if (r.https) ls.push('PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"');
  if (v !== '14.04') ls.push(`VERSION_CODENAME=${r.codename}`, `UBUNTU_CODENAME=${r.codename}`);
  return lines(...ls);
}

export function ubuntuLegacyTree(v: LegacyUbuntu, mtimeMs: number): Tree {
  const r = LEGACY[v];
  const base = ubuntuTree('22.04', JAMMY_BASE);
  const file = (content: string): Tree[string] => ({ type: 'file', content, mode: 0o644, uid: 0, gid: 0, mtimeMs });
  const out: Record<string, Tree[string]> = {};
  for (const [path, e] of Object.entries(base)) out[path] = e.mtimeMs === undefined ? e : { ...e, mtimeMs };
  out['/usr/lib/os-release'] = file(osRelease(v, r));
  out['/etc/lsb-release'] = file(lines('DISTRIB_ID=Ubuntu', `DISTRIB_RELEASE=${v}`, `DISTRIB_CODENAME=${r.codename}`, `DISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"`));
  out['/etc/issue'] = file(`Ubuntu ${r.point} LTS \\n \\l\n\n`);
  out['/etc/issue.net'] = file(lines(`Ubuntu ${r.point} LTS`));
  out['/etc/debian_version'] = file(lines(r.debian));
  out['/etc/apt/sources.list'] = file(sourcesList(r.codename));
  out['/var/lib/dpkg/status'] = file('');
  return out;
}
