/**
 * The deck's keys. PageUp/PageDown move even while a terminal has the focus (what a presenter's clicker sends,
 * and nothing a shell needs on a slide); the arrows, Space, Home, End, `f` and `p` only when it does not: there
 * they belong to the shell.
 */
export type DeckKey = 'next' | 'prev' | 'first' | 'last' | 'fullscreen' | 'presenter';

export function deckKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, target: EventTarget | null): DeckKey | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'PageDown') return 'next';
  if (e.key === 'PageUp') return 'prev';
  const el = typeof Element === 'function' && target instanceof Element ? target : null;
  if (el?.closest('.xterm, input, textarea, select, [contenteditable="true"]')) return null;
  const onButton = el?.closest('button, a') !== null && el !== null;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return 'next';
    case ' ':
      // Space on a focused button presses it.
      if (onButton) return null;
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
      return 'fullscreen';
    case 'p':
      return 'presenter';
    default:
      return null;
  }
}
