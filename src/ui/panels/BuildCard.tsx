/**
 * The daemon's latest build at the top of the images panel: each step as the builder numbered it, appearing as
 * it starts, becoming a layer (coloured as that layer is in the stacks below) as it ends, `CACHED` where the
 * cache answered it, the failed step with its error; when it ends, the image it made with its tags. Sizes read
 * as `docker history -H` prints them, exact bytes in the tooltip. Steps are memoised rows: a build that prints
 * thousands of lines re-renders one row when a step starts or ends, never per line.
 *
 * Under it, the builds before it (EarlierBuilds), newest first: one line each with its tags, how it ended, its
 * steps and cache hits; a line opens to the same steps and image. The list is memoised on the store's array,
 * which stays the same object while a build runs, so it costs a running build no redraw; a closed line draws
 * no steps.
 */
import { memo, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { BuildStepView, BuildView } from '../store/snapshot/types.js';
import { formatBytes, shortDigest } from './format.js';
import { layerHue } from './layerHue.js';
import { usePanel, usePanelActions } from './usePanel.js';

const messages = defineMessages({
  en: {
    region: 'Latest build',
    running: 'Building {name}',
    succeeded: 'Built {name} in {s}s',
    failed: 'Build of {name} failed',
    untagged: 'an untagged image',
    legacy: 'legacy builder',
    buildkit: 'BuildKit',
    cached: 'CACHED',
    cachedTitle: 'cache hit: the step was not run again',
    stepRunning: 'running…',
    stepFailed: 'ERROR',
    layer: 'layer {id} · {size}',
    noLayer: 'no new layer',
    bytes: '{n} bytes',
    seconds: '{s}s',
    result: 'Image {id}',
    inspect: 'Inspect {name}',
    imageTitle: 'the image this step left: docker run -it on it starts where the step ended',
    earlier: 'Earlier builds',
    earlierSucceeded: 'built in {s}s',
    earlierFailed: 'failed',
    earlierRunning: 'running',
    oneStep: '1 step',
    steps: '{n} steps',
    cachedCount: '{n} cached',
  },
  zh: {
    region: '最近一次构建',
    running: '正在构建 {name}',
    succeeded: '已构建 {name}，用时 {s} 秒',
    failed: '{name} 构建失败',
    untagged: '未打标签的镜像',
    legacy: '旧版构建器',
    buildkit: 'BuildKit',
    cached: 'CACHED',
    cachedTitle: '命中缓存：这一步没有再次运行',
    stepRunning: '运行中…',
    stepFailed: '错误',
    layer: '层 {id} · {size}',
    noLayer: '没有新层',
    bytes: '{n} 字节',
    seconds: '{s} 秒',
    result: '镜像 {id}',
    inspect: '查看 {name} 的详情',
    imageTitle: '这一步留下的镜像：对它 docker run -it，就从这一步结束的地方开始',
    earlier: '更早的构建',
    earlierSucceeded: '用时 {s} 秒构建完成',
    earlierFailed: '失败',
    earlierRunning: '运行中',
    oneStep: '1 步',
    steps: '{n} 步',
    cachedCount: '{n} 步命中缓存',
  },
});

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** `legacy`: the builder printed each step's image (` ---> ID`), so the row shows it too. */
const Step = memo(function Step({ step, legacy }: { readonly step: BuildStepView; readonly legacy: boolean }): React.JSX.Element {
  const t = useMessages(messages);
  const layer = step.status === 'done' && step.layerId !== '';
  return (
    <li
      className={`ibstep is-${step.status}${step.cached ? ' is-cached' : ''}${layer ? ' has-layer' : ''}`}
      data-step={step.label}
      style={layer ? ({ '--layer-hue': layerHue(step.layerId) } as React.CSSProperties) : undefined}
    >
      <span className="ibstep-head">
        <span className="ibstep-label">{step.label}</span> <span className="ibstep-instr">{step.instruction}</span>
      </span>
      <span className="ibstep-result">
        {step.cached && (
          <span className="ibstep-badge is-cached" title={t('cachedTitle')}>
            {t('cached')}
          </span>
        )}
        {step.status === 'running' && <span className="ibstep-badge is-running">{t('stepRunning')}</span>}
        {step.status === 'failed' && <span className="ibstep-badge is-failed">{t('stepFailed')}</span>}
        {step.status === 'done' &&
          (layer ? (
            <span className="ibstep-layer" title={t('bytes', { n: step.size })}>
              {t('layer', { id: shortDigest(step.layerId), size: formatBytes(step.size) })}
            </span>
          ) : (
            <span className="ibstep-nolayer">{t('noLayer')}</span>
          ))}
        {legacy && step.imageId !== '' && (
          <span className="ibstep-image" title={t('imageTitle')}>
            {`---> ${shortDigest(step.imageId)}`}
          </span>
        )}
        {step.ms !== null && !step.cached && <span className="ibstep-time">{t('seconds', { s: seconds(step.ms) })}</span>}
      </span>
      {step.status === 'failed' && <span className="ibstep-error">{step.error}</span>}
    </li>
  );
});

/** A build's steps, its error when no step holds it, and the image it made (a button that selects it). */
function BuildBody({ build }: { readonly build: BuildView }): React.JSX.Element {
  const t = useMessages(messages);
  const { select } = usePanelActions();
  const selected = usePanel((s) => s.selection?.kind === 'image' && s.selection.id === build.imageId);
  return (
    <>
      <ol className="ibuild-steps">
        {build.steps.map((s, i) => (
          <Step key={i} step={s} legacy={build.builder === 'legacy'} />
        ))}
      </ol>
      {build.outcome === 'failed' && build.steps.every((s) => s.status !== 'failed') && <p className="ibstep-error">{build.error}</p>}
      {build.outcome === 'succeeded' && (
        <button
          type="button"
          className="ibuild-result"
          aria-pressed={selected}
          aria-label={t('inspect', { name: build.tags[0] ?? shortDigest(build.imageId) })}
          onClick={() => select({ kind: 'image', id: build.imageId })}
        >
          <span>{t('result', { id: shortDigest(build.imageId) })}</span>
          {build.tags.map((tag) => (
            <span key={tag} className="ibuild-tag">
              {tag}
            </span>
          ))}
        </button>
      )}
    </>
  );
}

export function BuildCard({ build }: { readonly build: BuildView }): React.JSX.Element {
  const t = useMessages(messages);
  const name = build.tags.join(', ') || t('untagged');
  const title =
    build.outcome === 'running'
      ? t('running', { name })
      : build.outcome === 'succeeded'
        ? t('succeeded', { name, s: seconds(build.ms ?? 0) })
        : t('failed', { name });
  return (
    <section className={`ibuild is-${build.outcome}`} aria-label={t('region')} data-build={build.seq}>
      <h3 className="ibuild-title" aria-live="polite">
        {title} <span className="ibuild-builder">· {t(build.builder)}</span>
      </h3>
      <BuildBody build={build} />
    </section>
  );
}

/** One earlier build: a line that opens to its steps (drawn only while open). */
const EarlierBuild = memo(function EarlierBuild({ build }: { readonly build: BuildView }): React.JSX.Element {
  const t = useMessages(messages);
  const [open, setOpen] = useState(false);
  const cached = build.steps.filter((s) => s.cached).length;
  const outcome =
    build.outcome === 'succeeded' ? t('earlierSucceeded', { s: seconds(build.ms ?? 0) }) : build.outcome === 'failed' ? t('earlierFailed') : t('earlierRunning');
  return (
    <li className={`ibuilds-item is-${build.outcome}`} data-build={build.seq}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="ibuilds-line">
          <span className="ibuilds-name">{build.tags.join(', ') || t('untagged')}</span>
          <span className="ibuilds-outcome">{outcome}</span>
          <span className="ibuilds-counts">
            {build.steps.length === 1 ? t('oneStep') : t('steps', { n: build.steps.length })}
            {cached > 0 && ` · ${t('cachedCount', { n: cached })}`}
          </span>
          <span className="ibuild-builder">{t(build.builder)}</span>
        </summary>
        {open && <BuildBody build={build} />}
      </details>
    </li>
  );
});

/** The builds before the latest, newest first. */
export const EarlierBuilds = memo(function EarlierBuilds({ builds }: { readonly builds: readonly BuildView[] }): React.JSX.Element {
  const t = useMessages(messages);
  return (
    <section className="ibuilds" aria-label={t('earlier')}>
      <h3 className="ibuilds-title">{t('earlier')}</h3>
      <ol className="ibuilds-list">
        {builds.map((b) => (
          <EarlierBuild key={b.seq} build={b} />
        ))}
      </ol>
    </section>
  );
});
