/**
 * `docker inspect` output as a collapsible tree: objects and arrays are native <details> (keyboard and screen
 * reader friendly), values are text nodes, so whatever a container put in its config is shown, never parsed
 * as HTML.
 */
import { memo } from 'react';
import type { JsonValue } from '../store/snapshot/types.js';

export interface JsonTreeProps {
  readonly value: JsonValue;
  /** Levels open from the start. */
  readonly openDepth?: number;
}

function leaf(v: JsonValue): string {
  return JSON.stringify(v);
}

function summary(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.length}]`;
  return `{${Object.keys(v as object).length}}`;
}

function Node({ name, value, depth, openDepth }: { name: string | null; value: JsonValue; depth: number; openDepth: number }): React.JSX.Element {
  const label = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {label}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{leaf(value)}</span>
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, JsonValue>);
  if (entries.length === 0) {
    return (
      <div className="json-leaf">
        {label}
        <span className="json-empty">{Array.isArray(value) ? '[]' : '{}'}</span>
      </div>
    );
  }
  return (
    <details className="json-node" open={depth < openDepth}>
      <summary>
        {label}
        <span className="json-count">{summary(value)}</span>
      </summary>
      <div className="json-children">
        {entries.map(([k, v]) => (
          <Node key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />
        ))}
      </div>
    </details>
  );
}

export const JsonTree = memo(function JsonTree({ value, openDepth = 1 }: JsonTreeProps): React.JSX.Element {
  return (
    <div className="json-tree">
      <Node name={null} value={value} depth={0} openDepth={openDepth} />
    </div>
  );
});
