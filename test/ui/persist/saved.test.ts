import { describe, expect, it } from 'vitest';
import { BadSave, parseSaved, SAVE_FORMAT } from '../../../src/ui/persist/saved.js';
import { JOURNAL_FORMAT } from '../../../src/machine/journal.js';
import { keptFrom, switchedText } from '../../../src/ui/persist/machines.js';
import { carryLessons } from '../../../src/ui/lessons/saved.js';

const good = {
  format: SAVE_FORMAT,
  journalFormat: JOURNAL_FORMAT,
  seed: 4,
  journal: [
    { step: 0, at: 0, kind: 'open', term: 0, rows: 24, cols: 80 },
    { step: 12, at: 0.5, kind: 'keys', term: 0, data: 'ls\r' },
    { step: 30, at: 0.75, kind: 'write', target: { kind: 'host' }, path: '/home/user/Dockerfile', data: 'FROM busybox\n' },
    { step: 31, at: 0.75, kind: 'write', target: { kind: 'container', id: 'abc' }, path: '/etc/motd', data: '' },
    { step: 35, at: 0.9, kind: 'http', method: 'GET', address: '127.0.0.1', port: 8080, path: '/', headers: [['Accept', '*/*']] },
  ],
  head: { step: 40, at: 1200.25 },
  layout: { active: 0, split: true },
  prefs: { speed: 10 },
  lessons: { chapter3: ['run'] },
  editor: { shown: true, file: { target: { kind: 'host' }, path: '/home/user/Dockerfile' } },
  savedAt: 1700000000000,
};

function reason(text: string): string {
  try {
    parseSaved(text);
  } catch (e) {
    return e instanceof BadSave ? `${e.reason}: ${e.message}` : `other: ${String(e)}`;
  }
  return 'ok';
}

describe('saved session format', () => {
  it('reads back what was written', () => {
    expect(parseSaved(JSON.stringify(good))).toEqual(good);
  });

  it('fills in page parts an older writer left out', () => {
    const { layout: _l, prefs: _p, lessons: _x, editor: _e, savedAt: _s, ...machineOnly } = good;
    const s = parseSaved(JSON.stringify(machineOnly));
    expect([s.layout, s.prefs, s.lessons, s.editor, s.savedAt]).toEqual([{ active: 0, split: false }, { speed: 1 }, null, null, 0]);
  });

  it('says what is wrong with a save it cannot use', () => {
    expect(reason('{"format": 1, "journal": [')).toMatch(/^json: /);
    expect(reason(JSON.stringify({ ...good, format: 99 }))).toBe(`version: format 99/${JOURNAL_FORMAT}, expected ${SAVE_FORMAT}/${JOURNAL_FORMAT}`);
    expect(reason(JSON.stringify({ ...good, journalFormat: 0 }))).toMatch(/^version: /);
    expect(reason(JSON.stringify({ ...good, seed: 'x' }))).toBe('shape: seed');
    expect(reason(JSON.stringify({ ...good, journal: [good.journal[0], { step: 1, at: 1, kind: 'keys', term: 0 }] }))).toBe('shape: journal entry 1');
    expect(reason(JSON.stringify({ ...good, journal: [{ step: 1, at: 1, kind: 'reboot', term: 0 }] }))).toBe('shape: journal entry 0');
    expect(reason(JSON.stringify({ ...good, journal: [{ step: 1, at: 1, kind: 'write', target: { kind: 'host' }, path: '/f' }] }))).toBe('shape: journal entry 0');
    expect(reason(JSON.stringify({ ...good, journal: [{ step: 1, at: 1, kind: 'write', target: { kind: 'vm' }, path: '/f', data: '' }] }))).toBe('shape: journal entry 0');
    expect(reason(JSON.stringify({ ...good, journal: [{ step: 1, at: 1, kind: 'http', method: 'GET', address: '127.0.0.1', port: 80, path: '/', headers: [['Accept']] }] }))).toBe('shape: journal entry 0');
    expect(reason(JSON.stringify({ ...good, journal: [{ step: 1, at: 1, kind: 'http', method: 'POST', address: '127.0.0.1', port: 80, path: '/', headers: [] }] }))).toBe('shape: journal entry 0');
    expect(reason(JSON.stringify({ ...good, head: { step: 1 } }))).toBe('shape: head');
    expect(reason('null')).toBe('shape: not an object');
  });
});

describe('switching machines', () => {
  it('carries the learner’s lesson progress to the kept machine, which keeps its own open lesson', () => {
    const base = { format: SAVE_FORMAT, journalFormat: JOURNAL_FORMAT, seed: 1, journal: [], head: { step: 0, at: 0 }, savedAt: 1 };
    const own = { ...base, lessons: { v: 1, current: null, progress: null, finished: ['a'], done: { b: ['x'] }, machine: null } };
    const lesson = { ...base, lessons: { v: 1, current: 'c', progress: null, finished: ['c'], done: { b: ['y'], c: ['z'] }, machine: 'c' } };
    const next = JSON.parse(switchedText({ kept: JSON.stringify(own), shown: JSON.stringify(lesson), carry: carryLessons })) as { lessons: unknown };
    expect(next.lessons).toEqual({ v: 1, current: null, progress: null, finished: ['a', 'c'], done: { b: ['x', 'y'], c: ['z'] }, machine: null });
    expect(keptFrom(JSON.stringify(lesson))).toEqual({ lesson: 'c' });
    expect(keptFrom(JSON.stringify(own))).toEqual({ lesson: null });
    expect(keptFrom('not json')).toBeNull();
  });
});
