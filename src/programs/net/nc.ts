/**
 * netcat: OpenBSD's (Ubuntu 24.04's netcat-openbsd 1.226) and busybox's applet. Connect mode copies stdin
 * to the connection and the connection to stdout; listen mode (-l) waits for one client (-k: one after
 * another) and does the same; -z only checks that the port accepts.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { GAI_MESSAGES, getaddrinfo } from '../lib/resolver.js';

const OPENBSD_USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

/** getservbyport from the container's own /etc/services (`*` when it has none, as in the ubuntu image). */
function service(sys: Sys, port: number): string {
  let text = '';
  try {
    text = utf8Decode(sys.fs.readFile('/etc/services'));
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
  }
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(\d+)\/tcp/.exec(line);
    if (m && Number(m[2]) === port) return m[1];
  }
  return '*';
}

/**
 * Copies both ways until the peer closes: a child copies stdin into the connection (and shuts down the
 * sending side at EOF when `shutdownOnEof`), this process copies the connection to stdout.
 */
async function relay(sys: Sys, fd: number, shutdownOnEof: boolean): Promise<void> {
  const pump = sys.spawn({
    program: async (child) => {
      for (;;) {
        const d = await child.read(0);
        if (d === null) break;
        try {
          await child.write(3, d);
        } catch (e) {
          if (isProcessEnd(e) || !isSysError(e)) throw e;
          return 0;
        }
      }
      if (shutdownOnEof) child.shutdown(3);
      // Without -N the connection stays open for the peer's answer; this side just stops sending.
      return 0;
    },
    argv: sys.argv,
    fds: { 0: 0, 2: 2, 3: fd },
  });
  for (;;) {
    let d: string | null;
    try {
      d = await sys.read(fd);
    } catch (e) {
      // A reset connection ends like a closed one (OpenBSD nc's read loop stops on an error).
      if (isSysError(e) && e.code === 'ECONNRESET') break;
      throw e;
    }
    if (d === null) break;
    await sys.write(1, d);
  }
  try {
    sys.kill(pump, 'SIGTERM');
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
  }
  await sys.wait(pump);
}

interface NcOptions {
  listen: boolean;
  keep: boolean;
  zero: boolean;
  verbose: boolean;
  numeric: boolean;
  shutdown: boolean;
  port: string | undefined;
  waitMs: number | undefined;
  args: string[];
}

export const nc: Program = async (sys) => {
  const o: NcOptions = { listen: false, keep: false, zero: false, verbose: false, numeric: false, shutdown: false, port: undefined, waitMs: undefined, args: [] };
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.args.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'p' || c === 'w' || c === 'q') {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) {
          await sys.write(2, `nc: option requires an argument -- '${c}'\n${OPENBSD_USAGE}`);
          return 1;
        }
        if (c === 'p') o.port = v;
        else if (c === 'w') o.waitMs = Number(v) * 1000;
        else if (Number(v) === 0) o.shutdown = true;
        else {
          await sys.write(2, `nc: -q ${v} is not simulated in dockersim (only -q 0)\n`);
          return 1;
        }
        break;
      }
      if (c === 'l') o.listen = true;
      else if (c === 'k') o.keep = true;
      else if (c === 'z') o.zero = true;
      else if (c === 'v') o.verbose = true;
      else if (c === 'n') o.numeric = true;
      else if (c === 'N') o.shutdown = true;
      else if (c === '4') continue;
      else if (c === 'h') {
        await sys.write(2, `OpenBSD netcat (Debian patchlevel 1.226-1ubuntu2)\n${OPENBSD_USAGE}`);
        return 0;
      } else if ('46CDdFrStUuZ'.includes(c) || 'IiMmOPsTVWXx'.includes(c)) {
        await sys.write(2, `nc: -${c} is not simulated in dockersim\n`);
        return 1;
      } else {
        await sys.write(2, `nc: invalid option -- '${c}'\n${OPENBSD_USAGE}`);
        return 1;
      }
    }
  }
  if (o.listen) return listen(sys, o);
  if (o.args.length < 2) {
    await sys.write(2, o.args.length === 0 ? OPENBSD_USAGE : 'nc: missing port number\n');
    return 1;
  }
  const [hostArg, portArg] = o.args;
  const ports = /^(\d+)-(\d+)$/.exec(portArg);
  const list = ports ? Array.from({ length: Number(ports[2]) - Number(ports[1]) + 1 }, (_, k) => Number(ports[1]) + k) : [Number(portArg)];
  if (list.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
    await sys.write(2, `nc: port number invalid: ${portArg}\n`);
    return 1;
  }
  const r = await getaddrinfo(sys, hostArg);
  if (!r.ok) {
    await sys.write(2, `nc: getaddrinfo for host "${hostArg}" port ${list[0]}: ${GAI_MESSAGES[r.error]}\n`);
    return 1;
  }
  const ip = r.addresses[0];
  const who = hostArg === ip ? ip : `${hostArg} (${ip})`;
  let status = 1;
  for (const port of list) {
    let fd: number;
    try {
      fd = await sys.dial(`tcp://${ip}:${port}`, { timeoutMs: o.waitMs });
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      if (o.verbose || !o.zero) {
        const why = e.code === 'ETIMEDOUT' && o.waitMs !== undefined ? 'Operation now in progress' : e.message;
        await sys.write(2, `nc: connect to ${who} port ${port} (tcp) ${e.code === 'ETIMEDOUT' && o.waitMs !== undefined ? 'timed out' : 'failed'}: ${why}\n`);
      }
      continue;
    }
    status = 0;
    if (o.verbose) await sys.write(2, `Connection to ${who} ${port} port [tcp/${service(sys, port)}] succeeded!\n`);
    if (o.zero) {
      sys.close(fd);
      continue;
    }
    await relay(sys, fd, o.shutdown);
    sys.close(fd);
    return 0;
  }
  return status;
};

async function listen(sys: Sys, o: NcOptions): Promise<number> {
  const portArg = o.port ?? o.args[o.args.length - 1];
  const addr = o.port !== undefined ? o.args[0] : o.args.length > 1 ? o.args[0] : undefined;
  const port = Number(portArg);
  if (portArg === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
    await sys.write(2, portArg === undefined ? OPENBSD_USAGE : `nc: port number invalid: ${portArg}\n`);
    return 1;
  }
  const bind = addr ?? '0.0.0.0';
  let lfd: number;
  try {
    lfd = sys.listen(`tcp://${bind}:${port}`, { backlog: 1 });
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, `nc: ${e.message}\n`);
    return 1;
  }
  if (o.verbose) await sys.write(2, `Listening on ${bind} ${port}\n`);
  do {
    const fd = await sys.accept(lfd);
    const peer = sys.getpeername(fd);
    if (o.verbose) await sys.write(2, `Connection received on ${peer.address} ${peer.port}\n`);
    await relay(sys, fd, o.shutdown);
    sys.close(fd);
  } while (o.keep);
  sys.close(lfd);
  return 0;
}

const BB_USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]

Open a pipe to IP:PORT or FILE

\t-l\tListen mode, for inbound connects
\t\t(use -ll with -e for persistent server)
\t-p PORT\tLocal port
\t-w SEC\tConnect timeout
\t-i SEC\tDelay interval for lines sent
\t-f FILE\tUse file (ala /dev/ttyS0) instead of network
\t-e PROG\tRun PROG after connect
`;

/** busybox nc (the small one the busybox image builds): connect, or -l -p PORT. */
export const busyboxNc: Program = async (sys) => {
  let listenMode = false;
  let port: string | undefined;
  let waitMs: number | undefined;
  const args: string[] = [];
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-l') listenMode = true;
    else if (a === '-p') port = argv[++i];
    else if (a.startsWith('-p')) port = a.slice(2);
    else if (a === '-w') waitMs = Number(argv[++i]) * 1000;
    else if (a.startsWith('-')) {
      await sys.write(2, `nc: invalid option -- '${a.slice(1, 2)}'\n${BB_USAGE}`);
      return 1;
    } else args.push(a);
  }
  if (listenMode) {
    if (port === undefined) {
      await sys.write(2, BB_USAGE);
      return 1;
    }
    let lfd: number;
    try {
      lfd = sys.listen(`tcp://0.0.0.0:${port}`, { backlog: 1 });
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await sys.write(2, `nc: bind: ${e.message}\n`);
      return 1;
    }
    const fd = await sys.accept(lfd);
    sys.close(lfd);
    // busybox nc half-closes the connection when its input ends, so the client sees the end of the answer.
    await relay(sys, fd, true);
    sys.close(fd);
    return 0;
  }
  if (args.length !== 2) {
    await sys.write(2, BB_USAGE);
    return 1;
  }
  const r = await getaddrinfo(sys, args[0]);
  if (!r.ok) {
    await sys.write(2, `nc: bad address '${args[0]}'\n`);
    return 1;
  }
  let fd: number;
  try {
    fd = await sys.dial(`tcp://${r.addresses[0]}:${Number(args[1])}`, { timeoutMs: waitMs });
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, `nc: can't connect to remote host (${r.addresses[0]}): ${e.message}\n`);
    return 1;
  }
  await relay(sys, fd, true);
  sys.close(fd);
  return 0;
};
