/** The line editor of interactive bash and busybox ash (dash reads plain canonical lines). */
export { readLineEdited, usesLineEditor } from './editor.js';
export { loadHistory, recordHistory, saveHistory } from './histfile.js';
export { completeBuiltin } from './builtin.js';
