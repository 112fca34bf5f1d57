/**
 * The inside of `<DockerSim>`, loaded when it mounts: boots (or replays) the instance's machine, types the
 * commands, and shows the embed page's view of it (terminal, daemon view, lesson) with the instance's own
 * stores. A change of what defines the machine (seed, user, commands, lesson, replay) boots a new one.
 */
import { useEffect, useMemo, useState } from 'react';
import { EmbedApp } from '../embed/EmbedApp.js';
import '../embed/embed.css';
import { parseCommands } from '../embed/params.js';
import { typeCommands } from '../embed/typeCommands.js';
import '../controls/controls.css';
import { LocaleContext, useLocale } from '../i18n.js';
import { PanelStoreContext } from '../panels/usePanel.js';
import { prefetchChunks } from '../prefetch.js';
import { Instance, sharedParam, type Shown } from './instance.js';
import './package.css';
import type { DockerSimProps } from './props.js';

const LESSON_ID = /^[a-z0-9-]{1,100}$/;

let prefetched = false;

export default function Simulator(props: DockerSimProps): React.JSX.Element | null {
  const pageLocale = useLocale((s) => s.locale);
  const locale = props.locale === 'zh' || props.locale === 'en' ? props.locale : null;
  const lesson = props.lesson !== undefined && LESSON_ID.test(props.lesson) ? props.lesson : null;
  const replay = props.replay !== undefined && props.replay.trim() !== '' ? props.replay : null;
  const seed = props.seed !== undefined && Number.isInteger(props.seed) && props.seed >= 0 ? props.seed : 1;
  const user = props.user ?? (lesson === null ? 'docker' : 'sudo');
  const commandText = typeof props.commands === 'string' ? props.commands : (props.commands ?? []).join('\n');
  const commands = useMemo(() => parseCommands([commandText]), [commandText]);
  const machineKey = JSON.stringify([seed, user, lesson, replay, commands]);
  const [shown, setShown] = useState<{ readonly inst: Instance; readonly view: Shown } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    let inst: Instance | undefined;
    const stop = new AbortController();
    setFailed(null);
    void (async () => {
      try {
        inst = await Instance.create({
          seed,
          // A share link is the app's machine, where the learner is not in group docker (as in the book):
          // replayed on another, its `id` and every `docker` typed without sudo would show what the sharer never saw.
          dockerGroup: replay === null && user === 'docker',
          lesson,
          replay: replay === null ? null : sharedParam(replay),
          locale: locale ?? pageLocale,
        });
      } catch (e) {
        if (!gone) setFailed(e instanceof Error ? e.message : String(e));
        return;
      }
      if (gone) {
        inst.dispose();
        return;
      }
      const me = inst;
      me.onShow((view) => setShown({ inst: me, view }));
      setShown({ inst: me, view: me.shown });
      if (replay === null) void typeCommands(me.shown.session, commands, { signal: stop.signal });
      void me.lessons?.init(lesson);
      if (!prefetched) {
        prefetched = true;
        prefetchChunks();
      }
    })();
    return () => {
      gone = true;
      stop.abort();
      inst?.dispose();
      setShown(null);
    };
    // The machine is defined by machineKey alone; the locale of its text may change without a new machine.
  }, [machineKey]);

  if (failed !== null) return <div className="dockersim-failed">dockersim: {failed}</div>;
  if (!shown) return null;
  const { inst, view } = shown;
  return (
    <LocaleContext.Provider value={locale}>
      <PanelStoreContext.Provider value={inst.panel}>
        <EmbedApp
          key={`${String(props.panel ?? false)}`}
          machine={view.session.machine}
          screen={view.deck}
          panel={props.panel ?? false}
          lessons={inst.lessons}
          typeIntoTerminal={(text) => view.deck.type(text)}
        />
      </PanelStoreContext.Provider>
    </LocaleContext.Provider>
  );
}
