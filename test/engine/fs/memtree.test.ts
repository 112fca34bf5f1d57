import { describe, expect, it } from 'vitest';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { bytes, text } from './helpers.js';

describe('MemTree.writeFile', () => {
  it('copies what it is given, unless told the bytes are shared; either way the giver never sees a change', () => {
    const t = new MemTree();
    const shared = bytes('nameserver 10.0.0.1\n');
    const mine = bytes('127.0.0.1\tlocalhost\n');
    t.writeFile('/a', shared, { mode: 0o644, uid: 0, gid: 0, share: true });
    t.writeFile('/b', shared, { mode: 0o644, uid: 0, gid: 0, share: true });
    t.writeFile('/c', mine, { mode: 0o644, uid: 0, gid: 0 });
    expect(t.readFile('/a')).toBe(shared);
    expect(t.readFile('/c')).not.toBe(mine);
    t.writeFile('/a', bytes('search x\n'), { mode: 0o644, uid: 0, gid: 0, append: true });
    t.truncate('/b', 4);
    t.writeFile('/b', bytes('!'), { mode: 0o644, uid: 0, gid: 0, append: true });
    mine[0] = 0x21;
    expect(text(t.readFile('/a'))).toBe('nameserver 10.0.0.1\nsearch x\n');
    expect(text(t.readFile('/b'))).toBe('name!');
    expect(text(t.readFile('/c'))).toBe('127.0.0.1\tlocalhost\n');
    expect(text(shared)).toBe('nameserver 10.0.0.1\n');
  });
});
