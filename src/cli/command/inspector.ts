/**
 * docker/cli's inspect.Inspect: each reference is looked up in turn; without --format the raw JSON of
 * all of them is printed as one indented array (`[]` when none was found), with --format the template
 * runs once per object. Lookup errors are printed after the output, one per line, exit 1.
 */
import type { CommandCli } from '../cli.js';
import { errorText, passProcessEnd, StatusError } from '../errors.js';
import { indentJSON, marshalGo } from '../formatter/jsonindent.js';
import { compileTemplate, TemplateError, type Template } from '../formatter/template.js';

export type GetRef = (ref: string) => Promise<{ value: unknown; raw?: string }>;

export async function inspectRefs(cli: CommandCli, refs: readonly string[], format: string, getRef: GetRef): Promise<void> {
  let tmpl: Template | null = null;
  if (format !== '') {
    const src = format === 'json' ? '{{json .}}' : format;
    try {
      tmpl = compileTemplate(src);
    } catch (e) {
      if (e instanceof TemplateError) throw new StatusError(64, `template parsing error: ${e.message}`);
      throw e;
    }
  }
  const raws: string[] = [];
  let text = '';
  const errs: string[] = [];
  for (const ref of refs) {
    try {
      const { value, raw } = await getRef(ref);
      if (tmpl) {
        try {
          text += tmpl.execute(value) + '\n';
        } catch (e) {
          if (e instanceof TemplateError) errs.push(`template parsing error: ${e.message}`);
          else throw e;
        }
      } else {
        raws.push(raw ?? marshalGo(value));
      }
    } catch (e) {
      passProcessEnd(e);
      errs.push(errorText(e));
    }
  }
  if (!tmpl) text = raws.length === 0 ? '[]\n' : indentJSON('[' + raws.join(',') + ']') + '\n';
  if (text) await cli.out.write(text);
  if (errs.length > 0) throw new StatusError(1, errs.join('\n'));
}
