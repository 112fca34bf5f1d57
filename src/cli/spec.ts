/**
 * Static description of docker commands and flags: what cobra/pflag know about a command before parsing.
 * Flag text is recorded from the real 28.2.2 client's `--help` (see test/cli/capture.py).
 */

/**
 * `type` is the value name pflag prints in help ('' for a boolean flag, 'list', 'int', 'duration', 'bytes'…);
 * it also decides how a value is checked while parsing (see values.ts).
 */
export interface FlagSpec {
  readonly name: string;
  /** One character, or '' when the flag has no shorthand. */
  readonly short: string;
  readonly type: string;
  readonly usage: string;
  /** The default as help prints it after `(default `: already Go-quoted for strings (`"no"`), else `0s`, `[]`… */
  readonly def?: string;
  /** False/absent: a real docker flag that parses but whose effect the simulation does not model. */
  readonly sim?: boolean;
  /** Parses but is not listed by `--help` (pflag MarkHidden, or deprecated). */
  readonly hidden?: boolean;
  /** pflag's deprecation notice, printed (on stdout) each time the flag is used. */
  readonly deprecated?: string;
  /** Shorthand accepted with a notice (`-h` for help). */
  readonly shortDeprecated?: string;
}

/** cobra positional-argument checks used by docker (cli/required.go). `{}` accepts anything. */
export interface ArgsRule {
  readonly none?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly exact?: number;
}

export interface CommandSpec {
  /** cobra `Use`: the command's name, then the argument synopsis (`stop [OPTIONS] CONTAINER [CONTAINER...]`). */
  readonly use: string;
  readonly short: string;
  /** docker's `aliases` annotation, shown verbatim under `Aliases:` and the source of lookup aliases. */
  readonly aliases?: string;
  readonly args: ArgsRule;
  /** False for run/create/exec/top: flags stop at the first positional argument (SetInterspersed(false)). */
  readonly interspersed?: boolean;
  readonly flags: readonly FlagSpec[];
}

export interface FlagOptions {
  def?: string;
  sim?: boolean;
  hidden?: boolean;
  deprecated?: string;
  shortDeprecated?: string;
}

export function flag(name: string, short: string, type: string, usage: string, opts: FlagOptions = {}): FlagSpec {
  return { name, short, type, usage, ...opts };
}

export function command(spec: CommandSpec): CommandSpec {
  return spec;
}

/** The name a command is called by: the first word of `use`. */
export function commandName(spec: CommandSpec): string {
  const sp = spec.use.indexOf(' ');
  return sp < 0 ? spec.use : spec.use.slice(0, sp);
}

/** The same command under another name, as `docker container ls` is `docker ps` (a separate cobra command). */
export function renamed(spec: CommandSpec, name: string): CommandSpec {
  const rest = spec.use.slice(commandName(spec).length);
  return { ...spec, use: name + rest };
}

/** cobra's persistent `--help` (cli/cobra.go): hidden, `-h` works but is deprecated. */
export const HELP_FLAG: FlagSpec = flag('help', 'h', '', 'Print usage', {
  hidden: true,
  sim: true,
  shortDeprecated: 'use --help',
});
