/**
 * ESLint rule: no import cycles between the project's own files, type-only imports included.
 *
 * import-x/no-cycle (4.x) always skips `import type` and all-`type` specifier lists, and has no option to
 * count them, so a circle made of type imports passed lint: two files that each need the other to be read
 * are one module in all but name. This rule reads every relative import (`import`, `import type`,
 * `export … from`, `import()`) and reports an import whose target leads back to the importing file.
 *
 * Other files' imports come from TypeScript's preProcessFile (a scan, no type check), cached by path and
 * re-read when the file's mtime changes, so a lint of the whole tree reads each file once.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx'];

/** path → { mtimeMs, deps } */
const cache = new Map();
/** Files whose mtime was checked in the current lint pass (one pass = one linted file). */
let checked = new Set();

function resolveImport(from, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [
    ...EXTENSIONS.map((e) => stem + e),
    base,
    ...EXTENSIONS.map((e) => path.join(base, 'index' + e)),
  ];
  for (const c of candidates) {
    if (fs.statSync(c, { throwIfNoEntry: false })?.isFile()) return c;
  }
  return undefined;
}

function importsOf(file) {
  let entry = cache.get(file);
  if (entry && checked.has(file)) return entry.deps;
  const st = fs.statSync(file, { throwIfNoEntry: false });
  checked.add(file);
  if (!st) return [];
  if (!entry || entry.mtimeMs !== st.mtimeMs) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const deps = [...new Set(info.importedFiles.map((i) => resolveImport(file, i.fileName)).filter(Boolean))];
    entry = { mtimeMs: st.mtimeMs, deps };
    cache.set(file, entry);
  }
  return entry.deps;
}

/** The shortest import route from `start` back to `target` (start first), or undefined. */
function routeBack(start, target) {
  const via = new Map([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    for (const dep of importsOf(file)) {
      if (dep === target) {
        const route = [];
        for (let f = file; f !== null; f = via.get(f)) route.unshift(f);
        return route;
      }
      if (!via.has(dep)) {
        via.set(dep, file);
        queue.push(dep);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between files, type-only imports included' },
    schema: [],
    messages: { cycle: 'Dependency cycle (type-only imports count): {{route}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    checked = new Set();
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolveImport(file, source.value);
      if (!target || target === file) return;
      const route = routeBack(target, file);
      if (!route) return;
      const names = [file, ...route, file].map((f) => path.relative(context.cwd, f));
      context.report({ node, messageId: 'cycle', data: { route: names.join(' → ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default rule;
