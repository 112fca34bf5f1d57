import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../../src/engine/kernel/kernel.js';
import type { Program } from '../../../../src/engine/kernel/sys.js';
import { Tui } from '../../../../src/programs/lib/tui/index.js';
import { FakeMounts } from '../../../engine/kernel/fake-fs.js';

function boot(init: Program): Kernel {
  const k = new Kernel({ seed: 1, bootEpochMs: Date.UTC(2026, 10, 28), hostname: 't', rootMnt: new FakeMounts(), programs: new Map() });
  k.startInit(init, ['/sbin/init']);
  return k;
}

describe('tui on a pseudo-terminal', () => {
  it('tells ESC from a cursor key by virtual time, and puts the terminal back as it was', async () => {
    const log: string[] = [];
    const k = boot(async (sys) => {
      const { master, slave } = sys.openpty();
      const child = sys.spawn({
        program: async (s) => {
          const tui = new Tui(s, { escTimeout: 100 });
          await tui.enter();
          const mode = s.tcgetattr(0);
          log.push(`raw icanon=${mode.icanon} echo=${mode.echo}`);
          try {
            for (let i = 0; i < 4; i++) {
              const before = s.uptime();
              const key = await tui.readKey();
              log.push(`${JSON.stringify(key)} after ${Math.round(s.uptime() - before)}ms`);
            }
          } finally {
            await tui.leave();
          }
          const back = s.tcgetattr(0);
          log.push(`restored icanon=${back.icanon} echo=${back.echo}`);
          return 0;
        },
        argv: ['tui'],
        fds: { 0: slave, 1: slave },
      });
      sys.close(slave);
      let shown = '';
      const drain = async (): Promise<void> => {
        for (let d = await sys.readTimed(master, 1); d !== undefined && d !== null; d = await sys.readTimed(master, 1)) shown += d;
      };
      await sys.sleep(10);
      // A cursor key cut in two by the line: the rest arrives 30 ms later, within 'ttimeoutlen'.
      await sys.write(master, '\x1b[');
      await sys.sleep(30);
      await sys.write(master, 'A');
      await sys.sleep(10);
      // ESC alone: after 100 ms it is the key.
      await sys.write(master, '\x1b');
      await sys.sleep(500);
      // ESC then `[` typed slower than 'ttimeoutlen' apart: two keys.
      await sys.write(master, '\x1b');
      await sys.sleep(200);
      await sys.write(master, '[');
      await drain();
      await sys.wait(child);
      await drain();
      log.push(JSON.stringify(shown.slice(0, 8)), JSON.stringify(shown.slice(-8)));
      return 0;
    });
    await k.run();
    expect(log).toEqual([
      'raw icanon=false echo=false',
      '"<Up>" after 40ms',
      '"<Esc>" after 110ms',
      '"<Esc>" after 500ms',
      '"[" after 100ms',
      'restored icanon=true echo=true',
      JSON.stringify('\x1b[?1049h'),
      JSON.stringify('\x1b[?1049l'),
    ]);
  });
});
