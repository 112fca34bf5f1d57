/**
 * npm run decks:check [-- DIR]
 * Validates every deck under decks/ (or DIR): `decks/<id>/deck.<zh|en>.md`, the format (src/lessons/decks/parse.ts),
 * the two languages slide for slide, and every command on a slide against a freshly booted simulated host and
 * the docker CLI's command tree. Prints `file:line: message` for each problem; exit status 1 if any.
 */
import { relative } from 'node:path';
import { readFilesUnder } from './files.js';
import { formatError } from '../src/lessons/index.js';
import { validateDecks } from '../src/lessons/decks/validate.js';
import { HOST } from '../src/machine/files.js';
import { Machine } from '../src/machine/machine.js';

/** The learner's PATH on the simulated host (Ubuntu's default). */
const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function main(argv: readonly string[]): number {
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'decks';
  const files = readFilesUnder(dir, (p) => p.endsWith('.md') && !/(^|\/)README\.md$/.test(p)).map((f) => ({ ...f, path: relative(process.cwd(), f.path) }));
  const machine = Machine.boot({ seed: 1 });
  const exists = (path: string): boolean => machine.files.stat(HOST, path).ok;
  const onHost = (program: string): boolean => (program.includes('/') ? exists(program) : PATH.some((d) => exists(`${d}/${program}`)));
  const { decks, errors } = validateDecks(files, { onHost });
  for (const e of errors) console.error(formatError(e));
  console.log(`${files.length} deck files, ${decks.length} valid, ${errors.length} problems`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
