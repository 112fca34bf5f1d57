import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLogEntry, LogBuffer, MAX_PARTIAL_LINE, type LogEntry } from '../../../src/engine/daemon/logs.js';

const T0 = 1_704_164_645_000_000_000n; // 2024-01-02T03:04:05Z

function clock(): { now: () => bigint; advance: (ns: bigint) => void } {
  let t = T0;
  return { now: () => t, advance: (ns) => (t += ns) };
}

const lines = (es: readonly LogEntry[]): string[] => es.map((e) => e.line);

describe('LogBuffer', () => {
  it('splits writes into lines with their newline, per stream, stamped when the line completes', () => {
    const c = clock();
    const log = new LogBuffer({ now: c.now });
    log.write('stdout', 'hel');
    log.write('stderr', 'oops\n');
    c.advance(1n);
    log.write('stdout', 'lo\nwor');
    log.write('stdout', 'ld\n');
    expect(log.read().map((e) => [e.stream, e.line, e.timeNs - T0])).toEqual([
      ['stderr', 'oops\n', 0n],
      ['stdout', 'hello\n', 1n],
      ['stdout', 'world\n', 1n],
    ]);
    expect(lines(log.read({ stderr: false }))).toEqual(['hello\n', 'world\n']);
  });

  it('logs a long line in 16 KiB partial pieces, and close() flushes what is held', () => {
    const log = new LogBuffer({ now: clock().now });
    log.write('stdout', 'x'.repeat(MAX_PARTIAL_LINE + 5));
    expect(lines(log.read())).toEqual(['x'.repeat(MAX_PARTIAL_LINE)]);
    log.write('stdout', 'tail');
    log.close();
    expect(lines(log.read())).toEqual(['x'.repeat(MAX_PARTIAL_LINE), 'xxxxxtail']);
  });

  it('tail counts both streams before the stream filter, as json-file does', () => {
    const log = new LogBuffer({ now: clock().now });
    for (const [s, l] of [['stdout', 'a\n'], ['stderr', 'b\n'], ['stdout', 'c\n'], ['stderr', 'd\n']] as const) log.write(s, l);
    expect(lines(log.read({ tail: 2 }))).toEqual(['c\n', 'd\n']);
    expect(lines(log.read({ tail: 2, stderr: false }))).toEqual(['c\n']);
    expect(lines(log.read({ tail: 0 }))).toEqual([]);
    expect(lines(log.read({ tail: -1 }))).toHaveLength(4);
    expect(lines(log.read({ tail: 99 }))).toHaveLength(4);
  });

  it('since and until are inclusive nanosecond bounds, applied after tail', () => {
    const c = clock();
    const log = new LogBuffer({ now: c.now });
    for (let i = 0; i < 10; i++) {
      log.write('stdout', `${i}\n`);
      c.advance(1_000_000_000n);
    }
    const at = (s: number): bigint => T0 + BigInt(s) * 1_000_000_000n;
    expect(lines(log.read({ sinceNs: at(7) }))).toEqual(['7\n', '8\n', '9\n']);
    expect(lines(log.read({ untilNs: at(2) }))).toEqual(['0\n', '1\n', '2\n']);
    expect(lines(log.read({ sinceNs: at(3), untilNs: at(5) }))).toEqual(['3\n', '4\n', '5\n']);
    expect(lines(log.read({ tail: 5, sinceNs: at(2) }))).toEqual(['5\n', '6\n', '7\n', '8\n', '9\n']);
    expect(lines(log.read({ tail: 2, untilNs: at(8) }))).toEqual(['8\n']);
  });

  it('followers get entries as written until disposed; close() ends them', () => {
    const log = new LogBuffer({ now: clock().now });
    const seen: string[] = [];
    let closed = 0;
    const sub = log.follow({ onEntry: (e) => seen.push(e.line), onClose: () => closed++ });
    log.write('stdout', 'one\ntw');
    expect(seen).toEqual(['one\n']);
    log.write('stdout', 'o\n');
    expect(seen).toEqual(['one\n', 'two\n']);
    log.close();
    expect(closed).toBe(1);
    log.write('stdout', 'three\n');
    expect(seen).toHaveLength(2);
    const other = log.follow({ onEntry: (e) => seen.push(e.line) });
    other.dispose();
    log.write('stdout', 'four\n');
    expect(seen).toHaveLength(2);
    sub.dispose();
  });

  it('drops the oldest entries to stay within maxBytes (UTF-8 bytes of line text)', () => {
    const log = new LogBuffer({ now: clock().now, maxBytes: 10 });
    log.write('stdout', 'aaaa\nbbbb\n');
    expect(log.size).toBe(10);
    log.write('stdout', 'é\n'); // 3 bytes
    expect(lines(log.read())).toEqual(['bbbb\n', 'é\n']);
    expect(log.size).toBe(8);
  });

  it('-t prefixes RFC3339 with nine fractional digits', () => {
    const c = clock();
    c.advance(1_000_000_001n);
    const log = new LogBuffer({ now: c.now });
    log.write('stdout', 'hi\n');
    expect(formatLogEntry(log.read()[0], true)).toBe('2024-01-02T03:04:06.000000001Z hi\n');
    expect(formatLogEntry(log.read()[0], false)).toBe('hi\n');
  });

  it('a million lines: --tail 10 returns the last ten', () => {
    const c = clock();
    const log = new LogBuffer({ now: c.now, maxBytes: 64 * 1024 * 1024 });
    for (let i = 0; i < 1_000_000; i++) {
      log.write('stdout', `line ${i}\n`);
      c.advance(1000n);
    }
    expect(log.length).toBe(1_000_000);
    // Speed (no full scan) is measured by npm run bench; here only the result is checked.
    const out: LogEntry[] = log.read({ tail: 10, sinceNs: T0 + 500n });
    expect(lines(out)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${999_990 + i}\n`));
  });

  it('property: tail N equals the last N lines of a model, and memory stays bounded', () => {
    const write = fc.record({
      stream: fc.constantFrom('stdout' as const, 'stderr' as const),
      text: fc.array(fc.constantFrom('a', 'bb', 'ü', '\n', 'xyz\n'), { maxLength: 6 }).map((p) => p.join('')),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 200 }), fc.integer({ min: 4, max: 64 }), fc.integer({ min: 0, max: 30 }), (writes, maxBytes, n) => {
        const log = new LogBuffer({ now: clock().now, maxBytes });
        const model: string[] = [];
        const pending = { stdout: '', stderr: '' };
        let biggest = 0;
        for (const w of writes) {
          log.write(w.stream, w.text);
          const parts = (pending[w.stream] + w.text).split('\n');
          pending[w.stream] = parts.pop()!;
          for (const p of parts) {
            model.push(`${w.stream}:${p}\n`);
            biggest = Math.max(biggest, Buffer.byteLength(`${p}\n`));
          }
          expect(log.size).toBeLessThanOrEqual(Math.max(maxBytes, biggest));
        }
        const got = log.read({ tail: n }).map((e) => `${e.stream}:${e.line}`);
        const kept = log.length === 0 ? [] : model.slice(-log.length);
        expect(got).toEqual(n === 0 ? [] : kept.slice(-n));
        expect(kept).toEqual(log.read().map((e) => `${e.stream}:${e.line}`));
      }),
      { numRuns: 200 },
    );
  });

  it('property: lines logged many to a write read back as one entry per line (tail, since, until, streams, followers)', () => {
    const write = fc.record({
      stream: fc.constantFrom('stdout' as const, 'stderr' as const),
      text: fc.array(fc.constantFrom('y\n', 'é\n', 'ab', '\n', 'z'.repeat(20)), { maxLength: 12 }).map((p) => p.join('')),
      later: fc.integer({ min: 0, max: 2 }),
    });
    const bound = fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(write, { maxLength: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.record({ tail: fc.option(fc.integer({ min: -1, max: 40 }), { nil: undefined }), since: bound, until: bound, stdout: fc.boolean(), stderr: fc.boolean() }),
        (writes, maxBytes, q) => {
          const c = clock();
          const log = new LogBuffer({ now: c.now, maxBytes });
          const followed: LogEntry[] = [];
          log.follow({ onEntry: (e) => followed.push(e) });
          // The model: json-file's one entry per line, each with the time of the write that completed it.
          let model: LogEntry[] = [];
          const pending = { stdout: '', stderr: '' };
          for (const w of writes) {
            c.advance(BigInt(w.later));
            log.write(w.stream, w.text);
            const parts = (pending[w.stream] + w.text).split('\n');
            pending[w.stream] = parts.pop()!;
            for (const line of parts) model.push({ stream: w.stream, line: `${line}\n`, timeNs: c.now() });
          }
          const bytes = (es: LogEntry[]): number => es.reduce((n, e) => n + Buffer.byteLength(e.line), 0);
          expect(followed).toEqual(model);
          while (bytes(model) > maxBytes && model.length > 1) model = model.slice(1);
          expect(log.length).toBe(model.length);
          expect(log.size).toBe(bytes(model));
          const at = (k: number | undefined): bigint | undefined => (k === undefined ? undefined : T0 + BigInt(k));
          let want = q.tail !== undefined && q.tail >= 0 ? model.slice(Math.max(0, model.length - q.tail)) : model;
          want = want.filter(
            (e) =>
              (q.since === undefined || e.timeNs >= at(q.since)!) &&
              (q.until === undefined || e.timeNs <= at(q.until)!) &&
              (e.stream === 'stdout' ? q.stdout : q.stderr),
          );
          expect(log.read({ tail: q.tail, sinceNs: at(q.since), untilNs: at(q.until), stdout: q.stdout, stderr: q.stderr })).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
