/**
 * The busybox applets that print busybox's own formats, checked against busybox 1.35's output on this machine
 * (the same code in 1.37) for the same tree: a 29-byte file, a 5000-byte one, directories of 4096 bytes.
 */
import { describe, expect, it } from 'vitest';
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { humanReadable } from '../../../src/programs/busybox/common.js';
import { makeBusybox } from '../../../src/programs/busybox/dispatch.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { host, ROOT, run, type Host } from '../system/harness.js';

const T = Date.UTC(2026, 10, 28, 8, 30, 15, 250);

function bbHost(extra: Record<string, unknown> = {}): Host {
  const h = host({
    '/bin/busybox': { type: 'file', content: binaryContent('busybox'), mode: 0o755 },
    '/usr/bin/df': { type: 'file', content: binaryContent('df'), mode: 0o755 },
    '/w': { type: 'dir', mode: 0o777 },
    '/w/d': { type: 'dir', mode: 0o755, mtimeMs: T },
    '/w/d/a.txt': { type: 'file', content: 'hello world\nsecond line here\n', mode: 0o644, mtimeMs: T },
    '/w/d/e': { type: 'dir', mode: 0o755 },
    '/w/d/e/big': { type: 'file', content: '\0'.repeat(5000), mode: 0o644 },
    '/w/u.txt': { type: 'file', content: 'x\ty  z\nété ok\n', mode: 0o644 },
    ...extra,
  } as never);
  (h.k.programs as Map<string, Program>).set('busybox', makeBusybox(async () => 0));
  // GNU df, to compare the numbers with.
  (h.k.programs as Map<string, Program>).set('df', coreutils.df);
  return h;
}

const bb = (h: Host, ...args: string[]): ReturnType<typeof run> => run(h, ['/bin/busybox', ...args], { cred: ROOT, cwd: '/w' });

describe('make_human_readable_str', () => {
  it('matches busybox df -h and du -h on this machine', () => {
    // `busybox df` 1K blocks and `busybox df -h` of the same mounts.
    const k = [264212084, 24506004, 81884908, 12334760, 24683772, 4, 0];
    expect(k.map((n) => humanReadable(n / 4, 4096, 0))).toEqual(['252.0G', '23.4G', '78.1G', '11.8G', '23.5G', '4.0K', '0']);
    // `du -s` 122964 and `du -sh` 120.1M of /usr/share/doc (GNU says 121M).
    expect(humanReadable(122964 * 2, 512, 0)).toBe('120.1M');
    // df's unit headers: 1K-blocks, and with -P 1024-blocks.
    expect([humanReadable(1024, 0, 0), humanReadable(1024, 0, 1), humanReadable(1024 * 1024, 0, 0)]).toEqual(['1K', '1024', '1M']);
  });
});

describe('busybox du', () => {
  it('1K blocks, -a, -h with one decimal, -c, -m rounded up, -b bytes', async () => {
    const h = bbHost();
    expect((await bb(h, 'du', 'd')).out).toBe('12\td/e\n20\td\n');
    expect((await bb(h, 'du', '-a', 'd/e')).out).toBe('8\td/e/big\n12\td/e\n');
    expect((await bb(h, 'du', '-h', 'd')).out).toBe('12.0K\td/e\n20.0K\td\n');
    expect((await bb(h, 'du', '-c', 'd/e', 'd/a.txt')).out).toBe('12\td/e\n4\td/a.txt\n16\ttotal\n');
    expect((await bb(h, 'du', '-m', 'd')).out).toBe('1\td/e\n1\td\n');
    expect((await bb(h, 'du', '-ks', 'd')).out).toBe('20\td\n');
    expect((await bb(h, 'du', '-b', 'd/e')).out).toBe('9096\td/e\n');
    expect((await bb(h, 'du', '-sh', 'd/e/big')).out).toBe('8.0K\td/e/big\n');
  });

  it('a second operand naming the same directory is not counted again', async () => {
    expect((await bb(bbHost(), 'du', '-s', 'd/e', 'd/e')).out).toBe('12\td/e\n');
  });

  it('errors and bad options as busybox words them', async () => {
    const h = bbHost();
    expect(await bb(h, 'du', 'nothere')).toEqual({ out: 'du: nothere: No such file or directory\n', status: 1 });
    const r = await bb(h, 'du', '-q');
    expect(r.out.startsWith("du: invalid option -- 'q'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: du [-aHLdclsxhmk] [FILE]...\n")).toBe(true);
    expect(r.status).toBe(1);
  });
});

describe('busybox stat', () => {
  it('the coreutils-6 layout: hex/decimal device, no Birth line', async () => {
    const r = await bb(bbHost(), 'stat', 'd/a.txt');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('  File: d/a.txt');
    expect(lines[1]).toBe('  Size: 29        \tBlocks: 8          IO Block: 4096   regular file');
    expect(lines[2]).toMatch(/^Device: [0-9a-f]+h\/\d+d\tInode: \d+ +Links: 1$/);
    // %-10i then two spaces: busybox's `Inode: 739         Links: 1`.
    expect(/Inode: (\d+ +)Links/.exec(lines[2])![1].length).toBe(12);
    expect(lines.slice(3)).toEqual([
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
      expect.stringMatching(/^Access: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/),
      'Modify: 2026-11-28 08:30:15.250000000 +0000',
      expect.stringMatching(/^Change: /),
      '',
    ]);
  });

  it('the device as busybox prints st_dev: hex with h, then decimal', async () => {
    const h = bbHost();
    const r = await bb(h, 'stat', '-c', '%D %d', 'd');
    const [hex, dec] = r.out.trim().split(' ');
    expect(parseInt(hex, 16)).toBe(Number(dec));
  });

  it('-c through printf with its modifiers, unknown letters as characters; -t terse', async () => {
    const h = bbHost();
    expect((await bb(h, 'stat', '-c', '%a|%A|%f|%F|%s|%10s|%-6h|%q|%%', 'd/a.txt')).out).toBe('644|-rw-r--r--|81a4|regular file|29|        29|1     |q|%\n');
    expect((await bb(h, 'stat', '-c', '%N', 'd/a.txt')).out).toBe('d/a.txt\n');
    expect((await bb(h, 'stat', '-t', 'd/a.txt')).out).toMatch(new RegExp(`^d/a\\.txt 29 8 81a4 0 0 [0-9a-f]+ \\d+ 1 0 0 ${T / 1000 | 0} ${T / 1000 | 0} \\d+ 4096\n$`));
  });

  it('errors: a missing file, no operand (the usage), -f not modelled', async () => {
    const h = bbHost();
    expect(await bb(h, 'stat', 'nothere')).toEqual({ out: "stat: can't stat 'nothere': No such file or directory\n", status: 1 });
    const u = await bb(h, 'stat');
    expect([u.out.split('\n')[2], u.status]).toEqual(['Usage: stat [-ltf] [-c FMT] FILE...', 1]);
    expect((await bb(h, 'stat', '-f', '/')).status).toBe(1);
  });
});

describe('busybox wc', () => {
  it('%9u columns, a bare count for one option and one file, the total line', async () => {
    const h = bbHost();
    expect((await bb(h, 'wc', 'u.txt', 'd/a.txt')).out).toBe('        2         5        16 u.txt\n        2         5        29 d/a.txt\n        4        10        45 total\n');
    expect((await bb(h, 'wc', '-L', 'u.txt')).out).toBe('12 u.txt\n');
    expect((await bb(h, 'wc', '-m', 'u.txt')).out).toBe('14 u.txt\n');
    expect((await bb(h, 'wc', '-c', 'u.txt')).out).toBe('16 u.txt\n');
    expect((await bb(h, 'wc', '-lw', 'u.txt')).out).toBe('        2         5 u.txt\n');
  });

  it('a file it cannot read', async () => {
    const h = bbHost();
    expect(await bb(h, 'wc', 'nothere')).toEqual({ out: 'wc: nothere: No such file or directory\n', status: 1 });
    expect(await bb(h, 'wc', 'd')).toEqual({ out: 'wc: d: Is a directory\n        0         0         0 d\n', status: 1 });
  });
});

describe('busybox rm, mkdir, rmdir, touch', () => {
  it("can't, not cannot", async () => {
    const h = bbHost();
    expect(await bb(h, 'rm', 'nothere')).toEqual({ out: "rm: can't remove 'nothere': No such file or directory\n", status: 1 });
    expect(await bb(h, 'rm', 'd')).toEqual({ out: "rm: 'd' is a directory\n", status: 1 });
    expect(await bb(h, 'rm', '-f', 'nothere')).toEqual({ out: '', status: 0 });
    expect(await bb(h, 'mkdir', 'd')).toEqual({ out: "mkdir: can't create directory 'd': File exists\n", status: 1 });
    expect(await bb(h, 'rmdir', 'd')).toEqual({ out: "rmdir: 'd': Directory not empty\n", status: 1 });
    expect(await bb(h, 'rmdir', 'nothere')).toEqual({ out: "rmdir: 'nothere': No such file or directory\n", status: 1 });
    expect(await bb(h, 'touch', '/nope/x')).toEqual({ out: 'touch: /nope/x: No such file or directory\n', status: 1 });
    expect(await bb(h, 'touch', '-r', 'nothere', 'x')).toEqual({ out: "touch: can't stat 'nothere': No such file or directory\n", status: 1 });
    expect(await bb(h, 'touch', '-d', 'foo', 'x')).toEqual({ out: "touch: invalid date 'foo'\n", status: 1 });
    expect(await bb(h, 'mkdir', '-m', 'bad', 'z')).toEqual({ out: "mkdir: invalid mode 'bad'\n", status: 1 });
  });

  it('-v as busybox reports it; -p parents with their slash', async () => {
    const h = bbHost();
    expect((await bb(h, 'mkdir', '-v', 'x', 'x/y')).out).toBe("created directory: 'x'\ncreated directory: 'x/y'\n");
    expect((await bb(h, 'mkdir', '-pv', 'p/q/r')).out).toBe("created directory: 'p/'\ncreated directory: 'p/q/'\ncreated directory: 'p/q/r'\n");
    expect((await bb(h, 'rmdir', '-pv', 'p/q/r')).out).toBe("rmdir: removing directory, 'p/q/r'\nrmdir: removing directory, 'p/q'\nrmdir: removing directory, 'p'\n");
    expect((await bb(h, 'rm', '-rv', 'x')).out).toBe("removed directory: 'x/y'\nremoved directory: 'x'\n");
    expect((await bb(h, 'ls', '-1', '/w')).out).toBe('d\nu.txt\n');
  });

  it('no operand is the usage; an unknown option names itself', async () => {
    const h = bbHost();
    const r = await bb(h, 'rm');
    expect(r.out).toBe('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n');
    expect(r.status).toBe(1);
    expect((await bb(h, 'rm', '-q', 'x')).out.split('\n')[0]).toBe("rm: invalid option -- 'q'");
  });
});

describe('busybox df', () => {
  it("busybox's header and columns, sizes from the same model GNU df reads", async () => {
    const h = bbHost();
    const r = await bb(h, 'df', '/');
    const [head, row] = r.out.split('\n');
    expect(head).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(row).toMatch(/^\S+ +\d+ +\d+ +\d+ +\d+% \/$/);
    expect(row.indexOf(' ')).toBeLessThanOrEqual(20);
    const gnu = await run(h, ['/usr/bin/df', '/'], { cred: ROOT });
    const nums = (s: string): string[] => s.split('\n')[1].split(/ +/).slice(1, 4);
    expect(nums(r.out)).toEqual(nums(gnu.out));
    expect((await bb(h, 'df', '-h', '/')).out.split('\n')[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
    expect((await bb(h, 'df', '-P', '/')).out.split('\n')[0]).toBe('Filesystem           1024-blocks    Used Available Capacity Mounted on');
    expect((await bb(h, 'df', '-m', '/')).out.split('\n')[0]).toBe('Filesystem           1M-blocks      Used Available Use% Mounted on');
    expect((await bb(h, 'df', '-Tk', '/')).out.split('\n')[0]).toBe('Filesystem           Type       1K-blocks      Used Available Use% Mounted on');
  });

  it('a path outside any mount; an option busybox does not have', async () => {
    const h = bbHost();
    expect(await bb(h, 'df', '/nope')).toEqual({ out: "Filesystem           1K-blocks      Used Available Use% Mounted on\ndf: /nope: can't find mount point\n", status: 1 });
    expect((await bb(h, 'df', '-x')).out.split('\n')[0]).toBe("df: invalid option -- 'x'");
  });
});

describe('applets served by GNU behind busybox front door', () => {
  it('--help is the usage on stderr, exit 0; --version is not an option busybox knows', async () => {
    const h = bbHost();
    const help = await bb(h, 'head', '--help');
    expect(help.status).toBe(0);
    expect(help.out.startsWith('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: head [OPTIONS] [FILE]...\n\nPrint first 10 lines')).toBe(true);
    const v = await bb(h, 'sort', '--version');
    expect([v.out.split('\n')[0], v.status]).toEqual(["sort: unrecognized option '--version'", 1]);
    expect((await bb(h, 'sort', '--key=5', 'u.txt')).out.split('\n')[0]).toBe("sort: unrecognized option '--key=5'");
    expect((await bb(h, 'sort', '-y')).out.split('\n').slice(0, 3)).toEqual(["sort: invalid option -- 'y'", 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.', '']);
    // busybox's own long options pass through, and so does a value that looks like one.
    expect((await bb(h, 'env', '--unset=X', '/bin/busybox', 'true')).status).toBe(0);
    expect((await bb(h, 'grep', '-e', '--x', 'u.txt')).out).toBe('');
    expect((await bb(h, 'head', '-n', '1', 'd/a.txt')).out).toBe('hello world\n');
  });

  it("Alpine's busybox links musl, whose getopt says it otherwise", async () => {
    const h = bbHost({ '/lib/ld-musl-x86_64.so.1': { type: 'file', content: '', mode: 0o755 } });
    expect((await bb(h, 'sort', '--version')).out.split('\n')[0]).toBe('sort: unrecognized option: version');
    expect((await bb(h, 'head', '--version')).out.split('\n')[0]).toBe('head: unrecognized option: -');
    expect((await bb(h, 'du', '-q')).out.split('\n')[0]).toBe('du: unrecognized option: q');
  });

  it('test and [ keep --help as an operand', async () => {
    expect(await bb(bbHost(), 'test', '--help')).toEqual({ out: '', status: 0 });
  });

  it('--help before any applet runs, its own ones too (ls, cat, sleep)', async () => {
    const h = bbHost();
    const ls = await bb(h, 'ls', '--help', 'd');
    expect([ls.out.split('\n')[2], ls.status]).toEqual(['Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...', 0]);
    expect((await bb(h, 'cat', '--help')).out.split('\n')[2]).toBe('Usage: cat [-nbvteA] [FILE]...');
    expect((await bb(h, 'sleep', '--help')).out).toBe('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n');
  });
});

describe('busybox head', () => {
  it('headers, -c, -n -N, the legacy -N, suffixes', async () => {
    const h = bbHost();
    expect((await bb(h, 'head', '-n', '1', 'd/a.txt', 'u.txt')).out).toBe('==> d/a.txt <==\nhello world\n\n==> u.txt <==\nx\ty  z\n');
    expect((await bb(h, 'head', '-c', '3', 'u.txt')).out).toBe('x\ty');
    expect((await bb(h, 'head', '-n', '-1', 'd/a.txt')).out).toBe('hello world\n');
    expect((await bb(h, 'head', '-1', '-v', 'd/a.txt')).out).toBe('==> d/a.txt <==\nhello world\n');
    // Only the first argument is the legacy count: after -v, `-1` is an option letter.
    expect((await bb(h, 'head', '-v', '-1', 'd/a.txt')).out.split('\n')[0]).toBe("head: invalid option -- '1'");
    expect((await bb(h, 'head', '-n', '1k', 'd/a.txt')).out).toBe('hello world\nsecond line here\n');
  });

  it('errors as busybox 1.35 prints them here', async () => {
    const h = bbHost();
    expect(await bb(h, 'head', '-2', 'd/a.txt', 'nothere')).toEqual({ out: '==> d/a.txt <==\nhello world\nsecond line here\nhead: nothere: No such file or directory\n', status: 1 });
    expect(await bb(h, 'head', 'd')).toEqual({ out: 'head: d: Input/output error\n', status: 1 });
    expect(await bb(h, 'head', '-n', 'x', 'd/a.txt')).toEqual({ out: "head: invalid number 'x'\n", status: 1 });
    // Plain getopt(3): a long option is a cluster of letters starting with '-'.
    const r = await bb(h, 'head', '--foo');
    expect([r.out.split('\n').slice(0, 3), r.status]).toEqual([["head: invalid option -- '-'", 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.', ''], 1]);
  });
});

describe('busybox tail', () => {
  it("opens every file first: can't open, no files, the headers counting only the opened", async () => {
    const h = bbHost();
    expect(await bb(h, 'tail', 'nothere')).toEqual({ out: "tail: can't open 'nothere': No such file or directory\ntail: no files\n", status: 1 });
    expect(await bb(h, 'tail', '-1', 'd/a.txt', 'nothere')).toEqual({ out: "tail: can't open 'nothere': No such file or directory\nsecond line here\n", status: 1 });
    expect(await bb(h, 'tail', '-n', '1', 'd/a.txt', 'u.txt')).toEqual({ out: '==> d/a.txt <==\nsecond line here\n\n==> u.txt <==\nété ok\n', status: 0 });
    expect((await bb(h, 'tail', '+2', 'd/a.txt')).out).toBe('second line here\n');
    expect((await bb(h, 'tail', '--lines=5', 'u.txt')).out.split('\n')[0]).toBe("tail: unrecognized option '--lines=5'");
  });
});

describe('busybox chmod', () => {
  it('-v and -c report as chmod.c does; a mode like -w is a mode', async () => {
    const h = bbHost({ '/w/cm': { type: 'file', content: '', mode: 0o644 } });
    expect((await bb(h, 'chmod', '-v', '600', 'cm')).out).toBe("mode of 'cm' changed to 0600 (rw-------)\n");
    expect((await bb(h, 'chmod', '-c', '600', 'cm')).out).toBe('');
    expect((await bb(h, 'chmod', '-v', '-w', 'cm')).out).toBe("mode of 'cm' changed to 0400 (r--------)\n");
    expect((await bb(h, 'chmod', '-v', 'u+x,go=', 'cm')).out).toBe("mode of 'cm' changed to 0500 (r-x------)\n");
    expect((await bb(h, 'chmod', '-Rv', '755', 'd/e')).out).toBe("mode of 'd/e' changed to 0755 (rwxr-xr-x)\nmode of 'd/e/big' changed to 0755 (rwxr-xr-x)\n");
  });

  it('errors: a missing file even with -f, a bad mode, too few operands', async () => {
    const h = bbHost();
    expect(await bb(h, 'chmod', '777', 'nothere')).toEqual({ out: 'chmod: nothere: No such file or directory\n', status: 1 });
    expect(await bb(h, 'chmod', '-f', '644', 'nothere')).toEqual({ out: 'chmod: nothere: No such file or directory\n', status: 1 });
    expect(await bb(h, 'chmod', 'xyz', 'u.txt')).toEqual({ out: "chmod: invalid mode 'xyz'\n", status: 1 });
    const u = await bb(h, 'chmod', '644');
    expect([u.out.split('\n')[2], u.status]).toEqual(['Usage: chmod [-Rcvf] MODE[,MODE]... FILE...', 1]);
  });
});

describe('busybox ln', () => {
  it('ln: NAME: strerror for every failure; -v, -f, -b, into a directory', async () => {
    const h = bbHost();
    expect(await bb(h, 'ln', '-s', 'd/a.txt', 'll')).toEqual({ out: '', status: 0 });
    expect(await bb(h, 'ln', '-s', 'd/a.txt', 'll')).toEqual({ out: 'ln: ll: File exists\n', status: 1 });
    expect(await bb(h, 'ln', '-sfv', 'd/a.txt', 'll')).toEqual({ out: "'ll' -> 'd/a.txt'\n", status: 0 });
    expect(await bb(h, 'ln', 'nothere', 'll2')).toEqual({ out: 'ln: nothere: No such file or directory\n', status: 1 });
    expect((await bb(h, 'ln', '-sv', 'u.txt', 'd')).out).toBe("'d/u.txt' -> 'u.txt'\n");
    expect((await bb(h, 'ln', '-sbv', 'u.txt', 'll')).out).toBe("'ll' -> 'u.txt'\n");
    expect((await bb(h, 'ls', '-1', '/w')).out).toBe('d\nll\nll~\nu.txt\n');
    expect((await bb(h, 'ln', '-s')).out.split('\n')[2]).toBe('Usage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR');
  });
});

describe('busybox mv', () => {
  it("can't rename; -v even when it failed; into a directory", async () => {
    const h = bbHost();
    expect(await bb(h, 'mv', 'nothere', 'x')).toEqual({ out: "mv: can't rename 'nothere': No such file or directory\n", status: 1 });
    expect(await bb(h, 'mv', '-v', 'nothere', 'x')).toEqual({ out: "mv: can't rename 'nothere': No such file or directory\n'nothere' -> 'x'\n", status: 1 });
    expect(await bb(h, 'mv', '-v', 'u.txt', 'u2.txt')).toEqual({ out: "'u.txt' -> 'u2.txt'\n", status: 0 });
    expect(await bb(h, 'mv', '-v', 'u2.txt', 'd')).toEqual({ out: "'u2.txt' -> 'd/u2.txt'\n", status: 0 });
    expect((await bb(h, 'ls', '-1', 'd')).out).toBe('a.txt\ne\nu2.txt\n');
    expect((await bb(h, 'mv', 'x')).out.split('\n')[2]).toMatch(/^Usage: mv /);
  });
});

describe('busybox cp', () => {
  it("can't stat and omitting directory, in busybox's words; the rest copied by GNU cp", async () => {
    const h = bbHost();
    expect(await bb(h, 'cp', 'nothere', 'x')).toEqual({ out: "cp: can't stat 'nothere': No such file or directory\n", status: 1 });
    expect(await bb(h, 'cp', 'd', 'x')).toEqual({ out: "cp: omitting directory 'd'\n", status: 1 });
    expect(await bb(h, 'cp', 'u.txt', 'nothere', 'd/e')).toEqual({ out: "cp: can't stat 'nothere': No such file or directory\n", status: 1 });
    expect((await bb(h, 'ls', '-1', 'd/e')).out).toBe('big\nu.txt\n');
    expect(await bb(h, 'cp', '-v', 'u.txt', 'u3.txt')).toEqual({ out: "'u.txt' -> 'u3.txt'\n", status: 0 });
    expect((await bb(h, 'cp', '-r', 'd', 'd2')).status).toBe(0);
    expect((await bb(h, 'ls', '-1', 'd2')).out).toBe('a.txt\ne\n');
  });
});
