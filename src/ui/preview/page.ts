/**
 * A served page made safe to show: the document is parsed inert (DOMParser runs nothing), every stylesheet,
 * image and CSS image it uses on the same server is fetched through the journal as a browser would (the
 * server logs each request) and inlined as a `data:` URL, links become inert, and the policy (PREVIEW_CSP)
 * goes first in its head. The frame that shows it has an empty sandbox (no scripts, an opaque origin), so
 * the page's scripts stay in it, unrun, and nothing in it can reach the app. References to other sites are
 * not fetched: the preview never leaves the simulated host, and the learner's browser asks nobody else.
 */
import type { HttpOutcome } from '../../machine/preview.js';
import { formatPreviewAddress, pageUrl, sameOrigin, type PreviewAddress } from './address.js';
import { bodyText, contentType, cssUrls, dataUrl, PREVIEW_CSP, rewriteCssUrls } from './resources.js';

type Answer = Extract<HttpOutcome, { ok: true }>;

export type ResourceKind = 'style' | 'image';

/** Asks the server for a sub-resource (a journaled request), with the page as its Referer. */
export type Fetch = (target: PreviewAddress, kind: ResourceKind, referer: string) => Promise<HttpOutcome>;

/** A page holds at most this many sub-resources worth asking for; the rest is left out (and counted). */
export const MAX_RESOURCES = 24;

export interface RenderedPage {
  /** What the sandboxed frame shows; undefined when the content is not something a page can show. */
  readonly srcdoc: string | undefined;
  /** Links on the page to the same server, in order, each once: the pane offers them (the frame cannot follow). */
  readonly links: readonly PreviewAddress[];
  /** `<script>` elements and inline handlers present and not run. */
  readonly scripts: number;
  /** References not fetched: other sites, or past MAX_RESOURCES. */
  readonly skipped: number;
  /** Sub-resources the server did not give (an error status, refused, the wrong type). */
  readonly missing: number;
}

const LINK_STYLE = 'a[data-preview-href]{color:#0645ad;text-decoration:underline;cursor:default}';

export async function renderPage(answer: Answer, at: PreviewAddress, fetch: Fetch): Promise<RenderedPage> {
  const { type } = contentType(answer);
  const none = { links: [], scripts: 0, skipped: 0, missing: 0 };
  if (type === 'text/html' || type === 'application/xhtml+xml') return renderHtml(bodyText(answer), at, fetch);
  if (type.startsWith('image/') && type !== 'image/svg+xml') {
    const img = `<img alt="" src="${dataUrl(type, answer.body)}" style="max-width:100%">`;
    return { ...none, srcdoc: wrap(`<body style="margin:0;display:grid;place-items:center;min-height:100vh;background:#eee">${img}</body>`) };
  }
  if (type.startsWith('text/') || /^application\/(json|javascript|xml)$/.test(type) || type === 'image/svg+xml') {
    // Text is shown as text, never parsed as markup (an SVG included: it could carry script).
    return { ...none, srcdoc: wrap(`<body style="margin:0"><pre style="margin:0;padding:8px;white-space:pre-wrap">${escapeHtml(bodyText(answer))}</pre></body>`) };
  }
  return { ...none, srcdoc: undefined };
}

function wrap(body: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"></head>${body}</html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function renderHtml(html: string, at: PreviewAddress, fetch: Fetch): Promise<RenderedPage> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const referer = pageUrl(at);
  let skipped = 0;
  let missing = 0;
  let asked = 0;
  const cache = new Map<string, Promise<Answer | undefined>>();
  /** One request per distinct resource, in document order, up to MAX_RESOURCES. */
  const get = (base: PreviewAddress, ref: string, kind: ResourceKind, from: string): Promise<Answer | undefined> | undefined => {
    const target = sameOrigin(base, ref);
    if (!target) {
      skipped++;
      return undefined;
    }
    const key = formatPreviewAddress(target);
    let p = cache.get(key);
    if (!p) {
      if (asked >= MAX_RESOURCES) {
        skipped++;
        return undefined;
      }
      asked++;
      p = fetch(target, kind, from).then((o) => (o.ok && o.status >= 200 && o.status < 300 ? o : undefined));
      cache.set(key, p);
    }
    return p;
  };
  const inlineImage = async (base: PreviewAddress, ref: string, from: string): Promise<string | undefined> => {
    const before = skipped;
    const a = await get(base, ref, 'image', from);
    const t = a && contentType(a).type;
    if (!a || !t?.startsWith('image/')) {
      if (skipped === before) missing++;
      return undefined;
    }
    return dataUrl(t, a.body);
  };
  /** A stylesheet's text with its url()s inlined, resolved against the sheet's own address. */
  const inlineCss = async (css: string, base: PreviewAddress, from: string): Promise<string> => {
    const urls = new Map<string, string | undefined>();
    for (const ref of cssUrls(css)) urls.set(ref, await inlineImage(base, ref, from));
    return rewriteCssUrls(css, (ref) => urls.get(ref));
  };

  // What a browser would neither fetch nor show here: another base, a refresh or policy of the page's own.
  for (const el of doc.querySelectorAll('base, meta[http-equiv]')) el.remove();
  let scripts = doc.querySelectorAll('script').length;
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name)) scripts++;
  }

  for (const el of doc.querySelectorAll('link')) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = el.getAttribute('href');
    if (!rel.includes('stylesheet') || href === null) {
      el.remove();
      continue;
    }
    const sheetAt = sameOrigin(at, href);
    const before = skipped;
    const a = await get(at, href, 'style', referer);
    if (!a || !sheetAt) {
      if (skipped === before) missing++;
      el.remove();
      continue;
    }
    const css = await inlineCss(bodyText(a), sheetAt, pageUrl(sheetAt));
    // As a data: URL rather than a <style> element: a sheet holding `</style>` cannot end up as markup.
    el.setAttribute('href', dataUrl('text/css', new TextEncoder().encode(css)));
  }
  for (const el of doc.querySelectorAll('style')) el.textContent = await inlineCss(el.textContent ?? '', at, referer);
  for (const el of doc.querySelectorAll('[style]')) el.setAttribute('style', await inlineCss(el.getAttribute('style') ?? '', at, referer));
  for (const el of doc.querySelectorAll('img')) {
    el.removeAttribute('srcset');
    const src = el.getAttribute('src');
    if (src === null) continue;
    const url = await inlineImage(at, src, referer);
    if (url === undefined) el.removeAttribute('src');
    else el.setAttribute('src', url);
  }
  for (const el of doc.querySelectorAll('source[srcset]')) el.removeAttribute('srcset');

  const links: PreviewAddress[] = [];
  const seen = new Set<string>();
  for (const el of doc.querySelectorAll('a[href], area[href]')) {
    const href = el.getAttribute('href')!;
    el.removeAttribute('href');
    el.setAttribute('data-preview-href', href);
    el.setAttribute('title', href);
    const target = sameOrigin(at, href);
    if (!target) continue;
    const key = formatPreviewAddress(target);
    if (key === formatPreviewAddress(at) || seen.has(key)) continue;
    seen.add(key);
    links.push(target);
  }

  const head = doc.head;
  const linkStyle = doc.createElement('style');
  linkStyle.textContent = LINK_STYLE;
  head.prepend(linkStyle);
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', PREVIEW_CSP);
  head.prepend(csp);
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
  return { srcdoc: doctype + doc.documentElement.outerHTML, links, scripts, skipped, missing };
}
