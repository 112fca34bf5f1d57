/**
 * redis-cli's reply formatting against the real redis-cli 7.0.15: testdata/cli-real-7.0.15.jsonl holds what it
 * printed for each command on a terminal and piped (capture_cli.py ran each twice, in that order), and the
 * simulated table plus formatter must print the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/programs/redis/cli.js';
import { execute } from '../../../src/programs/redis/commands/table.js';
import { fakeServer } from './fakeServer.js';

const real = readFileSync(join(__dirname, 'testdata', 'cli-real-7.0.15.jsonl'), 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l) as { cmd: string[]; tty: string; raw: string });

describe('redis-cli prints replies as redis-cli 7.0.15 does', () => {
  it('on a terminal and piped', async () => {
    const { ctx } = fakeServer('7.0.15');
    const got: string[] = [];
    const want: string[] = [];
    for (const { cmd, tty, raw } of real) {
      // One-shot redis-cli connects afresh each time: the database is always 0.
      ctx.client.db = 0;
      const a = await execute(ctx, cmd);
      ctx.client.db = 0;
      const b = await execute(ctx, cmd);
      got.push(`${cmd.join(' ')}\n${render(a!, cmd, false)}--\n${render(b!, cmd, true)}`);
      want.push(`${cmd.join(' ')}\n${tty}--\n${raw}`);
    }
    expect(got).toEqual(want);
  });
});
