export { KeyDecoder, controlKey } from './keys.js';
export { ALT_SCREEN_OFF, ALT_SCREEN_ON, Tui, type TuiEvent, type TuiOptions } from './terminal.js';
