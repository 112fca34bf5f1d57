/**
 * The preview's address bar: `localhost:8080/path` (or with `http://`, or the host's IPv4 address) as the
 * place the forwarder connects to and the path it asks for. Pure, so the pane and the daemon panel's links
 * agree on one spelling.
 */

export interface PreviewAddress {
  /** The IPv4 address on the host the forwarder connects to (127.0.0.1 for `localhost`). */
  readonly address: string;
  readonly port: number;
  /** Path and query, starting with `/`. */
  readonly path: string;
}

export type ParsedAddress =
  | { readonly ok: true; readonly value: PreviewAddress }
  | { readonly ok: false; readonly reason: 'scheme' | 'host' | 'port' | 'empty' };

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function parsePreviewAddress(text: string): ParsedAddress {
  const raw = text.trim();
  if (raw === '') return { ok: false, reason: 'empty' };
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([^#]*)/.exec(raw);
  if (!m) return { ok: false, reason: 'host' };
  if (m[1] !== undefined && m[1].toLowerCase() !== 'http') return { ok: false, reason: 'scheme' };
  const host = m[2].toLowerCase();
  const address = host === 'localhost' ? '127.0.0.1' : IPV4.test(host) ? host : null;
  if (address === null) return { ok: false, reason: 'host' };
  const port = m[3] === undefined || m[3] === '' ? 80 : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, reason: 'port' };
  const rest = m[4];
  const path = rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
  return { ok: true, value: { address, port, path } };
}

/** `localhost:8080/path`: how the address bar shows an address (as a browser does, without port 80). */
export function formatPreviewAddress(a: PreviewAddress): string {
  const host = a.address === '127.0.0.1' ? 'localhost' : a.address;
  return `${host}${a.port === 80 ? '' : `:${a.port}`}${a.path}`;
}

/** The page's own URL, as a browser would resolve its relative links against. */
export function pageUrl(a: PreviewAddress): string {
  return `http://${formatPreviewAddress(a)}`;
}

/**
 * Where a reference in the page leads, if it is on the same server (scheme, host and port): the path to ask
 * for (without the fragment). Anything else (another site, `data:`, `javascript:`, `mailto:`) is undefined:
 * the preview never leaves the simulated host.
 */
export function sameOrigin(base: PreviewAddress, ref: string): PreviewAddress | undefined {
  let u: URL;
  try {
    u = new URL(ref.trim(), pageUrl(base));
  } catch {
    return undefined;
  }
  const origin = new URL(pageUrl(base));
  if (u.protocol !== 'http:' || u.host !== origin.host) return undefined;
  return { ...base, path: `${u.pathname}${u.search}` };
}
