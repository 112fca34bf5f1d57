/**
 * From argv to a command, the way docker's main does it: global flags first (non-interspersed, so they stop
 * at the command name), then cobra's lookup through the tree, then the command's own flags, `--help`, and the
 * positional-argument check. Everything docker would print and exit on without a daemon (help, version,
 * usage errors) comes back as a finished `output`; a runnable command comes back parsed.
 */
import { FlagError, getBool, getString, parseFlags, type ParsedFlags } from './flags.js';
import { CLIENT_VERSION, GIT_COMMIT, globalFlags, LOG_LEVELS } from './globals.js';
import { commandFlags, pluginStub, renderHelp, type HelpOptions } from './help.js';
import { commandPath, findChild, useLine, type ArgsRule, type CommandNode, type Invocation } from './spec.js';
import { ROOT } from './command/commands.js';

export interface Output {
  readonly kind: 'output';
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  /** Help, rendered without asking the daemon; main renders it again against the daemon's ping. */
  readonly help?: HelpRequest;
}

/**
 * What help was asked for: the command, the flags on its command line (isSupported checks them first), where
 * help goes (`--help`: stdout; a group run bare: stderr, after isSupported as its RunE), and pflag's notices.
 */
export interface HelpRequest {
  readonly node: CommandNode;
  readonly flags: ParsedFlags | null;
  readonly bare: boolean;
  readonly notes: string;
}

/** A real docker command that dockersim does not simulate (`docker build`, `docker network ls`…). */
export interface Unsimulated {
  readonly kind: 'unsimulated';
  readonly node: CommandNode;
  readonly globals: ParsedFlags;
  readonly args: readonly string[];
}

export type Dispatch = Output | Invocation | Unsimulated;

const out = (stdout: string, stderr = '', exit = 0): Output => ({ kind: 'output', stdout, stderr, exit });

/** Help for `node`: on stdout for `--help` and `docker help`, on stderr for a group run without a command. */
function help(node: CommandNode, flags: ParsedFlags | null, notes: string, bare: boolean, opts: HelpOptions): Output {
  const text = renderHelp(node, opts);
  return { ...(bare ? out(notes, text) : out(notes + text)), help: { node, flags, bare, notes } };
}

/** cli.FlagErrorFunc: a StatusError with code 125. */
function flagFailure(node: CommandNode, err: FlagError, stdout = ''): Output {
  const text = `${err.message}\n\nUsage:  ${useLine(node)}\n\nRun '${commandPath(node)} --help' for more information`;
  return out(stdout, text + '\n', 125);
}

function parseOrFail(node: CommandNode, flags: Parameters<typeof parseFlags>[0], argv: readonly string[],
  interspersed: boolean): ParsedFlags | Output {
  try {
    return parseFlags(flags, argv, interspersed);
  } catch (e) {
    if (e instanceof FlagError) return flagFailure(node, e);
    throw e;
  }
}

export function dispatch(argv: readonly string[], opts: HelpOptions): Dispatch {
  const globals = parseOrFail(ROOT, globalFlags(opts.configDir), argv, false);
  if ('kind' in globals) return globals;
  const level = getString(globals, 'log-level');
  if (!LOG_LEVELS.includes(level.toLowerCase())) return out('', `Unable to parse logging level: ${level}\n`, 1);
  const rest = globals.args;
  if (rest.length === 0) {
    if (getBool(globals, 'help')) return help(ROOT, null, globals.notices.join(''), false, opts);
    if (getBool(globals, 'version')) return out(`Docker version ${CLIENT_VERSION}, build ${GIT_COMMIT}\n`);
    return help(ROOT, null, globals.notices.join(''), true, opts);
  }
  if (rest[0] === 'help') return helpTopic(rest.slice(1), opts);
  const top = findChild(ROOT, rest[0]);
  if (!top) return rootWithArgs(rest, opts);
  if (top.children.length === 0) return leaf(top, rest.slice(1), globals, opts);
  // cobra's Find: the sub-command is the first word left once flags (and the value after an unknown or
  // non-boolean flag) are stripped.
  const after = rest.slice(1);
  const i = subcommandIndex(after);
  const sub = i >= 0 ? findChild(top, after[i]) : undefined;
  if (sub) return leaf(sub, [...after.slice(0, i), ...after.slice(i + 1)], globals, opts);
  return group(top, after, globals, opts);
}

function subcommandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') return -1;
    const takesValue = !s.includes('=') && s !== '--help' && s !== '-h' &&
      (s.startsWith('--') || (s.startsWith('-') && s.length === 2));
    if (takesValue) {
      if (args.length - i - 1 <= 1) return -1;
      i++;
    } else if (s !== '' && !s.startsWith('-')) {
      return i;
    }
  }
  return -1;
}

/** No such command: cobra runs the root with the words as arguments, which its Args check refuses. */
function rootWithArgs(args: readonly string[], opts: HelpOptions): Output | Unsimulated {
  const parsed = parseOrFail(ROOT, globalFlags(opts.configDir), args, true);
  if ('kind' in parsed) return parsed;
  if (getBool(parsed, 'help')) return help(ROOT, null, parsed.notices.join(''), false, opts);
  if (parsed.args.length === 0) return help(ROOT, null, parsed.notices.join(''), true, opts);
  // An installed plugin answers to its name (the real client runs it): none is simulated beyond buildx build.
  const plugin = opts.plugins?.().find((p) => p.Name === parsed.args[0]);
  if (plugin) return { kind: 'unsimulated', node: pluginStub(plugin), globals: parsed, args: parsed.args.slice(1) };
  return out(parsed.notices.join(''),
    `docker: unknown command: docker ${parsed.args[0]}\n\nRun 'docker --help' for more information\n`, 1);
}

/** A management command run by itself: help (on stderr) without arguments, an error with unknown ones. */
function group(node: CommandNode, args: readonly string[], globals: ParsedFlags, opts: HelpOptions): Dispatch {
  if (node.children.length === 0 && !node.spec) return { kind: 'unsimulated', node, globals, args };
  const parsed = parseOrFail(node, commandFlags(node), args, true);
  if ('kind' in parsed) return parsed;
  const notes = parsed.notices.join('');
  if (getBool(parsed, 'help')) return help(node, parsed, notes, false, opts);
  if (parsed.args.length === 0) return help(node, parsed, notes, true, opts);
  const path = commandPath(node);
  return out(notes, `docker: unknown command: ${path} ${parsed.args[0]}\n\nUsage:  ${path}\n\nRun '${path} --help' for more information\n`, 1);
}

export function leaf(node: CommandNode, args: readonly string[], globals: ParsedFlags, opts: HelpOptions): Dispatch {
  if (!node.spec) return { kind: 'unsimulated', node, globals, args };
  let parsed: ParsedFlags;
  try {
    parsed = parseFlags(commandFlags(node), args, node.spec.interspersed !== false);
  } catch (e) {
    if (e instanceof FlagError) return flagFailure(node, e);
    throw e;
  }
  const notes = parsed.notices.join('');
  if (getBool(parsed, 'help')) return help(node, parsed, notes, false, opts);
  const bad = checkArgs(node, node.spec.args, parsed.args.length);
  if (bad) return out(notes, bad + '\n', 1);
  return { kind: 'command', node, globals, flags: parsed, args: parsed.args, stdout: notes };
}

/** docker's cli/required.go messages, including RequiresMaxArgs' "SRun" typo and its See/Run wording. */
export function checkArgs(node: CommandNode, rule: ArgsRule, n: number): string | null {
  const path = commandPath(node);
  const tail = (what: string, verb = 'Run'): string =>
    `docker: '${path}' ${what}\n\nUsage:  ${useLine(node)}\n\n${verb} '${path} --help' for more information`;
  const plural = (k: number): string => (k === 1 ? 'argument' : 'arguments');
  if (rule.none && n > 0) return tail('accepts no arguments');
  if (rule.min !== undefined && rule.max !== undefined && (n < rule.min || n > rule.max)) {
    return tail(`requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`);
  }
  if (rule.min !== undefined && n < rule.min) return tail(`requires at least ${rule.min} ${plural(rule.min)}`, 'See');
  if (rule.max !== undefined && n > rule.max) return tail(`requires at most ${rule.max} ${plural(rule.max)}`, 'SRun');
  if (rule.exact !== undefined && n !== rule.exact) return tail(`requires ${rule.exact} ${plural(rule.exact)}`);
  return null;
}

function helpTopic(words: readonly string[], opts: HelpOptions): Output {
  let node: CommandNode = ROOT;
  const left = [...words];
  while (left.length > 0) {
    const next = findChild(node, left[0]);
    if (!next) break;
    node = next;
    left.shift();
  }
  if (left.length > 0) return out('', `unknown help topic: ${left.join(' ')}\n`, 1);
  return help(node, null, '', false, opts);
}
