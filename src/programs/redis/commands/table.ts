/**
 * The command table and processCommand's checks, in Redis's order: lookup (unknown command), arity,
 * authentication, then the command. Arity counts the command name: 2 is exactly `GET key`, -3 at least
 * `SET key value`.
 */
import { E, type CommandContext, type RedisCommand } from '../context.js';

export type { RedisCommand } from '../context.js';
import { error, type Reply } from '../resp.js';
import { KEY_COMMANDS } from './keys.js';
import { LIST_HASH_COMMANDS } from './lists.js';
import { SERVER_COMMANDS } from './server.js';
import { SET_COMMANDS } from './sets.js';
import { STRING_COMMANDS } from './strings.js';


export const COMMANDS: ReadonlyMap<string, RedisCommand> = new Map(
  [...STRING_COMMANDS, ...KEY_COMMANDS, ...LIST_HASH_COMMANDS, ...SET_COMMANDS, ...SERVER_COMMANDS].map((c) => [c.name, c]),
);

/**
 * Real Redis commands the simulation has not modelled: they answer in Redis's error style, saying so, rather
 * than "unknown command" (which would be untrue) or a made-up result.
 */
const NOT_SIMULATED = new Set([
  'multi', 'exec', 'discard', 'watch', 'unwatch', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'publish',
  'pubsub', 'eval', 'evalsha', 'script', 'function', 'fcall', 'monitor', 'sync', 'psync', 'replicaof', 'slaveof',
  'debug', 'object', 'memory', 'slowlog', 'latency', 'acl', 'hello', 'reset', 'wait', 'bgrewriteaof', 'module',
  'move', 'copy', 'dump', 'restore', 'migrate', 'sort', 'touch', 'swapdb', 'lset', 'linsert', 'lrem', 'ltrim',
  'rpoplpush', 'lmove', 'blpop', 'brpop', 'blmove', 'lpos', 'lpushx', 'rpushx', 'spop', 'srandmember', 'smove',
  'sdiff', 'sdiffstore', 'sinterstore', 'sunionstore', 'smismember', 'sscan', 'hscan', 'zscan', 'hstrlen',
  'hincrbyfloat', 'hrandfield', 'zincrby', 'zrank', 'zrevrank', 'zcount', 'zrevrange', 'zrangebyscore',
  'zrevrangebyscore', 'zpopmin', 'zpopmax', 'zunionstore', 'zinterstore', 'zmscore', 'setrange', 'getex', 'setbit',
  'getbit', 'bitcount', 'bitop', 'bitpos', 'pfadd', 'pfcount', 'pfmerge', 'xadd', 'xrange', 'xread', 'xlen',
  'geoadd', 'geodist', 'georadius', 'geosearch', 'expiretime', 'pexpiretime', 'role', 'failover', 'lolwut',
  'readonly', 'readwrite', 'cluster', 'asking', 'lcs', 'substr', 'msetnx',
]);

/** Module commands the official 8.0 image loads; their modules are not simulated. */
const MODULE_PREFIXES = ['ft.', 'json.', 'ts.', 'bf.', 'cf.', 'cms.', 'topk.', 'tdigest.'];

/** Runs one command as processCommand would; null means close the connection without a reply. */
export async function execute(ctx: CommandContext, argv: string[], loadedModules: readonly string[] = []): Promise<Reply | null> {
  const name = argv[0].toLowerCase();
  const cmd = COMMANDS.get(name);
  if (!cmd) {
    if (NOT_SIMULATED.has(name)) return error(`ERR dockersim: ${name.toUpperCase()} is not simulated`);
    if (loadedModules.length > 0 && MODULE_PREFIXES.some((p) => name.startsWith(p))) {
      return error(`ERR dockersim: the Redis Open Source modules (${name.toUpperCase()}) are not simulated`);
    }
    return unknownCommand(ctx, argv);
  }
  if ((cmd.arity > 0 && argv.length !== cmd.arity) || argv.length < -cmd.arity) return E.arity(name);
  if (!cmd.noAuth && !ctx.client.authenticated && (ctx.server.config.get('requirepass') ?? '') !== '') {
    return error('NOAUTH Authentication required.');
  }
  ctx.client.lastCommand = argv.length > 1 && ['client', 'config', 'command'].includes(name) ? `${name}|${argv[1].toLowerCase()}` : name;
  return cmd.run(ctx, argv);
}

function unknownCommand(ctx: CommandContext, argv: string[]): Reply {
  const legacy = ctx.server.build.version.startsWith('6.');
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    const room = 128 - args.length;
    args += legacy ? `\`${argv[i].slice(0, room)}\`, ` : `'${argv[i].slice(0, room)}' `;
  }
  const text = legacy
    ? `ERR unknown command \`${argv[0]}\`, with args beginning with: ${args}`
    : `ERR unknown command '${argv[0].slice(0, 128)}', with args beginning with: ${args}`;
  return error(text.replace(/[\r\n]/g, ' '));
}
