/**
 * The message catalogue: every sentence a person reads, in English and Chinese.
 *
 * Findings carry a message ID and arguments, not rendered text, so one finding
 * can be shown in either language (the CLI's --locale, the editor's display
 * language). Rules register their own templates next to their code (see
 * rules/rule.ts) and this module renders them; core templates live here.
 */
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Text in both languages. */
export interface LocalText {
  en: string;
  zh: string;
}

/** An argument: plain text, text in both languages, or a nested message. */
export type MessageArg = string | number | LocalText | Message | undefined;

export interface Message {
  id: string;
  args?: Record<string, MessageArg>;
}

const catalogue = new Map<string, LocalText>();

/** Adds templates; `{name}` placeholders are replaced by arguments. */
export function defineMessages(templates: Record<string, LocalText>): void {
  for (const [id, t] of Object.entries(templates)) {
    if (catalogue.has(id) && catalogue.get(id) !== t) throw new Error(`message ${id} defined twice`);
    catalogue.set(id, t);
  }
}

export function hasMessage(id: string): boolean {
  return catalogue.has(id);
}

export function allMessageIds(): string[] {
  return [...catalogue.keys()];
}

export function msg(id: string, args?: Record<string, MessageArg>): Message {
  return args ? { id, args } : { id };
}

export function localize(text: LocalText, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

function renderArg(a: MessageArg, locale: Locale): string {
  if (a === undefined) return '';
  if (typeof a === 'object') return 'id' in a ? formatMessage(a, locale) : localize(a, locale);
  return String(a);
}

// Templates split once at their {placeholders}: odd entries are argument names. A plan full of
// findings formats tens of thousands of messages on every check in the editor.
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

export function formatMessage(m: Message, locale: Locale): string {
  const t = catalogue.get(m.id);
  if (!t) return m.id; // never throw while reporting: an unknown ID still says something
  const parts = partsOf(localize(t, locale));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (m.args && name in m.args ? renderArg(m.args[name], locale) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** The locale from LC_ALL / LC_MESSAGES / LANG / LANGUAGE, or VS Code's display language. */
export function localeFrom(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en') || v === 'c' || v.startsWith('c.') || v === 'posix') return 'en';
  return undefined;
}

export function localeFromEnv(env: Record<string, string | undefined> = typeof process !== 'undefined' ? process.env : {}): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const l = localeFrom(env[name]);
    if (l) return l;
  }
  return 'en';
}

/** Joins a list for a sentence: "a, b or c" / "a、b 或 c". */
export function listText(items: string[], locale: Locale, conj: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const word = locale === 'zh-CN' ? (conj === 'or' ? '或' : '和') : conj === 'or' ? ' or ' : ' and ';
  return items.slice(0, -1).join(sep) + word + items[items.length - 1];
}

/** A list argument rendered per locale. */
export function listArg(items: string[], conj: 'or' | 'and' = 'or'): LocalText {
  return { en: listText(items, 'en', conj), zh: listText(items, 'zh-CN', conj) };
}

/** Names of entity kinds, for messages. */
export const KIND_NAMES: Record<string, LocalText> = {
  plan: { en: 'plan', zh: '方案' },
  task: { en: 'task', zh: '任务' },
  project: { en: 'project', zh: '项目' },
  indicator: { en: 'indicator', zh: '指标' },
  mechanism: { en: 'mechanism', zh: '政策机制' },
  action: { en: 'action', zh: '全民行动' },
  risk: { en: 'risk', zh: '风险' },
  reform: { en: 'reform', zh: '改革创新点' },
  technology: { en: 'technology item', zh: '科技创新' },
};

/** Kind names as a list; in English with an indefinite article on the first ("an indicator", "a task or project"). */
export function kindsArg(kinds: string[], conj: 'or' | 'and' = 'or'): LocalText {
  const en = kinds.map((k) => KIND_NAMES[k]?.en ?? k);
  if (en.length) en[0] = (/^[aeiou]/.test(en[0]) ? 'an ' : 'a ') + en[0];
  const zh = kinds.map((k) => KIND_NAMES[k]?.zh ?? k);
  return { en: listText(en, 'en', conj), zh: listText(zh, 'zh-CN', conj) };
}
