/** YAML with line numbers: the `yaml` package's document API, errors turned into `line: message`. */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ErrorList } from './errors.js';

export interface YamlSource {
  readonly doc: Document;
  /** File line (1-based) of a node's first character. */
  lineOf(node: { range?: [number, number, number] | null } | null | undefined): number;
}

/** Parses `text`, whose first line is line `firstLine` of the file; reports syntax errors and returns null then. */
export function parseYaml(text: string, firstLine: number, errors: ErrorList): YamlSource | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number =>
    node?.range ? firstLine + lc.linePos(node.range[0]).line - 1 : firstLine;
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = firstLine + (e.linePos ? e.linePos[0].line - 1 : 0);
      errors.add(line, `YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return null;
  }
  return { doc, lineOf };
}

export { isMap, isSeq };
