/**
 * setproctitle: a program writes over its argument block, and /proc/PID/cmdline follows Linux's rules
 * (get_mm_cmdline) while comm stays the executable's name.
 */
import { describe, expect, it } from 'vitest';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { shownArgv } from '../../../src/engine/kernel/proctitle.js';
import { host } from '../../programs/system/harness.js';

interface Seen {
  cmdline: string;
  comm: string;
  commBefore: string;
  environ: string;
  argv: readonly string[];
  threadCmdline?: string;
}

async function titled(argv: string[], env: Record<string, string>, write: (s: Sys) => void): Promise<Seen> {
  const h = host({});
  let seen: Seen | null = null;
  let commBefore = '';
  const prog: Program = async (sys) => {
    commBefore = sys.fs.readText('/proc/self/comm');
    write(sys);
    const read = (f: string): string => sys.fs.readText(`/proc/self/${f}`);
    let threadCmdline = '';
    const tid = sys.spawn({
      argv: [...sys.argv], thread: true, fds: {},
      program: async (t) => {
        threadCmdline = t.fs.readText(`/proc/${sys.pid}/task/${t.pid}/cmdline`);
        return 0;
      },
    });
    await sys.sleep(10);
    void tid;
    seen = { cmdline: read('cmdline'), comm: read('comm'), commBefore, environ: read('environ'), argv: sys.argv, threadCmdline };
    return 0;
  };
  h.k.spawn(h.k.hostPidNs.init!, { program: prog, argv, env });
  await h.k.runFor(1000);
  return seen!;
}

describe('setproctitle', () => {
  it('a title shorter than the argument block: cmdline is the block, the title then NULs; environ is cleared', async () => {
    const s = await titled(['redis-server', '--port', '7000'], { HOME: '/data' }, (sys) => sys.setproctitle('redis-server *:7000'));
    // "redis-server\0--port\0" "7000\0" is 25 bytes: the title (19) and six NULs.
    expect(s.cmdline).toBe(`redis-server *:7000${'\0'.repeat(6)}`);
    expect(s.comm).toBe(s.commBefore);
    expect(s.environ).toBe('\0'.repeat('HOME=/data\0'.length));
    expect(s.argv).toEqual(['redis-server', '--port', '7000']);
    expect(shownArgv(s.cmdline).join(' ')).toBe('redis-server *:7000');
    expect(s.threadCmdline).toBe(s.cmdline);
  });

  it('a title longer than argv runs into the environment: cmdline reads to its NUL', async () => {
    const s = await titled(['redis-server'], { HOME: '/data', PATH: '/usr/bin' }, (sys) => sys.setproctitle('redis-server *:6379'));
    expect(s.cmdline).toBe('redis-server *:6379\0');
    // The environment's 25 bytes began at the title's 14th: "*:6379", then NULs.
    expect(s.environ).toBe(`*:6379${'\0'.repeat(19)}`);
  });

  it('the title is cut to the block, keeping its last byte a NUL', async () => {
    const s = await titled(['x'], { A: 'b' }, (sys) => sys.setproctitle('a much longer title'));
    // "x\0A=b\0": six bytes, five of title.
    expect(s.cmdline).toBe('a muc\0');
  });

  it('without a title cmdline is argv, NUL-terminated', async () => {
    const s = await titled(['sleep', '1'], {}, () => undefined);
    expect(s.cmdline).toBe('sleep\x001\0');
  });
});

describe('shownArgv (procps)', () => {
  it('drops trailing NULs and splits on the others', () => {
    expect(shownArgv('bash\0-c\0true\0x\0\0\0')).toEqual(['bash', '-c', 'true', 'x']);
    expect(shownArgv('')).toEqual([]);
  });
});
