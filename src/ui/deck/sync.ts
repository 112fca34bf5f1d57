/**
 * The audience window and the presenter window show the same position: each announces its moves on a
 * BroadcastChannel named after the deck, and takes the other's without announcing them back. A presenter window
 * that opens asks (`hello`) and the audience window answers with where it is.
 */
import type { DeckPosition, NavStore } from './nav.js';

type Message = { readonly kind: 'go'; readonly pos: DeckPosition } | { readonly kind: 'hello' };

export interface DeckSync {
  /** Moves this window and tells the other. */
  go(pos: DeckPosition): void;
  dispose(): void;
}

export function channelName(deckId: string, locale: string): string {
  return `dockersim-deck:${deckId}:${locale}`;
}

export function deckSync(name: string, store: NavStore, role: 'audience' | 'presenter', clamp: (p: DeckPosition) => DeckPosition): DeckSync {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  const post = (m: Message): void => channel?.postMessage(m);
  if (channel) {
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (m?.kind === 'go') store.setState({ pos: clamp(m.pos) });
      else if (m?.kind === 'hello' && role === 'audience') post({ kind: 'go', pos: store.getState().pos });
    };
  }
  if (role === 'presenter') post({ kind: 'hello' });
  return {
    go(pos) {
      const p = clamp(pos);
      store.setState({ pos: p });
      post({ kind: 'go', pos: p });
    },
    dispose() {
      channel?.close();
    },
  };
}
