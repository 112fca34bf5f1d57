/**
 * The npm package's `<docker-sim>` element: `import 'dockersim/element'` (or the standalone script in a
 * `<script type="module">`) registers it, with its styles. Unlike the static site's docker-sim.js, which shows
 * embed.html in an iframe, it renders `<DockerSim>` in the page itself, so it needs no files served beside it.
 *
 *   <docker-sim cmd="docker run hello-world" seed="3" height="360"></docker-sim>
 *
 * Attributes: cmd (lines, newline-separated), seed, user (docker|sudo), locale (en|zh), lesson, panel (a
 * flag), height, replay (a share link, shown read-only). A change re-renders; one that defines the machine
 * (cmd, seed, user, lesson, replay) boots a new one. Importing it where there is no DOM (server rendering)
 * defines nothing.
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import css from './all.css?inline';
import { DockerSim } from './DockerSim.js';
import type { DockerSimProps } from './props.js';

const ATTRIBUTES = ['cmd', 'seed', 'user', 'locale', 'lesson', 'panel', 'height', 'replay'] as const;

/** A flag attribute is on when present, unless it says `false` or `0` (as the static site's element reads it). */
function flagOn(v: string | null): boolean {
  return v !== null && v !== 'false' && v !== '0';
}

/** The props an element's attributes ask for; malformed values fall back to the defaults. */
export function propsOf(get: (name: (typeof ATTRIBUTES)[number]) => string | null): DockerSimProps {
  const seed = get('seed');
  const user = get('user');
  const locale = get('locale');
  return {
    commands: get('cmd') ?? undefined,
    seed: seed !== null && /^\d{1,9}$/.test(seed.trim()) ? Number(seed.trim()) : undefined,
    user: user === 'docker' || user === 'sudo' ? user : undefined,
    locale: locale === 'en' || locale === 'zh' ? locale : undefined,
    lesson: get('lesson') ?? undefined,
    panel: flagOn(get('panel')),
    height: get('height') ?? undefined,
    replay: get('replay') ?? undefined,
  };
}

function injectStyles(): void {
  if (document.querySelector('style[data-dockersim]')) return;
  const style = document.createElement('style');
  style.dataset.dockersim = '';
  style.textContent = css;
  document.head.appendChild(style);
}

function define(): void {
  class DockerSimElement extends HTMLElement {
    static readonly observedAttributes: readonly string[] = ATTRIBUTES;
    private root: Root | null = null;

    connectedCallback(): void {
      injectStyles();
      this.style.display = 'block';
      this.root ??= createRoot(this);
      this.render();
    }

    disconnectedCallback(): void {
      // Moved in the page: connected again at once, and the machine must survive that.
      queueMicrotask(() => {
        if (this.isConnected || !this.root) return;
        this.root.unmount();
        this.root = null;
      });
    }

    attributeChangedCallback(): void {
      if (this.root) this.render();
    }

    private render(): void {
      this.root!.render(createElement(DockerSim, propsOf((name) => this.getAttribute(name))));
    }
  }
  customElements.define('docker-sim', DockerSimElement);
}

// A page that includes the element twice (or another version of it) keeps the first definition.
if (typeof customElements !== 'undefined' && !customElements.get('docker-sim')) define();
