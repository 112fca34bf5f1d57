/** A problem found in a lesson file, printed as compilers do: `file:line: message`. */
export interface LessonError {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export function formatError(e: LessonError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** Collects errors for one file. */
export class ErrorList {
  readonly errors: LessonError[] = [];

  constructor(readonly file: string) {}

  add(line: number, message: string): void {
    this.errors.push({ file: this.file, line, message });
  }
}

export function sortErrors(errors: readonly LessonError[]): LessonError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
