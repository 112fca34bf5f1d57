/**
 * Where a deck is: the slide (1-based) and how many of its fragments are shown. Moving is pure (next/prev
 * over slides and fragments); the store holds the position both windows show, and `sync.ts` keeps it equal
 * between the audience window and the presenter window.
 */
import { createStore } from 'zustand/vanilla';
import type { Slide } from '../../lessons/decks/index.js';

export interface DeckPosition {
  readonly slide: number;
  /** Fragments shown on that slide: 0 … its fragment count. */
  readonly step: number;
}

type Slides = readonly Pick<Slide, 'fragments'>[];

export function clampPosition(slides: Slides, p: DeckPosition): DeckPosition {
  const slide = Math.min(Math.max(1, Math.trunc(p.slide) || 1), Math.max(1, slides.length));
  const max = slides[slide - 1]?.fragments ?? 0;
  return { slide, step: Math.min(Math.max(0, Math.trunc(p.step) || 0), max) };
}

/** The next fragment, else the next slide with nothing revealed; the last step stays. */
export function nextPosition(slides: Slides, p: DeckPosition): DeckPosition {
  const frags = slides[p.slide - 1]?.fragments ?? 0;
  if (p.step < frags) return { slide: p.slide, step: p.step + 1 };
  if (p.slide < slides.length) return { slide: p.slide + 1, step: 0 };
  return p;
}

/** The previous fragment hidden again, else the previous slide fully revealed (as the audience last saw it). */
export function prevPosition(slides: Slides, p: DeckPosition): DeckPosition {
  if (p.step > 0) return { slide: p.slide, step: p.step - 1 };
  if (p.slide > 1) return { slide: p.slide - 1, step: slides[p.slide - 2]?.fragments ?? 0 };
  return p;
}

export interface NavState {
  readonly pos: DeckPosition;
}

export function navStore(start: DeckPosition) {
  return createStore<NavState>()(() => ({ pos: start }));
}

export type NavStore = ReturnType<typeof navStore>;
