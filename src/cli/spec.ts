/**
 * cobra's Command as docker uses it: what a command is before parsing (its spec, which carries its run
 * function), where it sits in the tree (a node), and what it receives once dispatch has parsed argv (an
 * invocation). The tree itself is built in one place, the registry (command/commands.ts).
 */
import type { CommandCli } from './cli.js';
import { flag, type Annotations, type FlagSpec, type ParsedFlags } from './flags.js';

export type { Annotations } from './flags.js';

/** cobra positional-argument checks used by docker (cli/required.go). `{}` accepts anything. */
export interface ArgsRule {
  readonly none?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly exact?: number;
}

/** cobra's RunE: the command's work once its flags and arguments have been accepted. */
export type Run = (cli: CommandCli, inv: Invocation) => Promise<void>;

export interface CommandSpec {
  /** cobra `Use`: the command's name, then the argument synopsis (`stop [OPTIONS] CONTAINER [CONTAINER...]`). */
  readonly use: string;
  readonly short: string;
  /** cobra's Long: what `--help` prints instead of `short`, when the command has one. */
  readonly long?: string;
  /** docker's `aliases` annotation, shown verbatim under `Aliases:` in help; lookup does not read it. */
  readonly aliases?: string;
  /** cobra's Aliases: other names the command answers to under its parent (`docker container ls` is also `ps`). */
  readonly cobraAliases?: readonly string[];
  readonly args: ArgsRule;
  /** False for run/create/exec/top: flags stop at the first positional argument (SetInterspersed(false)). */
  readonly interspersed?: boolean;
  readonly flags: readonly FlagSpec[];
  /** What Tab offers for its arguments (cobra's ValidArgsFunction); absent: nothing, not even file names. */
  readonly completion?: ArgsCompletion;
  readonly annotations?: Annotations;
  readonly run: Run;
}

/**
 * The argument completions docker's commands use (cli/command/completion): the names of the containers whose
 * state `containers` accepts (for the first argument only when `first`), the tags of local images for up to
 * `images` arguments, the names of the networks (for the first argument only when `thenContainers` names the
 * containers connected to it, or not, for the rest), or the shell's own file names.
 */
export type ArgsCompletion =
  | { readonly containers: (state: string) => boolean; readonly first?: boolean }
  | { readonly images: number }
  | { readonly networks: true; readonly thenContainers?: 'connected' | 'unconnected' }
  | { readonly files: true };

/** A management command (`docker container`): its sub-commands, none while dockersim simulates none of them. */
export interface GroupSpec {
  readonly name: string;
  readonly short: string;
  readonly commands: readonly Entry[];
  readonly annotations?: Annotations;
}

/** A real docker command dockersim does not simulate yet: help lists it, running it says so. */
export interface UnsimulatedCommand {
  readonly name: string;
  readonly short: string;
  readonly annotations?: Annotations;
}

/** What the registry places under a parent. */
export type Entry = CommandSpec | GroupSpec | UnsimulatedCommand;

/** A real docker command in the tree; `spec` is absent for management commands and unsimulated ones. */
export interface CommandNode {
  /** Words after `docker`: ['container', 'ls']. */
  readonly path: readonly string[];
  readonly short: string;
  readonly spec?: CommandSpec;
  /** Sub-commands of a management command (`container`, `image`); empty for leaves. */
  readonly children: readonly CommandNode[];
  /** Names this node answers to under its parent (its own name first). */
  readonly names: readonly string[];
  /** The root's help section that lists it (`Common Commands`…); only the root's children have one. */
  readonly category?: string;
  readonly annotations?: Annotations;
  /** A CLI plugin's stub (`buildx`, `compose`): help marks it with `*`. */
  readonly plugin?: boolean;
}

/** A parsed command line, ready to run: what a command's `run` receives. */
export interface Invocation {
  readonly kind: 'command';
  readonly node: CommandNode;
  readonly globals: ParsedFlags;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  /** Already due on stdout (pflag deprecation notices) before the command runs. */
  readonly stdout: string;
}

export function command(spec: CommandSpec): CommandSpec {
  return spec;
}

export function unsimulated(name: string, short: string, annotations?: Annotations): UnsimulatedCommand {
  return { name, short, annotations };
}

/** The name a command is called by: the first word of `use`. */
export function commandName(spec: CommandSpec): string {
  const sp = spec.use.indexOf(' ');
  return sp < 0 ? spec.use : spec.use.slice(0, sp);
}

/**
 * The same command under another name and aliases, as docker/cli's newListCommand copies `docker ps` into
 * `docker container ls` (aliases `ps`, `list`).
 */
export function renamed(spec: CommandSpec, name: string, cobraAliases: readonly string[]): CommandSpec {
  const rest = spec.use.slice(commandName(spec).length);
  return { ...spec, use: name + rest, cobraAliases };
}

/** cobra's persistent `--help` (cli/cobra.go): hidden, `-h` works but is deprecated. */
export const HELP_FLAG: FlagSpec = flag('help', 'h', '', 'Print usage', {
  hidden: true,
  sim: true,
  shortDeprecated: 'use --help',
});

export function findChild(node: CommandNode, name: string): CommandNode | undefined {
  return node.children.find((c) => c.names.includes(name));
}

/** cobra CommandPath: `docker container ls`. */
export function commandPath(node: CommandNode): string {
  return ['docker', ...node.path].join(' ');
}

/** cobra UseLine: the parent's path and the command's Use (`docker container ls [OPTIONS]`). */
export function useLine(node: CommandNode): string {
  if (node.path.length === 0) return 'docker [OPTIONS] COMMAND [ARG...]';
  if (!node.spec) return commandPath(node);
  return ['docker', ...node.path.slice(0, -1), node.spec.use].join(' ');
}
