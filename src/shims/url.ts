/** Node's `url` for memfs in the browser: it only checks `instanceof URL` and reads `pathname`. */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;

export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new globalThis.URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(u.pathname);
}

export default { URL, URLSearchParams, fileURLToPath };
