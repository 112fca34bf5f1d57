/**
 * The heavy half of the lesson feature, loaded with `import()` by the controller: the lesson text, the parser
 * and validator (markdown-it, yaml) and the runner with its checks (which read the docker CLI's command tree).
 * Keeping it out of the page's first chunk keeps the first screen fast for learners who open no lesson.
 */
import { LessonRunner } from '../../lessons/runner.js';
import { buildCatalog } from './buildCatalog.js';
import type { Catalog } from './catalog.js';
import { lessonSources } from './sources.js';

export { LessonRunner };

export function bundledCatalog(): Catalog {
  return buildCatalog(lessonSources);
}
