/** `?lesson=<id>` links: open the page straight on a lesson. */

const ID = /^[a-z0-9-]{1,100}$/;

/** The lesson id a page address asks for (`location.search`), or null; ids that cannot exist are ignored. */
export function lessonFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get('lesson');
  return id !== null && ID.test(id) ? id : null;
}

/** `href` with `?lesson=<id>` set (other parameters kept, any fragment dropped). */
export function lessonLink(href: string, id: string): string {
  const url = new URL(href);
  url.searchParams.set('lesson', id);
  url.hash = '';
  return url.toString();
}
