/** The npm package's `<docker-sim>` attributes and `replay` links (src/ui/package/). */
import { describe, expect, it } from 'vitest';
import { propsOf } from '../../../src/ui/package/element.js';
import { sharedParam } from '../../../src/ui/package/instance.js';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;

describe('<docker-sim> attributes', () => {
  it('map onto <DockerSim> props', () => {
    expect(propsOf(attrs({ cmd: 'docker ps\ndocker images', seed: '7', user: 'sudo', locale: 'zh', lesson: 'ch03-02-first-container', panel: '', height: '420' }))).toEqual({
      commands: 'docker ps\ndocker images',
      seed: 7,
      user: 'sudo',
      locale: 'zh',
      lesson: 'ch03-02-first-container',
      panel: true,
      height: '420',
      replay: undefined,
    });
  });

  it('fall back to the defaults when malformed, as the static site element does', () => {
    const p = propsOf(attrs({ seed: '-3', user: 'root', locale: 'fr', panel: 'false' }));
    expect(p).toMatchObject({ seed: undefined, user: undefined, locale: undefined, panel: false });
  });

  it('define nothing where there is no DOM (server rendering imports it safely)', () => {
    expect(typeof (globalThis as { customElements?: unknown }).customElements).toBe('undefined');
  });
});

describe('replay', () => {
  it("takes a share link or its session value", () => {
    expect(sharedParam('https://docs.example.com/sim/?locale=zh&session=abc_-1')).toBe('abc_-1');
    expect(sharedParam('?session=xyz')).toBe('xyz');
    expect(sharedParam('  abc_-1 ')).toBe('abc_-1');
    expect(() => sharedParam('https://example.com/?lesson=x')).toThrow('the link has no ?session= parameter');
  });
});
