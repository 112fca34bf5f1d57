import { describe, expect, it } from 'vitest';
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';
import { Cgroup } from '../../../src/engine/kernel/cgroup.js';
import { deviceFile } from '../../../src/engine/kernel/files.js';
import { isSysError } from '../../../src/engine/kernel/errno.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';

function boot(init: Program, programs: Record<string, Program> = {}): { k: Kernel; fs: FakeMounts; log: string[] } {
  const fs = new FakeMounts();
  const k = new Kernel({
    seed: 1,
    bootEpochMs: Date.UTC(2026, 10, 28, 1, 0, 0),
    hostname: 'test',
    rootMnt: fs,
    programs: new Map(Object.entries(programs)),
  });
  for (const name of Object.keys(programs)) fs.addFile(`/bin/${name}`, binaryContent(name));
  k.startInit(init, ['/sbin/init']);
  return { k, fs, log: [] };
}

describe('kernel processes', () => {
  it('spawns a child from a file, waits for it, and reports its exit code', async () => {
    const seen: string[] = [];
    const { k } = boot(
      async (sys) => {
        const pid = sys.spawn({ path: '/bin/seven', argv: ['seven', 'a'] });
        const st = await sys.wait(pid);
        seen.push(`pid=${pid} code=${st?.code} status=${st?.status}`);
        return 0;
      },
      { seven: async (sys) => (seen.push(`argv=${sys.argv.join(' ')} ppid=${sys.ppid}`), 7) },
    );
    expect(await k.run()).toBe('idle');
    expect(seen).toEqual(['argv=seven a ppid=1', 'pid=2 code=7 status=7']);
    expect(k.faults).toEqual([]);
  });

  it('sleep moves virtual time, not real time', async () => {
    const times: number[] = [];
    const { k } = boot(async (sys) => {
      await sys.sleep(5000);
      times.push(Math.round(sys.uptime()));
      await sys.sleep(250);
      times.push(Math.round(sys.uptime()));
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(times).toEqual([5000, 5250]);
  });

  it('sleep(0) lets the other processes run, so a loop of it cannot stall the machine', async () => {
    const order: string[] = [];
    const { k } = boot(async (sys) => {
      sys.spawn({ argv: ['other'], thread: true, program: async () => (order.push('other'), 0) });
      for (let i = 0; i < 3; i++) {
        await sys.sleep(0);
        await sys.sleep(Number.NaN);
        order.push(`loop ${i}`);
      }
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(order).toEqual(['other', 'loop 0', 'loop 1', 'loop 2']);
  });

  it('a process whose reads and writes never block still lets the others run after 256 calls (cat /dev/zero > /dev/null)', async () => {
    // Without the quantum the spinner is only left behind once the scheduler's drain gives up on its slice:
    // thousands of calls later, and it keeps running beside the next task. With it, call 257 parks it.
    let calls = 0;
    let callsBeforeOther = -1;
    const { k } = boot(async (sys) => {
      sys.spawn({ argv: ['other'], thread: true, program: async () => ((callsBeforeOther = calls), 0) });
      const self = k.procs.get(sys.hostPid)!;
      k.installFd(self, 5, deviceFile('zero', k.prng));
      k.installFd(self, 6, deviceFile('null', k.prng));
      while (callsBeforeOther < 0 && calls < 100_000) {
        const data = (await sys.read(5))!;
        calls++;
        await sys.write(6, data);
        calls++;
      }
      return 0;
    });
    expect(await k.run()).toBe('idle');
    expect(callsBeforeOther).toBe(256);
  });

  it('reports execve errors as errno codes', async () => {
    const codes: string[] = [];
    const { k, fs } = boot(async (sys) => {
      for (const path of ['/bin/missing', '/bin/noexec', '/bin/garbage']) {
        try {
          sys.spawn({ path, argv: [path] });
        } catch (e) {
          if (isSysError(e)) codes.push(e.code);
        }
      }
      return 0;
    });
    fs.addFile('/bin/noexec', binaryContent('x'), 0o644);
    fs.addFile('/bin/garbage', 'hello', 0o755);
    await k.run();
    expect(codes).toEqual(['ENOENT', 'EACCES', 'ENOEXEC']);
  });

  it('runs #! scripts through their interpreter', async () => {
    let argv: readonly string[] = [];
    const { k, fs } = boot(
      async (sys) => {
        await sys.wait(sys.spawn({ path: '/bin/script', argv: ['/bin/script', 'x'] }));
        return 0;
      },
      { interp: async (sys) => ((argv = sys.argv), 0) },
    );
    fs.addFile('/bin/script', '#!/bin/interp -e\necho hi\n');
    await k.run();
    expect(argv).toEqual(['/bin/interp', '-e', '/bin/script', 'x']);
  });
});

describe('pipes', () => {
  it('carries data with backpressure and EOF when the writer closes', async () => {
    let got = '';
    const { k } = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const writer = sys.spawn({
        program: async (s: Sys) => {
          for (let i = 0; i < 100; i++) await s.write(1, 'x'.repeat(4096));
          return 0;
        },
        argv: ['writer'],
        fds: { 1: w },
      });
      sys.close(w);
      for (;;) {
        const d = await sys.read(r);
        if (d === null) break;
        got += d;
      }
      await sys.wait(writer);
      return 0;
    });
    await k.run();
    expect(got.length).toBe(409600);
  });

  it('kills a writer with SIGPIPE once the reader is gone (yes | head)', async () => {
    let status = -1;
    const { k } = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const yes = sys.spawn({
        program: async (s: Sys) => {
          for (;;) await s.write(1, 'y\n'.repeat(2048));
        },
        argv: ['yes'],
        fds: { 1: w },
      });
      sys.close(w);
      await sys.read(r);
      sys.close(r);
      status = (await sys.wait(yes))!.status;
      return 0;
    });
    await k.run();
    expect(status).toBe(141);
  });
});

describe('pipes carry bytes and text', () => {
  it('hands bytes over exactly and text whole when a character is split across two writes', async () => {
    const got: unknown[] = [];
    const { k } = boot(async (sys) => {
      const [r, w] = sys.pipe();
      await sys.write(w, Uint8Array.of(0x1f, 0x8b, 0x00, 0xff));
      got.push([...(await sys.readBytes(r))!]);
      const chinese = new TextEncoder().encode('中文');
      await sys.write(w, chinese.subarray(0, 2));
      await sys.write(w, chinese.subarray(2));
      got.push(await sys.read(r));
      await sys.write(w, 'é');
      got.push([...(await sys.readBytes(r))!]);
      sys.close(w);
      got.push(await sys.readBytes(r), await sys.read(r));
      return 0;
    });
    await k.run();
    expect(got).toEqual([[0x1f, 0x8b, 0x00, 0xff], '中文', [0xc3, 0xa9], null, null]);
  });

  it('a reader of text waits for the rest of a character rather than read half of it', async () => {
    const got: string[] = [];
    const { k } = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const writer = sys.spawn({
        program: async (s: Sys) => {
          const b = new TextEncoder().encode('世');
          await s.write(1, b.subarray(0, 1));
          await s.sleep(10);
          await s.write(1, b.subarray(1));
          return 0;
        },
        argv: ['writer'],
        fds: { 1: w },
      });
      sys.close(w);
      got.push(`${await sys.read(r)}@${Math.round(sys.uptime())}`);
      got.push(String(await sys.read(r)));
      await sys.wait(writer);
      return 0;
    });
    await k.run();
    expect(got).toEqual(['世@10', 'null']);
  });

  it('counts its capacity in bytes: 80,000 bytes of two-byte characters fill it', async () => {
    const seen: string[] = [];
    const { k } = boot(async (sys) => {
      const [r, w] = sys.pipe();
      const writer = sys.spawn({
        program: async (s: Sys) => {
          await s.write(1, 'é'.repeat(40000));
          await s.write(1, 'x');
          seen.push(`second write at ${s.uptime()}`);
          return 0;
        },
        argv: ['writer'],
        fds: { 1: w },
      });
      sys.close(w);
      await sys.sleep(50);
      seen.push('reader reads');
      let n = 0;
      for (let d = await sys.readBytes(r); d; d = await sys.readBytes(r)) n += d.length;
      seen.push(`${n} bytes`);
      await sys.wait(writer);
      return 0;
    });
    await k.run();
    expect(seen[0]).toBe('reader reads');
    expect(seen.at(-1)).toBe('80001 bytes');
  });
});

describe('signals', () => {
  const forever: Program = async (s) => {
    for (;;) await s.sleep(1000);
  };

  it('SIGTERM kills a plain process (143); a handler catches it', async () => {
    const out: string[] = [];
    const { k } = boot(async (sys) => {
      const a = sys.spawn({ program: forever, argv: ['a'] });
      const b = sys.spawn({
        program: async (s) => {
          s.signal('SIGTERM', () => {
            out.push('caught');
            s.exit(3);
          });
          return forever(s);
        },
        argv: ['b'],
      });
      await sys.sleep(10);
      sys.kill(a, 'SIGTERM');
      sys.kill(b, 'SIGTERM');
      out.push(`a=${(await sys.wait(a))!.status}`, `b=${(await sys.wait(b))!.status}`);
      return 0;
    });
    await k.run();
    expect(out).toEqual(['caught', 'a=143', 'b=3']);
  });

  it('PID 1 of a namespace ignores SIGTERM without a handler but dies of SIGKILL from outside', async () => {
    const out: string[] = [];
    const { k } = boot(async (sys) => {
      const c = sys.spawn({
        program: async (s) => (out.push(`inner pid ${s.pid}`), forever(s)),
        argv: ['sh'],
        unshare: { pid: true, uts: 'abc' },
      });
      await sys.sleep(10);
      sys.kill(c, 'SIGTERM');
      await sys.sleep(10_000);
      out.push(`alive=${(await sys.wait(c, { nohang: true })) === null}`);
      sys.kill(c, 'SIGKILL');
      out.push(`status=${(await sys.wait(c))!.status}`);
      return 0;
    });
    await k.run();
    expect(out).toEqual(['inner pid 1', 'alive=true', 'status=137']);
  });

  it('the death of a namespace init kills everything in the namespace', async () => {
    let grandchildStatus = -1;
    const { k } = boot(async (sys) => {
      const c = sys.spawn({
        program: async (s) => {
          const g = s.spawn({ program: forever, argv: ['g'] });
          void g;
          await s.sleep(100);
          return 0;
        },
        argv: ['init2'],
        unshare: { pid: true },
      });
      await sys.wait(c);
      grandchildStatus = [...k.procs.values()].filter((p) => p.argv[0] === 'g').length;
      return 0;
    });
    await k.run({ until: 5000 });
    expect(grandchildStatus).toBe(0);
  });
});

describe('scheduling', () => {
  it('a busy loop that yields lets the clock and other processes move on', async () => {
    const ticks: number[] = [];
    const { k } = boot(async (sys) => {
      sys.spawn({
        program: async (s) => {
          for (;;) {
            s.cpu(100);
            await s.yield();
          }
        },
        argv: ['busy'],
      });
      for (let i = 0; i < 3; i++) {
        await sys.sleep(1000);
        ticks.push(Math.floor(sys.uptime() / 1000));
      }
      return 0;
    });
    expect(await k.run({ until: 10_000 })).toBe('until');
    expect(ticks).toEqual([1, 2, 3]);
  });

  it('a frozen cgroup does not run until thawed', async () => {
    let count = 0;
    const cg = new Cgroup('/docker/x', null);
    const { k } = boot(async (sys) => {
      sys.spawn({
        program: async (s) => {
          for (;;) {
            count++;
            await s.sleep(100);
          }
        },
        argv: ['loop'],
        cgroup: cg,
      });
      await sys.sleep(10_000);
      return 0;
    });
    await k.run({ until: 1050 });
    const before = count;
    cg.frozen = true;
    await k.run({ until: 5000 });
    expect(count).toBe(before);
    cg.frozen = false;
    await k.run({ until: 6000 });
    expect(count).toBeGreaterThan(before + 5);
  });

  it('is deterministic: the same seed gives the same interleaving', async () => {
    const trace = async (): Promise<string> => {
      const out: string[] = [];
      const { k } = boot(async (sys) => {
        const kids = [0, 1, 2].map((i) =>
          sys.spawn({
            program: async (s) => {
              for (let j = 0; j < 3; j++) {
                out.push(`${i}:${j}:${s.uptime().toFixed(4)}:${s.random().toFixed(6)}`);
                await s.yield();
              }
              return 0;
            },
            argv: [`k${i}`],
          }),
        );
        for (const kid of kids) await sys.wait(kid);
        return 0;
      });
      await k.run();
      return out.join('\n');
    };
    expect(await trace()).toBe(await trace());
  });
});

describe('tty', () => {
  it('delivers canonical lines, handles erase, EOF on Ctrl-D and SIGINT on Ctrl-C', async () => {
    const got: (string | null)[] = [];
    let shown = '';
    const { k } = boot(async (sys) => {
      const tty = k.createTty();
      tty.onOutput((d) => (shown += d));
      const p = k.procs.get(sys.hostPid)!;
      k.attachTty(p, tty);
      got.push(await sys.read(0));
      got.push(await sys.read(0));
      const child = sys.spawn({ program: async (s) => (await s.sleep(1e6), 0), argv: ['sleep'], pgid: 0 });
      sys.tcsetpgrp(0, child);
      const st = await sys.wait(child);
      got.push(`child ${st!.status}`);
      return 0;
    });
    await k.run({ until: 10 });
    const tty = k.ttyAt(k.rootMnt, 0)!;
    expect(tty.waitingForInput).toBe(true);
    tty.input('lx\x7fs -l\r');
    await k.run({ until: 20 });
    tty.input('\x04');
    await k.run({ until: 30 });
    tty.input('\x03');
    await k.run({ until: 40 });
    expect(got).toEqual(['ls -l\n', null, 'child 130']);
    expect(shown).toBe('lx\b \bs -l\r\n^C');
  });
});

describe('tty type-ahead', () => {
  it('hands a line typed ahead in canonical mode to the first raw read, as n_tty does', async () => {
    const got: string[] = [];
    const { k } = boot(async (sys) => {
      const tty = k.createTty();
      k.attachTty(k.procs.get(sys.hostPid)!, tty);
      await sys.sleep(100);
      sys.tcsetattr(0, { icanon: false, echo: false });
      got.push(String(await sys.read(0)));
      got.push(String(await sys.read(0)));
      return 0;
    });
    await k.run({ until: 10 });
    const tty = k.ttyAt(k.rootMnt, 0)!;
    tty.input('exit');
    await k.run({ until: 200 });
    tty.input('\r');
    await k.run({ until: 300 });
    expect(got).toEqual(['exit', '\r']);
  });
});

describe('sockets and ptys', () => {
  it('connects a client to a TCP listener and carries data both ways, with half-close', async () => {
    const log: string[] = [];
    const { k } = boot(async (sys) => {
      const l = sys.listen('tcp://0.0.0.0:2375');
      const server = sys.spawn({
        program: async (s) => {
          const c = await s.accept(l);
          const req = await s.read(c);
          const eof = await s.read(c);
          await s.write(c, `echo:${req}`);
          s.close(c);
          log.push(`server got ${req} then ${eof}`);
          return 0;
        },
        argv: ['server'],
      });
      const c = sys.connect('tcp://127.0.0.1:2375');
      await sys.write(c, 'ping');
      sys.shutdown(c);
      log.push(`client got ${await sys.read(c)} then ${await sys.read(c)}`);
      await sys.wait(server);
      try {
        sys.connect('tcp://127.0.0.1:9');
      } catch (e) {
        log.push(`refused: ${(e as Error).message}`);
      }
      return 0;
    });
    await k.run();
    expect(log).toEqual(['server got ping then null', 'client got echo:ping then null', 'refused: Connection refused']);
  });

  it('a TCP connection carries bytes exactly both ways, and text split mid-character whole', async () => {
    const log: unknown[] = [];
    const { k } = boot(async (sys) => {
      const l = sys.listen('tcp://0.0.0.0:2375');
      const server = sys.spawn({
        program: async (s) => {
          const c = await s.accept(l);
          const got: number[] = [];
          for (let b = await s.readBytes(c); b; b = await s.readBytes(c)) got.push(...b);
          log.push(got);
          const hello = new TextEncoder().encode('你好');
          await s.write(c, hello.subarray(0, 1));
          await s.write(c, hello.subarray(1));
          await s.write(c, Uint8Array.of(0x00, 0xff));
          s.close(c);
          return 0;
        },
        argv: ['server'],
      });
      const c = sys.connect('tcp://127.0.0.1:2375');
      await sys.write(c, Uint8Array.of(0x1f, 0x8b, 0x80));
      await sys.write(c, 'é');
      sys.shutdown(c);
      log.push(await sys.read(c, 2), [...(await sys.readBytes(c))!], await sys.read(c));
      await sys.wait(server);
      return 0;
    });
    await k.run();
    expect(log).toEqual([[0x1f, 0x8b, 0x80, 0xc3, 0xa9], '你好', [0x00, 0xff], null]);
  });

  it('a pty master reads what the slave side wrote and types into it', async () => {
    const log: string[] = [];
    const { k } = boot(async (sys) => {
      const { master, slave, name } = sys.openpty();
      log.push(name);
      const child = sys.spawn({
        program: async (s) => {
          const line = await s.read(0);
          await s.write(1, `got ${line}`);
          return 0;
        },
        argv: ['child'],
        fds: { 0: slave, 1: slave },
      });
      sys.close(slave);
      await sys.write(master, 'hi\r');
      let out = '';
      while (!out.includes('got')) out += await sys.read(master);
      await sys.wait(child);
      log.push(JSON.stringify(out));
      return 0;
    });
    await k.run();
    expect(log).toEqual(['/dev/pts/0', JSON.stringify('hi\r\ngot hi\r\n')]);
  });
});
