/**
 * cobra's hidden `__complete` command (what the bash completion script docker ships calls on Tab): prints
 * `candidate<TAB>description` lines, then `:<directive>`, and on stderr "Completion ended with directive: …".
 * Sub-commands and flags come from the command tree; arguments as each command's spec says (its
 * `completion`), container and image names from the daemon, whose failure is ShellCompDirectiveError.
 */
import type { Cli } from './cli.js';
import type { FlagSpec } from './flags.js';
import { globalFlags } from './globals.js';
import { commandFlags } from './help.js';
import { findChild, type CommandNode } from './spec.js';
import { ROOT } from './command/commands.js';

const DIRECTIVES: Readonly<Record<number, string>> = {
  0: 'ShellCompDirectiveDefault', 1: 'ShellCompDirectiveError', 2: 'ShellCompDirectiveNoSpace',
  4: 'ShellCompDirectiveNoFileComp',
};

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

function flagCandidates(flags: readonly FlagSpec[], prefix: string, used: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const sorted = [...flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const f of sorted) {
    // Flags already given are not offered again, unless they may repeat (list types).
    if (used.has(f.name) && f.type !== 'list') continue;
    const usage = firstLine(f.usage);
    if (`--${f.name}`.startsWith(prefix)) out.push(`--${f.name}\t${usage}`);
    if (f.short && !prefix.startsWith('--') && `-${f.short}`.startsWith(prefix)) out.push(`-${f.short}\t${usage}`);
  }
  return out;
}

interface Walk {
  node: CommandNode;
  positional: string[];
  used: Set<string>;
  /** The previous word was a flag waiting for its value. */
  flagValue: boolean;
  host?: string;
}

function walk(args: readonly string[], configDir: string): Walk {
  const w: Walk = { node: ROOT, positional: [], used: new Set(), flagValue: false };
  let flags: readonly FlagSpec[] = globalFlags(configDir);
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    w.flagValue = false;
    if (!afterDashDash && a === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && a.startsWith('-') && a !== '-' && !(w.node.spec?.interspersed === false && w.positional.length > 0)) {
      const long = a.startsWith('--');
      const name = long ? a.slice(2).split('=')[0] : a.slice(1, 2);
      const f = flags.find((x) => (long ? x.name === name : x.short === name));
      if (f) w.used.add(f.name);
      const inline = long ? a.includes('=') : a.length > 2;
      if (f && f.type !== '' && !inline) {
        if (i + 1 >= args.length) w.flagValue = true;
        else if (w.node === ROOT && f.name === 'host') w.host = args[++i];
        else i++;
      } else if (f && w.node === ROOT && f.name === 'host') w.host = long ? a.split('=').slice(1).join('=') : a.slice(2);
      continue;
    }
    const child = w.positional.length === 0 && w.node.children.length > 0 ? findChild(w.node, a) : undefined;
    if (child) {
      w.node = child;
      w.used.clear();
      flags = commandFlags(child);
    } else w.positional.push(a);
  }
  return w;
}

async function print(cli: Cli, candidates: readonly string[], directive: number): Promise<number> {
  await cli.out.write(candidates.map((c) => `${c}\n`).join('') + `:${directive}\n`);
  await cli.err.write(`Completion ended with directive: ${DIRECTIVES[directive] ?? String(directive)}\n`);
  return 0;
}

export async function runComplete(cli: Cli, words: readonly string[], host: (h: string | undefined) => string,
  configDir: string): Promise<number> {
  const args = words.slice(0, -1);
  const cur = words[words.length - 1] ?? '';
  const w = walk(args, configDir);
  const node = w.node;
  if (w.flagValue) return print(cli, [], 0);
  const flags = node === ROOT ? globalFlags(configDir) : commandFlags(node);
  if (cur.startsWith('-') && !(node.spec?.interspersed === false && w.positional.length > 0)) {
    return print(cli, flagCandidates(flags, cur, w.used), 4);
  }
  if (node.children.length > 0 && w.positional.length === 0) {
    const kids = node.children.map((c) => ({ name: c.names[0], short: c.short }));
    if (node === ROOT) kids.push({ name: 'help', short: 'Help about the command' });
    kids.sort((a, b) => (a.name < b.name ? -1 : 1));
    return print(cli, kids.filter((k) => k.name.startsWith(cur)).map((k) => `${k.name}\t${k.short}`), 4);
  }
  if (!node.spec) return print(cli, [], 0);
  const want = node.spec.completion;
  try {
    const client = cli.client(host(w.host));
    if (want && 'containers' in want) {
      if (want.first && w.positional.length > 0) return print(cli, [], 4);
      const list = await client.containerList({ all: true });
      return print(cli, list.filter((c) => want.containers(c.State)).map((c) => (c.Names[0] ?? '').replace(/^\//, '')), 4);
    }
    if (want && 'networks' in want) {
      if (want.thenContainers && w.positional.length > 0) {
        const nw = w.positional[0];
        const list = await client.containerList({ all: true });
        const connected = (c: { NetworkSettings?: { Networks?: Record<string, unknown> } | null }): boolean =>
          c.NetworkSettings?.Networks?.[nw] !== undefined;
        const want1 = want.thenContainers === 'connected';
        return print(cli, list.filter((c) => connected(c) === want1).map((c) => (c.Names[0] ?? '').replace(/^\//, '')), 4);
      }
      const list = await client.networkList();
      return print(cli, list.map((n) => String(n.Name)), 4);
    }
    if (want && 'images' in want) {
      if (w.positional.length >= want.images) return print(cli, [], 4);
      const list = await client.imageList({});
      return print(cli, list.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>')), 4);
    }
  } catch {
    return print(cli, [], 1);
  }
  return print(cli, [], want && 'files' in want ? 0 : 4);
}
