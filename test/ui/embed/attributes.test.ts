/** `<docker-sim>` attributes to the embed page's address and the frame's height. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, embedUrl, flagOn, frameHeight } from '../../../src/ui/element/attributes.js';
import { embedParams } from '../../../src/ui/embed/params.js';

const SCRIPT = 'https://docs.example/sim/docker-sim.js';

describe('embedUrl', () => {
  it('points at embed.html beside the script, with the attributes as parameters', () => {
    expect(embedUrl(SCRIPT, { cmd: 'docker run hello-world', seed: '3', locale: 'en', height: '360' })).toBe(
      'https://docs.example/sim/embed.html?cmd=docker+run+hello-world&seed=3&locale=en',
    );
  });

  it('passes only the attributes the page reads, flags as 1', () => {
    expect(embedUrl(SCRIPT, { lesson: 'ch01-01-client-server', panel: '', presenter: 'false', persist: null })).toBe(
      'https://docs.example/sim/embed.html?lesson=ch01-01-client-server&panel=1',
    );
    expect(embedUrl(SCRIPT, {})).toBe('https://docs.example/sim/embed.html');
    expect(embedUrl(SCRIPT, { cmd: '   ', seed: '' })).toBe('https://docs.example/sim/embed.html');
  });

  it('passes who the reader starts as', () => {
    expect(embedUrl(SCRIPT, { cmd: 'docker ps', user: 'sudo' })).toBe('https://docs.example/sim/embed.html?cmd=docker+ps&user=sudo');
  });

  it('uses `src` when the author gives the embed page another address', () => {
    expect(embedUrl(SCRIPT, { src: '/tools/embed.html', seed: '2' })).toBe('https://docs.example/tools/embed.html?seed=2');
  });

  it('carries any command text to the page unchanged, as a parameter and never as markup', () => {
    const cmd = 'echo "<script>alert(1)</script>" & echo \'"><img src=x onerror=alert(1)>\'\necho two';
    const url = embedUrl(SCRIPT, { cmd });
    expect(url).not.toMatch(/[<>"' ]/);
    expect(embedParams(new URL(url).search).cmds).toEqual(['echo "<script>alert(1)</script>" & echo \'"><img src=x onerror=alert(1)>\'', 'echo two']);
  });
});

describe('flagOn', () => {
  it('is on when present unless it says false or 0', () => {
    expect([flagOn(''), flagOn('1'), flagOn('yes'), flagOn('false'), flagOn('0'), flagOn(null), flagOn(undefined)]).toEqual([
      true, true, true, false, false, false, false,
    ]);
  });
});

describe('frameHeight', () => {
  it('reads numbers as pixels and keeps CSS lengths', () => {
    expect(frameHeight('360')).toBe('360px');
    expect(frameHeight('20rem')).toBe('20rem');
    expect(frameHeight('50vh')).toBe('50vh');
    expect(frameHeight(' 400px ')).toBe('400px');
  });

  it('ignores anything else', () => {
    expect(frameHeight(null)).toBe(DEFAULT_HEIGHT);
    expect(frameHeight('')).toBe(DEFAULT_HEIGHT);
    expect(frameHeight('calc(100px)')).toBe(DEFAULT_HEIGHT);
    expect(frameHeight('1px;background:red')).toBe(DEFAULT_HEIGHT);
  });
});
