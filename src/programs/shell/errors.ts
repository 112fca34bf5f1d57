/** Errors and control-flow signals inside the interpreter (never seen outside the shell). */

/** A shell diagnostic: printed with the shell's prefix; `fatal` ones end a non-interactive shell. */
export class ShellError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'ShellError';
  }
}

export class BreakSignal {
  constructor(
    public levels: number,
    readonly isContinue: boolean,
  ) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit`, `set -e`, or a fatal error: unwinds to the top of this shell process. */
export class ExitSignal {
  constructor(readonly status: number) {}
}
