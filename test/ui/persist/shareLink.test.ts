import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShared, encodeShared, fromBase64Url, shareUrl, toBase64Url } from '../../../src/ui/persist/shareLink.js';
import type { JournalEntry } from '../../../src/machine/journal.js';

describe('share links', () => {
  it('base64url round-trips any bytes, with no padding or URL-unsafe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200_000 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('packs a session into a short parameter and unpacks it', async () => {
    const journal: JournalEntry[] = [{ step: 0, at: 0, kind: 'open', term: 0, rows: 24, cols: 80 }];
    for (let i = 0; i < 40; i++) journal.push({ step: 100 * i + 7, at: 1000.5 * i, kind: 'keys', term: 0, data: 'sudo docker ps -a\r' });
    const param = await encodeShared({ seed: 9, journal, head: { step: 9999, at: 65432.125 } });
    expect(param.length).toBeLessThan(JSON.stringify(journal).length / 4);
    expect(await decodeShared(param)).toEqual({ v: 1, seed: 9, journal, head: { step: 9999, at: 65432.125 }, lessons: null });
    expect(shareUrl('https://x.test/app/?seed=3&test=1#top', param)).toBe(`https://x.test/app/?session=${param}`);
    // The lesson open travels with the machine, the language in the address.
    const lessons = { v: 1, current: 'ch03-03-naming', progress: null };
    expect(await decodeShared(await encodeShared({ seed: 9, journal, head: { step: 1, at: 1 }, lessons }))).toMatchObject({ lessons });
    expect(shareUrl('https://x.test/app/?seed=3', param, 'zh')).toBe(`https://x.test/app/?locale=zh&session=${param}`);
  });

  it('refuses a damaged parameter', async () => {
    await expect(decodeShared('not*base64')).rejects.toThrow('not base64url');
    await expect(decodeShared('AAAA')).rejects.toThrow();
  });
});
