/**
 * A lesson's link to the web preview: `[open the page](preview:website:80/)` names a container, its port and a
 * path, never a host port, because `-p 80` publishes whichever port the kernel hands out. Clicking it opens the
 * preview at the host port that container publishes its port on now, as the Docker view's port link does.
 */
import type { DaemonQuery } from '../../engine/daemon/query.js';
import { portHost, runningPortLinks } from '../store/snapshot/ports.js';
import type { PreviewTarget } from '../../lessons/previewHref.js';

export { parsePreviewHref, type PreviewTarget } from '../../lessons/previewHref.js';

/** `localhost:32768/about.html` while the container runs and publishes the port; undefined otherwise. */
export function previewAddress(query: DaemonQuery, t: PreviewTarget): string | undefined {
  const c = query.findContainer(t.container);
  if (!c) return undefined;
  const link = runningPortLinks(query, c.ID).find((l) => l.containerPort === `${t.port}/tcp`);
  return link ? `${portHost(link)}${t.path}` : undefined;
}
