/**
 * The audience window: one slide at a time, full page, with its live terminal on the deck's machine; a thin bar
 * with the position, the way back and forth, the presenter window and full screen. Keys: deckKey (keys.ts).
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Deck, DeckCommand } from '../../lessons/decks/index.js';
import { keyCode } from '../../lessons/solution.js';
import type { TerminalDeck } from '../controls/terminalDeck.js';
import { Notices } from '../controls/Notices.js';
import { defineMessages, useMessages } from '../i18n.js';
import '../panels/panels.css';
import { deckKey } from './keys.js';
import { LiveTerminal } from './LiveTerminal.js';
import { nextPosition, prevPosition, type NavStore } from './nav.js';
import { SlideView } from './SlideView.js';
import type { DeckSync } from './sync.js';

const messages = defineMessages({
  en: {
    prev: 'Previous',
    next: 'Next',
    presenter: 'Presenter window',
    presenterTitle: 'Notes, timer and the next slide, in a window of their own (key P)',
    fullscreen: 'Full screen',
    fullscreenTitle: 'Full screen (key F)',
    reset: 'New machine',
    resetTitle: 'Start the deck again on a fresh machine (the next class)',
    resetConfirm: 'Start on a fresh machine? Every container, image and terminal of this deck is lost.',
    command: 'Type it into the terminal (Enter is yours)',
    position: 'Slide {n} of {total}',
  },
  zh: {
    prev: '上一页',
    next: '下一页',
    presenter: '演讲者窗口',
    presenterTitle: '在单独的窗口中显示备注、计时器和下一页（快捷键 P）',
    fullscreen: '全屏',
    fullscreenTitle: '全屏（快捷键 F）',
    reset: '新机器',
    resetTitle: '在一台全新的机器上重新开始（给下一个班上课）',
    resetConfirm: '要换一台全新的机器吗？这套幻灯片的所有容器、镜像和终端都会丢失。',
    command: '输入到终端中（由你按回车）',
    position: '第 {n} 页，共 {total} 页',
  },
});

export interface DeckAppProps {
  readonly deck: Deck;
  readonly nav: NavStore;
  readonly sync: DeckSync;
  readonly screens: TerminalDeck;
  readonly machine: object;
  /** Which of the session's terminals a slide's terminal name is. */
  readonly terminalIndex: (name: string) => number;
  /** Types into session terminal `id` as its keyboard would. */
  readonly typeInto: (id: number, text: string) => void;
  readonly presenterHref: string;
  /** Forgets the deck's saved machine and reloads onto a fresh one. */
  readonly resetMachine: () => void;
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function DeckApp({ deck, nav, sync, screens, machine, terminalIndex, typeInto, presenterHref, resetMachine }: DeckAppProps): React.JSX.Element {
  const t = useMessages(messages);
  const pos = useSyncExternalStore(nav.subscribe, () => nav.getState().pos);
  const slide = deck.slides[pos.slide - 1];
  const openPresenter = (): void => void window.open(presenterHref, `dockersim-presenter-${deck.id}`, 'width=1100,height=720');
  const next = (): void => sync.go(nextPosition(deck.slides, nav.getState().pos));
  const prev = (): void => sync.go(prevPosition(deck.slides, nav.getState().pos));

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const k = deckKey(e, e.target);
      if (!k) return;
      e.preventDefault();
      e.stopPropagation();
      const p = nav.getState().pos;
      if (k === 'next') sync.go(nextPosition(deck.slides, p));
      else if (k === 'prev') sync.go(prevPosition(deck.slides, p));
      else if (k === 'first') sync.go({ slide: 1, step: 0 });
      else if (k === 'last') sync.go({ slide: deck.slides.length, step: deck.slides[deck.slides.length - 1]?.fragments ?? 0 });
      else if (k === 'fullscreen') toggleFullscreen();
      else openPresenter();
    };
    // Capture: xterm handles (and swallows) keys in its own textarea; PageUp/PageDown must reach the deck first.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  useEffect(() => {
    document.title = `${slide?.title || deck.title} · ${deck.title}`;
  }, [slide, deck]);

  const index = slide?.terminal ? terminalIndex(slide.terminal.name) : -1;
  const onCommand = (c: DeckCommand): void => {
    const id = screens.store.getState().ids[index];
    if (id === undefined) return;
    const text = c.text.trim();
    // A key line (`<Ctrl-C>`) sends those keys; a command is typed without Enter.
    const keys = /^(?:<[^<>\s]+>)+$/.test(text) ? [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => keyCode(m[1]) ?? '').join('') : text;
    typeInto(id, keys);
  };

  return (
    <div className="deck-page">
      <main className="deck-stage">
        {slide && (
          <SlideView
            key={slide.number}
            slide={slide}
            step={pos.step}
            onCommand={onCommand}
            commandTitle={t('command')}
            live={slide.terminal && <LiveTerminal screens={screens} index={index} panel={slide.terminal.panel} machine={machine} />}
          />
        )}
      </main>
      <footer className="deck-bar">
        <span className="deck-title">{deck.title}</span>
        <Notices />
        <button type="button" onClick={prev} aria-label={t('prev')} title={t('prev')}>
          ◀
        </button>
        <span className="deck-position" aria-label={t('position', { n: pos.slide, total: deck.slides.length })}>
          {pos.slide} / {deck.slides.length}
        </span>
        <button type="button" onClick={next} aria-label={t('next')} title={t('next')}>
          ▶
        </button>
        <button type="button" className="deck-open-presenter" onClick={openPresenter} title={t('presenterTitle')}>
          {t('presenter')}
        </button>
        <button type="button" onClick={toggleFullscreen} title={t('fullscreenTitle')}>
          {t('fullscreen')}
        </button>
        <button type="button" className="deck-reset" onClick={() => window.confirm(t('resetConfirm')) && resetMachine()} title={t('resetTitle')}>
          {t('reset')}
        </button>
      </footer>
    </div>
  );
}
