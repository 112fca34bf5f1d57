/**
 * A test page for the lesson panel (test/e2e/lesson.e2e.test.ts) until the app's main.tsx wires it: one
 * machine, one xterm, and beside it the lesson panel above the live daemon view — the layout proposed for the
 * app. It wires the panel the way the app must: the driver runs `sampledKernel(…, () => controller.sample())`,
 * the screen subscribes to a terminal before the runner does, and a reset swaps in a fresh machine whose
 * screen starts from the prompt the setup left.
 */
import '@xterm/xterm/css/xterm.css';
import { lazy, StrictMode, Suspense, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { sampledKernel } from '../../../src/lessons/slices.js';
import { MachineTerminals } from '../../../src/lessons/terminals.js';
import { RealtimeDriver } from '../../../src/machine/driver.js';
import { Machine, type Terminal } from '../../../src/machine/machine.js';
import '../../../src/ui/app.css';
import { browserHost, pageDrain } from '../../../src/ui/browserHost.js';
import { pickLocale, useLocale } from '../../../src/ui/i18n.js';
import { LessonController, lessonFromUrl, type SavedLessons } from '../../../src/ui/lessons/controller.js';
import { DaemonPanel } from '../../../src/ui/panels/DaemonPanel.js';
import '../../../src/ui/panels/panels.css';
import { connectPanel, type PanelFeed } from '../../../src/ui/store/feed.js';
import { panelStore } from '../../../src/ui/store/panelStore.js';
import type { MasterTty } from '../../../src/ui/terminalLink.js';
import { XtermScreen } from '../../../src/ui/terminalScreen.js';
import type { TestHooks } from '../../../src/ui/testHooks.js';

const LessonPanel = lazy(() => import('../../../src/ui/lessons/LessonPanel.js'));

declare global {
  interface Window {
    __lessonPage?: { controller: LessonController; saves: SavedLessons[]; machine(): Machine; setLocale(l: 'zh' | 'en'): void };
  }
}

useLocale.getState().setLocale(pickLocale(location.search, navigator.languages));

const drain = pageDrain();

let machine!: Machine;
let terminals!: MachineTerminals;
let driver!: RealtimeDriver;
let screen!: XtermScreen;
let feed: PanelFeed | undefined;
const screenListeners = new Set<() => void>();
const saves: SavedLessons[] = [];

function master(t: Terminal): MasterTty {
  return {
    onOutput: (l) => t.tty.onOutput((d) => l(d)),
    input: (d) => {
      t.tty.input(d);
      driver.kick();
    },
    resize: (rows, cols) => {
      t.tty.resize(rows, cols);
      driver.kick();
    },
    setFlow: (stopped) => {
      t.tty.setFlow(stopped);
      driver.kick();
    },
  };
}

/** A machine, its terminal 1, and a driver that lets the controller sample between slices (not started). */
function boot(): void {
  machine = Machine.boot({ drain });
  terminals = new MachineTerminals(machine);
  terminals.open(1);
  driver = new RealtimeDriver(sampledKernel(machine.kernel, () => controller.sample()), {
    host: browserHost(),
    onError: (err) => console.error('dockersim: simulation stopped', err),
  });
  feed?.dispose();
  feed = connectPanel(panelStore, machine.engine);
}

function showScreen(history: string[] = []): void {
  screen?.dispose();
  screen = new XtermScreen(master(terminals.get(1)!), () => driver.kick(), history);
  window.__dockersim = {
    machine,
    driver,
    get term() {
      return terminals.get(1);
    },
    xterm: screen.xterm,
  } as unknown as TestHooks;
  for (const l of screenListeners) l();
}

const controller: LessonController = new LessonController(
  {
    session: () => ({ machine, terminals }),
    fresh: async () => {
      driver.stop();
      boot();
      return { machine, terminals };
    },
    pause: () => driver.pause(),
    resume: () => {
      driver.resume();
      driver.start();
    },
    save: (s) => void saves.push(s),
    // The fresh terminal's screen subscribes only now (the setup's output stays hidden) and starts at the prompt.
    showPrompt: (prompt) => showScreen([prompt]),
  },
  { locale: useLocale.getState().locale },
);
window.__lessonPage = { controller, saves, machine: () => machine, setLocale: (l) => useLocale.getState().setLocale(l) };

function TerminalBox(): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(screen);
  useEffect(() => {
    const l = (): void => setCurrent(screen);
    screenListeners.add(l);
    return () => void screenListeners.delete(l);
  }, []);
  useEffect(() => current.attach(box.current!), [current]);
  return <div className="terminal-box" ref={box} />;
}

function Page(): React.JSX.Element {
  const typeIntoTerminal = (text: string): void => {
    master(terminals.get(1)!).input(text);
    screen.focus();
  };
  return (
    <div className="app">
      <main className="app-main" style={{ display: 'flex', gap: '0.5rem' }}>
        <div style={{ flex: '1 1 0', minWidth: 0 }}>
          <TerminalBox />
        </div>
        <div style={{ flex: '0 0 40%', display: 'flex', flexDirection: 'column', gap: '0.5rem', minWidth: 0 }}>
          <div style={{ flex: '3 1 0', minHeight: 0 }}>
            <Suspense fallback={null}>
              <LessonPanel controller={controller} typeIntoTerminal={typeIntoTerminal} />
            </Suspense>
          </div>
          <aside className="workspace-panel" style={{ flex: '2 1 0' }}>
            <DaemonPanel />
          </aside>
        </div>
      </main>
    </div>
  );
}

boot();
showScreen();
driver.start();
void controller.init(lessonFromUrl(location.search));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
