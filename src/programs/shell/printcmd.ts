/**
 * A function's text as bash prints it for `type f`, `declare -f` and `set` (bash's print_cmd.c): bash does not
 * keep the source, it prints the parsed command again in its own layout — four-space indents, `;` ending every
 * command but the last of a body, `elif` as an `if` nested in `else`, `for … in …;` with `do` on its own line, a
 * here-document's body after the command that reads it. The state below is print_cmd.c's: an indent that a
 * command skips when it continues a line, and here-documents held back until the connector after their command.
 */
import type { AndOrNode, Command, ListItem, ListNode, PipelineNode, Redir, SimpleNode } from './ast.js';

const INDENT = 4;

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

class Printer {
  out = '';
  private indentation = 0;
  private skipIndent = 0;
  private insideFunction = 0;
  private printingConnection = 0;
  private deferred: Redir[] = [];
  private wasHeredoc = false;

  private indent(n: number): void {
    this.out += ' '.repeat(n);
  }

  private newline(s: string): void {
    this.out += '\n';
    this.indent(this.indentation);
    this.out += s;
  }

  /** `;` unless the line already ends a command (`&`) or is empty. */
  private semicolon(): void {
    const last = this.out[this.out.length - 1];
    if (this.out.length > 0 && (last === '&' || last === '\n')) return;
    this.out += ';';
  }

  private prologue(bang = false, time?: PipelineNode['time']): void {
    if (this.skipIndent > 0) this.skipIndent--;
    else this.indent(this.indentation);
    if (time) this.out += time === 'posix' ? 'time -p ' : 'time ';
    if (bang) this.out += '! ';
  }

  private printDeferred(s: string): void {
    if (s !== '' && s !== ';') this.out += s;
    if (this.deferred.length > 0) {
      this.heredocBodies(this.deferred);
      if (s !== '' && s !== ';') this.out += ' ';
      this.wasHeredoc = true;
    }
    this.deferred = [];
  }

  private heredocBodies(docs: readonly Redir[]): void {
    this.out += '\n';
    for (const r of docs) this.out += `${r.heredoc?.body.raw ?? ''}${delimiter(r)}\n`;
    this.wasHeredoc = true;
  }

  /** A connection (`;`, `&`, `&&`, `||`, `|`): bash builds lists nested to the left, `((a; b); c)`. */
  private connection(first: () => void, connector: string, second: (() => void) | undefined): void {
    this.prologue();
    this.skipIndent++;
    this.printingConnection++;
    first();
    if (connector === '&' || connector === '|') {
      this.printDeferred(` ${connector}`);
      if (connector !== '&' || second) {
        this.out += ' ';
        this.skipIndent++;
      }
    } else if (connector === '&&' || connector === '||') {
      this.printDeferred(` ${connector} `);
      if (second) this.skipIndent++;
    } else {
      if (this.deferred.length === 0) {
        if (!this.wasHeredoc) this.out += ';';
        else this.wasHeredoc = false;
      } else this.printDeferred(this.insideFunction ? '' : ';');
      if (this.insideFunction) this.out += '\n';
      else {
        this.out += ' ';
        if (second) this.skipIndent++;
      }
    }
    if (second) second();
    this.printDeferred('');
    this.printingConnection--;
  }

  list(l: ListNode): void {
    if (l.items.length > 0) this.range(l.items, l.items.length, true);
  }

  /** items[0..n): with the last one's `&` (a trailing connection without a second command) when `trailing`. */
  private range(items: readonly ListItem[], n: number, trailing: boolean): void {
    const last = items[n - 1];
    const body = (): void => {
      if (n === 1) this.andOr(last.node);
      else this.connection(() => this.range(items, n - 1, false), items[n - 2].bg ? '&' : ';', () => this.andOr(last.node));
    };
    if (trailing && last.bg) this.connection(body, '&', undefined);
    else body();
  }

  private andOr(n: AndOrNode, from = n.rest.length): void {
    // `a && b || c` is ((a && b) || c): the last connector is the outermost.
    if (from === 0) return this.pipeline(n.first, n.first.cmds.length, n.first.bang, n.first.time);
    const { op, cmd } = n.rest[from - 1];
    this.connection(() => this.andOr(n, from - 1), op, () => this.pipeline(cmd, cmd.cmds.length, cmd.bang, cmd.time));
  }

  private pipeline(p: PipelineNode, from: number, bang: boolean, time: PipelineNode['time']): void {
    if (from === 0) return this.prologue(bang, time);
    if (from === 1) return this.command(p.cmds[0], bang, time);
    if (bang || time) {
      // `time` and `!` belong to the whole pipeline: they come after the pipeline's own indent.
      this.prologue(bang, time);
      this.skipIndent++;
    }
    this.connection(() => this.pipeline(p, from - 1, false, undefined), '|', () => this.command(p.cmds[from - 1], false));
  }

  private body(l: ListNode | undefined): void {
    if (l && l.items.length > 0) this.list(l);
  }

  command(c: Command, bang = false, time?: PipelineNode['time']): void {
    this.prologue(bang, time);
    switch (c.t) {
      case 'simple':
        this.simple(c);
        return;
      case 'if':
        this.ifCommand(c.clauses, c.otherwise, 0);
        break;
      case 'for':
        this.out += `for ${c.name} in ${c.items ? c.items.map((w) => w.raw).join(' ') : '"$@"'};`;
        this.doGroup(c.body);
        break;
      case 'cfor':
        this.out += `for ((${c.init.raw.trim()}; ${c.cond.raw.trim()}; ${c.step.raw.trim()}))`;
        this.doGroup(c.body);
        break;
      case 'while':
        this.out += c.until ? 'until ' : 'while ';
        this.skipIndent++;
        this.list(c.cond);
        this.printDeferred('');
        this.semicolon();
        this.out += ' do\n';
        this.indentation += INDENT;
        this.list(c.body);
        this.printDeferred('');
        this.indentation -= INDENT;
        this.semicolon();
        this.newline('done');
        break;
      case 'case':
        this.out += `case ${c.word.raw} in `;
        this.indentation += INDENT;
        for (const arm of c.arms) {
          this.newline('');
          this.out += `${arm.patterns.map((w) => w.raw).join(' | ')})\n`;
          this.indentation += INDENT;
          this.body(arm.body);
          this.indentation -= INDENT;
          this.printDeferred('');
          this.newline(arm.fall);
        }
        this.indentation -= INDENT;
        this.newline('esac');
        break;
      case 'group':
        this.out += '{ ';
        if (this.insideFunction === 0) this.skipIndent++;
        else {
          this.out += '\n';
          this.indentation += INDENT;
        }
        this.list(c.body);
        this.printDeferred('');
        if (this.insideFunction) {
          this.out += '\n';
          this.indentation -= INDENT;
          this.indent(this.indentation);
        } else {
          this.semicolon();
          this.out += ' ';
        }
        this.out += '}';
        break;
      case 'subshell':
        this.out += '( ';
        this.skipIndent++;
        this.list(c.body);
        this.printDeferred('');
        this.out += ' )';
        break;
      case 'func':
        this.functionDef(c.name, c.body);
        return;
      case 'cond':
        this.out += `[[ ${c.words.map((w) => w.raw).join(' ')} ]]`;
        break;
      case 'arithcmd':
        this.out += `((${c.expr.raw}))`;
        break;
    }
    if (c.redirs.length > 0) {
      this.out += ' ';
      this.redirections(c.redirs);
    }
  }

  private doGroup(body: ListNode): void {
    this.newline('do\n');
    this.indentation += INDENT;
    this.list(body);
    this.printDeferred('');
    this.semicolon();
    this.indentation -= INDENT;
    this.newline('done');
  }

  /** `elif` is an `if` inside `else`, as bash's parser builds it. */
  private ifCommand(clauses: readonly { cond: ListNode; body: ListNode }[], otherwise: ListNode | undefined, i: number): void {
    this.out += 'if ';
    this.skipIndent++;
    this.list(clauses[i].cond);
    this.semicolon();
    this.out += ' then\n';
    this.indentation += INDENT;
    this.list(clauses[i].body);
    this.printDeferred('');
    this.indentation -= INDENT;
    const more = i + 1 < clauses.length;
    if (more || otherwise) {
      this.semicolon();
      this.newline('else\n');
      this.indentation += INDENT;
      if (more) {
        this.prologue();
        this.ifCommand(clauses, otherwise, i + 1);
      } else this.list(otherwise!);
      this.printDeferred('');
      this.indentation -= INDENT;
    }
    this.semicolon();
    this.newline('fi');
  }

  private simple(c: SimpleNode): void {
    const words = [...c.assigns.map(assignText), ...c.words.map((w) => w.raw)];
    this.out += words.join(' ');
    if (c.redirs.length > 0) {
      if (words.length > 0) this.out += ' ';
      this.redirections(c.redirs);
    }
  }

  private redirections(rs: readonly Redir[]): void {
    const docs: Redir[] = [];
    this.wasHeredoc = false;
    rs.forEach((r, i) => {
      if (r.op === '<<' || r.op === '<<-') {
        this.out += `${r.fd !== undefined && r.fd !== 0 ? r.fd : ''}${r.op}${r.heredoc?.quoted ? `'${delimiter(r)}'` : delimiter(r)}`;
        docs.push(r);
      } else this.out += redirection(r);
      if (i < rs.length - 1) this.out += ' ';
    });
    if (docs.length > 0 && this.printingConnection) this.deferred = docs;
    else if (docs.length > 0) this.heredocBodies(docs);
  }

  /** bash's named_function_string with FUNC_MULTILINE: the text `type` and `declare -f` show. */
  functionText(name: string, body: Command): void {
    if (RESERVED.has(name)) this.out += 'function ';
    this.out += `${name} () \n`;
    this.indentation += INDENT;
    this.insideFunction++;
    this.out += '{ \n';
    this.functionBody(body);
    this.indentation -= INDENT;
  }

  private functionBody(body: Command): void {
    if (body.t === 'group') this.list(body.body);
    else this.command(body);
    this.printDeferred('');
    this.insideFunction--;
    const redirs = body.t === 'group' ? body.redirs : [];
    if (redirs.length > 0) {
      this.indentation -= INDENT;
      this.newline('} ');
      this.indentation += INDENT;
      this.redirections(redirs);
    } else {
      this.indentation -= INDENT;
      this.newline('}');
      this.indentation += INDENT;
      this.wasHeredoc = false;
    }
  }

  /** A function defined inside one being printed (print_function_def). */
  private functionDef(name: string, body: Command): void {
    this.out += `function ${name} () \n`;
    this.indent(this.indentation);
    this.out += '{ \n';
    this.insideFunction++;
    this.indentation += INDENT;
    this.functionBody(body);
    this.indentation -= INDENT;
  }
}

function assignText(a: SimpleNode['assigns'][number]): string {
  const sub = a.sub ? `[${a.sub.raw}]` : '';
  const value = a.items ? `(${a.items.map((w) => w.raw).join(' ')})` : a.value.raw;
  return `${a.name}${sub}${a.append ? '+=' : '='}${value}`;
}

/** A here-document's delimiter without its quotes. */
function delimiter(r: Redir): string {
  return r.target.raw.replace(/\\(.)|['"]/g, '$1');
}

function redirection(r: Redir): string {
  const t = r.target.raw;
  const fd = r.fd;
  switch (r.op) {
    case '<':
      return `${fd !== undefined && fd !== 0 ? fd : ''}< ${t}`;
    case '>':
    case '>>':
    case '>|':
      return `${fd !== undefined && fd !== 1 ? fd : ''}${r.op} ${t}`;
    case '<>':
      // bash prints the default descriptor of `<>` (0) since it tests against 1, as for output.
      return `${fd ?? 0}<> ${t}`;
    case '<<<':
      return `${fd !== undefined && fd !== 0 ? fd : ''}<<< ${t}`;
    case '&>':
    case '&>>':
      return `${r.op} ${t}`;
    case '<&':
    case '>&': {
      const def = r.op === '<&' ? 0 : 1;
      const n = fd ?? def;
      if (t === '-') return `${n}>&-`;
      if (/^\d+$/.test(t)) return `${n}${r.op}${t}`;
      if (/^\d+-$/.test(t)) return `${n}${r.op}${t}`;
      return `${n === def ? '' : n}${r.op}${t}`;
    }
    default:
      return `${r.op}${t}`;
  }
}

/** `name () \n{ \n    …\n}`: a function as `type` and `declare -f` print it (no final newline). */
export function functionText(name: string, body: Command): string {
  const p = new Printer();
  p.functionText(name, body);
  return p.out;
}
