/**
 * The embedded simulator's page: the terminal filling the frame, a compact daemon view that a button folds in
 * and out, and a link to the full app. No session menu, tabs or time controls: a docs page shows one example.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { Notices } from '../controls/Notices.js';
import { defineMessages, useMessages } from '../i18n.js';
import { queryOf } from '../panels/queryOf.js';
import '../panels/panels.css';
import type { TerminalScreen } from '../terminalScreen.js';
import { TerminalView } from '../TerminalView.js';
import type { LessonController } from '../lessons/controller.js';

const LessonPanel = lazy(() => import('../lessons/LessonPanel.js'));
const LivePanel = lazy(() => import('./LivePanel.js'));

const messages = defineMessages({
  en: { show: 'Daemon view', hide: 'Hide daemon view', open: 'Open in dockersim ↗', openTitle: 'The full simulator, in a new tab' },
  zh: { show: '守护进程视图', hide: '隐藏守护进程视图', open: '在 dockersim 中打开 ↗', openTitle: '在新标签页中打开完整的模拟器' },
});

export interface EmbedAppProps {
  readonly machine: object;
  readonly screen: TerminalScreen;
  readonly panel: boolean;
  /** The full app's address for this example; no link without one (the npm package's component). */
  readonly appHref?: string;
  /** `?lesson=`: the lesson feature, shown beside the terminal. */
  readonly lessons?: LessonController;
  readonly typeIntoTerminal?: (text: string) => void;
}

export function EmbedApp({ machine, screen, panel, appHref, lessons, typeIntoTerminal }: EmbedAppProps): React.JSX.Element {
  const t = useMessages(messages);
  const query = queryOf(machine);
  const [open, setOpen] = useState(panel);
  const shown = open && query !== null;
  // Unique per instance: several can share a page.
  const panelId = `embed-daemon-view${useId().replace(/:/g, '')}`;

  return (
    <div className={`embed${shown ? ' has-panel' : ''}`}>
      <main className="embed-main">
        <div className="embed-terminal">
          <TerminalView screen={screen} />
        </div>
        {(shown || lessons) && (
          <div className={`embed-side${lessons ? ' has-lesson' : ''}`}>
            {lessons && (
              <div className="embed-lesson">
                <Suspense fallback={null}>
                  <LessonPanel controller={lessons} typeIntoTerminal={typeIntoTerminal ?? (() => {})} />
                </Suspense>
              </div>
            )}
            {shown && (
              <aside className="embed-panel" id={panelId}>
                {/* Fed only while shown: an embed nobody looks at should cost nothing. */}
                <Suspense fallback={null}>
                  <LivePanel query={query} />
                </Suspense>
              </aside>
            )}
          </div>
        )}
      </main>
      <footer className="embed-bar">
        {query && (
          <button type="button" className="embed-toggle" aria-expanded={shown} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
            {t(shown ? 'hide' : 'show')}
          </button>
        )}
        <Notices />
        {appHref !== undefined && (
          <a className="embed-open" href={appHref} target="_blank" rel="noopener" title={t('openTitle')}>
            {t('open')}
          </a>
        )}
      </footer>
    </div>
  );
}
