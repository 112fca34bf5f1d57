/**
 * The web preview: an address bar (the host's port and a path), Reload, a status line and the page in a
 * frame. Each load is a request from outside the machine to that port (Session.request, a journaled input:
 * the server logs it and a reload of the app replays it); the page's stylesheets and images are asked for
 * the same way and inlined (page.ts). The frame's sandbox is empty (no scripts, an opaque origin) and its
 * document carries a policy that fetches nothing, so a page served from a container can never script the
 * app. Links in the page are shown but the frame cannot follow them: the pane lists the page's links to the
 * same server below it, and following one loads it here. Loaded on demand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HttpOutcome, HttpRequest } from '../../machine/preview.js';
import { defineMessages, useMessages, type Translate } from '../i18n.js';
import type { Session } from '../session.js';
import { formatPreviewAddress, pageUrl, parsePreviewAddress, sameOrigin, type PreviewAddress } from './address.js';
import { renderPage, type ResourceKind } from './page.js';
import { contentType, header } from './resources.js';
import type { PreviewState } from './previewState.js';
import './preview.css';

const messages = defineMessages({
  en: {
    title: 'Web preview',
    address: 'Address on the host (port and path)',
    go: 'Open',
    reload: 'Reload',
    reloadTitle: 'Ask the server again (a new request: its access log shows it)',
    close: 'Close the web preview',
    intro: 'Type a port of the host, e.g. localhost:8080/, or click a published port in the Docker view. The request comes from outside the machine, as a browser\u2019s port forward would make it.',
    loading: 'Asking {host}\u2026',
    badAddress: 'Not an address the preview can open: {reason}.',
    reasonEmpty: 'type a port, e.g. localhost:8080/',
    reasonScheme: 'only http:// (TLS is not simulated)',
    reasonHost: 'use localhost or an IPv4 address of the host',
    reasonPort: 'the port must be 1\u201365535',
    refused: 'Nothing answers at {host}: the connection was refused. Is a server listening on that port, or a container\u2019s port published to it (docker run -p {port}:80 \u2026)?',
    timeout: '{host} did not answer within 30 seconds.',
    empty: '{host} closed the connection without an answer.',
    protocol: '{host} did not answer in HTTP ({message}).',
    unreachable: '{host} cannot be reached ({message}).',
    host: 'The request could not be made: {message}.',
    notShown: 'This is {type} ({size}); the preview shows pages, text and images.',
    truncated: 'only the first 4 MiB were read',
    scripts: '{n} script(s) not run',
    skipped: '{n} reference(s) to other sites not loaded',
    missing: '{n} stylesheet(s) or image(s) missing',
    links: 'Links on this page',
    frame: 'Page served at {host}',
    redirected: 'redirected from {from}',
  },
  zh: {
    title: '网页预览',
    address: '主机上的地址（端口和路径）',
    go: '打开',
    reload: '刷新',
    reloadTitle: '再次请求服务器（新的请求，访问日志里会有它）',
    close: '关闭网页预览',
    intro: '输入主机的端口，例如 localhost:8080/，或点击 Docker 视图中已发布的端口。请求来自机器之外，如同浏览器的端口转发。',
    loading: '正在请求 {host}……',
    badAddress: '预览无法打开这个地址：{reason}。',
    reasonEmpty: '请输入端口，例如 localhost:8080/',
    reasonScheme: '只支持 http://（未模拟 TLS）',
    reasonHost: '请用 localhost 或主机的 IPv4 地址',
    reasonPort: '端口必须在 1–65535 之间',
    refused: '{host} 没有应答：连接被拒绝。这个端口上有服务器在监听吗？或者容器的端口发布到这里了吗（docker run -p {port}:80 …）？',
    timeout: '{host} 在 30 秒内没有应答。',
    empty: '{host} 没有应答就关闭了连接。',
    protocol: '{host} 的应答不是 HTTP（{message}）。',
    unreachable: '无法到达 {host}（{message}）。',
    host: '无法发出请求：{message}。',
    notShown: '这是 {type}（{size}）；预览只显示网页、文本和图片。',
    truncated: '只读取了前 4 MiB',
    scripts: '{n} 个脚本未运行',
    skipped: '{n} 个指向其他网站的引用未加载',
    missing: '缺少 {n} 个样式表或图片',
    links: '本页的链接',
    frame: '{host} 提供的网页',
    redirected: '由 {from} 重定向而来',
  },
});

/** What a browser sends; fixed, so a shared session never carries the learner's own browser string. */
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) dockersim-preview/1.0';
const ACCEPT: Record<'document' | ResourceKind, string> = {
  document: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  style: 'text/css,*/*;q=0.1',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
};
const MAX_REDIRECTS = 5;

type View =
  | { readonly kind: 'intro' }
  | { readonly kind: 'loading'; readonly at: PreviewAddress }
  | { readonly kind: 'bad'; readonly reason: 'scheme' | 'host' | 'port' | 'empty' }
  | { readonly kind: 'failed'; readonly at: PreviewAddress; readonly outcome: Extract<HttpOutcome, { ok: false }> }
  | {
      readonly kind: 'page';
      readonly at: PreviewAddress;
      readonly from: PreviewAddress | undefined;
      readonly status: string;
      readonly type: string;
      readonly size: number;
      readonly truncated: boolean;
      readonly srcdoc: string | undefined;
      readonly links: readonly PreviewAddress[];
      readonly scripts: number;
      readonly skipped: number;
      readonly missing: number;
    };

function request(at: PreviewAddress, kind: 'document' | ResourceKind, referer?: string): HttpRequest {
  const headers: [string, string][] = [
    ['User-Agent', USER_AGENT],
    ['Accept', ACCEPT[kind]],
  ];
  if (referer !== undefined) headers.push(['Referer', referer]);
  return { method: 'GET', address: at.address, port: at.port, path: at.path, headers };
}

function hostOf(at: PreviewAddress): string {
  return `${at.address === '127.0.0.1' ? 'localhost' : at.address}:${at.port}`;
}

function size(n: number): string {
  return n < 1024 ? `${n} B` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;
}

export interface PreviewPaneProps {
  readonly session: Session;
  /** What to load (previewState.ts: a port link clicked, an address entered); a new nonce loads it again. */
  readonly open: PreviewState['open'];
  /** Takes what `open` asks to load if it has not been loaded yet (previewState.ts's claimPreviewOpen). */
  readonly claim: () => string | undefined;
  /** Asks for `address` to be loaded (the page holds the state, so the Docker view's links reach the pane). */
  readonly onOpen: (address: string) => void;
  readonly onClose: () => void;
}

export default function PreviewPane({ session, open, claim, onOpen, onClose }: PreviewPaneProps): React.JSX.Element {
  const t = useMessages(messages);
  const [text, setText] = useState(open?.address ?? '');
  const [view, setView] = useState<View>({ kind: 'intro' });
  /** Only the newest load may show its page (a slow answer to an older one is dropped). */
  const generation = useRef(0);

  const load = useCallback(
    async (address: string): Promise<void> => {
      const parsed = parsePreviewAddress(address);
      if (!parsed.ok) {
        setView({ kind: 'bad', reason: parsed.reason });
        return;
      }
      const gen = ++generation.current;
      const current = (): boolean => gen === generation.current;
      let at = parsed.value;
      const first = at;
      setText(formatPreviewAddress(at));
      setView({ kind: 'loading', at });
      let outcome = await session.request(request(at, 'document'));
      // A browser follows a redirect on the same server (nginx's 301 for a directory without its slash).
      for (let i = 0; i < MAX_REDIRECTS && outcome.ok && outcome.status >= 300 && outcome.status < 400 && current(); i++) {
        const next = sameOrigin(at, header(outcome, 'Location') ?? '');
        if (!next) break;
        at = next;
        setText(formatPreviewAddress(at));
        outcome = await session.request(request(at, 'document'));
      }
      if (!current()) return;
      if (!outcome.ok) {
        setView({ kind: 'failed', at, outcome });
        return;
      }
      const answer = outcome;
      const rendered = await renderPage(answer, at, (target, kind, referer) => session.request(request(target, kind, referer)));
      if (!current()) return;
      setView({
        kind: 'page',
        at,
        from: at === first ? undefined : first,
        status: `${answer.status} ${answer.statusText}`.trim(),
        type: contentType(answer).type,
        size: answer.body.length,
        truncated: answer.truncated,
        ...rendered,
      });
    },
    [session],
  );

  // A port link clicked in the Docker view (or the pane opened with an address): load it.
  useEffect(() => {
    const address = claim();
    if (address !== undefined) void load(address);
  }, [open, claim, load]);

  const go = onOpen;

  return (
    <section className="preview-pane" aria-label={t('title')}>
      <form
        className="preview-bar"
        onSubmit={(e) => {
          e.preventDefault();
          go(text);
        }}
      >
        <span className="preview-scheme" aria-hidden="true">
          http://
        </span>
        <input
          className="preview-address"
          aria-label={t('address')}
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder="localhost:8080/"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="preview-go">
          {t('go')}
        </button>
        <button type="button" className="preview-reload" title={t('reloadTitle')} disabled={!('at' in view)} onClick={() => 'at' in view && go(formatPreviewAddress(view.at))}>
          ↻ {t('reload')}
        </button>
        <button type="button" className="icon-button preview-close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </form>
      <Status view={view} t={t} />
      <div className="preview-body">
        {view.kind === 'intro' && <p className="preview-message">{t('intro')}</p>}
        {view.kind === 'loading' && <p className="preview-message">{t('loading', { host: hostOf(view.at) })}</p>}
        {view.kind === 'bad' && <p className="preview-message is-error">{t('badAddress', { reason: t(REASONS[view.reason]) })}</p>}
        {view.kind === 'failed' && (
          <p className="preview-message is-error" role="alert">
            {t(view.outcome.error, { host: hostOf(view.at), port: view.at.port, message: view.outcome.message })}
          </p>
        )}
        {view.kind === 'page' &&
          (view.srcdoc === undefined ? (
            <p className="preview-message">{t('notShown', { type: view.type, size: size(view.size) })}</p>
          ) : (
            <iframe
              className="preview-frame"
              title={t('frame', { host: hostOf(view.at) })}
              // Empty: no scripts, no same origin, no forms, popups or navigation of the app.
              sandbox=""
              referrerPolicy="no-referrer"
              srcDoc={view.srcdoc}
            />
          ))}
      </div>
      {view.kind === 'page' && view.links.length > 0 && (
        <nav className="preview-links" aria-label={t('links')}>
          <span className="preview-links-title">{t('links')}:</span>
          {view.links.map((l) => (
            <button key={formatPreviewAddress(l)} type="button" className="link-button" onClick={() => go(formatPreviewAddress(l))}>
              {l.path}
            </button>
          ))}
        </nav>
      )}
    </section>
  );
}

const REASONS = { empty: 'reasonEmpty', scheme: 'reasonScheme', host: 'reasonHost', port: 'reasonPort' } as const;

function Status({ view, t }: { view: View; t: Translate<keyof (typeof messages)['en']> }): React.JSX.Element | null {
  if (view.kind !== 'page') return null;
  const notes = [
    view.from && t('redirected', { from: pageUrl(view.from) }),
    view.truncated && t('truncated'),
    view.scripts > 0 && t('scripts', { n: view.scripts }),
    view.skipped > 0 && t('skipped', { n: view.skipped }),
    view.missing > 0 && t('missing', { n: view.missing }),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <p className="preview-status" role="status">
      <span className={`preview-code${view.status.startsWith('2') ? '' : ' is-error'}`}>{view.status}</span>
      <span className="preview-type">{view.type}</span>
      <span className="preview-size">{size(view.size)}</span>
      {notes.map((n) => (
        <span key={n} className="preview-note">
          {n}
        </span>
      ))}
    </p>
  );
}
