/**
 * The bridge from a real socket to the simulated dockerd.
 *
 * Design: each real connection becomes a connection to dockerd's own unix socket inside the simulation,
 * made by a thread of the dockerd process (a real dockerd serves its `-H tcp://…` connections itself, and
 * threads do not show in the host's `ps`). Bytes are copied both ways untouched, so every route, header,
 * chunked stream, hijack (101 UPGRADED and the 200 raw-stream form), half-close and disconnect reaches the
 * real client exactly as the in-sim `docker` sees it, from the same router. The alternative, calling the
 * router from a Node HTTP server, would need a second ResponseWriter, a second hijack and Node's own header
 * and chunking rules, and would answer differently from the simulated socket in small ways.
 *
 * The kernel's sockets carry bytes: a Node Buffer is written as the Uint8Array it is and what dockerd writes
 * is read back with readBytes, exact for every byte, multiplexed frame headers and split UTF-8 sequences
 * included. The tap sees both directions as binary strings (one char per byte).
 *
 * Inside the simulation a process may only block in system calls; the thread waits on self-pipes (as
 * src/api/server/conn.ts does) that Node's socket events poke before kicking the clock.
 */
import type { Socket } from 'node:net';
import { SelfPipe, stopThread } from '../../api/server/conn.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { DOCKER_SOCK, type SimHost } from './host.js';

/** Client bytes held before the real socket is paused (TCP then pushes back on the client). */
const INBOX_HIGH_WATER = 1 << 20;

/**
 * Real milliseconds between a `101 UPGRADED` response's headers and the stream after them. docker-py reads the
 * 101 through Python's buffered http.client and then the raw socket beneath it, so stream bytes that arrive
 * with the headers are read into a buffer nobody reads again: `exec_start` answered b'' and `attach(logs=True)`
 * lost the logs. dockerd never sends them together in practice, as starting the exec (runc) or reading the log
 * file takes longer than the client takes to parse the headers; the gap stands for that time here.
 */
const UPGRADE_GAP_MS = 50;
const UPGRADE_HEAD = Buffer.from('HTTP/1.1 101 ', 'latin1');

/**
 * The streams held in their gap, each released early as soon as any connection writes anything else: dockerd
 * drains a container's streams before its exit answers `wait` (StreamConfig.Wait in handleContainerExit), and
 * a client that reads the stream until `wait` answers (dockerode's attach) must find it all there.
 */
const holders = new Set<() => void>();

function releaseHeld(): void {
  for (const release of [...holders]) release();
}

/** Sees every byte both ways (tests record the exchanges with it). */
export interface ConnectionTap {
  fromClient(bytes: string): void;
  fromServer(bytes: string): void;
  /** Both sides are closed. */
  closed?(): void;
}

export interface Bridge {
  /** Settles when both sides are closed and the simulated thread has ended. */
  readonly done: Promise<void>;
  /** Ends the connection from the server side (shutdown). */
  close(): void;
}

/** Connects `socket` to the simulated dockerd; a host without a running dockerd refuses (the socket is reset). */
export function bridge(host: SimHost, socket: Socket, tap?: ConnectionTap): Bridge {
  const inbox: Buffer[] = [];
  let inboxBytes = 0;
  let clientEnded = false;
  let clientClosed = false;
  let main: SelfPipe | null = null;
  let out: SelfPipe | null = null;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r)).then(() => tap?.closed?.());

  const poke = (): void => {
    main?.wake();
    host.kick();
  };
  socket.on('data', (buf: Buffer) => {
    tap?.fromClient(buf.toString('latin1'));
    inbox.push(buf);
    inboxBytes += buf.length;
    if (inboxBytes > INBOX_HIGH_WATER) socket.pause();
    poke();
  });
  socket.on('end', () => {
    clientEnded = true;
    poke();
  });
  socket.on('close', () => {
    clientClosed = true;
    poke();
  });
  socket.on('drain', () => {
    out?.wake();
    host.kick();
  });
  socket.on('error', () => undefined); // 'close' follows

  const dockerd = host.dockerd();
  if (!dockerd) {
    socket.resetAndDestroy();
    finish();
    return { done, close: () => undefined };
  }

  const program = async (sys: Sys): Promise<number> => {
    // Go's runtime catches SIGPIPE (a write to a closed socket just fails) with a handler, not SIG_IGN, so the
    // processes dockerd starts from here (a container's PID 1) get the default disposition back at exec.
    sys.signal('SIGPIPE', () => undefined);
    let fd: number;
    try {
      fd = sys.connect(`unix://${DOCKER_SOCK}`);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      socket.resetAndDestroy();
      return 1;
    }
    main = new SelfPipe(sys);
    let serverDone = false;
    const reader = sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 3: fd },
      program: async (s) => {
        out = new SelfPipe(s);
        let upgraded = false;
        let heldStream: Buffer[] | null = null;
        for (;;) {
          let data: Uint8Array | null = null;
          try {
            data = await s.readBytes(3);
          } catch (e) {
            if (isProcessEnd(e)) throw e;
          }
          if (data === null || clientClosed) break;
          const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
          tap?.fromServer(buf.toString('latin1'));
          const headEnd = upgraded ? -1 : upgradeHeadEnd(buf);
          if (headEnd >= 0) {
            upgraded = true;
            releaseHeld();
            socket.write(buf.subarray(0, headEnd));
            const held: Buffer[] = [buf.subarray(headEnd)];
            heldStream = held;
            const release = (): void => {
              clearTimeout(timer);
              holders.delete(release);
              heldStream = null;
              for (const b of held) if (b.length > 0 && !socket.destroyed) socket.write(b);
              out?.wake();
              host.kick();
            };
            const timer = setTimeout(release, UPGRADE_GAP_MS);
            holders.add(release);
            continue;
          }
          if (heldStream) {
            heldStream.push(buf);
            continue;
          }
          releaseHeld();
          if (!socket.write(buf)) await out.until(() => !socket.writableNeedDrain || clientClosed);
        }
        // dockerd hung up during the gap (a short exec's whole answer): the stream still goes out after it.
        await out.until(() => heldStream === null || clientClosed);
        serverDone = true;
        main?.wake();
        return 0;
      },
    });
    let shut = false;
    try {
      for (;;) {
        await main.until(() => inbox.length > 0 || clientClosed || serverDone || (clientEnded && !shut));
        if (inbox.length > 0) {
          const bytes = Buffer.concat(inbox.splice(0));
          inboxBytes = 0;
          if (socket.isPaused()) socket.resume();
          await sys.write(fd, bytes);
          continue;
        }
        if (clientClosed || serverDone) break;
        sys.shutdown(fd);
        shut = true;
      }
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      // EPIPE: dockerd closed the connection while the client was still sending.
    } finally {
      await stopThread(sys, reader);
      sys.close(fd);
      main.close();
      main = null;
      // dockerd hung up: so does the real server (after what was written has gone out).
      if (!clientClosed) socket.end();
    }
    return 0;
  };

  try {
    const thread = host.kernel.spawn(dockerd, { argv: [...dockerd.argv], thread: true, fds: {}, program });
    thread.exitListeners.push(() => {
      if (!socket.destroyed && !socket.writableEnded) socket.end();
      if (socket.destroyed) finish();
      else socket.once('close', finish);
    });
  } catch {
    socket.resetAndDestroy(); // EAGAIN: the host is out of processes
    finish();
  }
  host.kick();
  return {
    done,
    close: () => {
      socket.end();
      socket.destroySoon();
    },
  };
}

/** Where the stream starts in a chunk that begins with a 101 response's complete headers; -1 otherwise. */
function upgradeHeadEnd(buf: Buffer): number {
  if (buf.length < UPGRADE_HEAD.length || !buf.subarray(0, UPGRADE_HEAD.length).equals(UPGRADE_HEAD)) return -1;
  const end = buf.indexOf('\r\n\r\n', 0, 'latin1');
  return end < 0 ? -1 : end + 4;
}
