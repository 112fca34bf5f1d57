/**
 * The pure half of rendering a served page in the preview: what the response says it is, how its bytes
 * become text or a `data:` URL, the CSS `url(…)` references a stylesheet pulls in, and the policy the frame's
 * document carries. The DOM half (page.ts) uses these.
 */
import type { HttpOutcome } from '../../machine/preview.js';
import { bytesFromArray } from '../../api/bytes.js';

type Answer = Extract<HttpOutcome, { ok: true }>;

/**
 * The policy in the frame's own document, on top of the frame's sandbox (no scripts, no same origin): nothing
 * is fetched from anywhere (every sub-resource is inlined as `data:` before the document is shown), inline
 * styles and `data:` images, styles and fonts are shown, no script runs, no form goes anywhere.
 */
export const PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; form-action 'none'; base-uri 'none'";

export function header(a: Answer, name: string): string | undefined {
  const n = name.toLowerCase();
  return a.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** `text/html; charset=utf-8` → `{ type: 'text/html', charset: 'utf-8' }`; no header: octet-stream. */
export function contentType(a: Answer): { readonly type: string; readonly charset: string | undefined } {
  const raw = header(a, 'Content-Type') ?? 'application/octet-stream';
  const [type, ...params] = raw.split(';');
  const cs = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find((x) => x !== undefined);
  return { type: type.trim().toLowerCase(), charset: cs?.toLowerCase() };
}

/** The body as text in its charset (UTF-8 unless the response names another the browser knows). */
export function bodyText(a: Answer, charset = contentType(a).charset): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(a.body);
}

export function base64(bytes: Uint8Array): string {
  return btoa(bytesFromArray(bytes));
}

export function dataUrl(type: string, bytes: Uint8Array): string {
  return `data:${type};base64,${base64(bytes)}`;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g;

/** The `url(…)` references in a stylesheet, in order, each once (`data:` ones are already inline). */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(CSS_URL)) {
    const ref = m[1] ?? m[2] ?? m[3] ?? '';
    if (ref !== '' && !/^data:/i.test(ref) && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/** The stylesheet with each `url(…)` replaced by what `inline` gives for it (`none` where it gives nothing). */
export function rewriteCssUrls(css: string, inline: (ref: string) => string | undefined): string {
  return css.replace(CSS_URL, (all, a?: string, b?: string, c?: string) => {
    const ref = a ?? b ?? c ?? '';
    if (ref === '' || /^data:/i.test(ref)) return all;
    const url = inline(ref);
    return url === undefined ? 'none' : `url("${url}")`;
  });
}
