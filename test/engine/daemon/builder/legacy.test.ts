import { describe, expect, it } from 'vitest';
import { shortID } from '../../../../src/engine/daemon/ids.js';
import { boot } from '../harness.js';
import { build } from './buildHarness.js';

const ids = (t: string): string => t.replace(/\b[0-9a-f]{12}\b/g, '<id>');

describe('the legacy builder', () => {
  it('prints moby\'s steps cold, then Using cache, and tags the result', async () => {
    const h = boot();
    const files = { Dockerfile: 'FROM busybox\nRUN echo hello > /greeting && echo made\nEXPOSE 80\n' };
    const cold = await build(h, files, { tags: ['web'] });
    const img = h.engine.images.get(cold.id)!;
    const base = h.engine.images.resolve('busybox');
    const runId = h.engine.images.get(img.parent)!.id;
    expect(cold.text.replace(/(Running in|container) [0-9a-f]{12}/g, '$1 <id>')).toBe([
      'Step 1/3 : FROM busybox', ` ---> ${shortID(base.id)}`,
      'Step 2/3 : RUN echo hello > /greeting && echo made', ' ---> Running in <id>', 'made',
      ' ---> Removed intermediate container <id>', ` ---> ${shortID(runId)}`,
      'Step 3/3 : EXPOSE 80', ' ---> Running in <id>', ' ---> Removed intermediate container <id>', ` ---> ${shortID(cold.id)}`,
      `Successfully built ${shortID(cold.id)}`, 'Successfully tagged web:latest', '',
    ].join('\n'));
    expect(ids(cold.text)).toContain(' ---> Running in <id>\nmade\n ---> Removed intermediate container <id>\n');
    // The intermediate containers are gone, the intermediate image stays (dangling).
    expect(h.engine.containers.size).toBe(0);
    expect(h.engine.images.repoTags(runId)).toEqual([]);
    expect(img.history.slice(-2).map((x) => x.created_by)).toEqual(['/bin/sh -c echo hello > /greeting && echo made', '/bin/sh -c #(nop)  EXPOSE 80']);
    expect(img.history[img.history.length - 1].empty_layer).toBe(true);

    const warm = await build(h, files, { tags: ['web'] });
    expect(warm.id).toBe(cold.id);
    expect(warm.text).toBe([
      'Step 1/3 : FROM busybox', ` ---> ${shortID(base.id)}`,
      'Step 2/3 : RUN echo hello > /greeting && echo made', ' ---> Using cache', ` ---> ${shortID(runId)}`,
      'Step 3/3 : EXPOSE 80', ' ---> Using cache', ` ---> ${shortID(cold.id)}`,
      `Successfully built ${shortID(cold.id)}`, 'Successfully tagged web:latest', '',
    ].join('\n'));
    const fresh = await build(h, files, { noCache: true });
    expect(fresh.text).not.toContain('Using cache');
    expect(fresh.id).not.toBe(cold.id);
  });

  it('gives the same image IDs for the same Dockerfile, files and seed', async () => {
    const files = { Dockerfile: 'FROM busybox\nCOPY a /a\nRUN cat /a\n', a: 'x\n' };
    const one = await build(boot(3), files);
    const two = await build(boot(3), files);
    expect(one.id).toBe(two.id);
    expect(one.text).toBe(two.text);
  });

  it('fails a RUN with its code, keeps the step\'s container, and the last good image runs', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: 'FROM busybox\nRUN echo ok > /ok\nRUN ls /nosuch\n' });
    expect(r.error).toBe("The command '/bin/sh -c ls /nosuch' returned a non-zero code: 1");
    expect(r.code).toBe(1);
    expect(ids(r.text)).toContain('Step 3/3 : RUN ls /nosuch\n ---> Running in <id>\n\x1b[91mls: /nosuch: No such file or directory\n\x1b[0m');
    expect(r.text).not.toContain('Successfully built');
    const left = [...h.engine.containers.values()];
    expect(left).toHaveLength(1);
    expect(left[0].State.ExitCode).toBe(1);
    const lastGood = r.text.match(/ ---> ([0-9a-f]{12})\nStep 3/)![1];
    expect(left[0].ImageID.slice(7, 19)).toBe(lastGood);
  });
});
