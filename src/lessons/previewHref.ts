/**
 * The link a lesson writes to open the web preview: `preview:CONTAINER:PORT[/path]` (ui/lessons/previewLink.ts
 * resolves it to the host port published now). Here for the parser, which refuses a malformed one.
 */
export interface PreviewTarget {
  readonly container: string;
  readonly port: number;
  /** Starts with `/`. */
  readonly path: string;
}

const HREF = /^preview:([a-zA-Z0-9][a-zA-Z0-9_.-]*):(\d{1,5})(\/[^\s]*)?$/;

/** `preview:website:80/about.html` → its target; undefined for anything else. */
export function parsePreviewHref(href: string): PreviewTarget | undefined {
  const m = HREF.exec(href);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { container: m[1], port, path: m[3] ?? '/' };
}
