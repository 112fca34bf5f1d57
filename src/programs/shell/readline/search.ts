/**
 * Incremental reverse search (C-r): each typed character narrows the search, C-r again finds an older
 * match, Backspace goes back a step. Rendered in place of the prompt as bash does:
 * "(reverse-i-search)`q': matching line", "(failed reverse-i-search)`qx': last match".
 */

interface Step {
  readonly query: string;
  /** History index of the match shown (entries.length: the line being typed). */
  readonly index: number;
  /** Where the query starts in that line. */
  readonly at: number;
  readonly failed: boolean;
}

export class ReverseSearch {
  private readonly steps: Step[];

  constructor(
    private readonly entries: readonly string[],
    private readonly current: string,
    start: number,
    point: number,
  ) {
    this.steps = [{ query: '', index: start, at: point, failed: false }];
  }

  private get top(): Step {
    return this.steps[this.steps.length - 1];
  }

  private line(i: number): string {
    return i >= this.entries.length ? this.current : this.entries[i];
  }

  /** Searches from (index, at) backwards, the current entry included at positions ≤ at. */
  private find(query: string, index: number, at: number): { index: number; at: number } | null {
    for (let i = index; i >= 0; i--) {
      const line = this.line(i);
      const from = i === index ? Math.min(at, line.length - query.length) : line.length - query.length;
      if (from < 0) continue;
      const p = line.lastIndexOf(query, from);
      if (p >= 0) return { index: i, at: p };
    }
    return null;
  }

  /** A typed character extends the query. */
  add(text: string): void {
    const t = this.top;
    const query = t.query + text;
    if (t.failed) {
      this.steps.push({ ...t, query });
      return;
    }
    // The current match still matches if the query grows at the same place.
    const hit = this.find(query, t.index, t.at);
    this.steps.push(hit ? { query, index: hit.index, at: hit.at, failed: false } : { ...t, query, failed: true });
  }

  /** C-r: the next older match of the same query. */
  again(): void {
    const t = this.top;
    if (t.query === '') return;
    const hit = t.at > 0 ? this.find(t.query, t.index, t.at - 1) : this.find(t.query, t.index - 1, Infinity);
    this.steps.push(hit ? { ...t, index: hit.index, at: hit.at, failed: false } : { ...t, failed: true });
  }

  /** Backspace: undo the last step (false when there is none left). */
  back(): boolean {
    if (this.steps.length <= 1) return false;
    this.steps.pop();
    return true;
  }

  get prompt(): string {
    const t = this.top;
    return `(${t.failed ? 'failed ' : ''}reverse-i-search)\`${t.query}': `;
  }

  get index(): number {
    return this.top.index;
  }

  get text(): string {
    return this.line(this.top.index);
  }

  get point(): number {
    return Math.min(this.top.at, this.text.length);
  }

  get failed(): boolean {
    return this.top.failed;
  }
}
