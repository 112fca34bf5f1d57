import { describe, expect, it } from 'vitest';
import { formatPreviewAddress, parsePreviewAddress, sameOrigin } from '../../../src/ui/preview/address.js';
import { contentType, cssUrls, dataUrl, rewriteCssUrls } from '../../../src/ui/preview/resources.js';

const at = { address: '127.0.0.1', port: 8080, path: '/docs/index.html' };

describe('the preview address bar', () => {
  it('reads a port of the host and a path, as typed or as a URL', () => {
    expect(parsePreviewAddress('localhost:8080')).toEqual({ ok: true, value: { address: '127.0.0.1', port: 8080, path: '/' } });
    expect(parsePreviewAddress(' http://LOCALHOST:32768/a/b?x=1#top ')).toEqual({ ok: true, value: { address: '127.0.0.1', port: 32768, path: '/a/b?x=1' } });
    expect(parsePreviewAddress('10.0.2.15:9000?q')).toEqual({ ok: true, value: { address: '10.0.2.15', port: 9000, path: '/?q' } });
    expect(parsePreviewAddress('localhost/')).toEqual({ ok: true, value: { address: '127.0.0.1', port: 80, path: '/' } });
  });

  it('refuses what the forwarder cannot reach, saying why', () => {
    expect(parsePreviewAddress('')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePreviewAddress('https://localhost:8443/')).toEqual({ ok: false, reason: 'scheme' });
    expect(parsePreviewAddress('example.com:80')).toEqual({ ok: false, reason: 'host' });
    expect(parsePreviewAddress('localhost:70000')).toEqual({ ok: false, reason: 'port' });
  });

  it('writes an address as the bar shows it', () => {
    expect(formatPreviewAddress(at)).toBe('localhost:8080/docs/index.html');
    expect(formatPreviewAddress({ address: '10.0.2.15', port: 80, path: '/' })).toBe('10.0.2.15/');
    expect(formatPreviewAddress({ address: '127.0.0.1', port: 80, path: '/a' })).toBe('localhost/a');
  });

  it('follows only references to the same server', () => {
    expect(sameOrigin(at, 'style.css')).toEqual({ ...at, path: '/docs/style.css' });
    expect(sameOrigin(at, '../img/a b.png#x')).toEqual({ ...at, path: '/img/a%20b.png' });
    expect(sameOrigin(at, 'http://localhost:8080/x?y')).toEqual({ ...at, path: '/x?y' });
    for (const ref of ['http://localhost:8081/', 'https://localhost:8080/', '//cdn.example.com/x.js', 'javascript:alert(1)', 'data:text/css,a', 'mailto:a@b']) {
      expect(sameOrigin(at, ref)).toBeUndefined();
    }
  });
});

describe('sub-resources', () => {
  const answer = (type: string | undefined) => ({ ok: true as const, status: 200, statusText: 'OK', headers: type ? [['Content-Type', type] as const] : [], body: new Uint8Array(), truncated: false });

  it('reads the content type and charset', () => {
    expect(contentType(answer('text/html; charset=UTF-8'))).toEqual({ type: 'text/html', charset: 'utf-8' });
    expect(contentType(answer('image/png'))).toEqual({ type: 'image/png', charset: undefined });
    expect(contentType(answer(undefined)).type).toBe('application/octet-stream');
  });

  it('finds and replaces the url()s of a stylesheet', () => {
    const css = 'a{background:url(bg.png) no-repeat}b{background:url( "x.png" )}c{src:url(\'f.woff\')}d{background:url(data:image/png;base64,AA==)}e{background:url(bg.png)}';
    expect(cssUrls(css)).toEqual(['bg.png', 'x.png', 'f.woff']);
    expect(rewriteCssUrls(css, (r) => (r === 'bg.png' ? 'data:image/png;base64,QQ==' : undefined))).toBe(
      'a{background:url("data:image/png;base64,QQ==") no-repeat}b{background:none}c{src:none}d{background:url(data:image/png;base64,AA==)}e{background:url("data:image/png;base64,QQ==")}',
    );
  });

  it('inlines bytes as base64', () => {
    expect(dataUrl('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('data:image/png;base64,iVBORw==');
  });
});
