/**
 * The `docker` program on the simulated host: docker/cli's main (src/cli) with its streams on this process's
 * descriptors and its API client on the kernel's sockets, so every command goes through the Engine API to
 * dockerd exactly as on a real host (socket permissions, DOCKER_HOST, -H and a stopped daemon included).
 */
import { parseSignal, type Signal } from '../../engine/kernel/signals.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Cli, OutStream, TtySize } from '../../cli/cli.js';
import type { HostIo } from '../../cli/archiveClient.js';
import { main } from '../../cli/main.js';
import { apiClient } from './apiClient.js';

function ttySize(sys: Sys, fd: number): TtySize {
  try {
    const w = sys.getWinSize(fd);
    return { height: w.rows, width: w.cols };
  } catch {
    return { height: 0, width: 0 };
  }
}

function outStream(sys: Sys, fd: number): OutStream {
  return {
    write: (text) => sys.write(fd, text),
    isTerminal: () => sys.isatty(fd),
    ttySize: () => ttySize(sys, fd),
  };
}

export function dockerCli(sys: Sys): Cli {
  let saved: ReturnType<Sys['tcgetattr']> | null = null;
  return {
    in: {
      read: () => sys.read(0),
      isTerminal: () => sys.isatty(0),
      ttySize: () => ttySize(sys, 0),
      setEcho(on) {
        if (sys.isatty(0)) sys.tcsetattr(0, { echo: on });
      },
      setRaw(on) {
        if (!sys.isatty(0)) return;
        if (on) {
          saved ??= sys.tcgetattr(0);
          sys.tcsetattr(0, { icanon: false, echo: false, isig: false, onlcr: false });
        } else if (saved) {
          sys.tcsetattr(0, saved);
          saved = null;
        }
      },
    },
    out: outStream(sys, 1),
    err: outStream(sys, 2),
    env: (name) => sys.env[name],
    client: (host) => apiClient(sys, host),
    now: () => sys.now(),
    readFile(path) {
      try {
        return sys.fs.readText(path);
      } catch (e) {
        if (isSysError(e)) throw new Error(`open ${path}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
        throw e;
      }
    },
    writeFile(path, text, mode, dirMode) {
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      try {
        if (!sys.fs.exists(dir)) sys.fs.mkdir(dir, { recursive: true, mode: dirMode });
        sys.fs.writeFile(path, text, { mode });
      } catch (e) {
        if (isSysError(e)) throw new Error(`open ${path}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
        throw e;
      }
    },
    cwd: () => sys.cwd(),
    hostIo: hostIo(sys),
    fs: sys.fs,
    sleep: (ms) => sys.sleep(ms),
    onSignal(signals, handler) {
      const caught = signals.map((s) => parseSignal(s)).filter((s): s is Signal => s !== undefined);
      const before = caught.map((s) => sys.signal(s, (sig) => handler(sig)));
      return () => caught.forEach((s, i) => sys.signal(s, before[i]));
    },
  };
}

function hostIo(sys: Sys): HostIo {
  return {
    fs: sys.fs,
    cwd: () => sys.cwd(),
    writeOut: (bytes) => sys.write(1, bytes),
    async readIn() {
      const parts: Uint8Array[] = [];
      let n = 0;
      for (let b = await sys.readBytes(0); b !== null; b = await sys.readBytes(0)) {
        parts.push(b);
        n += b.length;
      }
      const out = new Uint8Array(n);
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    },
  };
}

export const docker: Program = async (sys) => {
  try {
    return await main(dockerCli(sys), sys.argv.slice(1));
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e, 'EPIPE')) throw e;
    return 1;
  }
};
