/**
 * What docker/cli decides from the daemon it talks to (cmd/docker/docker.go): help hides the commands and
 * flags that daemon cannot serve (hideUnsupportedFeatures), and a command run with a flag or under a group the
 * daemon does not support stops before any request (isSupported). Both read the daemon's `/_ping` headers,
 * fetched only when an annotation needs them; with no daemon to ask, help lists everything.
 */
import type { ServerInfo } from './client.js';
import { changed, type FlagSpec, type ParsedFlags } from './flags.js';
import { commandPath, type Annotations, type CommandNode } from './spec.js';

function notSwarmStatus(server: ServerInfo, want: string): boolean {
  const s = server.swarm;
  if (!s) return false;
  if (want === 'manager') return !s.controlAvailable;
  if (want === 'active') return s.nodeState === 'inactive';
  return false;
}

/** hideFlagIf/hideSubcommandIf: whether help leaves this out against `server`. */
export function hiddenByServer(a: Annotations | undefined, server: ServerInfo): boolean {
  if (!a) return false;
  if (a.experimental && !server.hasExperimental) return true;
  if (a.ostype !== undefined && server.osType !== '' && a.ostype !== server.osType) return true;
  return a.swarm !== undefined && notSwarmStatus(server, a.swarm);
}

/** The node and its parents, nearest first: areSubcommandsSupported checks each. */
function lineage(root: CommandNode, node: CommandNode): CommandNode[] {
  const out: CommandNode[] = [];
  let cur: CommandNode | undefined = root;
  for (const name of node.path) {
    cur = cur?.children.find((c) => c.names[0] === name);
    if (cur) out.unshift(cur);
  }
  return out;
}

const needsServer = (a: Annotations | undefined): boolean => a !== undefined && (a.experimental === true || a.ostype !== undefined);

/** The flags given on the command line that isSupported checks, in pflag's VisitAll order (by name). */
function checkedFlags(flags: ParsedFlags | null): FlagSpec[] {
  if (!flags) return [];
  const given = flags.specs.filter((f) => needsServer(f.annotations) && changed(flags, f.name));
  return [...new Map(given.map((f) => [f.name, f])).values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Whether isSupported has anything to ask the daemon about (docker/cli pings only then). */
export function needsServerInfo(root: CommandNode, node: CommandNode, flags: ParsedFlags | null): boolean {
  return lineage(root, node).some((n) => needsServer(n.annotations)) || checkedFlags(flags).length > 0;
}

/** Whether help has anything to hide or refuse against the daemon: annotations on the command, its flags or children. */
export function helpNeedsServer(root: CommandNode, node: CommandNode, flags: ParsedFlags | null): boolean {
  const flagSpecs = node.spec?.flags ?? [];
  return needsServerInfo(root, node, flags) || flagSpecs.some((f) => f.annotations !== undefined) ||
    node.children.some((c) => c.annotations !== undefined);
}

/**
 * isSupported: the command's and its parents' annotations first (the first failure wins), then each flag
 * given on the command line, their errors joined by newlines. Null when nothing stands in the way.
 */
export function unsupported(root: CommandNode, node: CommandNode, flags: ParsedFlags | null, s: ServerInfo): string | null {
  const path = commandPath(node);
  for (const n of lineage(root, node)) {
    const a = n.annotations;
    if (!a || !needsServer(a)) continue;
    if (a.ostype !== undefined && s.osType !== '' && a.ostype !== s.osType) {
      return `${path} is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${s.osType}`;
    }
    if (a.experimental && !s.hasExperimental) return `${path} is only supported on a Docker daemon with experimental features enabled`;
  }
  const errs: string[] = [];
  for (const f of checkedFlags(flags)) {
    const a = f.annotations!;
    if (a.ostype !== undefined && s.osType !== '' && a.ostype !== s.osType) {
      errs.push(`"--${f.name}" is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${s.osType}`);
      continue;
    }
    if (a.experimental && !s.hasExperimental) errs.push(`"--${f.name}" is only supported on a Docker daemon with experimental features enabled`);
  }
  return errs.length > 0 ? errs.join('\n') : null;
}
