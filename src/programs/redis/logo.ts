/**
 * The ASCII logo redis-server draws instead of `Running mode=…` when it logs to a terminal (`docker run -it
 * redis`) or `always-show-logo yes`. 8.0 names the edition on its own line; older builds put the version there.
 */
import type { RedisBuild } from './builds.js';

export function asciiLogo(build: RedisBuild, port: number, pid: number): string {
  const dirty = build.dirty ? 1 : 0;
  const caption = build.logo === 'open-source'
    ? ["      _.-``    `.  `_.  ''-._           Redis Open Source            ",
      `  .-\`\` .-\`\`\`.  \`\`\`\\/    _.,_ ''-._      ${build.version} (00000000/${dirty}) 64 bit`]
    : [`      _.-\`\`    \`.  \`_.  ''-._           Redis ${build.version} (00000000/${dirty}) 64 bit`,
      "  .-`` .-```.  ```\\/    _.,_ ''-._                                  "];
  return [
    '                _._                                                  ',
    "           _.-``__ ''-._                                             ",
    ...caption,
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}`,
    ` |    \`-._   \`._    /     _.-'    |     PID: ${pid}`,
    "  `-._    `-._  `-./  _.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |           https://redis.io       ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |                                  ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    "      `-._    `-.__.-'    _.-'                                       ",
    "          `-._        _.-'                                           ",
    "              `-.__.-'                                               ",
    '',
    '',
  ].join('\n');
}
