/** What the builders used to leave out or refuse (issue 16's list), on both paths. */
import { describe, expect, it } from 'vitest';
import { recordedConfig } from '../../../../src/engine/daemon/images/configs.js';
import { boot, inDaemon } from '../harness.js';
import { build } from './buildHarness.js';

const SHELL_DF = 'FROM busybox\nSHELL ["/bin/sh", "-xc"]\nRUN echo hi\n';

describe.each(['1', '2'] as const)('SHELL (version=%s)', (version) => {
  it('is recorded in the image config, and a build FROM that image runs with it', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: SHELL_DF }, { version, tags: ['shelled'] });
    expect(r.error).toBe('');
    const inspect = await inDaemon(h, async (d) => d.imageInspect('shelled'));
    expect((inspect.Config as { Shell?: string[] }).Shell).toEqual(['/bin/sh', '-xc']);
    expect(JSON.parse(recordedConfig(r.id)!).config.Shell).toEqual(['/bin/sh', '-xc']);
    const child = await build(h, { Dockerfile: 'FROM shelled\nRUN echo there\nCMD echo run\n' }, { version, tags: ['child'] });
    expect(child.error).toBe('');
    const img = h.engine.images.resolve('child');
    expect(img.config.Cmd).toEqual(['/bin/sh', '-xc', 'echo run']);
    expect(img.history.at(-2)?.created_by).toMatch(/^(RUN )?\/bin\/sh -xc echo there/);
    // A container made from it does not inherit Shell (moby's merge leaves it out).
    const c = await inDaemon(h, async (d) => d.containerInspect(d.containerCreate({ Image: 'shelled', Cmd: ['true'] }).Id));
    expect((c.Config as { Shell?: string[] }).Shell).toBeUndefined();
  });
});
