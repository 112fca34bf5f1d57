/**
 * Virtual time: pause/resume, speed, and "skip ahead" (wait for a 10 s stop timeout in an instant). None of
 * this is journaled: the journal records positions in virtual time, however fast real time carried them.
 */
import { useEffect, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import type { PageControls } from './pageControls.js';

const messages = defineMessages({
  en: { pause: 'Pause', resume: 'Resume', speed: 'Speed', skip: '+10 s', skipTitle: 'Skip 10 seconds of virtual time ahead', paused: 'paused', clock: 'Virtual time' },
  zh: { pause: '暂停', resume: '继续', speed: '速度', skip: '+10 秒', skipTitle: '让虚拟时间立即前进 10 秒', paused: '已暂停', clock: '虚拟时间' },
});

export const SPEEDS = [1, 10, 60] as const;

function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function TimeControls({ controls }: { readonly controls: PageControls }): React.JSX.Element {
  const t = useMessages(messages);
  const driver = controls.session.driver;
  const [paused, setPaused] = useState(driver.paused);
  const [speed, setSpeed] = useState(driver.speed);
  const [now, setNow] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setNow(driver.stats().virtualMs), 250);
    return () => clearInterval(id);
  }, [driver]);
  const toggle = (): void => {
    if (driver.paused) driver.resume();
    else driver.pause();
    setPaused(driver.paused);
  };
  return (
    <div className="time-controls">
      <button type="button" className="time-pause" aria-pressed={paused} onClick={toggle}>
        {paused ? t('resume') : t('pause')}
      </button>
      <label className="time-speed">
        <span className="visually-hidden">{t('speed')}</span>
        <select
          aria-label={t('speed')}
          value={speed}
          onChange={(e) => {
            const f = Number(e.target.value);
            driver.setSpeed(f);
            setSpeed(f);
            controls.prefsChanged();
          }}
        >
          {SPEEDS.map((f) => (
            <option key={f} value={f}>{`${f}×`}</option>
          ))}
        </select>
      </label>
      <button type="button" className="time-skip" title={t('skipTitle')} onClick={() => void driver.skipAhead(10_000)}>
        {t('skip')}
      </button>
      <span className="time-clock" title={t('clock')} aria-label={t('clock')}>
        {uptime(now)}
        {paused ? ` · ${t('paused')}` : ''}
      </span>
    </div>
  );
}
