import { describe, expect, it } from 'vitest';
import { host, run, type Host } from './harness.js';

/** A host with a sleeping `sleeper 10` (pid 2) started by init, a minute after boot. */
async function busyHost(): Promise<Host> {
  const h = host();
  h.k.spawn(h.k.hostPidNs.init!, { path: '/usr/bin/sleeper', argv: ['sleeper', '10'], cred: { uid: 1000, gid: 1000, groups: [1000] } });
  await h.k.runFor(65_000);
  return h;
}

describe('ps', () => {
  it('without options lists the terminal session only (PID column sized for pid_max 4194304)', async () => {
    const r = await run(await busyHost(), ['ps']);
    expect(r.out).toBe('    PID TTY          TIME CMD\n      3 pts/0    00:00:00 ps\n');
  });

  it('aux', async () => {
    const r = await run(await busyHost(), ['ps', 'aux']);
    expect(r.out).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root           1  0.0  0.3 167744 12800 ?        Ss   09:00   0:00 /sbin/init\n' +
        'user           2  0.0  0.0   7360  3456 ?        S    09:00   0:00 sleeper 10\n' +
        'user           3  0.0  0.1  11320  4608 pts/0    Rs+  09:01   0:00 ps aux\n',
    );
  });

  it('-ef and --forest', async () => {
    const h = await busyHost();
    expect((await run(h, ['ps', '-ef'])).out).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 09:00 ?        00:00:00 /sbin/init\n' +
        'user           2       1  0 09:00 ?        00:00:00 sleeper 10\n' +
        'user           3       1  0 09:01 pts/0    00:00:00 ps -ef\n',
    );
    expect((await run(h, ['ps', '-ef', '--forest'])).out).toContain('00:00:00  \\_ sleeper 10\n');
  });

  it('-e, x, -o and -p', async () => {
    const h = await busyHost();
    expect((await run(h, ['ps', '-e'])).out).toBe(
      '    PID TTY          TIME CMD\n      1 ?        00:00:00 init\n      2 ?        00:00:00 sleeper\n      3 pts/0    00:00:00 ps\n',
    );
    expect((await run(h, ['ps', 'x'])).out).toBe(
      '    PID TTY      STAT   TIME COMMAND\n      2 ?        S      0:00 sleeper 10\n      4 pts/1    Rs+    0:00 ps x\n',
    );
    expect((await run(h, ['ps', '-o', 'pid,comm,user,stat', '-p', '2'])).out).toBe(
      '    PID COMMAND         USER     STAT\n      2 sleeper         user     S\n',
    );
    expect((await run(h, ['ps', '-o', 'pid=', '-p', '2'])).out).toBe('      2\n');
    expect((await run(h, ['ps', '-o', 'pid=X,args', '-p', '1'])).out).toBe('      X COMMAND\n      1 /sbin/init\n');
    const none = await run(h, ['ps', '-p', '99']);
    expect(none).toEqual({ out: '    PID TTY          TIME CMD\n', status: 1 });
  });

  it('-aux falls back to aux; axj is the BSD jobs format', async () => {
    const h = await busyHost();
    expect((await run(h, ['ps', '-aux'])).out.split('\n')[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect((await run(h, ['ps', 'axj'])).out.split('\n').slice(0, 3)).toEqual([
      '   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND',
      '      0       1       1       1 ?             -1 Ss       0   0:00 /sbin/init',
      '      1       2       1       1 ?             -1 S     1000   0:00 sleeper 10',
    ]);
  });

  it('-l and -elf long formats', async () => {
    const h = await busyHost();
    expect((await run(h, ['ps', '-elf'], { cols: 120 })).out.split('\n').slice(0, 3)).toEqual([
      'F S UID          PID    PPID  C PRI  NI ADDR SZ WCHAN  STIME TTY          TIME CMD',
      '4 S root           1       0  0  80   0 - 41936 -      09:00 ?        00:00:00 /sbin/init',
      '0 S user           2       1  0  80   0 -  1840 -      09:00 ?        00:00:00 sleeper 10',
    ]);
    expect((await run(h, ['ps', '-l'])).out).toBe(
      'F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD\n' +
        '0 R  1000       4       1  0  80   0 -  2830 -      pts/1    00:00:00 ps\n',
    );
  });

  it('cuts lines at the terminal width', async () => {
    const r = await run(await busyHost(), ['ps', '-o', 'pid,args', 'ax'], { cols: 14 });
    expect(r.out).toBe('    PID COMMAN\n      1 /sbin/\n      2 sleepe\n      3 ps -o \n');
  });

  it('rejects an unknown format specifier with procps usage', async () => {
    const r = await run(host(), ['ps', '-o', 'foo']);
    expect(r.out).toBe(
      'error: unknown user-defined format specifier "foo"\n\nUsage:\n ps [options]\n\n' +
        " Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\n" +
        'For more details see ps(1).\n',
    );
    expect(r.status).toBe(1);
  });
});

  // procps-ng 4.0.2 on the host: `ps -o pid -q 3,1`, `-q 1 --forest`, `-q 1 -p 1`, `-q`, `-p 0`.
  it('-q/q/--quick-pid lists exactly those PIDs in their order, as docker top runs it', async () => {
    const h = await busyHost();
    expect(await run(h, ['ps', '-o', 'pid,args', '-q2,1,2'])).toEqual({ out: '    PID COMMAND\n      2 sleeper 10\n      1 /sbin/init\n      2 sleeper 10\n', status: 0 });
    expect((await run(h, ['ps', '-o', 'pid', 'q', '1', '-e'])).out).toBe('    PID\n      1\n');
    expect((await run(h, ['ps', '-o', 'pid', '--quick-pid=99'])).status).toBe(1);
    expect(await run(h, ['ps', '-q', '1', '--forest'])).toEqual({ out: 'q/-q/--quick-pid cannot be used together with forest type listings.\n', status: 1 });
    expect(await run(h, ['ps', '-q', '1', '-p', '1'])).toEqual({ out: 'q/-q/--quick-pid cannot be combined with other selection options.\n', status: 1 });
    expect((await run(h, ['ps', '-q'])).out.split('\n')[0]).toBe('error: List of process IDs must follow -q.');
    expect((await run(h, ['ps', 'q'])).out.split('\n')[0]).toBe('error: List of process IDs must follow q.');
    expect((await run(h, ['ps', '-p', '0'])).out.split('\n')[0]).toBe('error: process ID out of range');
    expect((await run(h, ['ps', '-p', 'x'])).out.split('\n')[0]).toBe('error: process ID list syntax error');
  });

describe('kill, pgrep, pkill', () => {
  it('kill sends SIGTERM and reports missing processes', async () => {
    const h = await busyHost();
    const r = await run(h, ['kill', '2', '77']);
    expect(r).toEqual({ out: 'kill: (77): No such process\n', status: 1 });
    expect(h.k.procs.has(2)).toBe(false);
  });

  it('kill -l, -l N, -L and bad arguments', async () => {
    const h = host();
    expect((await run(h, ['kill', '-l'])).out).toBe(
      'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
        'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n',
    );
    expect((await run(h, ['kill', '-l', '9'])).out).toBe('KILL\n');
    expect((await run(h, ['kill', '-l', 'TERM'])).out).toBe('15\n');
    expect((await run(h, ['kill', '-L'])).out.split('\n').slice(3)).toEqual([
      '22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH',
      '29 POLL    30 PWR     31 SYS     ',
      '',
    ]);
    expect((await run(h, ['kill', 'abc'])).out).toBe("kill: failed to parse argument: 'abc'\n");
  });

  it('kill -9 and -s', async () => {
    const h = await busyHost();
    expect((await run(h, ['kill', '-s', 'KILL', '2'])).status).toBe(0);
    expect(h.k.procs.has(2)).toBe(false);
  });

  it('another user may not signal root processes', async () => {
    const r = await run(host(), ['kill', '1']);
    expect(r.out).toBe('kill: (1): Operation not permitted\n');
  });

  it('pgrep and pkill match by name', async () => {
    const h = await busyHost();
    expect((await run(h, ['pgrep', 'sleep'])).out).toBe('2\n');
    expect((await run(h, ['pgrep', '-l', 'sle'])).out).toBe('2 sleeper\n');
    expect((await run(h, ['pgrep', '-a', 'sleeper'])).out).toBe('2 sleeper 10\n');
    expect((await run(h, ['pgrep', '-f', 'er 10'])).out).toBe('2\n');
    expect((await run(h, ['pgrep', 'nomatch'])).status).toBe(1);
    expect((await run(h, ['pgrep'])).out).toBe("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    expect((await run(h, ['pkill', '-e', 'sleeper'])).out).toBe('sleeper killed (pid 2)\n');
    expect(h.k.procs.has(2)).toBe(false);
  });
});

describe('free, uptime, top', () => {
  it('uptime', async () => {
    const h = await busyHost();
    expect((await run(h, ['uptime'])).out).toBe(' 09:01:05 up 1 min,  0 user,  load average: 0.04, 0.02, 0.01\n');
    expect((await run(h, ['uptime', '-p'])).out).toBe('up 1 minute\n');
    expect((await run(h, ['uptime', '-s'])).out).toBe('2026-11-28 09:00:00\n');
  });

  it('free and free -h read /proc/meminfo', async () => {
    const h = await busyHost();
    const r = await run(h, ['free']);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(lines[1]).toMatch(/^Mem: +4026512( +\d+){5}$/);
    expect(lines[1]).toHaveLength(80);
    expect(lines[2]).toBe('Swap:              0           0           0');
    const hr = await run(h, ['free', '-h']);
    expect(hr.out.split('\n')[1]).toMatch(/^Mem: {11}3\.8Gi/);
    expect(hr.out.split('\n')[2]).toBe('Swap:             0B          0B          0B');
    expect((await run(h, ['free', '-x'])).out.split('\n')[0]).toBe("free: invalid option -- 'x'");
  });

  it('top -b -n 1 prints the summary and the task list', async () => {
    const r = await run(await busyHost(), ['top', '-b', '-n', '1']);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('top - 09:01:05 up 1 min,  0 user,  load average: 0.04, 0.02, 0.01');
    expect(lines[1]).toBe('Tasks:   3 total,   1 running,   2 sleeping,   0 stopped,   0 zombie');
    expect(lines[6]).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
    expect(lines[8]).toBe('      2 user      20   0    7360   3456      0 S   0.0   0.1   0:00.00 sleeper');
  });

  it('top at the moment of boot shows an idle CPU, not one that is neither busy nor idle', async () => {
    const r = await run(host(), ['top', '-b', '-n', '1']);
    expect(r.out.split('\n')[2]).toBe('%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ');
  });

  it('interactive top redraws on the alternate screen until q', async () => {
    const h = await busyHost();
    const r = await run(h, ['top'], { input: ['q'] });
    expect(r.status).toBe(0);
    expect(r.out.startsWith('\x1b[?1049h\x1b[H\x1b[Jtop - 09:01:05 up 1 min,  0 user,')).toBe(true);
    expect(r.out.endsWith('\x1b[?1049l')).toBe(true);
    expect(h.k.ttyAt(h.k.rootMnt, 0)!.termios.icanon).toBe(true);
  });
});
