/**
 * busybox httpd: a static file server, one connection per request (`Connection: close`), with busybox's
 * headers in its order, its error pages, a 302 to `dir/` for a directory, index.html only, 501 for methods
 * other than GET and HEAD (no CGI). Without -f it goes to the background. Checked against busybox 1.35's.
 */
import { bytesFromArray } from '../../api/bytes.js';
import { sendWire } from '../../api/bytes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';

const USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]
or httpd -d/-e/-m STRING

Listen for incoming HTTP requests

\t-i\t\tInetd mode
\t-f\t\tRun in foreground
\t-v[v]\t\tVerbose
\t-p [IP:]PORT\tBind to IP:PORT (default *:80)
\t-u USER[:GRP]\tSet uid/gid after binding to port
\t-r REALM\tAuthentication Realm for Basic Authentication
\t-h HOME\t\tHome directory (default .)
\t-c FILE\t\tConfiguration file (default {/etc,HOME}/httpd.conf)
\t-m STRING\tMD5 crypt STRING
\t-e STRING\tHTML encode STRING
\t-d STRING\tURL decode STRING
`;

/** httpd.c's ext_file table: the first extension that matches names the type. */
const TYPES: readonly (readonly [readonly string[], string])[] = [
  [['txt', 'h', 'c', 'cc', 'cpp'], 'text/plain'], [['htm', 'html'], 'text/html'], [['jpg', 'jpeg'], 'image/jpeg'],
  [['gif'], 'image/gif'], [['png'], 'image/png'], [['svg'], 'image/svg+xml'], [['css'], 'text/css'],
  [['js'], 'application/javascript'], [['wav'], 'audio/wav'], [['avi'], 'video/x-msvideo'],
  [['qt', 'mov'], 'video/quicktime'], [['mpe', 'mpeg'], 'video/mpeg'], [['mid', 'midi'], 'audio/midi'], [['mp3'], 'audio/mpeg'],
];

const PAGES: Readonly<Record<number, readonly [string, string]>> = {
  400: ['Bad Request', 'Unsupported method'],
  403: ['Forbidden', ''],
  404: ['Not Found', 'The requested URL was not found'],
  501: ['Not Implemented', 'The requested method is not recognized'],
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

interface Options {
  foreground: boolean;
  verbose: number;
  port: string;
  home: string;
}

function parse(argv: readonly string[]): Options | string {
  const o: Options = { foreground: false, verbose: 0, port: '80', home: '.' };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') return USAGE;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'f') o.foreground = true;
      else if (c === 'v') o.verbose++;
      else if (c === 'p' || c === 'h') {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return `httpd: option requires an argument -- '${c}'\n${USAGE}`;
        if (c === 'p') o.port = v;
        else o.home = v;
        break;
      } else if ('iucrmed'.includes(c)) return `httpd: dockersim: option -${c} is not simulated\n`;
      else return `httpd: invalid option -- '${c}'\n${USAGE}`;
    }
  }
  return o;
}

export const httpd: Program = async (sys) => {
  const o = parse(sys.argv);
  if (typeof o === 'string') {
    await sys.write(2, o);
    return 1;
  }
  const m = /^(?:(.*):)?(\d+)$/.exec(o.port);
  if (!m) {
    await sys.write(2, `httpd: bad port '${o.port}'\n`);
    return 1;
  }
  let home: string;
  try {
    const cwd = sys.cwd();
    home = sys.fs.realpath(o.home.startsWith('/') ? o.home : `${cwd === '/' ? '' : cwd}/${o.home}`);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.write(2, `httpd: can't change directory to '${o.home}': ${e.message}\n`);
    return 1;
  }
  let fd: number;
  try {
    fd = sys.listen(`tcp://${m[1] && m[1] !== '*' ? m[1] : '0.0.0.0'}:${m[2]}`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, `httpd: bind: ${e.message}\n`);
    return 1;
  }
  if (!o.foreground) {
    // bb_daemonize: a child in a session of its own carries on; stdio goes to /dev/null.
    sys.spawn({ program: (d) => serve(d, 0, home, o), argv: sys.argv, fds: { 0: fd }, setsid: true, cwd: '/' });
    return 0;
  }
  return serve(sys, fd, home, o);
};

async function serve(sys: Sys, listener: number, home: string, o: Options): Promise<number> {
  sys.signal('SIGPIPE', 'ignore');
  let port = 32768;
  for (;;) {
    let conn: number;
    try {
      conn = await sys.accept(listener);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      return 1;
    }
    // busybox forks a child per connection; a thread here, hidden from ps as the child is short-lived.
    const peer = `[::ffff:127.0.0.1]:${port++}`;
    sys.spawn({ program: (t) => handle(t, 0, home, o, peer), argv: sys.argv, fds: { 0: conn, 2: 2 }, thread: true });
    sys.close(conn);
  }
}

async function readHead(sys: Sys, fd: number): Promise<string | null> {
  let buf = '';
  for (;;) {
    const end = buf.search(/\r?\n\r?\n/);
    if (end >= 0) return buf.slice(0, end);
    if (buf.length > 8192) return buf;
    const more = await sys.read(fd);
    if (more === null) return buf === '' ? null : buf;
    buf += more;
  }
}

async function handle(sys: Sys, fd: number, home: string, o: Options, peer: string): Promise<number> {
  try {
    const head = await readHead(sys, fd);
    if (head === null) return 0;
    const [method, target = ''] = head.split(/\r?\n/)[0].split(' ');
    const status = await respond(sys, fd, home, method, target);
    if (o.verbose > 0) await sys.write(2, `${peer}: response:${status}\n`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
  } finally {
    sys.close(fd);
  }
  return 0;
}

async function respond(sys: Sys, fd: number, home: string, method: string, target: string): Promise<number> {
  const date = `HTTP/1.1 %s\r\nDate: ${httpDate(sys.now())}\r\nConnection: close\r\n`;
  const page = async (status: number): Promise<number> => {
    const [reason, text] = PAGES[status];
    const title = `${status} ${reason}`;
    await sys.write(fd, `${date.replace('%s', title)}Content-type: text/html\r\n\r\n` +
      `<HTML><HEAD><TITLE>${title}</TITLE></HEAD>\n<BODY><H1>${title}</H1>\n${text}\n</BODY></HTML>\n`);
    return status;
  };
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return page(/^[A-Z]+$/.test(method) && target.startsWith('/') ? 501 : 400);
  if (!target.startsWith('/')) return page(400);
  let path: string;
  try {
    path = decodeURIComponent(target.split('?')[0]);
  } catch {
    return page(400);
  }
  if (path.split('/').includes('..')) return page(404);
  if (method === 'POST') return page(501);
  let file = `${home === '/' ? '' : home}${path}`;
  let st;
  try {
    st = sys.fs.stat(file);
    if (st.type === 'dir') {
      if (!path.endsWith('/')) {
        await sys.write(fd, `${date.replace('%s', '302 Found')}Content-type: text/html\r\nLocation: ${path}/\r\n\r\n`);
        return 302;
      }
      file = `${file}index.html`;
      st = sys.fs.stat(file);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return page(404);
  }
  let body: string;
  try {
    body = bytesFromArray(sys.fs.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return page(e.code === 'EACCES' ? 403 : 404);
  }
  const ext = file.slice(file.lastIndexOf('/') + 1).split('.').slice(1).pop()?.toLowerCase() ?? '';
  const type = TYPES.find(([exts]) => exts.includes(ext))?.[1] ?? 'application/octet-stream';
  const mtime = Math.floor(st.mtimeMs / 1000);
  // The file's bytes as they are on disk: body is a binary string.
  await sendWire(sys, fd, `${date.replace('%s', '200 OK')}Content-type: ${type}\r\nAccept-Ranges: bytes\r\n` +
    `Last-Modified: ${httpDate(mtime * 1000)}\r\nETag: "${mtime.toString(16)}-${body.length.toString(16)}"\r\n` +
    `Content-Length: ${body.length}\r\n\r\n${method === 'HEAD' ? '' : body}`);
  return 200;
}
