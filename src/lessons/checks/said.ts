/**
 * What a check found on the machine, said in the learner's language: a message id and its values (names,
 * states, paths: the machine's own words, never translated), put into words by `sayIn`. Every message a
 * check can give is in MESSAGES, in zh and en; a test says each zh message is Chinese apart from its values.
 */
import type { Locale } from '../locale.js';

type Value = string | number | Said | readonly (Said | string)[];

export interface Said {
  readonly id: MessageId;
  readonly vars: Readonly<Record<string, Value>>;
}

interface Message {
  readonly en: string;
  readonly zh: string;
  /** How a list value is joined (default: `, ` and `、`). */
  readonly join?: { readonly en: string; readonly zh: string };
}

export const MESSAGES = {
  containerFound: { en: '{n} matching; {seen}', zh: '符合的有 {n} 个；{seen}', join: { en: '; ', zh: '；' } },
  noSuchContainer: { en: 'no such container', zh: '没有这样的容器' },
  containerIs: {
    en: '{name} ({image}, {state}, tty={tty}, restart={restart})',
    zh: '{name}（镜像 {image}，状态 {state}，终端 {tty}，重启策略 {restart}）',
  },
  images: { en: 'images: {tags}', zh: '本地镜像：{tags}' },
  noImages: { en: 'no images (looked for {ref})', zh: '本地没有镜像（要找的是 {ref}）' },
  noContainer: { en: 'no container {name}', zh: '没有容器 {name}' },
  logLines: { en: '{n} log lines', zh: '日志有 {n} 行' },
  fileMissing: { en: '{path} does not exist', zh: '{path} 不存在' },
  fileUnreadable: { en: '{path}: Permission denied (checked as the learner)', zh: '{path}：没有权限读取（以学习者身份检查）' },
  fileExists: { en: '{path} exists', zh: '{path} 存在' },
  fileLacks: { en: '{path} does not contain {text}', zh: '{path} 里没有 {text}' },
  terminalClosed: { en: 'terminal {n} is not open', zh: '终端 {n} 没有打开' },
  terminalRuns: { en: 'terminal {n}: {programs}', zh: '终端 {n}：{programs}', join: { en: ' → ', zh: ' → ' } },
  terminalIdle: { en: 'terminal {n}: nothing in the foreground', zh: '终端 {n}：前台没有程序' },
  program: { en: '{program}', zh: '{program}' },
  programIn: { en: '{program} in {container}', zh: '容器 {container} 里的 {program}' },
  noShell: { en: 'no shell on the terminal', zh: '终端上没有 shell' },
  notExported: { en: '{name} is not exported', zh: '{name} 没有被导出' },
  exported: { en: '{name}={value}', zh: '{name}={value}' },
  userGroups: { en: '{user} is in: {groups}', zh: '{user} 所在的组：{groups}' },
  userNoGroups: { en: '{user} is in: no groups', zh: '{user} 不属于任何组' },
  noUser: { en: 'no user {user}', zh: '没有用户 {user}' },
  daemonListens: { en: 'dockerd listens on {addrs}', zh: 'dockerd 监听 {addrs}' },
  daemonListensNothing: { en: 'dockerd listens on nothing', zh: 'dockerd 没有监听任何地址' },
  daemonDown: { en: 'dockerd is not running', zh: 'dockerd 没有运行' },
  ranList: { en: '{runs}', zh: '{runs}', join: { en: '; ', zh: '；' } },
  ranOnce: { en: 'docker {args} → {status}', zh: 'docker {args} → 退出码 {status}' },
  notRan: { en: 'docker {command} was not run', zh: '还没有运行过 docker {command}' },
  notRunning: { en: '{name} is not running', zh: '{name} 没有在运行' },
  processes: { en: '{name} runs: {programs}', zh: '{name} 里运行着：{programs}' },
  imageField: { en: '{ref}: {field} is {value}', zh: '{ref}：{field} 是 {value}' },
  published: { en: '{name} publishes {ports}', zh: '{name} 发布的端口：{ports}' },
  publishesNothing: { en: '{name} publishes no ports', zh: '{name} 没有发布任何端口' },
  mounts: { en: '{name} mounts {mounts}', zh: '{name} 的挂载：{mounts}' },
  mountsNothing: { en: '{name} has no mounts', zh: '{name} 没有任何挂载' },
  networks: { en: 'networks: {names}', zh: '现有网络：{names}' },
  networkMembers: { en: '{name} has {members}', zh: '网络 {name} 的成员：{members}' },
  networkEmpty: { en: 'no container is on {name}', zh: '网络 {name} 上没有容器' },
  networkInternal: { en: '{name}: internal={internal}', zh: '网络 {name}：是否为内部网络 = {internal}' },
  volumes: { en: 'volumes: {names}', zh: '现有数据卷：{names}' },
  noVolumes: { en: 'no volumes (looked for {name})', zh: '没有数据卷（要找的是 {name}）' },
  volumeUsers: { en: '{name} is mounted by {users}', zh: '数据卷 {name} 被这些容器挂载：{users}' },
  volumeUnused: { en: 'no container mounts {name}', zh: '没有容器挂载数据卷 {name}' },
  resolved: { en: 'in {container}, {name} is {addresses} ({via})', zh: '在 {container} 里，{name} 解析为 {addresses}（{via}）' },
  unresolved: { en: 'in {container}, Docker does not resolve {name}', zh: '在 {container} 里解析不了 {name}' },
  registryTags: { en: '{registry} holds {repo} with tags {tags}', zh: '{registry} 里的仓库 {repo} 有这些标签：{tags}' },
  registryLacks: { en: '{registry} holds no {repo}', zh: '{registry} 里没有仓库 {repo}' },
  noBuild: { en: 'no build yet', zh: '还没有构建过镜像' },
  noBuildOf: { en: 'no build tagged {tag}', zh: '还没有标签为 {tag} 的构建' },
  lastBuild: { en: 'the last build: {steps}', zh: '最近一次构建：{steps}', join: { en: '; ', zh: '；' } },
  lastBuildOf: { en: 'the last build of {tag}: {steps}', zh: '{tag} 最近一次构建：{steps}', join: { en: '; ', zh: '；' } },
  buildNoStep: { en: 'no step {step} in {build}', zh: '没有步骤 {step}，{build}' },
  buildStepCached: { en: '{label} {instruction} cached', zh: '{label} {instruction} 使用了缓存' },
  buildStepBuilt: { en: '{label} {instruction} run', zh: '{label} {instruction} 重新执行' },
  buildStepFailed: { en: '{label} {instruction} failed', zh: '{label} {instruction} 失败' },
  buildStepRunning: { en: '{label} {instruction} running', zh: '{label} {instruction} 正在执行' },
  notPublished: { en: '{name} does not publish {port}', zh: '{name} 没有发布端口 {port}' },
  httpWaiting: { en: 'not asked yet: {url} (asked once the other checks hold)', zh: '还没有请求 {url}（其他检查都通过后才会请求）' },
  httpNoProbe: { en: '{url} cannot be asked here', zh: '这里无法请求 {url}' },
  httpFailed: { en: '{url}: {message}', zh: '{url}：{message}' },
  httpAnswered: { en: '{url} answered {status}', zh: '{url} 的响应状态码是 {status}' },
  httpLacks: { en: '{url} answered {status} without {text}', zh: '{url} 的响应状态码是 {status}，但内容里没有 {text}' },
  checkError: { en: 'check error: {message}', zh: '检查出错：{message}' },
  exitedOther: {
    en: '{name} exited with code {code}, not {want}: the last command in it failed, and {exit} passes its code on. A container that has exited keeps its code, so this one cannot pass any more: run a new one and leave it with {exit} straight away.',
    zh: '{name} 的退出码是 {code}，不是 {want}：容器里最后一条命令失败了，{exit} 会把它的退出码带出来。容器退出后退出码不会再变，这个容器已经不可能通过这项检查：重新运行一个容器，进去后直接用 {exit} 离开。',
  },
} as const satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;

export function say(id: MessageId, vars: Readonly<Record<string, Value>> = {}): Said {
  return { id, vars };
}

function isSaid(v: Value): v is Said {
  return typeof v === 'object' && !Array.isArray(v);
}

/** In words; `value` may stand in for each value (a test masks them to see the words alone). */
export function sayIn(s: Said, locale: Locale, value: (v: string) => string = (v) => v): string {
  const m: Message = MESSAGES[s.id];
  const join = m.join?.[locale] ?? (locale === 'zh' ? '、' : ', ');
  return m[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = s.vars[name];
    if (v === undefined) return whole;
    if (Array.isArray(v)) {
      return (v as readonly (Said | string)[]).map((x) => (typeof x === 'string' ? value(x) : sayIn(x, locale, value))).join(join);
    }
    return isSaid(v as Value) ? sayIn(v as Said, locale, value) : value(String(v));
  });
}
