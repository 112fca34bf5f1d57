/**
 * bash's `time` and `times` on the virtual clock. Real bash's figures vary run to run, so these are checked
 * against the format's rules (execute_cmd.c's print_formatted_time) and the machine's own clock.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEFORMAT, formatTimes } from '../../../src/programs/shell/timing.js';
import { bashC, dashC } from './harness.js';

describe('TIMEFORMAT', () => {
  it('formats as bash does: precision digits, l for minutes, %P, %%', () => {
    expect(formatTimes(DEFAULT_TIMEFORMAT, 61_002.4, 3.5, 0)).toBe('\nreal\t1m1.002s\nuser\t0m0.004s\nsys\t0m0.000s');
    expect(formatTimes('real %2R user %2U', 2_009, 0, 0)).toBe('real 2.00 user 0.00');
    expect(formatTimes('%0R|%1lR|%3R', 1_999.6, 0, 0)).toBe('2|0m2.0s|2.000');
    expect(formatTimes('%P%% %X', 200, 50, 0)).toBe('25.00% %X');
  });
});

describe('time', () => {
  it('times a pipeline on the virtual clock and reports on the shell\'s stderr, not the command\'s', async () => {
    const r = await bashC('time -p sleep 2 2>/dev/null; echo $?; time -p ! true; echo $?');
    expect(r.out).toBe('real 2.00\nuser 0.00\nsys 0.00\n0\nreal 0.00\nuser 0.00\nsys 0.00\n1\n');
  });

  it('adds up the CPU of the children it waited for', async () => {
    const r = await bashC('TIMEFORMAT=%3U; time (i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done); times | wc -l');
    expect(Number(r.out.split('\n')[0])).toBeGreaterThan(0);
    expect(r.out.split('\n')[1]).toBe('2');
  });

  it('is a command name in dash, not a reserved word', async () => {
    expect((await dashC('time true')).out).toBe('sh: 1: time: not found\n');
  });
});
