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

/** `shopt -s failglob` and a pattern that matched nothing: the rest of the command is dropped (bash's DISCARD). */
export class GlobFailure extends ShellError {
  constructor(pattern: string) {
    super(`no match: ${pattern}`, 1);
    this.name = 'GlobFailure';
  }
}

/** Unwinds to the command being read (interactive line, script's next command), which ends with `status`. */
export class DiscardCommand {
  constructor(readonly status: number) {}
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

/**
 * Ctrl-C reached the interactive shell while it ran a command line (or its foreground job died of SIGINT):
 * the rest of the line is abandoned and the prompt comes back with status 130.
 */
export class CommandInterrupt extends Error {
  constructor(readonly newlineShown: boolean) {
    super('interrupted');
    this.name = 'CommandInterrupt';
  }
}

/** Thrown out of a blocked read when Ctrl-C is pressed at the interactive prompt. */
export class PromptInterrupt extends Error {
  constructor() {
    super('interrupt');
    this.name = 'PromptInterrupt';
  }
}
