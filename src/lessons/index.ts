/** The lessons layer: lesson files → Lesson model, validation, checks on a live machine, the runner, replay. */
export type { Lesson, Step, CheckSpec, Hint, SolutionAction } from './model.js';
export { isTask } from './model.js';
export { LOCALES, type Locale } from './locale.js';
export { parseLesson, type ParseResult } from './parse.js';
export { validateLessons, type SourceFile, type LessonSet } from './validate.js';
export { formatError, type LessonError } from './errors.js';
export { evaluateStep, evaluateCheck, describeCheck, type StepEvaluation, type CheckResult } from './evaluate.js';
export type { Check, CheckKind, CheckContext } from './checks/types.js';
export { CommandLog } from './commandLog.js';
export { LessonRunner, type LessonProgress, type RunnerState, type LessonSession } from './runner.js';
export { MachineTerminals, type LessonTerminals } from './terminals.js';
export { Typist, runSetup } from './typist.js';
export { replayLesson, type ReplayOptions } from './replay.js';
export { sampledKernel } from './slices.js';
export { replayTargets, isLessonPath } from './files.js';
