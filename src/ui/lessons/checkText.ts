/**
 * A check in the learner's words, zh or en: "A container named `web` (image `nginx`) is running". The
 * lesson file's own form (describeCheck) stays available to authors as the item's title.
 */
import type { Check } from '../../lessons/index.js';
import type { Locale } from '../i18n.js';

const code = (s: string | number): string => `\`${s}\``;

type Parts = (zh: boolean) => string;

function container(c: Extract<Check, { kind: 'container' }>): Parts {
  return (zh) => {
    const quals: string[] = [];
    if (c.image) quals.push(zh ? `镜像 ${code(c.image)}` : `image ${code(c.image)}`);
    if (c.tty !== undefined) quals.push(zh ? (c.tty ? '带终端（-t）' : '不带终端') : c.tty ? 'with a terminal (-t)' : 'without a terminal');
    if (c.interactive !== undefined) quals.push(zh ? (c.interactive ? '交互式（-i）' : '非交互式') : c.interactive ? 'interactive (-i)' : 'not interactive');
    if (c.restart) quals.push(zh ? `重启策略 ${code(c.restart)}` : `restart policy ${code(c.restart)}`);
    if (c.command) quals.push(zh ? `命令含 ${code(c.command)}` : `command contains ${code(c.command)}`);
    if (c.exitCode !== undefined) quals.push(zh ? `退出码 ${c.exitCode}` : `exit code ${c.exitCode}`);
    const q = quals.length > 0 ? (zh ? `（${quals.join('，')}）` : ` (${quals.join(', ')})`) : '';
    const state = c.state ? (zh ? `，状态为 ${code(c.state)}` : `, ${code(c.state)}`) : '';
    if (c.count !== undefined) {
      return zh ? `正好有 ${c.count} 个容器${q}${state}` : `exactly ${c.count} container(s)${q}${state}`;
    }
    const named = c.name ? (zh ? `名为 ${code(c.name)} 的容器` : `a container named ${code(c.name)}`) : zh ? '一个容器' : 'a container';
    return zh ? `存在${named}${q}${state}` : `${named.charAt(0).toUpperCase()}${named.slice(1)}${q} exists${state}`;
  };
}

function text(c: Check): Parts {
  switch (c.kind) {
    case 'container':
      return container(c);
    case 'image':
      return image(c);
    case 'log':
      return (zh) => {
        const what = [
          c.contains !== undefined ? (zh ? `包含 ${code(c.contains)}` : `contains ${code(c.contains)}`) : '',
          c.lines !== undefined ? (zh ? `至少 ${c.lines} 行` : `has at least ${c.lines} lines`) : '',
        ].filter(Boolean);
        return zh ? `容器 ${code(c.container)} 的日志${what.join('且')}` : `The log of ${code(c.container)} ${what.join(' and ')}`;
      };
    case 'file':
      return (zh) => {
        if (c.exists === false) return zh ? `容器 ${code(c.container)} 里没有 ${code(c.path)}` : `${code(c.path)} does not exist in ${code(c.container)}`;
        const has = c.contains !== undefined ? (zh ? `，内容包含 ${code(c.contains)}` : `, containing ${code(c.contains)}`) : '';
        return zh ? `容器 ${code(c.container)} 里有文件 ${code(c.path)}${has}` : `${code(c.path)} exists in ${code(c.container)}${has}`;
      };
    case 'foreground':
      return (zh) => {
        const term = zh ? `终端 ${c.terminal ?? 1}` : `terminal ${c.terminal ?? 1}`;
        const where = !c.container
          ? zh ? '（在主机上）' : ' on the host'
          : c.container === 'any'
            ? zh ? '（在某个容器里）' : ' inside a container'
            : zh ? `（在容器 ${code(c.container)} 里）` : ` inside ${code(c.container)}`;
        const flag = c.flag ? (zh ? `，带 ${code(`--${c.flag}`)} 选项` : `, given ${code(`--${c.flag}`)}`) : '';
        return zh ? `${term}的前台程序是 ${code(c.program)}${where}${flag}` : `The foreground program of ${term} is ${code(c.program)}${where}${flag}`;
      };
    case 'env':
      return (zh) => {
        const v = c.value !== undefined ? `=${c.value}` : '';
        return zh ? `终端 ${c.terminal ?? 1} 的 shell 导出了 ${code(c.name + v)}` : `The shell on terminal ${c.terminal ?? 1} exports ${code(c.name + v)}`;
      };
    case 'group':
      return (zh) => (zh ? `用户 ${code(c.user)} 属于组 ${code(c.group)}` : `User ${code(c.user)} is in group ${code(c.group)}`);
    case 'daemon':
      return (zh) => {
        const parts: string[] = [];
        if (c.running !== undefined) parts.push(zh ? (c.running ? 'dockerd 正在运行' : 'dockerd 没有运行') : c.running ? 'dockerd is running' : 'dockerd is not running');
        if (c.listens) parts.push(zh ? `dockerd 监听 ${code(c.listens)}` : `dockerd listens on ${code(c.listens)}`);
        return parts.join(zh ? '，' : ', ');
      };
    case 'ran':
      return (zh) => {
        const ok = c.success === false;
        return zh
          ? `你运行了 ${code(`docker ${c.command}`)}${ok ? '，并且它报错了' : '，并且它成功了'}`
          : `You ran ${code(`docker ${c.command}`)}${ok ? ' and it failed' : ' and it succeeded'}`;
      };
    case 'process':
      return (zh) => {
        const n = c.count !== undefined ? (zh ? `正好 ${c.count} 个` : `exactly ${c.count} `) : '';
        return zh
          ? `容器 ${code(c.container)} 里运行着${n} ${code(c.program)} 进程`
          : `${n ? `${n}` : 'A '}${code(c.program)} process${c.count !== undefined && c.count !== 1 ? 'es run' : ' runs'} in ${code(c.container)}`;
      };
    case 'port':
      return (zh) => {
        const on = c.host !== undefined ? (zh ? `主机端口 ${code(c.host)}` : ` on host port ${code(c.host)}`) : '';
        return zh ? `容器 ${code(c.container)} 把端口 ${code(c.port)} 发布到了${on || '主机上'}` : `${code(c.container)} publishes port ${code(c.port)}${on}`;
      };
    case 'mount':
      return (zh) => {
        const quals: string[] = [];
        if (c.type) quals.push(zh ? `类型 ${code(c.type)}` : `type ${code(c.type)}`);
        if (c.source) quals.push(zh ? `来源 ${code(c.source)}` : `from ${code(c.source)}`);
        if (c.readonly !== undefined) quals.push(zh ? (c.readonly ? '只读' : '可写') : c.readonly ? 'read-only' : 'writable');
        const q = quals.length > 0 ? (zh ? `（${quals.join('，')}）` : ` (${quals.join(', ')})`) : '';
        return zh ? `容器 ${code(c.container)} 在 ${code(c.destination)} 有挂载${q}` : `${code(c.container)} has a mount at ${code(c.destination)}${q}`;
      };
    case 'network':
      return (zh) => {
        const member = c.member ? (zh ? `，容器 ${code(c.member)} 连接在上面` : ` with ${code(c.member)} attached`) : '';
        const internal = c.internal !== undefined ? (zh ? (c.internal ? '（内部网络）' : '（非内部网络）') : c.internal ? ' (internal)' : ' (not internal)') : '';
        return zh ? `存在网络 ${code(c.name)}${internal}${member}` : `The network ${code(c.name)} exists${internal}${member}`;
      };
    case 'volume':
      return (zh) => {
        const by = c.usedBy ? (zh ? `，被容器 ${code(c.usedBy)} 挂载` : `, mounted by ${code(c.usedBy)}`) : '';
        return zh ? `存在数据卷 ${code(c.name)}${by}` : `The volume ${code(c.name)} exists${by}`;
      };
    case 'resolves':
      return (zh) => {
        const to = c.address ? (zh ? `，解析为 ${code(c.address)}` : ` to ${code(c.address)}`) : '';
        return zh ? `在容器 ${code(c.container)} 里能解析名字 ${code(c.name)}${to}` : `Inside ${code(c.container)}, the name ${code(c.name)} resolves${to}`;
      };
    case 'http':
      return (zh) => {
        const at = c.container !== undefined ? (zh ? `容器 ${code(c.container)} 发布的端口 ${code(c.port ?? '80')}` : `${code(c.container)}'s published port ${code(c.port ?? '80')}`) : (zh ? `主机端口 ${code(c.host!)}` : `host port ${code(c.host!)}`);
        const path = code(c.path ?? '/');
        const has = c.contains !== undefined ? (zh ? `，内容包含 ${code(c.contains)}` : `, containing ${code(c.contains)}`) : '';
        return zh ? `请求${at}上的 ${path}，响应状态码为 ${code(c.status ?? 200)}${has}` : `A request for ${path} on ${at} is answered ${code(c.status ?? 200)}${has}`;
      };
    case 'hostFile':
      return (zh) => {
        if (c.exists === false) return zh ? `主机上没有 ${code(c.path)}` : `${code(c.path)} does not exist on the host`;
        const has = c.contains !== undefined ? (zh ? `，内容包含 ${code(c.contains)}` : `, containing ${code(c.contains)}`) : '';
        return zh ? `主机上有文件 ${code(c.path)}${has}` : `${code(c.path)} exists on the host${has}`;
      };
    case 'build':
      return (zh) => {
        const of = c.tag ? (zh ? `${code(c.tag)} 最近一次构建中，` : `In the last build of ${code(c.tag)}, `) : zh ? '最近一次构建中，' : 'In the last build, ';
        const one = c.instruction !== undefined ? code(c.instruction) : c.step !== undefined ? (zh ? `第 ${c.step} 步` : `step ${c.step}`) : undefined;
        if (c.cached === undefined) {
          if (zh) return one ? `${of}有一步是 ${one}` : `${of.replace(/中，$/, '')}已完成`;
          return one ? `${of}there is a step ${one}` : `${c.tag ? `${code(c.tag)} was` : 'An image was'} built`;
        }
        if (zh) return `${of}${one ?? '每一步都'}${c.cached ? '使用了缓存（CACHED）' : '重新执行了，没有用缓存'}`;
        return `${of}${one ?? 'every step'} ${c.cached ? 'came from the cache (CACHED)' : 'ran again, not from the cache'}`;
      };
    case 'registry':
      return (zh) => {
        const where = c.container ? (zh ? `容器 ${code(c.container)} 里的私有 Registry` : `The registry in ${code(c.container)}`) : 'Docker Hub';
        return zh ? `${where}保存着 ${code(c.ref)}` : `${where} holds ${code(c.ref)}`;
      };
  }
}

function image(c: Extract<Check, { kind: 'image' }>): Parts {
  return (zh) => {
    const has: string[] = [];
    if (c.layers !== undefined) has.push(zh ? `有 ${c.layers} 层` : `has ${c.layers} layer(s)`);
    const field = (name: string, value: string | undefined): void => {
      if (value !== undefined) has.push(zh ? `${name} 为 ${code(value)}` : `${name} ${code(value)}`);
    };
    field(zh ? '标签' : 'label', c.label);
    field(zh ? '环境变量' : 'env', c.env);
    field('CMD', c.cmd);
    field('ENTRYPOINT', c.entrypoint);
    if (c.exposes !== undefined) has.push(zh ? `暴露端口 ${code(c.exposes)}` : `exposes ${code(c.exposes)}`);
    field(zh ? '用户' : 'user', c.user);
    field(zh ? '工作目录' : 'workdir', c.workdir);
    if (has.length === 0) return zh ? `本地有镜像 ${code(c.ref)}` : `The image ${code(c.ref)} is present locally`;
    return zh ? `本地有镜像 ${code(c.ref)}，它${has.join('，')}` : `The image ${code(c.ref)} is present locally and ${has.join(', ')}`;
  };
}

/** Inline Markdown (code spans) describing the check; `not: true` says so. */
export function checkText(check: Check, locale: Locale): string {
  const zh = locale === 'zh';
  // The negations lessons assume ("no ubuntu image yet") read better said straight.
  if (check.not && check.kind === 'image') return zh ? `本地还没有镜像 ${code(check.ref)}` : `The image ${code(check.ref)} is not present locally`;
  if (check.not && check.kind === 'group') {
    return zh ? `用户 ${code(check.user)} 不属于组 ${code(check.group)}` : `User ${code(check.user)} is not in group ${code(check.group)}`;
  }
  const s = text(check)(zh);
  if (!check.not) return s;
  return zh ? `不成立：${s}` : `Not so: ${s}`;
}
