/** The live daemon view: tabs for containers, images and the network, and the selected item's details. */
import { useRef } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { PanelTab } from '../store/panelStore.js';
import { ContainersPanel } from './ContainersPanel.js';
import { DetailPanel } from './DetailPanel.js';
import { ImagesPanel } from './ImagesPanel.js';
import { NetworkPanel } from './NetworkPanel.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: { label: 'Docker daemon', containers: 'Containers ({n})', images: 'Images ({n})', network: 'Network' },
  zh: { label: 'Docker 守护进程', containers: '容器（{n}）', images: '镜像（{n}）', network: '网络' },
});

const TABS: readonly PanelTab[] = ['containers', 'images', 'network'];

export function DaemonPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const tab = usePanel((s) => s.tab);
  const nContainers = usePanel((s) => s.order.length);
  const nImages = usePanel((s) => s.images.images.length);
  const { setTab } = usePanelActions();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const label = (k: PanelTab): string => (k === 'network' ? t('network') : t(k, { n: k === 'containers' ? nContainers : nImages }));

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
      <div className="panel-body" role="tabpanel" id={`panel-body-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
        {tab === 'containers' && <ContainersPanel />}
        {tab === 'images' && <ImagesPanel />}
        {tab === 'network' && <NetworkPanel />}
      </div>
      <DetailPanel />
    </div>
  );
}
