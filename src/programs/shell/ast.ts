/** The shell's syntax tree. Nodes are plain data: parsed once, run many times (loops, functions). */

export type WordPart =
  /** Unquoted text: globbing applies. */
  | { readonly k: 'lit'; readonly v: string }
  /** Quoted or backslash-escaped text: taken literally. */
  | { readonly k: 'sq'; readonly v: string }
  | { readonly k: 'dq'; readonly parts: readonly WordPart[] }
  | { readonly k: 'param'; readonly name: string; readonly op?: string; readonly arg?: Word; readonly arg2?: Word; readonly sub?: Word }
  /** bash's `(a b c)` after `name=` (compound assignment): the words, and the text for `declare` to re-read. */
  | { readonly k: 'list'; readonly items: readonly Word[]; readonly raw: string }
  | { readonly k: 'cmd'; readonly body: ListNode }
  | { readonly k: 'arith'; readonly expr: Word }
  | { readonly k: 'tilde'; readonly user: string };

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word exactly as typed (for messages, `case` diagnostics and job titles). */
  readonly raw: string;
  /** Set when the word is plain text needing no expansion at all (the fast path). */
  readonly plain?: string;
}

export interface Assign {
  readonly name: string;
  readonly value: Word;
  readonly append: boolean;
  /** `name[sub]=value`. */
  readonly sub?: Word;
  /** `name=(items…)`: a whole array. */
  readonly items?: readonly Word[];
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  readonly op: RedirOp;
  /** Target descriptor; undefined means the operator's default (0 for input, 1 for output). */
  readonly fd: number | undefined;
  readonly target: Word;
  /** Here-document body, filled in when the lexer reaches it; `quoted` bodies are not expanded. */
  heredoc?: { body: Word; quoted: boolean };
}

export interface SimpleNode {
  readonly t: 'simple';
  readonly assigns: readonly Assign[];
  readonly words: readonly Word[];
  readonly redirs: readonly Redir[];
  readonly line: number;
}

export interface PipelineNode {
  readonly t: 'pipeline';
  readonly bang: boolean;
  /** bash's `time` (`posix` for `time -p`); with no commands, `time` alone. */
  readonly time?: 'bash' | 'posix';
  readonly cmds: readonly Command[];
  readonly line: number;
}

export interface AndOrNode {
  readonly t: 'andor';
  readonly first: PipelineNode;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly cmd: PipelineNode }[];
}

export interface ListItem {
  readonly node: AndOrNode;
  readonly bg: boolean;
  /** Source text, for job titles. */
  readonly text: string;
}

export interface ListNode {
  readonly t: 'list';
  readonly items: readonly ListItem[];
}

interface Compound {
  readonly redirs: readonly Redir[];
  readonly line: number;
}

export interface IfNode extends Compound {
  readonly t: 'if';
  readonly clauses: readonly { readonly cond: ListNode; readonly body: ListNode }[];
  readonly otherwise: ListNode | undefined;
}
export interface ForNode extends Compound {
  readonly t: 'for';
  readonly name: string;
  /** undefined: iterate over "$@". */
  readonly items: readonly Word[] | undefined;
  readonly body: ListNode;
}
export interface LoopNode extends Compound {
  readonly t: 'while';
  readonly until: boolean;
  readonly cond: ListNode;
  readonly body: ListNode;
}
export interface CaseNode extends Compound {
  readonly t: 'case';
  readonly word: Word;
  readonly arms: readonly { readonly patterns: readonly Word[]; readonly body: ListNode; readonly fall: ';;' | ';&' | ';;&' }[];
}
export interface GroupNode extends Compound {
  readonly t: 'group' | 'subshell';
  readonly body: ListNode;
}
export interface FuncNode extends Compound {
  readonly t: 'func';
  readonly name: string;
  readonly body: Command;
}
/** `[[ … ]]`, run with `test` semantics plus pattern and regex matching. */
export interface CondNode extends Compound {
  readonly t: 'cond';
  readonly words: readonly Word[];
}
export interface ArithNode extends Compound {
  readonly t: 'arithcmd';
  readonly expr: Word;
}

/** `for ((init; cond; step))`. */
export interface CForNode extends Compound {
  readonly t: 'cfor';
  readonly init: Word;
  readonly cond: Word;
  readonly step: Word;
  readonly body: ListNode;
}

export type Command =
  | SimpleNode
  | IfNode
  | ForNode
  | CForNode
  | LoopNode
  | CaseNode
  | GroupNode
  | FuncNode
  | CondNode
  | ArithNode;
