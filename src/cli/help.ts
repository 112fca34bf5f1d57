/**
 * docker's help template (cli/cobra.go usageTemplate) for the root, management commands and leaves.
 * `width` is the terminal width of stdin (wrappedFlagUsages wraps to width-1; 80 without a terminal).
 */
import { flagUsagesWrapped } from './usage.js';
import { globalFlags } from './globals.js';
import type { FlagSpec } from './flags.js';
import type { ServerInfo } from './client.js';
import type { PluginInfo } from './plugins.js';
import { hiddenByServer } from './features.js';
import { commandPath, HELP_FLAG, useLine, type CommandNode } from './spec.js';

export interface HelpOptions {
  readonly width?: number;
  readonly configDir: string;
  /** The daemon's ping, when it could be asked: help then leaves out what it cannot serve. */
  readonly server?: ServerInfo;
  /** The CLI plugins installed (read only when the root's help needs them). */
  readonly plugins?: () => readonly PluginInfo[];
}

/** The flags cobra merges for a command: its own, plus the root's persistent `--help` unless it has one. */
export function commandFlags(node: CommandNode): FlagSpec[] {
  const own = node.spec?.flags ?? [];
  return own.some((f) => f.name === 'help') ? [...own] : [...own, HELP_FLAG];
}

/** cobra's rpad of decoratedName: a plugin's name carries a `*`. */
function listing(title: string, items: readonly CommandNode[], pad: number): string {
  return `\n\n${title}:` + items.map((c) => `\n  ${(c.path[c.path.length - 1] + (c.plugin ? '*' : ' ')).padEnd(pad)}${c.short}`).join('');
}

/** A plugin's stub command (AddPluginCommandStubs): a management command of the root. */
export function pluginStub(p: PluginInfo): CommandNode {
  return { path: [p.Name], short: p.ShortDescription, children: [], names: [p.Name], category: 'Management Commands', plugin: true };
}

/** The root's children with a stub for each plugin, unless a built-in has its name. */
function withPlugins(children: readonly CommandNode[], plugins: readonly PluginInfo[]): CommandNode[] {
  return [...children, ...plugins.filter((p) => !children.some((c) => c.names.includes(p.Name))).map(pluginStub)];
}

/** The root's children by help section, sections in the order the registry first names them. */
function categories(children: readonly CommandNode[]): Map<string, CommandNode[]> {
  const out = new Map<string, CommandNode[]>();
  for (const c of children) {
    const list = out.get(c.category ?? '') ?? [];
    list.push(c);
    out.set(c.category ?? '', list);
  }
  // cobra sorts a command's children by name: plugin stubs fall in among the management commands.
  out.get('Management Commands')?.sort((a, b) => (a.names[0] < b.names[0] ? -1 : a.names[0] > b.names[0] ? 1 : 0));
  return out;
}

export function renderHelp(node: CommandNode, opts: HelpOptions): string {
  const cols = (opts.width ?? 80) - 1;
  const isRoot = node.path.length === 0;
  const server = opts.server;
  const all = isRoot ? globalFlags(opts.configDir) : commandFlags(node);
  // hideUnsupportedFeatures: what the daemon cannot serve is hidden, as if pflag's MarkHidden had been called.
  const flags = server ? all.map((f) => (hiddenByServer(f.annotations, server) ? { ...f, hidden: true } : f)) : all;
  const hasFlags = flags.some((f) => !f.hidden);
  const own = isRoot && opts.plugins ? withPlugins(node.children, opts.plugins()) : node.children;
  const children = server ? own.filter((c) => !hiddenByServer(c.annotations, server)) : own;
  // cobra's HasSubCommands counts hidden commands too: only the listing leaves them out.
  const hasSubs = node.children.length > 0;
  let out = 'Usage:';
  out += hasSubs ? `  ${commandPath(node)}${hasFlags ? ' [OPTIONS]' : ''} COMMAND` : `  ${useLine(node)}`;
  out += `\n\n${node.spec?.long ?? node.spec?.short ?? node.short}`;
  if (node.spec?.aliases) out += `\n\nAliases:\n  ${node.spec.aliases}`;
  if (!isRoot && hasFlags) out += `\n\nOptions:\n${flagUsagesWrapped(flags, cols).trimEnd()}`;
  // cobra pads names to the longest sibling name, at least 11, then one more space.
  const pad = Math.max(11, ...children.map((c) => c.path[c.path.length - 1].length)) + 1;
  if (isRoot) {
    for (const [title, items] of categories(children)) out += listing(title, items, pad);
    out += `\n\nGlobal Options:\n${flagUsagesWrapped(flags, cols).trimEnd()}`;
  } else if (children.length > 0) {
    out += listing('Commands', children, pad);
  }
  if (hasSubs) out += `\n\nRun '${commandPath(node)} COMMAND --help' for more information on a command.`;
  if (isRoot) out += '\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  return out + '\n';
}
