/**
 * Images as stacks of read-only layers, bottom layer at the bottom. A layer has one colour wherever it
 * appears (from its digest), and a layer more than one image holds is marked shared: it is stored once.
 * Each container made from an image sits on top of its stack as a thin writable layer. Under each stack, what
 * it was made from and what was made from it; a dangling image is marked `<none>` as `docker images` shows it,
 * and intermediate images (`docker images -a` only) appear only in those ancestries. The latest build is above
 * the stacks (BuildCard).
 */
import { memo, useMemo } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { findImage } from '../store/snapshot/images.js';
import type { ContainerView, ImagesView, ImageView, LayerView } from '../store/snapshot/types.js';
import { BuildCard, EarlierBuilds } from './BuildCard.js';
import { formatBytes, shortDigest } from './format.js';
import { layerHue } from './layerHue.js';
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
    bytes: '{n} bytes',
    danglingBadge: 'dangling',
    danglingTitle: 'untagged and nothing built on it: docker image prune removes it',
    from: 'from {name}',
    via: '(+{n} intermediate)',
    baseOf: 'base of {names}',
  },
  zh: {
    empty: '还没有镜像：docker pull 或 docker run 会拉取镜像。',
    dangling: '<none>',
    layer: '层 {id} · {size}',
    shared: '{n} 个镜像共享',
    rw: '{name}（可写层）',
    moreRw: '另有 {n} 个容器',
    inspect: '查看 {name} 的详情',
    bytes: '{n} 字节',
    danglingBadge: '悬空镜像',
    danglingTitle: '没有标签，也没有镜像基于它：docker image prune 会删除它',
    from: '基于 {name}',
    via: '（经 {n} 个中间镜像）',
    baseOf: '{names} 的基础镜像',
  },
});

const MAX_RW = 6;

interface StackProps {
  readonly img: ImageView;
  /** Every image by ID, for the names of its ancestors and children. */
  readonly byId: ReadonlyMap<string, ImageView>;
  /** Made by the latest build. */
  readonly built: boolean;
  readonly layers: Readonly<Record<string, LayerView>>;
  readonly containers: readonly ContainerView[];
  readonly selected: boolean;
  readonly highlighted: boolean;
}

/** How an image is called in another's ancestry: its first tag, else `<none>` and its short ID. */
function imageName(img: ImageView | undefined, id: string): string {
  return img?.tags[0] ?? `<none> ${shortDigest(id)}`;
}

const Stack = memo(function Stack({ img, byId, built, layers, containers, selected, highlighted }: StackProps): React.JSX.Element {
  const t = useMessages(messages);
  const { select } = usePanelActions();
  const name = img.tags[0] ?? t('dangling');
  const skipped = img.ancestors.findIndex((a) => !byId.get(a)?.intermediate);
  const from = skipped >= 0 ? img.ancestors[skipped] : undefined;
  return (
    <li
      className={`istack${highlighted ? ' is-highlighted' : ''}${built ? ' is-built' : ''}${img.dangling ? ' is-dangling' : ''}`}
      data-image={name}
      data-id={shortDigest(img.id)}
    >
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
            <li key={`${d}-${i}`} className={`ilayer${shared ? ' is-shared' : ''}`} style={{ '--layer-hue': layerHue(d) } as React.CSSProperties}>
              <span title={t('bytes', { n: l?.size ?? 0 })}>{t('layer', { id: shortDigest(d), size: formatBytes(l?.size ?? 0) })}</span>
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
        <span>
          {img.tags.join(', ') || name}
          {img.dangling && (
            <span className="istack-dangling" title={t('danglingTitle')}>
              {' '}
              {t('danglingBadge')}
            </span>
          )}
        </span>
        <span className="istack-meta" title={t('bytes', { n: img.size })}>
          {shortDigest(img.id)} · {formatBytes(img.size)}
        </span>
      </button>
      {from && (
        <span className="istack-rel istack-from">
          {t('from', { name: imageName(byId.get(from), from) })}
          {skipped > 0 && ` ${t('via', { n: skipped })}`}
        </span>
      )}
      {img.children.length > 0 && (
        <span className="istack-rel istack-children">{t('baseOf', { names: img.children.map((c) => imageName(byId.get(c), c)).join(', ') })}</span>
      )}
    </li>
  );
});

const NO_CONTAINERS: readonly ContainerView[] = [];

/** The images `docker images` lists: intermediate ones only show in others' ancestries. */
export function listedImages(view: ImagesView): readonly ImageView[] {
  return view.images.filter((i) => !i.intermediate);
}

export function ImagesPanel(): React.JSX.Element {
  const t = useMessages(messages);
  const view = usePanel((s) => s.images);
  const build = usePanel((s) => s.build);
  const earlierBuilds = usePanel((s) => s.earlierBuilds);
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
  const byId = useMemo(() => new Map(view.images.map((i) => [i.id, i])), [view]);
  const listed = useMemo(() => listedImages(view), [view]);
  if (view.images.length === 0 && !build) return <p className="panel-empty">{t('empty')}</p>;
  const lit = highlight?.kind === 'image' ? findImage(view, highlight.name)?.id : undefined;
  const builtId = build?.outcome === 'succeeded' ? build.imageId : '';
  return (
    <>
      {build && <BuildCard build={build} />}
      {earlierBuilds.length > 0 && <EarlierBuilds builds={earlierBuilds} />}
      <ul className="istacks">
        {listed.map((img) => (
          <Stack
            key={img.id}
            img={img}
            byId={byId}
            built={img.id === builtId}
            layers={view.layers}
            containers={byImage.get(img.id) ?? NO_CONTAINERS}
            selected={selection?.kind === 'image' && selection.id === img.id}
            highlighted={lit === img.id}
          />
        ))}
      </ul>
    </>
  );
}
