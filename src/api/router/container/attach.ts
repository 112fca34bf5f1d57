/**
 * The hijacked half of attach and exec start: the upgrade header moby writes by hand, then a pump that
 * runs in the connection's own process, moving queued container output to the client and client bytes to
 * the container's stdin, until the backend says the attachment is over.
 */
import { Utf8StreamDecoder, textToBytes } from '../../bytes.js';
import { statusLine } from '../../http/status.js';
import { encodeFrame, MEDIA_MULTIPLEXED_STREAM, MEDIA_RAW_STREAM, STDERR, STDOUT } from '../../../pkg/stdcopy.js';
import { ConnectionClosed, type RawStream } from '../../server/types.js';
import { versionAtLeast } from '../../version.js';
import type { RequestContext } from '../types.js';
import type { AttachStreams } from './backend.js';

/** Hijacks and writes `101 UPGRADED` (with Upgrade) or `200 OK`, plus the middleware's header fields. */
export function upgradeHead(ctx: RequestContext, multiplexed: boolean): string {
  const upgrade = ctx.req.headers.has('Upgrade');
  if (upgrade) {
    const ct = multiplexed && versionAtLeast(ctx.version, '1.42') ? MEDIA_MULTIPLEXED_STREAM : MEDIA_RAW_STREAM;
    return `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${ct}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n${ctx.w.header.lines()}\r\n`;
  }
  // moby keeps raw-stream here whatever the framing (container_routes.go, exec.go).
  return `${statusLine(200)}Content-Type: ${MEDIA_RAW_STREAM}\r\n${ctx.w.header.lines()}\r\n`;
}

export class AttachPump {
  private readonly out: string[] = [];
  /** Bytes queued in `out`. */
  private outBytes = 0;
  private stdinSink: ((text: string) => void) | null = null;
  private stdinEnd: (() => void) | null = null;
  private stdinEnded = false;
  private hangup: (() => void) | null = null;
  private readonly flushListeners: (() => void)[] = [];
  private readonly decoder = new Utf8StreamDecoder();
  private gone = false;
  readonly streams: AttachStreams;

  constructor(
    private readonly ctx: RequestContext,
    readonly raw: RawStream,
    multiplexed: boolean,
  ) {
    const push = (stream: 1 | 2, text: string): void => {
      if (this.gone || text === '') return;
      const bytes = textToBytes(text);
      this.queue(multiplexed ? encodeFrame(stream, bytes) : bytes);
    };
    this.streams = {
      stdout: (t) => push(STDOUT, t),
      stderr: (t) => push(STDERR, t),
      onStdin: (data, end) => {
        this.stdinSink = data;
        this.stdinEnd = end;
        ctx.waiter.wake();
      },
      onHangup: (fn) => {
        this.hangup = fn;
      },
      backlog: () => (this.gone ? 0 : this.outBytes),
      onFlushed: (fn) => {
        this.flushListeners.push(fn);
      },
    };
  }

  /** Queues bytes for the client as they are (an in-band error message). */
  rawOut(bytes: string): void {
    this.queue(bytes);
  }

  private queue(bytes: string): void {
    this.out.push(bytes);
    this.outBytes += bytes.length;
    this.ctx.waiter.wake();
  }

  /** Runs until `done()` and everything queued is written; closes our sending side. */
  async run(done: () => boolean): Promise<void> {
    const w = this.ctx.waiter;
    try {
      for (;;) {
        this.takeInput();
        while (this.out.length > 0) {
          // Keys typed during a flood (Ctrl-C) must not wait for the output queue to empty.
          this.takeInput();
          const bytes = this.out.shift()!;
          // Counted until written: a backend waiting for the client to have everything waits for this write too.
          await this.raw.write(bytes);
          this.outBytes -= bytes.length;
          if (this.outBytes === 0) this.flushed();
        }
        if (done()) break;
        await w.until(() => this.out.length > 0 || done() || (!this.stdinEnded && this.stdinSink !== null && this.raw.hasInput()));
      }
      this.raw.closeWrite();
    } catch (e) {
      if (!(e instanceof ConnectionClosed)) throw e;
      this.gone = true;
      this.endStdin();
      this.hangup?.();
      this.flushed();
    }
  }

  private flushed(): void {
    for (const fn of this.flushListeners) fn();
  }

  private takeInput(): void {
    if (this.stdinEnded || !this.stdinSink) return;
    const got = this.raw.readAvailable();
    if (got === null) return this.endStdin();
    const text = this.decoder.push(got);
    if (text !== '') this.stdinSink(text);
  }

  private endStdin(): void {
    if (this.stdinEnded) return;
    this.stdinEnded = true;
    const rest = this.decoder.end();
    if (rest !== '' && this.stdinSink) this.stdinSink(rest);
    this.stdinEnd?.();
  }
}
