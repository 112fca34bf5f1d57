/**
 * The early screen's DOM: the elements, classes and inline styles xterm.js 6's DOM renderer makes (its
 * DomRenderer and DomRendererRowFactory), with the same cell measurements, so that xterm.js.css and the page's
 * styles lay it out to the pixel where xterm.js will draw, and the handover changes nothing on screen.
 */
import { XTERM_OPTIONS } from '../terminalLook.js';
import { BOLD, bgOf, type Cell, DIM, fgOf, INVERSE, ITALIC } from './grid.js';

/** xterm.js's default 16 colours, then its 256-colour cube and grey ramp. */
const ANSI = ['#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf', '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec'];
const hex = (n: number): string => n.toString(16).padStart(2, '0');
const CUBE = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];
for (let i = 0; i < 216; i++) ANSI.push(`#${hex(CUBE[Math.floor(i / 36) % 6])}${hex(CUBE[Math.floor(i / 6) % 6])}${hex(CUBE[i % 6])}`);
for (let i = 0; i < 24; i++) ANSI.push(`#${hex(8 + i * 10).repeat(3)}`);

/** xterm.js's colour for the default foreground or background swapped in by inverse video. */
const INVERTED_DEFAULT = 257;

const SCOPE = 'dockersim-early';

/** The rules xterm.js's DomRenderer injects for its rows, for the theme XTERM_OPTIONS sets; once per page. */
function injectStyles(doc: Document): void {
  if (doc.getElementById(`${SCOPE}-style`)) return;
  const t = XTERM_OPTIONS.theme;
  const s = `.${SCOPE}`;
  const cursorAccent = '#000000';
  let css =
    `${s} .xterm-rows span { display: inline-block; height: 100%; vertical-align: top; }` +
    `${s} .xterm-rows { pointer-events: none; color: ${t.foreground}; font-family: ${XTERM_OPTIONS.fontFamily}; font-size: ${XTERM_OPTIONS.fontSize}px; font-kerning: none; white-space: pre }` +
    `${s} .xterm-rows .xterm-dim { color: ${t.foreground}80; }` +
    `${s} span:not(.xterm-bold) { font-weight: normal; }` +
    `${s} span.xterm-bold { font-weight: bold; }` +
    `${s} span.xterm-italic { font-style: italic; }` +
    `@keyframes ${SCOPE}-blink { 0% { background-color: ${t.cursor}; color: ${cursorAccent}; } 50% { background-color: inherit; color: ${t.cursor}; } }` +
    `${s} .xterm-rows.xterm-focus .xterm-cursor.xterm-cursor-blink.xterm-cursor-block { animation: ${SCOPE}-blink 1s step-end infinite; }` +
    `${s} .xterm-rows .xterm-cursor.xterm-cursor-block { background-color: ${t.cursor}; color: ${cursorAccent}; }` +
    `${s} .xterm-rows .xterm-cursor.xterm-cursor-outline { outline: 1px solid ${t.cursor}; outline-offset: -1px; }`;
  ANSI.forEach((c, i) => {
    css += `${s} .xterm-fg-${i} { color: ${c}; }${s} .xterm-fg-${i}.xterm-dim { color: ${c}80; }${s} .xterm-bg-${i} { background-color: ${c}; }`;
  });
  css +=
    `${s} .xterm-fg-${INVERTED_DEFAULT} { color: ${t.background}; }` +
    `${s} .xterm-fg-${INVERTED_DEFAULT}.xterm-dim { color: ${t.background}80; }` +
    `${s} .xterm-bg-${INVERTED_DEFAULT} { background-color: ${t.foreground}; }`;
  const style = doc.createElement('style');
  style.id = `${SCOPE}-style`;
  style.textContent = css;
  doc.head.appendChild(style);
}

/** A terminal's cell size in CSS pixels at `cols`×`rows`, computed as xterm.js's DomRenderer does. */
export interface Dimensions {
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly width: number;
  readonly height: number;
}

let ctx: OffscreenCanvasRenderingContext2D | null | undefined;

/** xterm.js's CharSizeService (its text-metrics strategy) and DomRenderer._updateDimensions. */
export function dimensions(cols: number, rows: number): Dimensions | undefined {
  if (ctx === undefined) ctx = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(100, 100).getContext('2d') : null;
  if (!ctx) return undefined;
  ctx.font = `${XTERM_OPTIONS.fontSize}px ${XTERM_OPTIONS.fontFamily}`;
  const m = ctx.measureText('W');
  const charHeight = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
  if (!(m.width > 0 && charHeight > 0)) return undefined;
  const dpr = window.devicePixelRatio;
  const cellW = m.width * dpr;
  const cellH = Math.floor(Math.ceil(charHeight * dpr) * XTERM_OPTIONS.lineHeight);
  const width = Math.round((cellW * cols) / dpr);
  const height = Math.round((cellH * rows) / dpr);
  return { cellWidth: width / cols, cellHeight: height / rows, width, height };
}

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string): HTMLElementTagNameMap[K] => {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  return e;
};

export class EarlyView {
  readonly root: HTMLDivElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly screen: HTMLDivElement;
  private readonly rowBox: HTMLDivElement;
  private rowEls: HTMLDivElement[] = [];
  private readonly measureSpans: HTMLSpanElement[];
  private readonly widths = new Map<string, number>();
  private dims: Dimensions | undefined;
  private defaultSpacing = 0;

  constructor(doc: Document) {
    injectStyles(doc);
    this.root = el(doc, 'div', `terminal xterm ${SCOPE}`);
    this.root.dir = 'ltr';
    const scrollable = el(doc, 'div', 'xterm-scrollable-element ');
    scrollable.setAttribute('role', 'presentation');
    scrollable.style.position = 'relative';
    scrollable.style.backgroundColor = XTERM_OPTIONS.theme.background;
    this.screen = el(doc, 'div', 'xterm-screen');
    const helpers = el(doc, 'div', 'xterm-helpers');
    this.textarea = el(doc, 'textarea', 'xterm-helper-textarea');
    this.textarea.setAttribute('aria-label', 'Terminal input');
    this.textarea.setAttribute('aria-multiline', 'false');
    this.textarea.setAttribute('autocorrect', 'off');
    this.textarea.setAttribute('autocapitalize', 'off');
    this.textarea.setAttribute('spellcheck', 'false');
    this.textarea.tabIndex = 0;
    this.textarea.style.zIndex = '-5';
    const measure = el(doc, 'div', 'xterm-width-cache-measure-container');
    measure.setAttribute('aria-hidden', 'true');
    measure.style.whiteSpace = 'pre';
    measure.style.fontKerning = 'none';
    measure.style.fontFamily = XTERM_OPTIONS.fontFamily;
    measure.style.fontSize = `${XTERM_OPTIONS.fontSize}px`;
    // Regular, bold, italic, bold italic: xterm.js's WidthCache.
    this.measureSpans = [0, 1, 2, 3].map((v) => {
      const s = el(doc, 'span', 'xterm-char-measure-element');
      s.style.fontWeight = v & 1 ? 'bold' : 'normal';
      if (v & 2) s.style.fontStyle = 'italic';
      measure.appendChild(s);
      return s;
    });
    helpers.append(this.textarea, measure);
    this.rowBox = el(doc, 'div', 'xterm-rows');
    this.rowBox.setAttribute('aria-hidden', 'true');
    this.rowBox.style.lineHeight = 'normal';
    const selection = el(doc, 'div', 'xterm-selection');
    selection.setAttribute('aria-hidden', 'true');
    this.screen.append(helpers, this.rowBox, selection);
    scrollable.appendChild(this.screen);
    this.root.append(el(doc, 'div', 'xterm-viewport'), scrollable);
  }

  /** WidthCache.get: the rendered width of `c`, from 32 copies in a span. */
  private widthOf(c: string, variant: number): number {
    const key = `${variant}${c}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      const s = this.measureSpans[variant];
      s.textContent = c.repeat(32);
      w = s.offsetWidth / 32;
      if (w > 0) this.widths.set(key, w);
    }
    return w;
  }

  /** Lays the screen out for `cols`×`rows` (the root must be in the page); false if it cannot be measured. */
  resize(cols: number, rows: number): boolean {
    const d = dimensions(cols, rows);
    if (!d) return false;
    this.dims = d;
    while (this.rowEls.length < rows) this.rowEls.push(this.rowBox.appendChild(el(this.root.ownerDocument, 'div')));
    while (this.rowEls.length > rows) this.rowEls.pop()!.remove();
    for (const r of this.rowEls) {
      r.style.width = `${d.width}px`;
      r.style.height = `${d.cellHeight}px`;
      r.style.lineHeight = `${d.cellHeight}px`;
      r.style.overflow = 'hidden';
    }
    this.screen.style.width = `${d.width}px`;
    this.screen.style.height = `${d.height}px`;
    this.defaultSpacing = d.cellWidth - this.widthOf('W', 0);
    this.rowBox.style.letterSpacing = `${this.defaultSpacing}px`;
    return true;
  }

  get dimensions(): Dimensions | undefined {
    return this.dims;
  }

  setFocused(on: boolean): void {
    this.root.classList.toggle('focus', on);
    this.rowBox.classList.toggle('xterm-focus', on);
  }

  /** Row `y` as DomRendererRowFactory.createRow draws it; `cursor` is the cursor's column on it, or -1. */
  drawRow(y: number, line: readonly Cell[], cursor: number, focused: boolean): void {
    const d = this.dims;
    const row = this.rowEls[y];
    if (!d || !row) return;
    const doc = this.root.ownerDocument;
    let length = 0;
    for (let i = line.length - 1; i >= 0; i--) {
      if (line[i].ch !== '' || bgOf(line[i].attr) >= 0) {
        length = i + line[i].w;
        break;
      }
    }
    if (cursor >= 0 && length < cursor + 1) length = cursor + 1;
    const spans: HTMLSpanElement[] = [];
    let span: HTMLSpanElement | undefined;
    let cells = 0;
    let text = '';
    let oldAttr = 0;
    let oldSpacing = 0;
    for (let x = 0; x < length; x++) {
      const cell = line[x];
      if (cell.w === 0) continue;
      const a = cell.attr;
      const chars = cell.ch || ' ';
      const spacing = cell.w * d.cellWidth - this.widthOf(chars, (a & BOLD ? 1 : 0) | (a & ITALIC ? 2 : 0));
      const isCursor = x === cursor;
      if (!span) span = doc.createElement('span');
      else if (cells && a === oldAttr && spacing === oldSpacing && !isCursor) {
        text += chars;
        cells++;
        continue;
      } else {
        if (cells) span.textContent = text;
        span = doc.createElement('span');
        cells = 0;
        text = '';
      }
      oldAttr = a;
      oldSpacing = spacing;
      const classes: string[] = [];
      if (isCursor) classes.push('xterm-cursor', ...(focused ? ['xterm-cursor-blink', 'xterm-cursor-block'] : ['xterm-cursor-outline']));
      if (a & BOLD) classes.push('xterm-bold');
      if (a & ITALIC) classes.push('xterm-italic');
      if (a & DIM) classes.push('xterm-dim');
      text = chars;
      const inverse = (a & INVERSE) !== 0;
      let fg = fgOf(a);
      let bg = bgOf(a);
      if (inverse) [fg, bg] = [bg, fg];
      if (bg >= 0) classes.push(`xterm-bg-${bg}`);
      else if (inverse) classes.push(`xterm-bg-${INVERTED_DEFAULT}`);
      if (fg >= 0) classes.push(`xterm-fg-${a & BOLD && fg < 8 ? fg + 8 : fg}`);
      else if (inverse) classes.push(`xterm-fg-${INVERTED_DEFAULT}`);
      if (classes.length) span.className = classes.join(' ');
      if (!isCursor) cells++;
      else span.textContent = text;
      if (spacing !== this.defaultSpacing) span.style.letterSpacing = `${spacing}px`;
      spans.push(span);
    }
    if (span && cells) span.textContent = text;
    row.replaceChildren(...spans);
  }

  /** Where xterm.js keeps its textarea: over the cursor (for an input method's window). */
  placeTextarea(x: number, y: number): void {
    const d = this.dims;
    if (!d) return;
    const s = this.textarea.style;
    s.left = `${x * d.cellWidth}px`;
    s.top = `${y * d.cellHeight}px`;
    s.width = `${d.cellWidth}px`;
    s.height = `${d.cellHeight}px`;
    s.lineHeight = `${d.cellHeight}px`;
  }
}
