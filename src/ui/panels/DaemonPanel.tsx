/**
 * The live daemon view: tabs for containers, images, the network and the event timeline, and the selected
 * item's details. The list and the details sit side by side where the view is wide enough (each scrolls on its
 * own), one under the other where it is not (they scroll together): never a scroll box inside another.
 */
import { useRef } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { PanelTab } from '../store/panelStore.js';
import { ContainersPanel } from './ContainersPanel.js';
import { DetailPanel } from './DetailPanel.js';
import { EventsPanel } from './EventsPanel.js';
import { ImagesPanel, listedImages } from './ImagesPanel.js';
import { NetworkPanel } from './NetworkPanel.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: { label: 'Docker daemon', containers: 'Containers ({n})', images: 'Images ({n})', network: 'Network', events: 'Events' },
  zh: { label: 'Docker 守护进程', containers: '容器（{n}）', images: '镜像（{n}）', network: '网络', events: '事件' },
});

const TABS: readonly PanelTab[] = ['containers', 'images', 'network', 'events'];

export function DaemonPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const tab = usePanel((s) => s.tab);
  const nContainers = usePanel((s) => s.order.length);
  // As `docker images` counts them: intermediate images are listed with -a only.
  const nImages = usePanel((s) => listedImages(s.images).length);
  const hasDetail = usePanel((s) => s.detail !== null);
  const { setTab } = usePanelActions();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const label = (k: PanelTab): string =>
    k === 'network' || k === 'events' ? t(k) : t(k, { n: k === 'containers' ? nContainers : nImages });

  const onKey = (e: React.KeyboardEvent, i: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (i + step + TABS.length) % TABS.length;
    setTab(TABS[next]);
    buttons.current[next]?.focus();
  };

  return (
    <div className="daemon-panel" aria-label={t('label')} role="region">
      <div className="panel-tabs" role="tablist" aria-label={t('label')}>
        {TABS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`panel-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-body-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className="panel-tab"
            onClick={() => setTab(k)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {label(k)}
          </button>
        ))}
      </div>
      <div className={`daemon-split${hasDetail ? ' has-detail' : ''}`}>
        <div className="panel-body" role="tabpanel" id={`panel-body-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
          {tab === 'containers' && <ContainersPanel />}
          {tab === 'images' && <ImagesPanel />}
          {tab === 'network' && <NetworkPanel />}
          {tab === 'events' && <EventsPanel />}
        </div>
        <DetailPanel />
      </div>
    </div>
  );
}
