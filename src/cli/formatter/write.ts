/**
 * formatter.Context.Write for list commands: `table`/`table TEMPLATE` (headers + tabwriter), `json`
 * (`{{json .}}` per row) or a raw template, with docker's error wrapping.
 */
import { renderRows } from './format.js';
import { compileTemplate, TemplateError } from './template.js';

export const JSON_FORMAT = '{{json .}}';

/** `json` → `{{json .}}`; anything else as given. */
export function expandFormat(format: string): string {
  return format.trim() === 'json' ? JSON_FORMAT : format;
}

/** Checks a --format template parses; docker reports `<prefix>: template: :1: …`. */
export function checkTemplate(format: string, prefix: string): Error | null {
  let f = format.trim();
  if (f.startsWith('table')) f = f.slice(5).trim();
  try {
    compileTemplate(f.replace(/\\t/g, '\t').replace(/\\n/g, '\n'));
    return null;
  } catch (e) {
    if (e instanceof TemplateError) return new Error(`${prefix}: ${e.message}`);
    throw e;
  }
}

/** Renders rows; template failures become `template parsing error: …` as in docker's formatter. */
export function writeRows(format: string, defaultTable: string, rows: readonly unknown[],
  headers: Readonly<Record<string, string>>): string {
  try {
    return renderRows(expandFormat(format), defaultTable, rows, headers);
  } catch (e) {
    if (e instanceof TemplateError) throw new Error(`template parsing error: ${e.message}`);
    throw e;
  }
}
