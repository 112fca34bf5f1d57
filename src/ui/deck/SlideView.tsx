/**
 * One slide as both windows draw it: its Markdown, its commands (buttons in the audience window, text in the
 * presenter's previews), its fragments revealed up to `step`, and a slot where the live terminal goes.
 */
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { DeckCommand, Slide, SlideNode } from '../../lessons/decks/index.js';
import { renderSlideMarkdown, revealFragments } from './render.js';

export interface SlideViewProps {
  readonly slide: Slide;
  readonly step: number;
  /** Types a command into the slide's terminal; absent where commands are only shown. */
  readonly onCommand?: (c: DeckCommand) => void;
  /** What takes the terminal's place (the live terminal, or a placeholder in the presenter's previews). */
  readonly live?: ReactNode;
  readonly commandTitle?: string;
}

function Nodes({ nodes, onCommand, commandTitle }: { nodes: readonly SlideNode[]; onCommand?: (c: DeckCommand) => void; commandTitle?: string }): React.JSX.Element {
  return (
    <>
      {nodes.map((n) => {
        if (n.kind === 'markdown') return <Markdown key={n.line} text={n.text} />;
        if (n.kind === 'fragment') {
          return (
            <div key={n.line} className="slide-fragment" data-fragment="">
              <Nodes nodes={n.nodes} onCommand={onCommand} commandTitle={commandTitle} />
            </div>
          );
        }
        return (
          <ul key={n.line} className="slide-commands">
            {n.commands.map((c) => (
              <li key={c.line}>
                {onCommand ? (
                  <button type="button" className="slide-command" title={commandTitle} onClick={() => onCommand(c)}>
                    <code>{c.text}</code>
                  </button>
                ) : (
                  <code className="slide-command is-static">{c.text}</code>
                )}
              </li>
            ))}
          </ul>
        );
      })}
    </>
  );
}

function Markdown({ text }: { text: string }): React.JSX.Element {
  const html = useMemo(() => renderSlideMarkdown(text), [text]);
  return <div className="slide-md" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SlideView({ slide, step, onCommand, live, commandTitle }: SlideViewProps): React.JSX.Element {
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (content.current) revealFragments(content.current, step);
  }, [slide, step]);
  const panel = slide.terminal?.panel ?? false;
  return (
    <section className={`slide${slide.terminal ? ' has-terminal' : ''}${panel ? ' has-panel' : ''}`} data-slide={slide.number}>
      <div className="slide-content" ref={content}>
        <Nodes nodes={slide.nodes} onCommand={onCommand} commandTitle={commandTitle} />
      </div>
      {slide.terminal && <div className="slide-live">{live}</div>}
    </section>
  );
}
