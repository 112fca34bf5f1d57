/** filters.Args as the CLI builds it from `-f key=value` and sends it: `{"status":{"exited":true}}`. */
export function filtersJSON(pairs: readonly string[], extra: ReadonlyArray<[string, string]> = []): string | undefined {
  const m = new Map<string, Set<string>>();
  const add = (k: string, v: string): void => {
    const set = m.get(k) ?? new Set<string>();
    set.add(v);
    m.set(k, set);
  };
  for (const p of pairs) {
    const eq = p.indexOf('=');
    // opts.FilterOpt: the name is trimmed and lower-cased, the value trimmed.
    add(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim());
  }
  for (const [k, v] of extra) add(k, v);
  if (m.size === 0) return undefined;
  const keys = [...m.keys()].sort();
  return '{' + keys.map((k) => `${JSON.stringify(k)}:{${[...m.get(k)!].sort().map((v) => `${JSON.stringify(v)}:true`).join(',')}}`).join(',') + '}';
}
