import { describe, expect, it } from 'vitest';
import { ubuntuArchive, type UbuntuVersion } from '../../../src/engine/rootfs/packages/archive.js';
import { resolveInstall, type World } from '../../../src/programs/apt/resolve.js';

/** A fresh image after `apt-get update`: the base installed, every index on disk. */
function fresh(version: UbuntuVersion, extra: Record<string, string> = {}): World {
  const archive = ubuntuArchive(version);
  return {
    archive,
    installed: (n) => extra[n] ?? archive.base.get(n)?.version,
    candidate: (n) => archive.packages.get(n),
  };
}

function names(world: World, req: string[], installRecommends = true): string[] {
  const r = resolveInstall(world, req, { installRecommends });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.plan.install.map((p) => p.name).sort();
}

describe('apt install marking', () => {
  it('pulls nginx with iproute2 and its Recommends on noble, as Ubuntu lists them', () => {
    expect(names(fresh('24.04'), ['nginx'])).toEqual([
      'iproute2', 'krb5-locales', 'libatm1t64', 'libbpf1', 'libbsd0', 'libcap2-bin', 'libelf1t64', 'libgssapi-krb5-2',
      'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0', 'libmnl0', 'libpam-cap', 'libtirpc-common',
      'libtirpc3t64', 'libxtables12', 'nginx', 'nginx-common',
    ]);
  });

  it('leaves Recommends out with --no-install-recommends and lists them instead', () => {
    const r = resolveInstall(fresh('24.04'), ['nginx'], { installRecommends: false });
    if (!r.ok) throw new Error('unresolved');
    const got = r.plan.install.map((p) => p.name);
    expect(got).not.toContain('libatm1t64');
    expect(got).not.toContain('krb5-locales');
    expect(r.plan.recommended).toEqual(['libatm1t64', 'libpam-cap', 'krb5-locales']);
  });

  it('pulls git with perl, libcurl (GnuTLS flavour) and its Recommends on noble and jammy', () => {
    expect(names(fresh('24.04'), ['git'])).toEqual([
      'adduser', 'ca-certificates', 'git', 'git-man', 'krb5-locales', 'less', 'libbrotli1', 'libbsd0', 'libcbor0.10',
      'libcurl3t64-gnutls', 'libedit2', 'liberror-perl', 'libexpat1', 'libfido2-1', 'libgdbm-compat4t64', 'libgdbm6t64',
      'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0', 'libldap-common', 'libldap2',
      'libnghttp2-14', 'libperl5.38t64', 'libpsl5t64', 'librtmp1', 'libsasl2-2', 'libsasl2-modules', 'libsasl2-modules-db',
      'libssh-4', 'libx11-6', 'libx11-data', 'libxau6', 'libxcb1', 'libxdmcp6', 'libxext6', 'libxmuu1', 'netbase',
      'openssh-client', 'openssl', 'patch', 'perl', 'perl-modules-5.38', 'publicsuffix', 'xauth',
    ]);
    const jammy = names(fresh('22.04'), ['git']);
    expect(jammy).toEqual(expect.arrayContaining(['git', 'git-man', 'libcurl3-gnutls', 'liberror-perl', 'perl', 'libperl5.34', 'openssh-client', 'patch', 'less']));
    expect(jammy).not.toContain('libgssapi-krb5-2');
  });

  it('does not list a virtual Recommends as not installed when a provider of it is installed (git\'s ssh-client)', () => {
    const r = resolveInstall(fresh('24.04'), ['git'], { installRecommends: true });
    if (!r.ok) throw new Error('unresolved');
    expect(r.plan.install.map((p) => p.name)).toContain('openssh-client');
    expect(r.plan.recommended).toEqual([]);
    const without = resolveInstall(fresh('24.04'), ['git'], { installRecommends: false });
    if (!without.ok) throw new Error('unresolved');
    expect(without.plan.recommended).toEqual(expect.arrayContaining(['ca-certificates', 'patch', 'less', 'ssh-client']));
  });

  it('takes what jammy already ships as satisfied (its image has the Kerberos libraries)', () => {
    const got = names(fresh('22.04'), ['curl']);
    expect(got).not.toContain('libgssapi-krb5-2');
    expect(got).toEqual([
      'ca-certificates', 'curl', 'libbrotli1', 'libcurl4', 'libldap-2.5-0', 'libldap-common', 'libnghttp2-14', 'libpsl5',
      'librtmp1', 'libsasl2-2', 'libsasl2-modules', 'libsasl2-modules-db', 'libssh-4', 'openssl', 'publicsuffix',
    ]);
  });

  it('picks the first installable alternative (nginx-core for jammy\'s nginx)', () => {
    expect(names(fresh('22.04'), ['nginx'])).toContain('nginx-core');
  });

  it('unpacks a package after what it depends on', () => {
    const r = resolveInstall(fresh('24.04'), ['curl'], { installRecommends: true });
    if (!r.ok) throw new Error('unresolved');
    const order = r.plan.install.map((p) => p.name);
    expect(order.indexOf('libcurl4t64')).toBeLessThan(order.indexOf('curl'));
    expect(order.indexOf('libgssapi-krb5-2')).toBeLessThan(order.indexOf('libcurl4t64'));
  });

  it('cannot locate a package the lists do not know, or a typo', () => {
    const empty: World = { ...fresh('24.04'), candidate: () => undefined };
    expect(resolveInstall(empty, ['nginx'], { installRecommends: true })).toMatchObject({ ok: false, errors: ['Unable to locate package nginx'] });
    expect(resolveInstall(fresh('24.04'), ['ngin'], { installRecommends: true })).toMatchObject({ ok: false, errors: ['Unable to locate package ngin'] });
  });

  it('reports an installed package as already the newest', () => {
    const r = resolveInstall(fresh('24.04', { less: '590-2ubuntu2.1' }), ['less'], { installRecommends: true });
    expect(r).toMatchObject({ ok: true, plan: { install: [], alreadyNewest: [{ name: 'less', version: '590-2ubuntu2.1' }] } });
  });

  it('selects the single provider of a virtual package, with apt\'s note', () => {
    const r = resolveInstall(fresh('24.04'), ['netcat'], { installRecommends: true });
    expect(r).toMatchObject({ ok: true, plan: { notes: ["Note, selecting 'netcat-openbsd' instead of 'netcat'"] } });
  });

  it('lists Suggests not being installed, per package in name order, alternatives as `| b`', () => {
    const r = resolveInstall(fresh('24.04'), ['curl'], { installRecommends: true });
    if (!r.ok) throw new Error('unresolved');
    expect(r.plan.suggested).toEqual([
      'krb5-doc', 'krb5-user', 'libsasl2-modules-gssapi-mit', '| libsasl2-modules-gssapi-heimdal', 'libsasl2-modules-ldap',
      'libsasl2-modules-otp', 'libsasl2-modules-sql',
    ]);
  });
});
