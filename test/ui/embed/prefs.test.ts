/** The language and presenter-mode preferences and what they do to the document. */
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../../src/ui/i18n.js';
import { htmlLang, initialLocale, initialPresenter, LOCALE_KEY, PRESENTER_KEY, setupDisplay, usePresenter } from '../../../src/ui/presenter/prefs.js';

class MemoryStorage {
  readonly m = new Map<string, string>();
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

/** Just what setupDisplay touches of `<html>`. */
function fakeRoot(): { lang: string; classes: Set<string>; classList: { toggle(c: string, on: boolean): void } } {
  const classes = new Set<string>();
  return { lang: '', classes, classList: { toggle: (c, on) => void (on ? classes.add(c) : classes.delete(c)) } };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('initialLocale', () => {
  it('takes ?locale= first, then the stored choice, then the browser', () => {
    expect(initialLocale('?locale=zh', ['en-US'], 'en')).toBe('zh');
    expect(initialLocale('', ['en-US'], 'zh')).toBe('zh');
    expect(initialLocale('', ['zh-TW', 'en'], null)).toBe('zh');
    expect(initialLocale('', ['fr'], 'de')).toBe('en');
    expect(initialLocale('?locale=fr', ['zh-CN'], 'en')).toBe('zh');
  });
});

describe('initialPresenter', () => {
  it('takes ?presenter= first, then the stored choice; off by default', () => {
    expect(initialPresenter('?presenter=1', '0')).toBe(true);
    expect(initialPresenter('?presenter=0', '1')).toBe(false);
    expect(initialPresenter('', '1')).toBe(true);
    expect(initialPresenter('', null)).toBe(false);
  });
});

describe('setupDisplay', () => {
  it('follows changes in <html lang> and the presenter class, and keeps them', () => {
    const storage = new MemoryStorage();
    const root = fakeRoot();
    stop = setupDisplay({ search: '', languages: ['en-GB'], storage: storage as unknown as Storage, root: root as unknown as HTMLElement });
    expect([useLocale.getState().locale, root.lang, usePresenter.getState().on, root.classes.has('is-presenter')]).toEqual(['en', 'en', false, false]);
    expect(storage.m.size).toBe(0);

    useLocale.getState().setLocale('zh');
    usePresenter.getState().set(true);
    expect(root.lang).toBe(htmlLang('zh'));
    expect(root.lang).toBe('zh-CN');
    expect(root.classes.has('is-presenter')).toBe(true);
    expect([storage.getItem(LOCALE_KEY), storage.getItem(PRESENTER_KEY)]).toEqual(['zh', '1']);
  });

  it('starts from what was kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(LOCALE_KEY, 'zh');
    storage.setItem(PRESENTER_KEY, '1');
    const root = fakeRoot();
    stop = setupDisplay({ search: '', languages: ['en'], storage: storage as unknown as Storage, root: root as unknown as HTMLElement });
    expect([root.lang, root.classes.has('is-presenter')]).toEqual(['zh-CN', true]);
  });

  it('for an embed: reads the language, takes presenter mode from the address only, keeps nothing', () => {
    const storage = new MemoryStorage();
    storage.setItem(LOCALE_KEY, 'zh');
    storage.setItem(PRESENTER_KEY, '1');
    const root = fakeRoot();
    stop = setupDisplay({ search: '', languages: ['en'], storage: storage as unknown as Storage, keep: false, root: root as unknown as HTMLElement });
    expect([root.lang, root.classes.has('is-presenter')]).toEqual(['zh-CN', false]);
    useLocale.getState().setLocale('en');
    expect(root.lang).toBe('en');
    expect(storage.getItem(LOCALE_KEY)).toBe('zh');
  });

  it('survives storage that throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const root = fakeRoot();
    stop = setupDisplay({ search: '?presenter=1', languages: ['en'], storage: broken as unknown as Storage, root: root as unknown as HTMLElement });
    usePresenter.getState().set(false);
    expect(root.classes.has('is-presenter')).toBe(false);
  });
});
