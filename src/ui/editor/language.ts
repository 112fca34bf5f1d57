/** Which syntax the editor pane gives a file. Kept apart from CodeMirror so it can be tested without it. */

export type LanguageName = 'dockerfile' | 'nginx' | 'shell' | 'html' | 'text';

/**
 * The language a file's name and place suggest, as editors guess it: Dockerfile by name, nginx by name or by
 * living under an `nginx/` directory (sites-available/default has no extension) or a `.conf` that reads like
 * one, shell by extension, dotfile or `#!` line, HTML by extension; plain text otherwise.
 */
export function languageFor(path: string, text = ''): LanguageName {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower === 'containerfile') return 'dockerfile';
  if (/\.html?$/.test(lower)) return 'html';
  if (lower === 'nginx.conf' || /\/nginx\//.test(path) || (lower.endsWith('.conf') && /\bserver\s*\{|\blocation\b/.test(text))) return 'nginx';
  if (/\.(sh|bash)$/.test(lower) || /^\.(bashrc|profile|bash_profile|bash_logout|bash_aliases)$/.test(lower) || /^#!.*\b(ba|da|a|z)?sh\b/.test(text)) return 'shell';
  return 'text';
}
