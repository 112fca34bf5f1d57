/**
 * From a `<docker-sim>` element's attributes to the embed page's address and the frame's height. Kept apart
 * from the element so it can be tested without a DOM, and free of imports so the element script stays tiny.
 */

/** Attributes that change what the embedded page shows (a change reloads the frame). */
export const PAGE_ATTRIBUTES = ['cmd', 'seed', 'locale', 'lesson', 'user', 'panel', 'presenter', 'persist', 'src'] as const;
/** All observed attributes. */
export const ATTRIBUTES = [...PAGE_ATTRIBUTES, 'height'] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

export type Attributes = Partial<Record<AttributeName, string | null>>;

export const DEFAULT_HEIGHT = '360px';
const FLAGS = ['panel', 'presenter', 'persist'] as const;

/** A boolean attribute is on when present, unless it says `false` or `0`. */
export function flagOn(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && value !== 'false' && value !== '0';
}

/**
 * The embed page's address: `src` if the author gave one, else embed.html beside the element's script. Every
 * value travels as a URL parameter (URLSearchParams escapes it), never as markup: a `cmd` can say anything.
 */
export function embedUrl(scriptUrl: string, a: Attributes): string {
  const u = new URL(a.src || 'embed.html', scriptUrl);
  const q = u.searchParams;
  const cmd = a.cmd ?? '';
  if (cmd.trim() !== '') q.set('cmd', cmd);
  for (const name of ['seed', 'locale', 'lesson', 'user'] as const) {
    const v = a[name];
    if (v !== null && v !== undefined && v !== '') q.set(name, v);
  }
  for (const name of FLAGS) if (flagOn(a[name])) q.set(name, '1');
  return u.toString();
}

/** `360` means pixels; a number with a CSS length unit is used as it is; anything else is the default. */
export function frameHeight(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  if (/^\d+(\.\d+)?(px|em|rem|vh|svh|lvh|dvh|%)$/.test(v)) return v;
  return DEFAULT_HEIGHT;
}
