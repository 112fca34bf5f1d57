import { describe, expect, it } from 'vitest';
import { TreeBuilder } from '../../../../src/engine/rootfs/builder.js';
import { nanoContents } from '../../../../src/engine/rootfs/packages/nano.js';
import { binaryContent } from '../../../../src/engine/kernel/binfmt.js';

function files(pkg: string, release: string): Record<string, { type: string; content?: string; target?: string; mode?: number }> {
  const b = new TreeBuilder();
  nanoContents[pkg](b, release);
  return b.build() as Record<string, { type: string; content?: string; target?: string; mode?: number }>;
}

describe('nano and less package contents', () => {
  it("nano: the binary, Debian's /etc/nanorc with historylog, locking and stateflags set, and the editor alternative", () => {
    const f = files('nano', '24.04');
    expect(f['/usr/bin/nano'].content).toBe(binaryContent('nano'));
    const set = f['/etc/nanorc'].content!.split('\n').filter((l) => /^(set|include)/.test(l));
    expect(set).toEqual(['set historylog', 'set locking', 'set stateflags', 'include "/usr/share/nano/*.nanorc"']);
    expect(f['/etc/alternatives/editor'].target).toBe('/bin/nano');
    expect(f['/usr/bin/editor'].target).toBe('/etc/alternatives/editor');
    expect(f['/usr/bin/rnano'].target).toBe('nano');
  });

  it('each release gets its own build; one the simulator lacks is named so that it runs as not simulated', () => {
    expect(files('nano', '22.04')['/usr/bin/nano'].content).toBe(binaryContent('nano-6.2'));
    expect(files('nano', '20.04')['/usr/bin/nano'].content).toBe(binaryContent('nano-4.8'));
    expect(files('less', '22.04')['/usr/bin/less'].content).toBe(binaryContent('less'));
    expect(files('less', '18.04')['/usr/bin/less'].content).toBe(binaryContent('less-487'));
  });

  it('less: the pager alternative and lesspipe as a script', () => {
    const f = files('less', '24.04');
    expect(f['/etc/alternatives/pager'].target).toBe('/bin/less');
    expect(f['/usr/bin/lesspipe'].content).toMatch(/^#!\/bin\/sh\n/);
    expect(f['/usr/bin/lesspipe'].mode).toBe(0o755);
    expect(f['/usr/bin/lessfile'].target).toBe('lesspipe');
  });
});
