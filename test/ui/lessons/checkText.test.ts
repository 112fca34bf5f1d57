/** Every check kind reads as a sentence in both languages; the service kinds of chapters 4 and 5 as written here. */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/lessons/index.js';
import { checkText } from '../../../src/ui/lessons/checkText.js';

describe('checkText', () => {
  it('says the chapter 4 and 5 kinds in English and Chinese', () => {
    const cases: Array<[Check, string, string]> = [
      [{ kind: 'image', ref: 'static_web', exposes: '80', layers: 4 }, 'The image `static_web` is present locally and has 4 layer(s), exposes `80`', '本地有镜像 `static_web`，它有 4 层，暴露端口 `80`'],
      [{ kind: 'port', container: 'web', port: '80', host: 8080 }, '`web` publishes port `80` on host port `8080`', '容器 `web` 把端口 `80` 发布到了主机端口 `8080`'],
      [{ kind: 'mount', container: 'web', destination: '/var/www/html', type: 'bind', readonly: true }, '`web` has a mount at `/var/www/html` (type `bind`, read-only)', '容器 `web` 在 `/var/www/html` 有挂载（类型 `bind`，只读）'],
      [{ kind: 'network', name: 'app', member: 'db' }, 'The network `app` exists with `db` attached', '存在网络 `app`，容器 `db` 连接在上面'],
      [{ kind: 'volume', name: 'data', usedBy: 'db' }, 'The volume `data` exists, mounted by `db`', '存在数据卷 `data`，被容器 `db` 挂载'],
      [{ kind: 'resolves', container: 'web', name: 'db' }, 'Inside `web`, the name `db` resolves', '在容器 `web` 里能解析名字 `db`'],
      [{ kind: 'hostFile', path: '~/site/index.html', contains: 'hi' }, '`~/site/index.html` exists on the host, containing `hi`', '主机上有文件 `~/site/index.html`，内容包含 `hi`'],
    ];
    for (const [check, en, zh] of cases) {
      expect(checkText(check, 'en')).toBe(en);
      expect(checkText(check, 'zh')).toBe(zh);
    }
    expect(checkText({ kind: 'network', name: 'app', not: true }, 'en')).toBe('Not so: The network `app` exists');
  });
});
