/** Connection and server commands (server.c, networking.c, config.c). */
import { E, type ClientState, type CommandContext, type RedisCommand } from '../context.js';
import { globMatch } from '../keyspace.js';
import { OK, array, bulk, bulks, error, int, status, type Reply } from '../resp.js';
import { infoText } from '../info.js';

const ping = (_ctx: CommandContext, a: string[]): Reply => {
  if (a.length > 2) return E.arity('ping');
  return a.length === 2 ? bulk(a[1]) : status('PONG');
};

const echo = (_ctx: CommandContext, a: string[]): Reply => bulk(a[1]);

const quit = (ctx: CommandContext): Reply => {
  ctx.client.closeAfterReply = true;
  return OK;
};

const auth = (ctx: CommandContext, a: string[]): Reply => {
  if (a.length > 3) return E.syntax;
  const pass = ctx.server.config.get('requirepass') ?? '';
  if (pass === '') {
    return error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
  }
  const user = a.length === 3 ? a[1] : 'default';
  if (user !== 'default' || a[a.length - 1] !== pass) {
    return error('WRONGPASS invalid username-password pair or user is disabled.');
  }
  ctx.client.authenticated = true;
  return OK;
};

const info = (ctx: CommandContext, a: string[]): Reply => bulk(infoText(ctx, a.slice(1)));

/** One CLIENT LIST line, with the fields this build prints. */
export function clientLine(ctx: CommandContext, c: ClientState): string {
  const v = ctx.server.build.version;
  const now = ctx.server.now();
  const age = Math.floor((now - c.connectedAt) / 1000);
  const idle = Math.floor((now - c.lastInteraction) / 1000);
  const cmd = c.lastCommand || 'NULL';
  if (v.startsWith('6.0')) {
    return `id=${c.id} addr=${c.addr} fd=${c.fd} name=${c.name} age=${age} idle=${idle} flags=N db=${c.db} sub=0 psub=0 multi=-1 qbuf=26 qbuf-free=32742 obl=0 oll=0 omem=0 events=r cmd=${cmd.split('|')[0]} user=default`;
  }
  const modern = !v.startsWith('7.0');
  return `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} age=${age} idle=${idle} flags=N db=${c.db} sub=0 psub=0 ssub=0 multi=-1${modern ? ' watch=0' : ''} qbuf=26 qbuf-free=20448 argv-mem=10 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=37658 events=r cmd=${cmd} user=default redir=-1 resp=2${modern ? ' lib-name= lib-ver= io-thread=0' : ''}`;
}

const client = (ctx: CommandContext, a: string[]): Reply => {
  const sub = a[1].toLowerCase();
  const fullName = `client|${sub}`;
  switch (sub) {
    case 'list':
      if (a.length > 2) return E.syntax;
      return bulk([...ctx.server.clients.values()].map((c) => `${clientLine(ctx, c)}\n`).join(''));
    case 'info':
      if (a.length !== 2) return E.arity(fullName);
      return bulk(`${clientLine(ctx, ctx.client)}\n`);
    case 'setname': {
      if (a.length !== 3) return E.arity(fullName);
      if (/[^\x21-\x7e]/.test(a[2])) return error('ERR Client names cannot contain spaces, newlines or special characters.');
      ctx.client.name = a[2];
      return OK;
    }
    case 'getname':
      if (a.length !== 2) return E.arity(fullName);
      return bulk(ctx.client.name === '' ? null : ctx.client.name);
    case 'id':
      if (a.length !== 2) return E.arity(fullName);
      return int(ctx.client.id);
    default:
      if (['kill', 'pause', 'unpause', 'reply', 'tracking', 'caching', 'no-evict', 'no-touch', 'trackinginfo', 'getredir', 'unblock', 'setinfo', 'help'].includes(sub)) {
        return error(`ERR dockersim: CLIENT ${sub.toUpperCase()} is not simulated`);
      }
      return E.unknownSub(a[1], 'CLIENT');
  }
};

const config = (ctx: CommandContext, a: string[]): Reply => {
  const sub = a[1].toLowerCase();
  if (sub === 'get') {
    if (a.length < 3) return E.arity('config|get');
    const out: string[] = [];
    const seen = new Set<string>();
    for (const pattern of a.slice(2)) {
      for (const [k, v] of ctx.server.config) {
        if (!seen.has(k) && globMatch(pattern.toLowerCase(), k)) {
          seen.add(k);
          out.push(k, v);
        }
      }
    }
    return bulks(out);
  }
  if (sub === 'set') {
    if (a.length < 4 || a.length % 2 !== 0) return E.arity('config|set');
    for (let i = 2; i < a.length; i += 2) {
      const k = a[i].toLowerCase();
      if (!ctx.server.config.has(k)) return error(`ERR Unknown option or number of arguments for CONFIG SET - '${a[i]}'`);
      if (!SETTABLE.has(k)) return error(`ERR dockersim: CONFIG SET ${k} is not simulated`);
    }
    for (let i = 2; i < a.length; i += 2) ctx.server.config.set(a[i].toLowerCase(), a[i + 1]);
    return OK;
  }
  if (sub === 'resetstat' || sub === 'rewrite') return error(`ERR dockersim: CONFIG ${sub.toUpperCase()} is not simulated`);
  return E.unknownSub(a[1], 'CONFIG');
};

/** What CONFIG SET may change: settings whose effect the simulation honours. */
const SETTABLE = new Set(['save', 'requirepass', 'protected-mode', 'loglevel', 'dbfilename', 'dir']);

const save = async (ctx: CommandContext): Promise<Reply> => {
  if (ctx.server.bgsaveInProgress()) return error('ERR Background save already in progress');
  return (await ctx.server.save()) ? OK : error('ERR');
};

const bgsave = (ctx: CommandContext, a: string[]): Reply => {
  if (a.length > 2 || (a.length === 2 && a[1].toUpperCase() !== 'SCHEDULE')) return E.syntax;
  if (ctx.server.bgsaveInProgress()) {
    return a.length === 2 ? status('Background saving scheduled') : error('ERR Background save already in progress');
  }
  ctx.server.bgsave();
  return status('Background saving started');
};

const lastsave = (ctx: CommandContext): Reply => int(Math.floor(ctx.server.lastSave() / 1000));

const shutdown = async (ctx: CommandContext, a: string[]): Promise<Reply | null> => {
  let save: boolean | undefined, nosave: boolean | undefined;
  for (const o of a.slice(1)) {
    const u = o.toUpperCase();
    if (u === 'SAVE') save = true;
    else if (u === 'NOSAVE') nosave = true;
    else if (u === 'NOW' || u === 'FORCE' || u === 'ABORT') return error(`ERR dockersim: SHUTDOWN ${u} is not simulated`);
    else return E.syntax;
  }
  if (save && nosave) return E.syntax;
  const ok = await ctx.server.shutdown({ save, nosave });
  // A successful SHUTDOWN never replies: the connection just closes.
  return ok ? null : error('ERR Errors trying to SHUTDOWN. Check logs.');
};

const command = (ctx: CommandContext, a: string[]): Reply => {
  const sub = a[1]?.toLowerCase();
  if (sub === 'count') {
    if (a.length !== 2) return E.arity('command|count');
    return int(COMMAND_COUNT[ctx.server.build.version] ?? 0);
  }
  if (sub === undefined || sub === 'docs' || sub === 'info' || sub === 'list' || sub === 'getkeys') {
    // redis-cli asks COMMAND DOCS at start for its hints; an empty answer makes it fall back quietly.
    if (sub === 'docs') return array([]);
    return error(`ERR dockersim: COMMAND${sub ? ` ${sub.toUpperCase()}` : ''} is not simulated`);
  }
  return E.unknownSub(a[1], 'COMMAND');
};

/** COMMAND COUNT of each build's core command table (modules' commands not counted: they are not simulated). */
const COMMAND_COUNT: Readonly<Record<string, number>> = { '8.0.2': 253, '7.0.15': 240, '6.0.16': 205 };

const time = (ctx: CommandContext): Reply => {
  const us = Math.floor(ctx.server.now() * 1000);
  return bulks([String(Math.floor(us / 1e6)), String(us % 1e6)]);
};

export const SERVER_COMMANDS: readonly RedisCommand[] = [
  { name: 'ping', arity: -1, run: ping, noAuth: false },
  { name: 'echo', arity: 2, run: echo },
  { name: 'quit', arity: -1, run: quit, noAuth: true },
  { name: 'auth', arity: -2, run: auth, noAuth: true },
  { name: 'info', arity: -1, run: info },
  { name: 'client', arity: -2, run: client },
  { name: 'config', arity: -2, run: config },
  { name: 'save', arity: 1, run: save },
  { name: 'bgsave', arity: -1, run: bgsave },
  { name: 'lastsave', arity: 1, run: lastsave },
  { name: 'shutdown', arity: -1, run: shutdown },
  { name: 'command', arity: -1, run: command },
  { name: 'time', arity: 1, run: time },
];
