/**
 * The embed's compact daemon view, fed while shown. In a chunk of its own: a docs page whose reader never
 * opens the view never loads the panels or their feed.
 */
import { useContext, useEffect } from 'react';
import { DaemonPanel } from '../panels/DaemonPanel.js';
import type { QueryLoader } from '../panels/queryOf.js';
import { PanelStoreContext } from '../panels/usePanel.js';
import { connectPanel } from '../store/feed.js';

export default function LivePanel({ query }: { readonly query: QueryLoader }): React.JSX.Element {
  // The page's store, or an instance's own where several simulators share a page (src/ui/package/).
  const store = useContext(PanelStoreContext);
  useEffect(() => {
    let feed: { dispose(): void } | undefined;
    let gone = false;
    void query().then((q) => {
      if (!gone) feed = connectPanel(store, q);
    });
    return () => {
      gone = true;
      feed?.dispose();
    };
  }, [store, query]);
  return <DaemonPanel />;
}
