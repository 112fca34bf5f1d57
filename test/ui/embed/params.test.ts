/** `embed.html?…` addresses, as docs authors write them by hand. */
import { describe, expect, it } from 'vitest';
import { embedParams, MAX_COMMAND_LENGTH, MAX_COMMANDS, parseCommands, parseSeed, storeName } from '../../../src/ui/embed/params.js';

describe('embedParams', () => {
  it('reads every parameter', () => {
    const p = embedParams('?cmd=docker%20run%20hello-world&seed=3&locale=zh&lesson=ch01-01-client-server&panel=1&persist=1&test=1');
    expect(p).toEqual({
      cmds: ['docker run hello-world'],
      seed: 3,
      locale: 'zh',
      lesson: 'ch01-01-client-server',
      user: 'sudo',
      panel: true,
      persist: true,
      testHooks: true,
    });
  });

  it('falls back to defaults for what is missing or malformed', () => {
    expect(embedParams('')).toEqual({
      cmds: [], seed: 1, locale: null, lesson: null, user: 'docker', panel: false, persist: false, testHooks: false,
    });
    const p = embedParams('?seed=-4&locale=fr&lesson=../../etc&panel=no&persist=0');
    expect([p.seed, p.locale, p.lesson, p.panel, p.persist]).toEqual([1, null, null, false, false]);
    expect(embedParams('?seed=12abc').seed).toBe(1);
    expect(embedParams('?seed=1234567890').seed).toBe(1);
  });

  it('starts a docs example in group docker, and a lesson where the book starts, unless told', () => {
    expect(embedParams('?cmd=docker%20ps').user).toBe('docker');
    expect(embedParams('?lesson=ch02-01-install').user).toBe('sudo');
    expect(embedParams('?user=sudo').user).toBe('sudo');
    expect(embedParams('?lesson=ch02-01-install&user=docker').user).toBe('docker');
    expect(embedParams('?user=root').user).toBe('docker');
  });

  it('takes flags written bare or as true', () => {
    expect(embedParams('?panel&persist=true').panel).toBe(true);
    expect(embedParams('?panel&persist=true').persist).toBe(true);
  });

  it('takes commands from repeated cmd parameters and from lines of one', () => {
    expect(embedParams('?cmd=echo+a&cmd=echo%20b%0Aecho%20c%0D%0A%0Aecho%20d').cmds).toEqual(['echo a', 'echo b', 'echo c', 'echo d']);
  });
});

describe('parseCommands', () => {
  it('keeps markup and quotes as plain text to type', () => {
    expect(parseCommands(['echo "<script>alert(1)</script>"'])).toEqual(['echo "<script>alert(1)</script>"']);
  });

  it('drops control characters, so a command cannot send Ctrl-C or escape sequences', () => {
    expect(parseCommands(['echo a\u0003b\u001b[2Jc\u007f\td'])).toEqual(['echo ab[2Jcd']);
  });

  it('skips blank lines and caps the number and length of commands', () => {
    expect(parseCommands(['', '   ', '\n\n'])).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `echo ${i}`);
    expect(parseCommands([many.join('\n')])).toHaveLength(MAX_COMMANDS);
    expect(parseCommands(['x'.repeat(5000)])[0]).toHaveLength(MAX_COMMAND_LENGTH);
  });
});

describe('parseSeed', () => {
  it('takes decimal digits only', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(null)).toBe(1);
    expect(parseSeed('4.2')).toBe(1);
    expect(parseSeed('0x10')).toBe(1);
  });
});

describe('storeName', () => {
  it('is never the app database and differs per example', () => {
    const a = storeName({ cmds: ['echo hi'], seed: 1, lesson: null, user: 'docker' });
    expect(a).toMatch(/^dockersim-embed-[0-9a-f]{8}$/);
    expect(storeName({ cmds: ['echo hi'], seed: 1, lesson: null, user: 'docker' })).toBe(a);
    expect(storeName({ cmds: ['echo hi'], seed: 2, lesson: null, user: 'docker' })).not.toBe(a);
    expect(storeName({ cmds: ['echo ho'], seed: 1, lesson: null, user: 'docker' })).not.toBe(a);
    expect(storeName({ cmds: ['echo hi'], seed: 1, lesson: 'ch01-01-client-server', user: 'docker' })).not.toBe(a);
    expect(storeName({ cmds: ['echo hi'], seed: 1, lesson: null, user: 'sudo' })).not.toBe(a);
  });

  it('keeps the database an example had before the user parameter existed', () => {
    // The name `?cmd=echo hi` has saved under since persistent embeds exist (FNV-1a of [["echo hi"],1,null]).
    expect(storeName({ cmds: ['echo hi'], seed: 1, lesson: null, user: 'docker' })).toBe('dockersim-embed-494a3863');
  });
});
