/**
 * The command table against the real redis-server 7.0.15: testdata/real-7.0.15.jsonl holds its raw replies to
 * testdata/commands.txt (capture.py), and the simulated table must give the same bytes in the same order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../src/programs/redis/commands/table.js';
import { encode } from '../../../src/programs/redis/resp.js';
import { fakeServer } from './fakeServer.js';

const real = readFileSync(join(__dirname, 'testdata', 'real-7.0.15.jsonl'), 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l) as { cmd: string[]; reply: string });

describe('redis commands match redis-server 7.0.15', () => {
  it('replies byte for byte, in order', async () => {
    const { ctx } = fakeServer('7.0.15');
    const got: string[] = [];
    for (const { cmd } of real) {
      const r = await execute(ctx, cmd);
      got.push(`${cmd.join(' ')} => ${r === null ? '(closed)' : JSON.stringify(encode(r))}`);
    }
    expect(got).toEqual(real.map(({ cmd, reply }) => `${cmd.join(' ')} => ${JSON.stringify(reply)}`));
  });
});

describe('expiry on the virtual clock', () => {
  it('SET EX, TTL rounding, PTTL, and the key gone once the clock passes it', async () => {
    const { ctx, clock } = fakeServer();
    expect(encode((await execute(ctx, ['SET', 'k', 'v', 'EX', '10']))!)).toBe('+OK\r\n');
    clock.now += 4_400;
    expect(encode((await execute(ctx, ['TTL', 'k']))!)).toBe(':6\r\n');
    expect(encode((await execute(ctx, ['PTTL', 'k']))!)).toBe(':5600\r\n');
    clock.now += 5_600;
    expect(encode((await execute(ctx, ['GET', 'k']))!)).toBe('$-1\r\n');
    expect(encode((await execute(ctx, ['TTL', 'k']))!)).toBe(':-2\r\n');
  });

  it('EXPIRE 0 deletes at once; SET drops a TTL; PERSIST keeps the key', async () => {
    const { ctx } = fakeServer();
    await execute(ctx, ['SET', 'a', '1']);
    expect(encode((await execute(ctx, ['EXPIRE', 'a', '0']))!)).toBe(':1\r\n');
    expect(encode((await execute(ctx, ['EXISTS', 'a']))!)).toBe(':0\r\n');
    await execute(ctx, ['SET', 'b', '1', 'PX', '5000']);
    await execute(ctx, ['SET', 'b', '2']);
    expect(encode((await execute(ctx, ['TTL', 'b']))!)).toBe(':-1\r\n');
  });
});

describe('builds word their errors as they did', () => {
  it('6.0 quotes an unknown command with backticks', async () => {
    const { ctx } = fakeServer('6.0.16');
    expect(encode((await execute(ctx, ['foo', 'a']))!)).toBe('-ERR unknown command `foo`, with args beginning with: `a`, \r\n');
  });

  it('a real command the simulation lacks says so instead of "unknown command"', async () => {
    const { ctx } = fakeServer();
    expect(encode((await execute(ctx, ['MULTI']))!)).toBe('-ERR dockersim: MULTI is not simulated\r\n');
  });
});

describe('protected mode', () => {
  it('refuses a non-loopback client only without a password and with protected-mode on', async () => {
    const { protectedModeRefuses } = await import('../../../src/programs/redis/server.js');
    const on = new Map([['protected-mode', 'yes'], ['requirepass', '']]);
    expect(protectedModeRefuses(on, '172.17.0.3:41234')).toBe(true);
    expect(protectedModeRefuses(on, '127.0.0.1:41234')).toBe(false);
    expect(protectedModeRefuses(new Map([['protected-mode', 'yes'], ['requirepass', 'pw']]), '172.17.0.3:1')).toBe(false);
    expect(protectedModeRefuses(new Map([['protected-mode', 'no']]), '172.17.0.3:1')).toBe(false);
  });
});

describe('doubles in replies', () => {
  it('7.0 prints %.17g, 8.0 the shortest text that reads back', async () => {
    for (const [version, want] of [['7.0.15', '0.10000000000000001'], ['8.0.2', '0.1']]) {
      const { ctx } = fakeServer(version);
      await execute(ctx, ['ZADD', 'z', '0.1', 'm']);
      expect(encode((await execute(ctx, ['ZSCORE', 'z', 'm']))!)).toBe(`$${want.length}\r\n${want}\r\n`);
    }
  });
});
