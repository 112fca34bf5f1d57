/**
 * docker/cli's hijackedIOStreamer: copies the terminal to a hijacked connection and the connection to
 * stdout/stderr. With a TTY the bytes are raw and the terminal goes to raw mode while stdin is attached
 * (the detach keys are watched for); without one the daemon multiplexes stdout and stderr in frames.
 * Resolves when the output ends (or, with no output attached, when the input does); throws EscapeError
 * when the user detaches.
 */
import type { CommandCli } from '../../cli.js';
import type { HijackedConn } from '../../client.js';
import { EscapeError, passProcessEnd } from '../../errors.js';
import { DEFAULT_ESCAPE_KEYS, detachKeyCodes, EscapeProxy } from './escape.js';
import { textToBytes, Utf8StreamDecoder } from '../../../api/bytes.js';
import { FrameDecoder } from '../../../pkg/stdcopy.js';

export interface StreamOptions {
  readonly tty: boolean;
  /** Copy the CLI's stdin to the connection. */
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  /** With a TTY run/exec send the container's stderr to the CLI's stdout. */
  readonly stderrToOut?: boolean;
  readonly detachKeys?: string;
  /**
   * The caller gives up on the streams (run's start failed): stop copying and put the terminal back before the
   * caller prints its error, as run.go's cancelFun and `<-errCh` do.
   */
  readonly cancelled?: Promise<void>;
}

export async function streamHijacked(cli: CommandCli, conn: HijackedConn, o: StreamOptions): Promise<void> {
  const raw = o.stdin && o.tty;
  let restored = !raw;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    cli.in.setRaw(false);
  };
  if (raw) cli.in.setRaw(true);
  let keys = DEFAULT_ESCAPE_KEYS;
  if (raw && o.detachKeys) {
    const parsed = detachKeyCodes(o.detachKeys);
    // docker only logs a warning (at a level it does not show) and keeps the default.
    if (!(parsed instanceof Error)) keys = parsed;
  }
  try {
    const wantOutput = o.stdout || o.stderr;
    const output = wantOutput ? copyOutput(cli, conn, o, restore).then(() => 'output' as const) : null;
    const input = o.stdin ? copyInput(cli, conn, raw ? new EscapeProxy(keys) : null, restore) : Promise.resolve('eof' as const);
    const cancelled = o.cancelled?.then(() => 'cancelled' as const);
    const orCancelled = <T>(p: Promise<T>): Promise<T | 'cancelled'> => (cancelled ? Promise.race([p, cancelled]) : p);
    const first = await orCancelled(output ? Promise.race([output, input]) : input);
    if (first === 'output' || first === 'cancelled') return;
    if (first === 'detach') throw new EscapeError();
    try {
      conn.closeWrite();
    } catch (e) {
      passProcessEnd(e);
    }
    if (output) await orCancelled(output);
  } finally {
    restore();
  }
}

async function copyOutput(cli: CommandCli, conn: HijackedConn, o: StreamOptions, restore: () => void): Promise<void> {
  const out = new Utf8StreamDecoder();
  const err = new Utf8StreamDecoder();
  const frames = o.tty ? null : new FrameDecoder();
  const errStream = o.stderrToOut ? cli.out : cli.err;
  for (;;) {
    const chunk = await conn.read();
    if (chunk === null) break;
    if (!frames) {
      const text = out.push(chunk);
      if (o.stdout && text) await cli.out.write(text);
      continue;
    }
    for (const f of frames.push(chunk)) {
      if (f.stream === 1 && o.stdout) await writeText(cli.out.write.bind(cli.out), out.push(f.payload));
      else if (f.stream === 2 && o.stderr) await writeText(errStream.write.bind(errStream), err.push(f.payload));
      else if (f.stream === 3) throw new Error(`error from daemon in stream: ${f.payload}`);
    }
  }
  const tailOut = out.end();
  if (tailOut && o.stdout) await cli.out.write(tailOut);
  const tailErr = err.end();
  if (tailErr && o.stderr) await errStream.write(tailErr);
  // The terminal goes back to normal as soon as the connection ends, before anything else is printed.
  if (o.tty) restore();
}

async function writeText(write: (s: string) => Promise<void>, text: string): Promise<void> {
  if (text) await write(text);
}

async function copyInput(cli: CommandCli, conn: HijackedConn, proxy: EscapeProxy | null, restore: () => void):
  Promise<'eof' | 'detach'> {
  for (;;) {
    const text = await cli.in.read();
    if (text === null) {
      restore();
      return 'eof';
    }
    let pass = text;
    let escaped = false;
    if (proxy) ({ pass, escaped } = proxy.push(text));
    try {
      if (pass) await conn.write(textToBytes(pass));
    } catch (e) {
      // The other side went away: docker logs it and treats it as the end of input.
      passProcessEnd(e);
      restore();
      return 'eof';
    }
    if (escaped) {
      restore();
      return 'detach';
    }
  }
}
