import { describe, expect, it } from 'vitest';
import { parseIndex } from '../../../../src/engine/rootfs/packages/base.js';
import { dockerNoblePackages } from '../../../../src/engine/rootfs/packages/docker.js';
import { HOST_PACKAGES, hostInstalled, nobleHostIndex } from '../../../../src/engine/rootfs/packages/nobleHost.js';
import { NOBLE_INDEX } from '../../../../src/engine/rootfs/packages/nobleIndex.js';

describe('the host’s packages', () => {
  const tutorials = parseIndex(NOBLE_INDEX);

  it('add to the tutorials’ index without repeating a package of it, each one host only', () => {
    const names = new Set(tutorials.map((p) => p.name));
    for (const p of nobleHostIndex()) {
      expect(names.has(p.name), p.name).toBe(false);
      expect(p.hostOnly, p.name).toBe(true);
      expect(p.repo).toBeUndefined();
    }
  });

  it('are Docker’s at the versions the host’s docker reports', () => {
    const v = new Map(dockerNoblePackages().map((p) => [p.name, p.version]));
    expect(v.get('docker-ce')).toBe('5:28.2.2-1~ubuntu.24.04~noble');
    expect(v.get('docker-ce-cli')).toBe('5:28.2.2-1~ubuntu.24.04~noble');
    expect(v.get('containerd.io')).toBe('1.7.27-1');
    expect(v.get('docker-buildx-plugin')).toMatch(/^0\.24\./);
    for (const p of dockerNoblePackages()) expect(p.repo?.uri).toBe('https://download.docker.com/linux/ubuntu');
  });

  it('close over Pre-Depends, Depends and Recommends, alternatives by the first known, virtual names by a provider', () => {
    const known = new Map([...tutorials, ...nobleHostIndex(), ...dockerNoblePackages()].map((p) => [p.name, p]));
    const { packages, auto } = hostInstalled(new Map(), known);
    for (const n of HOST_PACKAGES) expect(packages.has(n), n).toBe(true);
    // curl → libcurl4t64 → libssh-4 …; openssh-client recommends xauth; git recommends patch.
    for (const n of ['libcurl4t64', 'libssh-4', 'xauth', 'patch', 'libsystemd-shared', 'libnftables1']) expect(auto.has(n), n).toBe(true);
    // docker-ce-cli recommends the plugins, which the host names itself: manual, not automatic.
    expect(auto.has('docker-buildx-plugin')).toBe(false);
    // Nothing the host does not need: the tutorials' servers stay out.
    for (const n of ['nginx', 'apache2', 'redis-server']) expect(packages.has(n), n).toBe(false);
  });
});
