/**
 * instructions.Parse (BuildKit's frontend/dockerfile/instructions, as moby v28.2.2 vendors it): the parsed
 * nodes as build stages, each FROM opening one, the ARGs before the first FROM kept apart as meta args. Every
 * instruction is checked here, before anything runs, so a bad line fails the build with nothing built, as
 * `dockerfile parse error on line N: …`.
 */
import { checkInstruction } from './dockerfile/dispatch.js';
import { parseHealthcheck } from './healthcheck.js';
import { parseHeredoc, type Node } from './dockerfile/parser.js';

export class ParseError extends Error {}

export interface Command {
  readonly node: Node;
  /** The builder flags by name (`from` → `build`). */
  readonly flags: Readonly<Record<string, string>>;
}

export interface Stage {
  /** The FROM line's image or stage name, before expansion. */
  readonly baseName: string;
  /** `AS name`, lower-cased; '' without one. */
  readonly name: string;
  readonly platform: string;
  /** The FROM line as written, trimmed (the legacy builder's `Step n/m : …`). */
  readonly sourceCode: string;
  readonly node: Node;
  readonly commands: Command[];
}

export interface Parsed {
  readonly metaArgs: Command[];
  readonly stages: Stage[];
}

const KNOWN = new Set(['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir']);

/** The flags each instruction takes (BFlags); their values are strings here, booleans as `true`/`false`. */
const FLAGS: Readonly<Record<string, readonly string[]>> = {
  from: ['platform'],
  copy: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  add: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  run: ['mount', 'network', 'security'],
  healthcheck: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};
const BOOL_FLAGS = new Set(['link', 'parents', 'keep-git-dir', 'unpack']);

/** BFlags.Parse: `--name=value` (or a bare boolean), each at most once, known to the instruction. */
export function parseFlags(n: Node): Record<string, string> {
  const allowed = FLAGS[n.cmd] ?? [];
  const out: Record<string, string> = {};
  for (const a of n.flags) {
    if (!a.startsWith('--')) throw new ParseError(`arg should start with -- : ${a}`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (!allowed.includes(name)) throw new ParseError(`unknown flag: ${name}`);
    if (name in out && name !== 'mount' && name !== 'exclude') throw new ParseError(`duplicate flag specified: ${name}`);
    if (eq < 0) {
      if (!BOOL_FLAGS.has(name)) throw new ParseError(`missing a value on flag: ${name}`);
      out[name] = 'true';
    } else {
      const v = a.slice(eq + 1);
      if (BOOL_FLAGS.has(name) && !['true', 'false'].includes(v.toLowerCase())) {
        throw new ParseError(`expecting boolean value for flag ${name}, not: ${v}`);
      }
      if (v === '' && !BOOL_FLAGS.has(name)) throw new ParseError(`missing a value on flag: ${name}`);
      out[name] = v;
    }
  }
  return out;
}

const VALID_STAGE = /^[a-z][a-z0-9-_.]*$/;

function checkNode(n: Node): Record<string, string> {
  const word = n.original.trim().split(/\s+/)[0];
  if (!KNOWN.has(n.cmd)) throw new ParseError(`unknown instruction: ${word}`);
  const flags = parseFlags(n);
  switch (n.cmd) {
    case 'from':
      if (n.args.length === 3 && n.args[1].toLowerCase() === 'as') {
        if (!VALID_STAGE.test(n.args[2].toLowerCase())) {
          throw new ParseError(`invalid name for build stage: ${JSON.stringify(n.args[2])}, name can't start with a number or contain symbols`);
        }
      } else if (n.args.length !== 1) throw new ParseError('FROM requires either one or three arguments');
      break;
    case 'copy':
    case 'add':
      if (n.args.length < 2) {
        if (n.args.length === 0) throw new ParseError(`${n.cmd.toUpperCase()} requires at least one argument`);
        throw new ParseError(`${n.cmd.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      if (parseHeredoc(n.args[n.args.length - 1])) throw new ParseError(`${n.cmd.toUpperCase()} cannot accept a heredoc as a destination`);
      break;
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell':
      if (n.cmd === 'run' && n.args.length === 0) throw new ParseError('RUN requires at least one argument');
      if (n.cmd === 'shell' && (!n.json || n.args.length === 0)) throw new ParseError('SHELL requires the arguments to be in JSON form');
      break;
    case 'maintainer':
      if (n.args.length === 0) throw new ParseError('MAINTAINER requires exactly one argument');
      break;
    case 'arg':
      if (n.args.length === 0) throw new ParseError('ARG requires at least one argument');
      break;
    case 'healthcheck':
      try {
        parseHealthcheck(n, flags);
      } catch (e) {
        throw new ParseError((e as Error).message);
      }
      break;
    default:
      try {
        checkInstruction(n);
      } catch (e) {
        throw new ParseError((e as Error).message);
      }
  }
  return flags;
}

/** instructions.Parse, with its `dockerfile parse error on line N:` wrapping. */
export function parseStages(nodes: readonly Node[]): Parsed {
  const metaArgs: Command[] = [];
  const stages: Stage[] = [];
  for (const n of nodes) {
    let flags: Record<string, string>;
    try {
      flags = checkNode(n);
      if (n.cmd === 'onbuild' && n.sub) {
        const t = n.sub.cmd.toUpperCase();
        if (t === 'ONBUILD') throw new ParseError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
        if (t === 'MAINTAINER' || t === 'FROM') throw new ParseError(`${t} isn't allowed as an ONBUILD trigger`);
      }
    } catch (e) {
      throw new ParseError(`dockerfile parse error on line ${n.startLine}: ${(e as Error).message}`);
    }
    if (n.cmd === 'from') {
      stages.push({
        baseName: n.args[0], name: n.args.length === 3 ? n.args[2].toLowerCase() : '', platform: flags.platform ?? '',
        sourceCode: n.original.trim(), node: n, commands: [],
      });
      continue;
    }
    if (stages.length === 0) {
      if (n.cmd === 'arg') {
        metaArgs.push({ node: n, flags });
        continue;
      }
      throw new ParseError('no build stage in current context');
    }
    stages[stages.length - 1].commands.push({ node: n, flags });
  }
  return { metaArgs, stages };
}
