/**
 * The heavy half of the lesson feature, loaded with `import()` by the controller: the lesson catalog (parsed
 * and validated when the page is built: scripts/lessonCatalogPlugin.ts) and the runner with its checks (which
 * read the docker CLI's command tree). Keeping it out of the page's first chunk keeps the first screen fast for
 * learners who open no lesson.
 */
import catalog from 'virtual:lesson-catalog';
// The checks read the machine through Docker's read model: its code comes with the runner.
import '../../machine/daemonQuery.js';
import { LessonRunner } from '../../lessons/runner.js';
import type { Catalog } from './catalog.js';

export { LessonRunner };
export { containerInForeground } from '../../lessons/checks/foreground.js';

export function bundledCatalog(): Catalog {
  return catalog;
}
