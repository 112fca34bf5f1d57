/**
 * `<docker-sim>`: the simulator in a docs page with one script tag.
 *
 *   <script type="module" src="https://…/docker-sim.js"></script>
 *   <docker-sim cmd="docker run hello-world" seed="3" locale="en" height="360"></docker-sim>
 *
 * Each element shows embed.html (found beside this script) in an iframe: the page's CSS cannot reach the
 * terminal, each element runs its own machine, and the simulator's code loads only in the frames. Attributes
 * and the properties of the same names reflect each other; changing one that the page reads reloads the frame.
 */
import { ATTRIBUTES, embedUrl, flagOn, frameHeight, PAGE_ATTRIBUTES, type Attributes } from './attributes.js';

/** Where this script was loaded from (embed.html sits beside it in the build). */
const SCRIPT_URL = import.meta.url;

const STYLE = ':host{display:block}:host([hidden]){display:none}iframe{display:block;width:100%;border:0;border-radius:4px;background:#1e1e1e}';

export class DockerSimElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = ATTRIBUTES;
  // Defined on the prototype below, reflecting the attributes of the same names.
  declare cmd: string;
  declare seed: string;
  declare locale: string;
  declare lesson: string;
  declare user: string;
  declare height: string;
  declare src: string;
  declare panel: boolean;
  declare presenter: boolean;
  declare persist: boolean;
  private frame: HTMLIFrameElement | null = null;

  connectedCallback(): void {
    if (this.frame) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const frame = document.createElement('iframe');
    frame.title = this.getAttribute('title') || 'dockersim terminal';
    frame.loading = 'lazy';
    frame.setAttribute('allow', 'clipboard-write');
    root.replaceChildren(style, frame);
    this.frame = frame;
    this.update(true);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.frame || old === value) return;
    this.update((PAGE_ATTRIBUTES as readonly string[]).includes(name));
  }

  private update(reload: boolean): void {
    const frame = this.frame!;
    frame.style.height = frameHeight(this.getAttribute('height'));
    if (!reload) return;
    const attrs: Attributes = {};
    for (const name of PAGE_ATTRIBUTES) attrs[name] = this.getAttribute(name);
    const src = embedUrl(SCRIPT_URL, attrs);
    if (frame.src !== src) frame.src = src;
  }

  /** The embed page's address (for authors who want to link to it). */
  get embedSrc(): string {
    return this.frame?.src ?? '';
  }
}

/** Properties that mirror attributes: text ones, and flags (present or not). */
const TEXT = ['cmd', 'seed', 'locale', 'lesson', 'user', 'height', 'src'] as const;
const FLAGS = ['panel', 'presenter', 'persist'] as const;

for (const name of TEXT) {
  Object.defineProperty(DockerSimElement.prototype, name, {
    get(this: HTMLElement) {
      return this.getAttribute(name) ?? '';
    },
    set(this: HTMLElement, v: unknown) {
      if (v === null || v === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(v));
    },
  });
}
for (const name of FLAGS) {
  Object.defineProperty(DockerSimElement.prototype, name, {
    get(this: HTMLElement) {
      return flagOn(this.getAttribute(name));
    },
    set(this: HTMLElement, v: unknown) {
      this.toggleAttribute(name, Boolean(v));
    },
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'docker-sim': DockerSimElement;
  }
}

// A page that includes the script twice (or two versions of it) keeps the first definition.
if (!customElements.get('docker-sim')) customElements.define('docker-sim', DockerSimElement);
