/**
 * The embed's compact daemon view, fed while shown. In a chunk of its own: a docs page whose reader never
 * opens the view never loads the panels or their feed.
 */
import { useContext, useEffect } from 'react';
import type { DaemonQuery } from '../../engine/daemon/query.js';
import { DaemonPanel } from '../panels/DaemonPanel.js';
import { PanelStoreContext } from '../panels/usePanel.js';
import { connectPanel } from '../store/feed.js';

export default function LivePanel({ query }: { readonly query: DaemonQuery }): React.JSX.Element {
  // The page's store, or an instance's own where several simulators share a page (src/ui/package/).
  const store = useContext(PanelStoreContext);
  useEffect(() => {
    const feed = connectPanel(store, query);
    return () => feed.dispose();
  }, [store, query]);
  return <DaemonPanel />;
}
