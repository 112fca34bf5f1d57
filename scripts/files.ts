/** Reading the repository's content folders (lessons/, decks/) for the check scripts, the build and tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, at any depth, sorted; none if `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names.map((n) => join(dir, n)).filter((p) => statSync(p).isFile()).sort();
}

/** The files under `dir` that `keep` accepts, with their text, as the validators take them. */
export function readFilesUnder(dir: string, keep: (path: string) => boolean): { path: string; text: string }[] {
  return filesUnder(dir).filter(keep).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}
