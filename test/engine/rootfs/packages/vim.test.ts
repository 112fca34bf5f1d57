import { describe, expect, it } from 'vitest';
import { TreeBuilder } from '../../../../src/engine/rootfs/builder.js';
import { vimContents, vimRuntimeDir } from '../../../../src/engine/rootfs/packages/vim.js';
import { orphanEntries, programAt, text } from '../tree-check.js';

function install(release: string, packages: readonly string[]): ReturnType<TreeBuilder['build']> {
  const b = new TreeBuilder(0);
  for (const p of packages) vimContents[p](b, release);
  return b.build();
}

describe('vim packages', () => {
  it('installs vim.basic with the alternatives links vi and vim go through', () => {
    const t = install('24.04', ['vim-common', 'vim-runtime', 'vim']);
    expect(orphanEntries(t)).toEqual([]);
    expect(programAt(t, '/usr/bin/vim.basic')).toBe('vim');
    for (const n of ['vi', 'vim', 'view', 'editor']) {
      expect(t[`/usr/bin/${n}`]).toMatchObject({ type: 'symlink', target: `/etc/alternatives/${n}` });
      expect(t[`/etc/alternatives/${n}`]).toMatchObject({ type: 'symlink', target: '/usr/bin/vim.basic' });
      expect(programAt(t, `/usr/bin/${n}`)).toBe('vim');
    }
    expect(text(t, '/etc/vim/vimrc')).toContain('runtime! debian.vim\n');
    expect(text(t, '/usr/share/vim/vim91/defaults.vim')).toContain('set ttimeout\t\t" time out for key codes\n');
  });

  it('names the runtime directory by the release\'s vim version, and vim.basic wins vi over vim.tiny', () => {
    expect(vimRuntimeDir('22.04')).toBe('/usr/share/vim/vim82');
    const t = install('22.04', ['vim-common', 'vim-runtime', 'vim', 'vim-tiny']);
    expect(t['/usr/share/vim/vim82/debian.vim']).toBeDefined();
    expect(t['/etc/alternatives/vi']).toMatchObject({ target: '/usr/bin/vim.basic' });
    expect(programAt(t, '/usr/bin/vim.tiny')).toBe('vim.tiny');
  });
});
