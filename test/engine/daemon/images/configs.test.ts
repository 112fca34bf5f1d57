import { describe, expect, it } from 'vitest';
import { hubLogin } from '../../../../src/engine/daemon/distribution/hub.js';
import { imagePush } from '../../../../src/engine/daemon/distribution/push.js';
import { configBlob } from '../../../../src/engine/daemon/images/configs.js';
import { sha256Hex } from '../../../../src/engine/fs/sha256.js';
import { utf8Encode } from '../../../../src/engine/kernel/utf8.js';
import { build } from '../builder/buildHarness.js';
import { boot, inDaemon } from '../harness.js';

describe('image config bytes', () => {
  it('go with the image (rmi), and come back with a pull of what was pushed, so a second push sends the same config', async () => {
    const h = boot();
    const built = await build(h, { Dockerfile: 'FROM busybox\nRUN echo hi > /hi\n' }, { tags: ['you1/app'] });
    expect(built.error).toBe('');
    const { id } = built;
    const json = h.engine.images.recordedConfig(id)!;
    expect(`sha256:${sha256Hex(utf8Encode(json))}`).toBe(id);

    const again = await inDaemon(h, async (d, sys) => {
      // The simulated Hub's account, as the first `docker login` for the name registers it.
      const auth = { username: 'you1', password: 'secret' };
      expect(hubLogin(h.engine.kernel, auth.username, auth.password)).toBe(true);
      await imagePush(h.engine, sys, 'you1/app', 'latest', auth, () => undefined);
      d.imageRemove('you1/app', { prune: true });
      // Pruned with the image: the table is the store's and keeps nothing for an image it no longer has.
      const afterRmi = h.engine.images.recordedConfig(id);
      await d.imagePull('you1/app:latest');
      return { afterRmi, pulled: configBlob(h.engine.images, h.engine.images.get(id)!) };
    });
    expect(again.afterRmi).toBeUndefined();
    expect(again.pulled).toBe(json);
  });

  it('are the store’s own: another machine does not see them', async () => {
    const a = boot();
    const built = await build(a, { Dockerfile: 'FROM busybox\nRUN echo a > /a\n' });
    const b = boot();
    expect(a.engine.images.recordedConfig(built.id)).toBeDefined();
    expect(b.engine.images.recordedConfig(built.id)).toBeUndefined();
  });
});
