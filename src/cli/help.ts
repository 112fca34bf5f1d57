/**
 * docker's help template (cli/cobra.go usageTemplate) for the root, management commands and leaves.
 * `width` is the terminal width of stdin (wrappedFlagUsages wraps to width-1; 80 without a terminal).
 */
import { flagUsagesWrapped } from './usage.js';
import { globalFlags } from './globals.js';
import { HELP_FLAG, type FlagSpec } from './spec.js';
import { COMMON_COMMANDS, MANAGEMENT_COMMANDS, OTHER_COMMANDS, SWARM_COMMANDS, type Listing } from './listing.js';
import { commandPath, useLine, type CommandNode } from './tree.js';

export interface HelpOptions {
  readonly width?: number;
  readonly configDir: string;
}

/** The flags cobra merges for a command: its own, plus the root's persistent `--help` unless it has one. */
export function commandFlags(node: CommandNode): FlagSpec[] {
  const own = node.spec?.flags ?? [];
  return own.some((f) => f.name === 'help') ? [...own] : [...own, HELP_FLAG];
}

function listing(title: string, items: readonly Listing[], pad: number): string {
  return `\n\n${title}:` + items.map((c) => `\n  ${c.name.padEnd(pad)}${c.short}`).join('');
}

export function renderHelp(node: CommandNode, opts: HelpOptions): string {
  const cols = (opts.width ?? 80) - 1;
  const isRoot = node.path.length === 0;
  const flags = isRoot ? globalFlags(opts.configDir) : commandFlags(node);
  const hasFlags = flags.some((f) => !f.hidden);
  const hasSubs = node.children.length > 0;
  let out = 'Usage:';
  out += hasSubs ? `  ${commandPath(node)}${hasFlags ? ' [OPTIONS]' : ''} COMMAND` : `  ${useLine(node)}`;
  out += `\n\n${node.spec?.short ?? node.short}`;
  if (node.spec?.aliases) out += `\n\nAliases:\n  ${node.spec.aliases}`;
  if (!isRoot && hasFlags) out += `\n\nOptions:\n${flagUsagesWrapped(flags, cols).trimEnd()}`;
  // cobra pads names to the longest sibling name, at least 11, then one more space.
  const pad = Math.max(11, ...node.children.map((c) => c.path[c.path.length - 1].length)) + 1;
  if (isRoot) {
    out += listing('Common Commands', COMMON_COMMANDS, pad);
    out += listing('Management Commands', MANAGEMENT_COMMANDS, pad);
    out += listing('Swarm Commands', SWARM_COMMANDS, pad);
    out += listing('Commands', OTHER_COMMANDS, pad);
    out += `\n\nGlobal Options:\n${flagUsagesWrapped(flags, cols).trimEnd()}`;
  } else if (hasSubs) {
    out += listing('Commands', node.children.map((c) => ({ name: c.path[c.path.length - 1], short: c.short })), pad);
  }
  if (hasSubs) out += `\n\nRun '${commandPath(node)} COMMAND --help' for more information on a command.`;
  if (isRoot) out += '\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  return out + '\n';
}
