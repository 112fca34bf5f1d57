/**
 * docker's formatter.Context: `--format` strings with the `table` prefix (header row + tabwriter) or plain
 * templates (one execution per row). Literal `\t` and `\n` in the format become tab and newline first.
 */
import { tabwrite } from './tabwriter.js';
import { compileTemplate } from './template.js';

/** `table`, `table TEMPLATE`, `json`, or a raw template. */
export function isTable(format: string): boolean {
  return format.trim().startsWith('table');
}

export function renderRows(format: string, defaultTable: string, rows: readonly unknown[],
  headers: Readonly<Record<string, string>>): string {
  let f = format.trim() === '' || format.trim() === 'table' ? defaultTable : format.trim();
  const table = f.startsWith('table');
  if (table) f = f.slice('table'.length);
  f = f.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  if (table) f = f.trim();
  const tmpl = compileTemplate(f);
  let body = '';
  for (const row of rows) body += tmpl.execute(row) + '\n';
  if (!table) return body;
  return tabwrite(tmpl.execute(headers) + '\n' + body);
}
