/**
 * Images as stacks of read-only layers, bottom layer at the bottom. A layer has one colour wherever it
 * appears (from its digest), and a layer more than one image holds is marked shared: it is stored once.
 * Each container made from an image sits on top of its stack as a thin writable layer.
 */
import { memo, useMemo } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { findImage } from '../store/snapshot/images.js';
import type { ContainerView, ImageView, LayerView } from '../store/snapshot/types.js';
import { formatBytes, shortDigest } from './format.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: {
    empty: 'No images yet: docker pull or docker run fetches them.',
    dangling: '<none>',
    layer: 'layer {id} · {size}',
    shared: 'shared by {n} images',
    rw: '{name} (writable layer)',
    moreRw: '+{n} more containers',
    inspect: 'Inspect {name}',
  },
  zh: {
    empty: '还没有镜像：docker pull 或 docker run 会拉取镜像。',
    dangling: '<none>',
    layer: '层 {id} · {size}',
    shared: '{n} 个镜像共享',
    rw: '{name}（可写层）',
    moreRw: '另有 {n} 个容器',
    inspect: '查看 {name} 的详情',
  },
});

const MAX_RW = 6;

function hue(digest: string): number {
  return parseInt(digest.replace('sha256:', '').slice(0, 6), 16) % 360;
}

interface StackProps {
  readonly img: ImageView;
  readonly layers: Readonly<Record<string, LayerView>>;
  readonly containers: readonly ContainerView[];
  readonly selected: boolean;
  readonly highlighted: boolean;
}

const Stack = memo(function Stack({ img, layers, containers, selected, highlighted }: StackProps): React.JSX.Element {
  const t = useMessages(messages);
  const { select } = usePanelActions();
  const name = img.tags[0] ?? t('dangling');
  return (
    <li className={`istack${highlighted ? ' is-highlighted' : ''}`} data-image={name}>
      <ul className="ilayers">
        {containers.length > MAX_RW && <li className="irw irw-more">{t('moreRw', { n: containers.length - MAX_RW })}</li>}
        {containers.slice(0, MAX_RW).map((c) => (
          <li key={c.id} className={`irw state-${c.state}`}>
            <button type="button" className="link-button" onClick={() => select({ kind: 'container', id: c.id })}>
              {t('rw', { name: c.name })}
            </button>
          </li>
        ))}
        {[...img.layers].reverse().map((d, i) => {
          const l = layers[d];
          const shared = (l?.usedBy ?? 1) > 1;
          return (
            <li key={`${d}-${i}`} className={`ilayer${shared ? ' is-shared' : ''}`} style={{ '--layer-hue': hue(d) } as React.CSSProperties}>
              <span>{t('layer', { id: shortDigest(d), size: formatBytes(l?.size ?? 0) })}</span>
              {shared && <span className="ilayer-shared">{t('shared', { n: l.usedBy })}</span>}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="istack-name"
        aria-pressed={selected}
        aria-label={t('inspect', { name })}
        onClick={() => select({ kind: 'image', id: img.id })}
      >
        <span>{img.tags.join(', ') || name}</span>
        <span className="istack-meta">
          {shortDigest(img.id)} · {formatBytes(img.size)}
        </span>
      </button>
    </li>
  );
});

const NO_CONTAINERS: readonly ContainerView[] = [];

export function ImagesPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const view = usePanel((s) => s.images);
  const containers = usePanel((s) => s.containers);
  const order = usePanel((s) => s.order);
  const selection = usePanel((s) => s.selection);
  const highlight = usePanel((s) => s.highlight);
  const byImage = useMemo(() => {
    const m = new Map<string, ContainerView[]>();
    for (const id of order) {
      const c = containers[id];
      const list = m.get(c.imageId) ?? [];
      list.push(c);
      m.set(c.imageId, list);
    }
    return m;
  }, [containers, order]);
  if (view.images.length === 0) return <p className="panel-empty">{t('empty')}</p>;
  const lit = highlight?.kind === 'image' ? findImage(view, highlight.name)?.id : undefined;
  return (
    <ul className="istacks">
      {view.images.map((img) => (
        <Stack
          key={img.id}
          img={img}
          layers={view.layers}
          containers={byImage.get(img.id) ?? NO_CONTAINERS}
          selected={selection?.kind === 'image' && selection.id === img.id}
          highlighted={lit === img.id}
        />
      ))}
    </ul>
  );
}
