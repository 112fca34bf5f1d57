/** Reset, export to a file, import from a file, and a share link. */
import { useRef, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { PageControls } from './pageControls.js';

const messages = defineMessages({
  en: {
    reset: 'Reset',
    resetConfirm: 'Start over with a new machine? Containers, files and terminal history of this session are lost.',
    export: 'Export',
    import: 'Import',
    share: 'Share link',
    copied: 'Link copied',
    shareLabel: 'Link to this session',
  },
  zh: {
    reset: '重置',
    resetConfirm: '用一台新机器重新开始？本次会话的容器、文件和终端历史都会丢失。',
    export: '导出',
    import: '导入',
    share: '分享链接',
    copied: '链接已复制',
    shareLabel: '本会话的链接',
  },
});

export function SessionMenu({ controls }: { readonly controls: PageControls }): React.JSX.Element {
  const t = useMessages(messages);
  const file = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const share = async (): Promise<void> => {
    const url = await controls.shareLink();
    setLink(url);
    setCopied(false);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or an insecure origin): the link stays visible to copy by hand.
    }
  };
  return (
    <div className="session-menu">
      <button type="button" className="session-reset" onClick={() => window.confirm(t('resetConfirm')) && controls.reset()}>
        {t('reset')}
      </button>
      <button type="button" className="session-export" onClick={() => controls.exportFile()}>
        {t('export')}
      </button>
      <button type="button" className="session-import" onClick={() => file.current?.click()}>
        {t('import')}
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void controls.importFile(f);
        }}
      />
      <button type="button" className="session-share" onClick={() => void share()}>
        {t('share')}
      </button>
      {link !== null && (
        <input className="session-link" readOnly aria-label={t('shareLabel')} value={link} title={copied ? t('copied') : undefined} onFocus={(e) => e.target.select()} />
      )}
    </div>
  );
}
