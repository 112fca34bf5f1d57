/**
 * The process title redis gives itself (server.c redisSetProcTitle): `proc-title-template`, by default
 * `{title} {listen-addr} {server-mode}`, expanded by sdstemplate and trimmed of spaces, then written over argv by
 * redis's own setproctitle.c. So `ps` shows `redis-server *:6379` whatever the command line was.
 */
import type { RedisBuild } from './builds.js';

export const DEFAULT_PROC_TITLE_TEMPLATE = '{title} {listen-addr} {server-mode}';

/** sdstemplate: `{name}` is a variable, `{{` a literal brace; an unknown name or an unclosed brace fails (null). */
function sdstemplate(template: string, lookup: (name: string) => string | null): string | null {
  let out = '';
  let p = 0;
  while (p < template.length) {
    const open = template.indexOf('{', p);
    if (open < 0) return out + template.slice(p);
    out += template.slice(p, open);
    if (open + 1 >= template.length) return null;
    if (template[open + 1] === '{') {
      out += '{';
      p = open + 2;
      continue;
    }
    const close = template.indexOf('}', open + 1);
    if (close < 0) return null;
    const value = lookup(template.slice(open + 1, close));
    if (value === null) return null;
    out += value;
    p = close + 1;
  }
  return out;
}

/**
 * redisProcTitleGetVariable over the settings the simulation runs with (cluster mode, sentinel, TLS and unix
 * sockets refuse to start, so server-mode is empty and the TLS port 0).
 */
export function expandProcTitle(template: string, title: string, config: ReadonlyMap<string, string>, configFile: string): string | null {
  const port = config.get('port') ?? '6379';
  const unixsocket = config.get('unixsocket') ?? '';
  const bindaddr = (config.get('bind') ?? '').split(/\s+/).filter(Boolean);
  const value = (name: string): string | null => {
    switch (name) {
      case 'title':
        return title;
      case 'listen-addr':
        return port !== '0' ? `${bindaddr[0] ?? '*'}:${port}` : `unixsocket:${unixsocket}`;
      case 'server-mode':
        return '';
      case 'config-file':
        return configFile === '' ? '-' : configFile;
      case 'port':
        return port;
      case 'tls-port':
        return '0';
      case 'unixsocket':
        return unixsocket;
      default:
        return null;
    }
  };
  const res = sdstemplate(template, value);
  return res === null ? null : res.replace(/^ +| +$/g, '');
}

/** isValidProcTitleTemplate: expands with an empty title to something not empty. */
export function validProcTitleTemplate(template: string, config: ReadonlyMap<string, string>): boolean {
  const res = expandProcTitle(template, '', config, '');
  return res !== null && res !== '';
}

/**
 * The title for `title` (argv[0], or a child's role such as `redis-rdb-bgsave`), or null when `set-proc-title
 * no` leaves argv alone. Before 6.2 there was no template: the same `title addr:port` was fixed in the code.
 */
export function procTitle(build: RedisBuild, config: ReadonlyMap<string, string>, configFile: string, title: string): string | null {
  if ((config.get('set-proc-title') ?? 'yes').toLowerCase() === 'no') return null;
  const template = build.version.startsWith('6.0') ? DEFAULT_PROC_TITLE_TEMPLATE : config.get('proc-title-template') ?? DEFAULT_PROC_TITLE_TEMPLATE;
  return expandProcTitle(template, title, config, configFile);
}

/** What setproctitle.c leaves at the start of argv's memory (SPT_MAXTITLE 255), the rest being NULs. */
export function titleBytes(argv0: string, title: string): string {
  const t = title.slice(0, 255);
  // SPT.nul is where argv[0]'s NUL was: a shorter title marks it with a dot, one exactly as long with a space.
  if (t.length < argv0.length) return `${t}${'\0'.repeat(argv0.length - t.length)}.`;
  if (t.length === argv0.length) return `${t} `;
  return t;
}
