/**
 * Chapter 4's image commands (commit, history, tag, push/pull through the registry container, the legacy builder,
 * save/load, cp) checked byte for byte against goldens the real docker CLI 28.2.2 printed against this daemon
 * (testdata/real, written only by capture-goldens.ts): the real client again, when it is installed, and the in-sim
 * CLI always, each on a fresh daemon with the same seed, boot time and steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { haveDockerCli, type TestDaemon } from './helpers.js';
import { daemon, readGolden, realStep, realWorkdir, render, simStep, simWorkdir, STEPS } from './goldens.js';

const HAVE_DOCKER = await haveDockerCli();

/**
 * The real client prints an image's tags grouped by repository from a Go map (docker/cli formatter/image.go), so
 * two repositories' rows of one image come in either order from run to run: compare each image's rows as a set.
 */
function tagsInAnyOrder(text: string): string {
  const lines = text.split('\n');
  const id = (l: string): string | undefined => l.split(' ')[1];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && id(lines[j]) !== undefined && id(lines[j]) === id(lines[i])) j++;
    lines.splice(i, j - i, ...lines.slice(i, j).sort());
    i = j;
  }
  return lines.join('\n');
}

describe.skipIf(!HAVE_DOCKER)('the real docker CLI against the daemon, as captured', () => {
  let d: TestDaemon;
  let cwd: string;
  beforeAll(async () => {
    d = await daemon();
    cwd = realWorkdir();
  });
  afterAll(async () => {
    await d?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('prints every step as it did when captured', async () => {
    for (const step of STEPS) {
      const order = step.argv[0] === 'images' ? tagsInAnyOrder : (s: string) => s;
      expect(order(render(step, await realStep(d, cwd, step))), step.name).toBe(order(readGolden(step)));
    }
  }, 300_000);
});

describe('the in-sim docker CLI against the real client\'s goldens', () => {
  let d: TestDaemon;
  beforeAll(async () => {
    d = await daemon();
    simWorkdir(d.host);
  });
  afterAll(async () => {
    await d?.close();
  });

  it('prints every step as the real client did', async () => {
    for (const step of STEPS) expect(render(step, await simStep(d.host, step)), step.name).toBe(readGolden(step));
  }, 300_000);
});
