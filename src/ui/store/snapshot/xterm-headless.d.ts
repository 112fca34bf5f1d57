/** The ES build of @xterm/headless, imported by path (terminalText.ts): the same API as the package. */
declare module '@xterm/headless/lib-headless/xterm-headless.mjs' {
  export * from '@xterm/headless';
}
