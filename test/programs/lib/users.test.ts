import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/engine/kernel/errno.js';
import type { Fs } from '../../../src/engine/kernel/fsTypes.js';
import { UserDb, groupByName, groupList, readPasswd, userById, userByName, userName } from '../../../src/programs/lib/users.js';

function fakeFs(files: Record<string, string>): Fs {
  return {
    readText: (p: string) => {
      if (!(p in files)) throw new SysError('ENOENT', 'open', p);
      return files[p];
    },
  } as unknown as Fs;
}

const fs = fakeFs({
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n# comment\nbroken line\nuser:x:1000:1000:Ubuntu:/home/user:/bin/bash\n',
  '/etc/group': 'root:x:0:\nadm:x:4:syslog,user\nuser:x:1000:\ndocker:x:999:user\n',
});

describe('users', () => {
  it('parses passwd and group, skipping junk', () => {
    expect(readPasswd(fs).map((u) => u.name)).toEqual(['root', 'user']);
    expect(userByName(fs, 'user')).toEqual({ name: 'user', uid: 1000, gid: 1000, gecos: 'Ubuntu', home: '/home/user', shell: '/bin/bash' });
    expect(userById(fs, 5)).toBeUndefined();
    expect(userName(fs, 5)).toBe('5');
    expect(groupByName(fs, 'docker')?.gid).toBe(999);
  });

  it('groupList is getgrouplist: primary first, then memberships in file order', () => {
    expect(groupList(fs, 'user', 1000)).toEqual([1000, 4, 999]);
  });

  it('a missing file is an empty database', () => {
    const empty = new UserDb(fakeFs({}));
    expect([empty.user(0), empty.group(0)]).toEqual(['0', '0']);
  });
});
