/**
 * The lines of a ```solution block: text typed and followed by Enter, special keys alone on a line
 * (`<Ctrl-C>`, `<Ctrl-P><Ctrl-Q>`, `<Enter>`), and two directives: `# wait 5s` and `# terminal 2`.
 */
import type { ErrorList } from './errors.js';
import type { SolutionAction } from './model.js';

const NAMED: Record<string, string> = { Enter: '\r', Tab: '\t', Esc: '\x1b', Backspace: '\x7f' };

/** `<Ctrl-C>` → "\x03"; undefined for a name that is not a key. */
export function keyCode(name: string): string | undefined {
  const ctrl = /^Ctrl-(.)$/.exec(name);
  if (ctrl) {
    const c = ctrl[1].toUpperCase().charCodeAt(0);
    return c >= 0x40 && c <= 0x5f ? String.fromCharCode(c - 0x40) : undefined;
  }
  return NAMED[name];
}

const KEYS_LINE = /^(?:<[^<>\s]+>)+$/;

/** `line` is the file line of the block's first content line. */
export function parseSolution(lines: readonly string[], firstLine: number, errors: ErrorList): SolutionAction[] {
  const out: SolutionAction[] = [];
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    const text = raw.trimEnd();
    if (text.trim() === '') return;
    const directive = /^#\s*(wait|terminal)\b\s*(.*)$/.exec(text.trim());
    if (directive) {
      const [, what, arg] = directive;
      if (what === 'wait') {
        const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(arg);
        if (!m) errors.add(line, `\`# wait\` needs a duration such as \`# wait 5s\` or \`# wait 500ms\`, got ${JSON.stringify(arg)}`);
        else out.push({ kind: 'wait', ms: Number(m[1]) * (m[2] === 's' ? 1000 : 1), line });
      } else if (arg !== '1' && arg !== '2') {
        errors.add(line, `\`# terminal\` takes 1 or 2, got ${JSON.stringify(arg)}`);
      } else {
        out.push({ kind: 'terminal', terminal: Number(arg), line });
      }
      return;
    }
    if (KEYS_LINE.test(text.trim())) {
      let keys = '';
      for (const m of text.trim().matchAll(/<([^<>\s]+)>/g)) {
        const code = keyCode(m[1]);
        if (code === undefined) {
          errors.add(line, `unknown key <${m[1]}> (use <Ctrl-C>, <Ctrl-D>, <Ctrl-P>, <Enter>, <Tab>, <Esc>…)`);
          return;
        }
        keys += code;
      }
      out.push({ kind: 'keys', keys, label: text.trim(), line });
      return;
    }
    if (/<Ctrl-[^>]*>/.test(text)) {
      errors.add(line, 'a special key such as <Ctrl-C> must be alone on its line');
      return;
    }
    out.push({ kind: 'type', text, line });
  });
  return out;
}
