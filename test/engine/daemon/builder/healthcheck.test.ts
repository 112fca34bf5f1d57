/** HEALTHCHECK in both builders: parsed as BuildKit's parseHealthcheck, stored as moby stores it, inherited. */
import { describe, expect, it } from 'vitest';
import { boot, inDaemon } from '../harness.js';
import { build } from './buildHarness.js';

const S = 1e9;

describe.each(['1', '2'] as const)('HEALTHCHECK (version=%s)', (version) => {
  it('stores the shell form as CMD-SHELL with its durations, zero values left out of the config', async () => {
    const h = boot();
    const r = await build(h, {
      Dockerfile: 'FROM busybox\nHEALTHCHECK --interval=5s --timeout=3s --start-period=1m --start-interval=500ms --retries=4 CMD curl -f http://localhost/ || exit 1\n',
    }, { version, tags: ['hc'] });
    expect(r.error).toBe('');
    const inspect = await inDaemon(h, async (d) => d.imageInspect('hc'));
    expect(JSON.stringify((inspect.Config as { Healthcheck?: unknown }).Healthcheck)).toBe(
      '{"Test":["CMD-SHELL","curl -f http://localhost/ || exit 1"],"Interval":5000000000,"Timeout":3000000000,"StartPeriod":60000000000,"StartInterval":500000000,"Retries":4}',
    );
    // The bytes the image ID was hashed from carry it too.
    expect(JSON.parse(h.engine.images.recordedConfig(r.id)!).config.Healthcheck.Test).toEqual(['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
    const by = h.engine.images.resolve('hc').history.at(-1)?.created_by;
    expect(by).toBe(`${version === '1' ? '/bin/sh -c #(nop)  ' : ''}HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5s" "3s" "1m0s" "500ms" '\\x04'}`);
  });

  it('keeps the exec form as CMD; NONE disables the base image\'s check; a child inherits, run flags override', async () => {
    const h = boot();
    expect((await build(h, { Dockerfile: 'FROM busybox\nHEALTHCHECK --interval=2s CMD ["test", "-e", "/tmp/ok"]\nCMD ["sleep", "1000"]\n' }, { version, tags: ['base'] })).error).toBe('');
    expect(h.engine.images.resolve('base').config.Healthcheck).toEqual({ Test: ['CMD', 'test', '-e', '/tmp/ok'], Interval: 2 * S });
    expect((await build(h, { Dockerfile: 'FROM base\nLABEL child=1\n' }, { version, tags: ['child'] })).error).toBe('');
    expect(h.engine.images.resolve('child').config.Healthcheck).toEqual({ Test: ['CMD', 'test', '-e', '/tmp/ok'], Interval: 2 * S });
    expect((await build(h, { Dockerfile: 'FROM base\nHEALTHCHECK NONE\n' }, { version, tags: ['none'] })).error).toBe('');
    expect(h.engine.images.resolve('none').config.Healthcheck).toEqual({ Test: ['NONE'] });
    const health = await inDaemon(h, async (d, sys) => {
      d.containerCreate({ Image: 'child' }, {}, 'ca');
      d.containerCreate({ Image: 'child', Healthcheck: { Interval: 1 * S, Retries: 1 } }, {}, 'cb');
      d.containerCreate({ Image: 'none' }, {}, 'cc');
      for (const n of ['ca', 'cb', 'cc']) await d.containerStart(n);
      await sys.sleep(1500);
      return ['ca', 'cb', 'cc'].map((n) => {
        const c = d.containerInspect(n) as unknown as { Config: { Healthcheck?: unknown }; State: { Health?: { Status: string } } };
        return [c.Config.Healthcheck, c.State.Health?.Status ?? 'none'];
      });
    });
    expect(health).toEqual([
      [{ Test: ['CMD', 'test', '-e', '/tmp/ok'], Interval: 2 * S }, 'starting'],
      [{ Test: ['CMD', 'test', '-e', '/tmp/ok'], Interval: 1 * S, Retries: 1 }, 'unhealthy'],
      [{ Test: ['NONE'] }, 'none'],
    ]);
  });

  it('refuses bad instructions with BuildKit\'s words and the line', async () => {
    const err = async (line: string): Promise<string> => (await build(boot(), { Dockerfile: `FROM busybox\n${line}\n` }, { version })).error;
    expect(await err('HEALTHCHECK')).toBe('dockerfile parse error on line 2: HEALTHCHECK requires at least one argument');
    expect(await err('HEALTHCHECK FOO true')).toBe('dockerfile parse error on line 2: Unknown type "FOO" in HEALTHCHECK (try CMD)');
    expect(await err('HEALTHCHECK CMD')).toBe('dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD');
    expect(await err('HEALTHCHECK NONE true')).toBe('dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments');
    expect(await err('HEALTHCHECK --interval=5x CMD true')).toBe('dockerfile parse error on line 2: time: unknown unit "x" in duration "5x"');
    expect(await err('HEALTHCHECK --timeout=10us CMD true')).toBe('dockerfile parse error on line 2: Interval "timeout" cannot be less than 1ms');
    expect(await err('HEALTHCHECK --retries=-1 CMD true')).toBe('dockerfile parse error on line 2: --retries cannot be negative (-1)');
    expect(await err('HEALTHCHECK --retries=x CMD true')).toBe('dockerfile parse error on line 2: strconv.ParseInt: parsing "x": invalid syntax');
    expect(await err('HEALTHCHECK --every=5s CMD true')).toBe('dockerfile parse error on line 2: unknown flag: every');
  });
});

describe('HEALTHCHECK in the legacy builder', () => {
  it('notes that it overrides an earlier check', async () => {
    const r = await build(boot(), { Dockerfile: 'FROM busybox\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\nHEALTHCHECK CMD false\n' }, { version: '1' });
    expect(r.error).toBe('');
    expect(r.text.match(/^Note: .*$/gm)).toEqual(['Note: overriding previous HEALTHCHECK: [CMD-SHELL true]']);
  });
});
