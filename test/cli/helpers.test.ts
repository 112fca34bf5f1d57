import { describe, expect, it } from 'vitest';
import { detachKeyCodes, EscapeProxy } from '../../src/cli/command/container/escape.js';
import { streamHijacked } from '../../src/cli/command/container/hijack.js';
import { indentJSON } from '../../src/cli/formatter/jsonindent.js';
import { progressString } from '../../src/cli/formatter/jsonmessage.js';
import { filtersJSON } from '../../src/cli/filters.js';
import { ansic } from '../../src/cli/command/system/version.js';
import { toStatusError } from '../../src/cli/errors.js';
import { commandCli, conn, fake, FakeDaemonError, frame, NOW } from './fake.js';

describe('detach keys (moby/term)', () => {
  it('parses docker --detach-keys syntax', () => {
    expect(detachKeyCodes('ctrl-p,ctrl-q')).toEqual([16, 17]);
    expect(detachKeyCodes('a,ctrl-@,ctrl-\\,DEL')).toEqual([97, 0, 28, 127]);
    expect((detachKeyCodes('ctrl-P') as Error).message).toBe("Unknown character: 'ctrl-P'");
  });
  it('holds a partial match back and releases it when the sequence breaks', () => {
    const p = new EscapeProxy([16, 17]);
    expect(p.push('ab\x10')).toEqual({ pass: 'ab', escaped: false });
    expect(p.push('c')).toEqual({ pass: '\x10c', escaped: false });
    expect(p.push('\x10')).toEqual({ pass: '', escaped: false });
    expect(p.push('\x11rest')).toEqual({ pass: '', escaped: true });
  });
});

describe('hijacked streams', () => {
  it('sends stdin as UTF-8 bytes, half-closes at EOF, then drains the output', async () => {
    const f = fake({ stdin: ['héllo\n', null] });
    const writes: string[] = [];
    await streamHijacked(commandCli(f), conn([frame(1, 'ok\n')], { writes }), { tty: false, stdin: true, stdout: true, stderr: true });
    expect(writes).toEqual(['h\xc3\xa9llo\n', '<closeWrite>']);
    expect(f.stdout()).toBe('ok\n');
  });
  it('decodes UTF-8 split across frames', async () => {
    const f = fake();
    await streamHijacked(commandCli(f), conn([frame(1, '\xc3'), frame(1, '\xa9\n')]), { tty: false, stdin: false, stdout: true, stderr: true });
    expect(f.stdout()).toBe('é\n');
  });
  it('with no stdin attached, half-closes at once', async () => {
    const f = fake();
    const writes: string[] = [];
    await streamHijacked(commandCli(f), conn(['x'], { writes }), { tty: true, stdin: false, stdout: true, stderr: true });
    expect(writes).toEqual(['<closeWrite>']);
    expect(f.rawModes).toEqual([]);
  });
});

describe('json.Indent', () => {
  it('re-indents with 4 spaces, keeps escapes and empty containers', () => {
    expect(indentJSON('[{"a":[],"b":{},"c":"x\\u003c,:{"}]')).toBe(
      '[\n    {\n        "a": [],\n        "b": {},\n        "c": "x\\u003c,:{"\n    }\n]');
  });
});

describe('pull progress (JSONProgress.String)', () => {
  it('draws a bar only on terminals wider than 110 columns', () => {
    expect(progressString({ current: 300_000, total: 29_754_290 }, 80, NOW)).toBe('   300kB/29.75MB');
    expect(progressString({ current: 14_877_145, total: 29_754_290 }, 120, NOW))
      .toBe(`[${'='.repeat(25)}>${' '.repeat(25)}]  14.88MB/29.75MB`);
    expect(progressString({}, 120, NOW)).toBe('');
  });
});

describe('small pieces', () => {
  it('filters are sorted JSON maps of value sets', () => {
    expect(filtersJSON(['status=running', ' Status = exited', 'name=a'])).toBe('{"name":{"a":true},"status":{"exited":true,"running":true}}');
    expect(filtersJSON([])).toBeUndefined();
  });
  it('version times print as time.ANSIC', () => {
    expect(ansic('2025-05-30T12:07:28.000000000+00:00')).toBe('Fri May 30 12:07:28 2025');
    expect(ansic('2024-01-02T03:04:05Z')).toBe('Tue Jan  2 03:04:05 2024');
  });
  it('run errors map to 125/126/127', () => {
    expect(toStatusError(new FakeDaemonError(400, 'exec: "x": executable file not found in $PATH'), 'run').code).toBe(127);
    expect(toStatusError(new FakeDaemonError(400, 'exec: "/etc": permission denied'), 'run').code).toBe(126);
    expect(toStatusError(new FakeDaemonError(500, 'boom'), 'run').code).toBe(125);
  });
});
