/** A lesson's `preview:container:port/path` link: parsed, rendered as an in-page link, resolved to the port published now. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/ui/lessons/markdown.js';
import { parsePreviewHref, previewAddress } from '../../../src/ui/lessons/previewLink.js';
import { liveMachine, type LiveMachine } from '../../lessons/liveMachine.js';

describe('preview links in lesson prose', () => {
  it('parses container, port and path, and nothing else', () => {
    expect(parsePreviewHref('preview:website:80/')).toEqual({ container: 'website', port: 80, path: '/' });
    expect(parsePreviewHref('preview:web_1:8080/about.html')).toEqual({ container: 'web_1', port: 8080, path: '/about.html' });
    expect(parsePreviewHref('preview:web:80')).toEqual({ container: 'web', port: 80, path: '/' });
    for (const bad of ['preview:web', 'preview::80/', 'preview:web:0/', 'preview:web:70000/', 'preview:-web:80/', 'https://example.com/']) {
      expect([bad, parsePreviewHref(bad)]).toEqual([bad, undefined]);
    }
  });

  it('renders as a link that stays in the page; other links open a new tab', () => {
    const html = renderMarkdown('[open it](preview:website:80/) or [the docs](https://docs.docker.com/)');
    expect(html).toContain('<a href="#" data-preview="preview:website:80/" class="lesson-preview">open it</a>');
    expect(html).toContain('<a href="https://docs.docker.com/" target="_blank" rel="noopener">the docs</a>');
  });
});

describe('the address a preview link opens', () => {
  let m: LiveMachine;
  beforeAll(async () => {
    m = liveMachine();
    await m.type('sudo docker run -d --name web -p 80 nginx', 'sudo docker run -d --name quiet nginx');
  }, 120_000);

  it('is the host port the container publishes its port on, while it runs', async () => {
    const q = m.ctx.machine.query;
    expect(previewAddress(q, { container: 'web', port: 80, path: '/x.html' })).toBe('localhost:32768/x.html');
    expect(previewAddress(q, { container: 'web', port: 443, path: '/' })).toBeUndefined();
    expect(previewAddress(q, { container: 'quiet', port: 80, path: '/' })).toBeUndefined();
    expect(previewAddress(q, { container: 'nosuch', port: 80, path: '/' })).toBeUndefined();
    await m.type('sudo docker stop web');
    expect(previewAddress(q, { container: 'web', port: 80, path: '/' })).toBeUndefined();
  });
});
