/**
 * How a file on a simulated disk names the simulated binary it runs. A real ELF header would be noise to a
 * learner who `cat`s it; a short marker line keeps files small while `file`-like checks still see "binary".
 */
const MAGIC = '\x7fELF\x02\x01\x01\x00dockersim:';

export function binaryContent(program: string): string {
  return `${MAGIC}${program}\n`;
}

export type Executable =
  | { readonly kind: 'binary'; readonly program: string }
  | { readonly kind: 'script'; readonly interpreter: string; readonly arg: string | undefined }
  | { readonly kind: 'unknown' };

export function parseExecutable(content: string): Executable {
  if (content.startsWith(MAGIC)) {
    const end = content.indexOf('\n', MAGIC.length);
    return { kind: 'binary', program: content.slice(MAGIC.length, end < 0 ? undefined : end) };
  }
  if (content.startsWith('#!')) {
    const line = content.slice(2, (content.indexOf('\n') + 1 || content.length + 1) - 1).trim();
    const m = /^(\S+)(?:\s+(.*))?$/.exec(line);
    if (!m) return { kind: 'unknown' };
    return { kind: 'script', interpreter: m[1], arg: m[2]?.trim() || undefined };
  }
  return { kind: 'unknown' };
}
