/**
 * The presenter window: the current slide as the room sees it (fragments included), the next step or slide, the
 * speaker notes, and a timer. It runs no machine: a live terminal is a placeholder here, and moving in either
 * window moves both (sync.ts).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Deck } from '../../lessons/decks/index.js';
import { defineMessages, useMessages } from '../i18n.js';
import { deckKey } from './keys.js';
import { nextPosition, prevPosition, type NavStore } from './nav.js';
import { renderSlideMarkdown } from './render.js';
import { SlideView } from './SlideView.js';
import type { DeckSync } from './sync.js';

const messages = defineMessages({
  en: {
    current: 'Now',
    next: 'Next',
    end: 'End of the deck',
    notes: 'Notes',
    noNotes: 'No notes for this slide.',
    live: 'Live terminal “{name}” (in the audience window)',
    step: 'step {step} of {steps}',
    pause: 'Pause',
    resume: 'Resume',
    reset: 'Reset',
    prev: 'Previous',
    nextButton: 'Next',
  },
  zh: {
    current: '当前',
    next: '下一步',
    end: '已是最后一页',
    notes: '备注',
    noNotes: '这一页没有备注。',
    live: '实时终端“{name}”（在观众窗口中）',
    step: '第 {step} 步，共 {steps} 步',
    pause: '暂停',
    resume: '继续',
    reset: '重置',
    prev: '上一页',
    nextButton: '下一页',
  },
});

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** Real time since the window opened, pausable: the talk's clock, not the machine's. */
function useTimer(): { text: string; running: boolean; toggle(): void; reset(): void } {
  const [base, setBase] = useState(() => ({ from: Date.now(), before: 0, running: true }));
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, []);
  const elapsed = base.before + (base.running ? Date.now() - base.from : 0);
  return {
    text: clock(elapsed),
    running: base.running,
    toggle: () => setBase((b) => (b.running ? { ...b, before: b.before + Date.now() - b.from, running: false } : { ...b, from: Date.now(), running: true })),
    reset: () => setBase((b) => ({ from: Date.now(), before: 0, running: b.running })),
  };
}

export function PresenterApp({ deck, nav, sync }: { deck: Deck; nav: NavStore; sync: DeckSync }): React.JSX.Element {
  const t = useMessages(messages);
  const pos = useSyncExternalStore(nav.subscribe, () => nav.getState().pos);
  const timer = useTimer();
  const slide = deck.slides[pos.slide - 1];
  const after = nextPosition(deck.slides, pos);
  const nextSlide = after === pos ? undefined : deck.slides[after.slide - 1];
  const notes = useMemo(() => (slide?.notes ? renderSlideMarkdown(slide.notes) : ''), [slide]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const k = deckKey(e, e.target);
      if (!k || k === 'presenter' || k === 'fullscreen') return;
      e.preventDefault();
      const p = nav.getState().pos;
      if (k === 'next') sync.go(nextPosition(deck.slides, p));
      else if (k === 'prev') sync.go(prevPosition(deck.slides, p));
      else if (k === 'first') sync.go({ slide: 1, step: 0 });
      else sync.go({ slide: deck.slides.length, step: deck.slides[deck.slides.length - 1]?.fragments ?? 0 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = `${pos.slide}/${deck.slides.length} · ${deck.title}`;
  }, [pos, deck]);

  const placeholder = (name: string): React.JSX.Element => <div className="presenter-live">{t('live', { name })}</div>;
  return (
    <div className="presenter-page">
      <header className="presenter-bar">
        <span className="presenter-timer" aria-live="off">
          {timer.text}
        </span>
        <button type="button" onClick={timer.toggle}>
          {t(timer.running ? 'pause' : 'resume')}
        </button>
        <button type="button" onClick={timer.reset}>
          {t('reset')}
        </button>
        <span className="presenter-position">
          {pos.slide} / {deck.slides.length}
          {slide && slide.fragments > 0 && <> · {t('step', { step: pos.step, steps: slide.fragments })}</>}
        </span>
        <button type="button" onClick={() => sync.go(prevPosition(deck.slides, nav.getState().pos))}>
          ◀ {t('prev')}
        </button>
        <button type="button" onClick={() => sync.go(nextPosition(deck.slides, nav.getState().pos))}>
          {t('nextButton')} ▶
        </button>
      </header>
      <div className="presenter-main">
        <section className="presenter-current" aria-label={t('current')}>
          <h2 className="presenter-label">{t('current')}</h2>
          <div className="presenter-frame">{slide && <SlideView key={slide.number} slide={slide} step={pos.step} live={slide.terminal && placeholder(slide.terminal.name)} />}</div>
        </section>
        <section className="presenter-side">
          <div className="presenter-next" aria-label={t('next')}>
            <h2 className="presenter-label">{t('next')}</h2>
            <div className="presenter-frame is-small">
              {nextSlide ? (
                <SlideView key={`${after.slide}-${after.step}`} slide={nextSlide} step={after.step} live={nextSlide.terminal && placeholder(nextSlide.terminal.name)} />
              ) : (
                <p className="presenter-end">{t('end')}</p>
              )}
            </div>
          </div>
          <div className="presenter-notes" aria-label={t('notes')}>
            <h2 className="presenter-label">{t('notes')}</h2>
            {notes ? <div className="presenter-notes-text" dangerouslySetInnerHTML={{ __html: notes }} /> : <p>{t('noNotes')}</p>}
          </div>
        </section>
      </div>
    </div>
  );
}
