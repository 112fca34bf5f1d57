/**
 * npm run lessons:check [-- --replay] [DIR]
 * Validates every lesson file under lessons/ (or DIR) and prints `file:line: message` for each problem; with
 * --replay also replays each lesson's solutions on a fresh headless machine (see src/lessons/replay.ts).
 * Exit status 1 if anything is wrong.
 */
import { relative } from 'node:path';
import { readFilesUnder } from './files.js';
import { formatError, isLessonPath, replayLesson, replayTargets, validateLessons } from '../src/lessons/index.js';
import { Machine } from '../src/machine/machine.js';
import { nodeDrain } from '../src/node/drain.js';

async function main(argv: readonly string[]): Promise<number> {
  const replay = argv.includes('--replay');
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'lessons';
  const files = readFilesUnder(dir, isLessonPath).map((f) => ({ ...f, path: relative(process.cwd(), f.path) }));
  const { lessons, errors } = validateLessons(files);
  for (const e of errors) console.error(formatError(e));
  let failed = errors.length > 0;
  if (replay) {
    for (const lesson of replayTargets(lessons)) {
      const problems = await replayLesson(lesson, { boot: () => Machine.boot({ drain: nodeDrain }) });
      for (const e of problems) console.error(formatError(e));
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} replay ${lesson.id}`);
      failed ||= problems.length > 0;
    }
  }
  console.log(`${files.length} lesson files, ${errors.length} problems${replay ? ', solutions replayed' : ''}`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
