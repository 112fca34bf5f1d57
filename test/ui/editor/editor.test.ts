import { describe, expect, it } from 'vitest';
import { editorStateOf, EDITOR_DEFAULT } from '../../../src/ui/editor/editorState.js';
import { languageFor } from '../../../src/ui/editor/language.js';

describe('the editor pane’s language', () => {
  it('is told by the name, the place, or the first line', () => {
    expect(languageFor('/home/user/Dockerfile')).toBe('dockerfile');
    expect(languageFor('/home/user/app/Dockerfile.dev')).toBe('dockerfile');
    expect(languageFor('/home/user/web.dockerfile')).toBe('dockerfile');
    expect(languageFor('/etc/nginx/nginx.conf')).toBe('nginx');
    expect(languageFor('/etc/nginx/sites-available/default')).toBe('nginx');
    expect(languageFor('/home/user/site.conf', 'server {\n  listen 80;\n}\n')).toBe('nginx');
    expect(languageFor('/etc/resolv.conf', 'nameserver 10.0.2.3\n')).toBe('text');
    expect(languageFor('/usr/share/nginx/html/index.html')).toBe('html');
    expect(languageFor('/home/user/.bashrc')).toBe('shell');
    expect(languageFor('/home/user/run.sh')).toBe('shell');
    expect(languageFor('/usr/local/bin/entrypoint', '#!/bin/sh\nexec "$@"\n')).toBe('shell');
    expect(languageFor('/home/user/notes.txt')).toBe('text');
  });
});

describe('the editor pane’s saved slot', () => {
  it('reads back what the pane stored', () => {
    const s = { shown: true, place: 'below', file: { target: { kind: 'container', id: 'abc' }, path: '/etc/hostname' } };
    expect(editorStateOf(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('falls back to the default for anything it does not recognise', () => {
    expect(editorStateOf(null)).toEqual(EDITOR_DEFAULT);
    expect(editorStateOf('x')).toEqual(EDITOR_DEFAULT);
    expect(editorStateOf({ shown: 'yes', place: 'left', file: { target: { kind: 'vm' }, path: '/x' } })).toEqual(EDITOR_DEFAULT);
    expect(editorStateOf({ shown: true, file: { target: { kind: 'host' }, path: 'relative' } })).toEqual({ ...EDITOR_DEFAULT, shown: true });
  });
});
