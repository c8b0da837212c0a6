/**
 * ajv errors → findings a planner can act on.
 *
 * - the range: an unknown key → the key; a wrong type, enum, const, pattern
 *   or bound → the value; a missing key → the key of the mapping that lacks it;
 * - one problem, one finding: the `if` wrapper errors and the branch noise of
 *   `anyOf`/`oneOf` are merged into one message; several missing keys of one
 *   mapping make one finding; a placeholder (placeholders.ts) is the placeholder
 *   rule's; constraints annotated `x-pilot-rule` belong to a
 *   dedicated rule and are dropped here;
 * - "did you mean" for misspelt keys and enum values, and for those written
 *   by their Chinese name: an enum value's title or alias (`x-aliases`), a
 *   key's title (text/meaning.ts).
 * - fixes (data.fixes) where the repair is plain: an unknown or forbidden key
 *   removed, a repeated list item removed, a number, a boolean or a list
 *   written as the type asks when the text says it (`2026年` → 2026,
 *   `是` → true, `a、b` → [a, b]).
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { defineMessages, msg, listArg, KIND_NAMES, type Message, type LocalText } from '../i18n/messages';
import type { FindingData, RuleFix, Span } from '../findings';
import type { JsonPath, ParsedFile } from '../parse/parsed-file';
import { dataAt, isObj } from '../plan/model';
import { entryAt, fieldBelowEntry } from '../plan/entry-at';
import { enumNames, splitTitle } from './schema-text';
import { STRONG_MEANING, confidentMatch, rankByMeaning, type NamedCandidate, type RankedCandidate } from '../text/meaning';
import { valueText } from '../value-text';
import { isPlaceholder } from '../placeholders';

defineMessages({
  'schema.unknown-key': {
    en: '{thing}: unknown key `{key}`. {hint}',
    zh: '{thing}：未知的键 `{key}`。{hint}',
  },
  'schema.did-you-mean': { en: 'Did you mean `{suggestion}`?', zh: '您是否想写 `{suggestion}`？' },
  'schema.allowed-keys': { en: 'Allowed keys: {allowed}; extension keys start with `x-`.', zh: '允许的键：{allowed}；自定义扩展键须以 `x-` 开头。' },
  'schema.missing': {
    en: '{thing} lacks the required {keys}. Add the missing key.',
    zh: '{thing}缺少必填项 {keys}。请补充。',
  },
  'schema.type': {
    en: '{thing}: `{field}` must be {expected}, not {actual}. Write {expected}.',
    zh: '{thing}：`{field}` 应为{expected}，而不是{actual}。请改为{expected}。',
  },
  'schema.enum': {
    en: '{thing}: `{value}` is not allowed for `{field}`. {hint}',
    zh: '{thing}：`{field}` 不能取 `{value}`。{hint}',
  },
  'schema.enum.allowed': { en: 'Use one of: {allowed}.', zh: '可选值：{allowed}。' },
  'schema.enum.suggest': { en: 'Did you mean `{suggestion}`? Allowed: {allowed}.', zh: '您是否想写 `{suggestion}`？可选值：{allowed}。' },
  'schema.const': {
    en: '{thing}: `{field}` must be `{expected}` here. Write `{expected}`.',
    zh: '{thing}：此处 `{field}` 必须为 `{expected}`。请改为 `{expected}`。',
  },
  'schema.pattern.id': {
    en: '{thing}: `{value}` is not a valid ID. IDs are capital letters and digits in parts joined by hyphens, e.g. `T-ENERGY-01`, `IND-CO2`, `P7`.{hint}',
    zh: '{thing}：`{value}` 不是有效的 ID。ID 由大写字母和数字组成，用连字符分段，例如 `T-ENERGY-01`、`IND-CO2`、`P7`。{hint}',
  },
  'schema.pattern.id-hint': { en: ' Did you mean `{suggestion}`?', zh: '您是否想写 `{suggestion}`？' },
  'schema.pattern.month': {
    en: '{thing}: `{value}` is not a year or a year and month. Write a year (2025) or "YYYY-MM" with a month 01–12 (2025-06).',
    zh: '{thing}：`{value}` 不是年份或年月。请写年份（2025）或 "YYYY-MM" 格式（月份 01–12，如 2025-06）。',
  },
  'schema.pattern.date': {
    en: '{thing}: `{value}` is not a date. Write it as YYYY-MM-DD (2024-05-20), with a month 01–12 and a day 01–31.',
    zh: '{thing}：`{value}` 不是日期。请写作 YYYY-MM-DD（如 2024-05-20），月份 01–12，日 01–31。',
  },
  'schema.pattern.year-key': {
    en: '{thing}: the key `{key}` is not a year. The keys of `{field}` are years from 1900 to 2100, such as 2025.',
    zh: '{thing}：键 `{key}` 不是年份。`{field}` 的键须为 1900–2100 之间的年份，如 2025。',
  },
  'schema.pattern': {
    en: '{thing}: `{value}` does not have the form `{field}` needs ({pattern}).',
    zh: '{thing}：`{value}` 不符合 `{field}` 要求的格式（{pattern}）。',
  },
  'schema.bound': {
    en: '{thing}: `{field}` is {value}; it must be {op} {limit}.',
    zh: '{thing}：`{field}` 为 {value}，应{op} {limit}。',
  },
  'schema.items': {
    en: '{thing}: `{field}` needs at least {limit} entr{plural}. Add one.',
    zh: '{thing}：`{field}` 至少需要 {limit} 项。请补充。',
  },
  'schema.unique': {
    en: '{thing}: `{value}` appears twice in `{field}`. Remove the repeat.',
    zh: '{thing}：`{value}` 在 `{field}` 中重复出现。请删除重复项。',
  },
  'schema.not': {
    en: '{thing}: `{field}` is not allowed here. {reason}',
    zh: '{thing}：此处不允许 `{field}`。{reason}',
  },
  'schema.any-of': {
    en: '{thing}: `{field}` must be {forms}.',
    zh: '{thing}：`{field}` 应为{forms}。',
  },
  'schema.top-level': {
    en: 'A pilot plan file must be a mapping that starts with `apiVersion: pilot-plan/v1` and `kind: Plan|Tasks|Projects|Indicators|Progress`.',
    zh: '试点方案文件必须是一个映射，以 `apiVersion: pilot-plan/v1` 和 `kind: Plan|Tasks|Projects|Indicators|Progress` 开头。',
  },
  'schema.other': {
    en: '{thing}: `{field}` {detail}.',
    zh: '{thing}：`{field}` 不符合要求（{detail}）。',
  },
  'schema.file': { en: 'the file', zh: '文件' },
  'schema.key': { en: '`{key}`', zh: '`{key}` ' },
  'schema.entry': { en: '{kind} `{id}`', zh: '{kind} `{id}`' },
  'schema.entry-at': { en: '{kind} #{n} of `{list}`', zh: '`{list}` 的第 {n} 个{kind}' },
  'schema.fix.remove-key': { en: 'Remove `{key}`', zh: '删除 `{key}`' },
  'schema.fix.remove-repeat': { en: 'Remove the repeated `{value}`', zh: '删除重复的 `{value}`' },
  'schema.fix.set': { en: 'Change to {value}', zh: '改为 {value}' },
});

function removeFix(key: string, path: JsonPath): RuleFix[] {
  return [{ title: msg('schema.fix.remove-key', { key }), changes: [{ op: 'remove', path }] }];
}

const TRUE_WORDS = new Set(['是', '对', '真', 'yes', 'Yes', 'YES', 'y', 'Y', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['否', '不', '错', '假', 'no', 'No', 'NO', 'n', 'N', 'off', 'Off', 'OFF']);

/** The value the type asks for, when the text plainly says it: one number in it, yes or no, a list of its parts. */
function typed(value: unknown, expected: string[]): number | boolean | (string | number)[] | undefined {
  if (typeof value === 'string' && (expected.includes('number') || expected.includes('integer'))) {
    const numbers = value.match(/-?\d+(?:\.\d+)?/g);
    if (numbers?.length !== 1) return undefined;
    const n = Number(numbers[0]);
    return expected.includes('number') || Number.isInteger(n) ? n : undefined;
  }
  if (typeof value === 'string' && expected.includes('boolean')) return TRUE_WORDS.has(value.trim()) ? true : FALSE_WORDS.has(value.trim()) ? false : undefined;
  if (expected.includes('array') && (typeof value === 'string' || typeof value === 'number')) {
    const parts = typeof value === 'string' ? value.split(/[、,，;；]/).map((p) => p.trim()).filter(Boolean) : [value];
    return parts.length ? parts : undefined;
  }
  return undefined;
}

/** The values a quick fix offers for an enum: the near one, else all when few; none already elsewhere in the same list. */
function enumSuggestions(near: string | undefined, ranked: readonly RankedCandidate[], allowed: string[], data: unknown, path: JsonPath): string[] | undefined {
  // A value already in the same list would only make a repeat.
  const siblings = typeof path[path.length - 1] === 'number' ? dataAt(data, path.slice(0, -1)) : undefined;
  const free = (v: string) => !(Array.isArray(siblings) && siblings.includes(v));
  if (near && free(near)) return [near];
  if (ranked.length) return ranked.map((r) => r.value).filter(free).slice(0, 12);
  return allowed.length <= 12 ? allowed.filter(free) : undefined;
}

/** `{ fixes }` when there are any: findings travel to the editor with their data. */
function fixesOf(fixes: RuleFix[]): { fixes?: RuleFix[] } {
  return fixes.length ? { fixes } : {};
}

function typeFix(value: unknown, expected: string[], path: JsonPath): RuleFix[] {
  const v = typed(value, expected);
  if (v === undefined) return [];
  const shown = Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
  return [{ title: msg('schema.fix.set', { value: shown }), changes: [{ op: 'set', path, value: v }] }];
}

const TYPE_NAMES: Record<string, LocalText> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '布尔值（true 或 false）' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'a mapping', zh: '映射' },
  null: { en: 'empty', zh: '空值' },
};

function typeOfValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeName(t: string): LocalText {
  return TYPE_NAMES[t] ?? { en: t, zh: t };
}

function typesArg(types: string[]): LocalText {
  const parts = types.map(typeName);
  return { en: listArg(parts.map((p) => p.en)).en, zh: listArg(parts.map((p) => p.zh)).zh };
}

export function pointerToPath(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** "task `T-1`", "task #3 of `tasks`", or "the file". */
function thingAt(data: unknown, path: JsonPath): Message {
  const at = entryAt(data, path);
  if (at) {
    const kind = KIND_NAMES[at.kind];
    if (at.id !== undefined) return msg('schema.entry', { kind, id: at.id });
    return msg('schema.entry-at', { kind, n: at.index + 1, list: at.list });
  }
  if (path.length) return msg('schema.key', { key: fieldName(path) });
  return msg('schema.file');
}

/** The field a path names; an entry itself by its place in the list. */
function fieldName(path: JsonPath): string {
  return fieldBelowEntry(path) || String(path[path.length - 1] ?? '');
}

function suggest(value: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(value, candidates);
  const d = distance(value.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * The suggestion for `value` among `ranked` (by meaning, then spelling): a
 * name it matches (a title, an alias) over a near spelling, unless the
 * spelling is near and the name only shares a few characters.
 */
function guess(value: string, ranked: RankedCandidate[], candidates: string[]): { suggestion?: string; spelt: boolean } {
  const spelt = suggest(value, candidates);
  const meant = confidentMatch(ranked);
  if (meant && (!spelt || ranked[0].meaning >= STRONG_MEANING)) return { suggestion: meant, spelt: meant === spelt };
  return { suggestion: spelt, spelt: !!spelt };
}

/** The names of the keys of a mapping's schema: their titles, Chinese and English. */
function keyNames(parentSchema: unknown, keys: string[]): NamedCandidate[] {
  const props = (parentSchema as { properties?: Record<string, { title?: unknown }> } | undefined)?.properties ?? {};
  return keys.map((k) => {
    const t = splitTitle(props[k]?.title);
    return { value: k, names: t ? [t.zh, t.en] : [] };
  });
}

export interface SchemaFinding {
  span: Span;
  message: Message;
  data?: FindingData;
}

function ownedByRule(e: ErrorObject): boolean {
  const ps = e.parentSchema as Record<string, unknown> | undefined;
  return !!ps && typeof ps['x-pilot-rule'] === 'string';
}

export function mapSchemaErrors(file: ParsedFile, errors: ErrorObject[]): SchemaFinding[] {
  const data = file.data;
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  const spanOf = (path: JsonPath, part: 'key' | 'value'): Span => file.span(path, part) ?? file.span(path.slice(0, -1), 'key') ?? { start: 0, end: 0 };
  const push = (key: string, f: SchemaFinding) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };

  // Top level not a mapping (empty file included): one finding says what a file must look like.
  if (!isObj(data)) {
    return [{ span: file.span([], 'value') ?? { start: 0, end: 0 }, message: msg('schema.top-level') }];
  }

  // anyOf / oneOf: their branch errors are merged into one message at the combinator.
  const combinators = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !ownedByRule(e));
  // A branch that is a `$ref` reports its errors under the referenced schema's path (a figure's placeholder).
  const branchRefs = (c: ErrorObject) => (Array.isArray(c.schema) ? c.schema : []).flatMap((b) => (typeof b?.$ref === 'string' ? [`${b.$ref.replace(/^[^#]*/, '')}/`] : []));
  const underCombinator = (e: ErrorObject) =>
    combinators.some(
      (c) =>
        c !== e &&
        e.instancePath.startsWith(c.instancePath) &&
        (e.schemaPath.startsWith(c.schemaPath.replace(/\/(anyOf|oneOf)$/, '/$1/')) || (e.instancePath === c.instancePath && branchRefs(c).some((r) => e.schemaPath.startsWith(r)))),
    );

  const missing = new Map<string, { path: JsonPath; keys: string[]; titles: LocalText[] }>();

  for (const e of errors) {
    // A placeholder is the placeholder rule's to report, with what goes there.
    if (ownedByRule(e) || e.keyword === 'if' || e.keyword === 'allOf' || underCombinator(e) || isPlaceholder(e.data)) continue;
    const path = pointerToPath(e.instancePath);
    const thing = thingAt(data, path);
    const field = fieldName(path);
    const value = e.data;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const keyPath = [...path, key];
        const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
        const s = guess(key, rankByMeaning(key, keyNames(e.parentSchema, allowed)), allowed).suggestion;
        push(`ap:${e.instancePath}/${key}`, {
          span: spanOf(keyPath, 'key'),
          message: msg('schema.unknown-key', {
            thing,
            key,
            hint: s ? msg('schema.did-you-mean', { suggestion: s }) : msg('schema.allowed-keys', { allowed: allowed.map((k) => `\`${k}\``).join(', ') }),
          }),
          data: { suggestions: s ? [s] : undefined, path: keyPath, fixes: removeFix(key, keyPath) },
        });
        break;
      }
      case 'required': {
        const key = (e.params as { missingProperty: string }).missingProperty;
        const entry = missing.get(e.instancePath) ?? { path, keys: [], titles: [] };
        if (!entry.keys.includes(key)) {
          entry.keys.push(key);
          const title = splitTitle((e.parentSchema as { properties?: Record<string, { title?: string }> })?.properties?.[key]?.title);
          if (title) entry.titles.push(title);
        }
        missing.set(e.instancePath, entry);
        break;
      }
      case 'type': {
        // A figure's `type: [number, string]` beside its anyOf (number or placeholder): the anyOf says it better.
        if (combinators.some((c) => c.instancePath === e.instancePath)) break;
        const expected = String((e.params as { type: string | string[] }).type).split(',');
        push(`type:${e.instancePath}`, {
          span: spanOf(path, 'value'),
          message: msg('schema.type', { thing, field, expected: typesArg(expected), actual: typeName(typeOfValue(value)) }),
          data: { path, ...fixesOf(typeFix(value, expected, path)) },
        });
        break;
      }
      case 'enum': {
        const values = (e.params as { allowedValues: unknown[] }).allowedValues ?? [];
        const allowed = values.map(String);
        const parent = e.parentSchema as Record<string, unknown> | undefined;
        // Nearest first, by the values' Chinese titles and aliases, then by spelling: the order of the quick fixes.
        const ranked = typeof value === 'string' ? rankByMeaning(value, values.map((v) => ({ value: String(v), names: enumNames(parent, v) }))) : [];
        const g: { suggestion?: string; spelt: boolean } = typeof value === 'string' ? guess(value, ranked, allowed) : { spelt: false };
        const s = g.suggestion;
        const shown = allowed.length > 12 ? allowed.slice(0, 12).concat('…') : allowed;
        const allowedText = shown.map((a) => (a === '…' ? a : `\`${a}\``)).join(', ');
        push(`enum:${e.instancePath}`, {
          span: spanOf(path, 'value'),
          message: msg('schema.enum', {
            thing,
            field,
            value: valueText(value),
            hint: s ? msg('schema.enum.suggest', { suggestion: s, allowed: allowedText }) : msg('schema.enum.allowed', { allowed: allowedText }),
          }),
          // A near spelling is one fix; a name matched (or none) leaves the choice to the planner, the nearest twelve first.
          data: { suggestions: enumSuggestions(s && g.spelt ? s : undefined, ranked, allowed, data, path), path },
        });
        break;
      }
      case 'const': {
        const expected = String((e.params as { allowedValue: unknown }).allowedValue);
        push(`const:${e.instancePath}`, {
          span: spanOf(path, 'value'),
          message: msg('schema.const', { thing, field, expected }),
          data: { suggestions: [expected], path },
        });
        break;
      }
      case 'propertyNames':
        // Its pattern error, on the key itself, says what is wrong.
        break;
      case 'pattern': {
        const pattern = (e.params as { pattern: string }).pattern;
        // A key of a yearly series (`propertyNames`) that is not a year.
        const key = (e as { propertyName?: string }).propertyName;
        if (key !== undefined) {
          push(`pattern:${e.instancePath}/${key}`, { span: spanOf([...path, key], 'key'), message: msg('schema.pattern.year-key', { thing, key, field }), data: { path: [...path, key] } });
          break;
        }
        const v = String(value);
        let message: Message;
        let suggestions: string[] | undefined;
        if (pattern.startsWith('^[A-Z]')) {
          const fixed = v.trim().toUpperCase().replace(/[_\s.]+/g, '-').replace(/[^A-Z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
          // Letters of other scripts (a Chinese name written for an ID) are not a misspelt ID: stripping them leaves no suggestion.
          const ok = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/.test(fixed) && fixed !== v && !/(?!\p{Script=Latin})\p{L}/u.test(v);
          suggestions = ok ? [fixed] : undefined;
          message = msg('schema.pattern.id', { thing, value: v, hint: ok ? msg('schema.pattern.id-hint', { suggestion: fixed }) : '' });
        } else if (pattern.includes('(0[1-9]|[12]\\d|3[01])')) {
          message = msg('schema.pattern.date', { thing, value: v });
        } else if (pattern.includes('(0[1-9]|1[0-2])')) {
          message = msg('schema.pattern.month', { thing, value: v });
        } else {
          message = msg('schema.pattern', { thing, value: v, field, pattern });
        }
        push(`pattern:${e.instancePath}`, { span: spanOf(path, 'value'), message, data: { suggestions, path } });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = e.params as { comparison: string; limit: number };
        const op = { '>=': { en: 'at least', zh: '不小于' }, '<=': { en: 'at most', zh: '不大于' }, '>': { en: 'more than', zh: '大于' }, '<': { en: 'less than', zh: '小于' } }[p.comparison] ?? { en: p.comparison, zh: p.comparison };
        push(`bound:${e.instancePath}`, { span: spanOf(path, 'value'), message: msg('schema.bound', { thing, field, value: valueText(value), op, limit: p.limit }), data: { path } });
        break;
      }
      case 'minItems': {
        const limit = (e.params as { limit: number }).limit;
        push(`items:${e.instancePath}`, { span: spanOf(path, 'value'), message: msg('schema.items', { thing, field, limit, plural: limit === 1 ? 'y' : 'ies' }), data: { path } });
        break;
      }
      case 'minLength': {
        push(`len:${e.instancePath}`, { span: spanOf(path, 'value'), message: msg('schema.other', { thing, field, detail: { en: 'must not be empty', zh: '不能为空' } }), data: { path } });
        break;
      }
      case 'uniqueItems': {
        const j = (e.params as { j: number }).j;
        const itemPath = [...path, j];
        const item = Array.isArray(value) ? value[j] : undefined;
        push(`unique:${e.instancePath}`, {
          span: spanOf(itemPath, 'value'),
          message: msg('schema.unique', { thing, field, value: valueText(item) }),
          data: { path: itemPath, fixes: [{ title: msg('schema.fix.remove-repeat', { value: valueText(item) }), changes: [{ op: 'remove', path: itemPath }] }] },
        });
        break;
      }
      case 'not': {
        // Used for "forbidden when …" (parkLevel for a city): the key itself is the problem.
        const ps = e.parentSchema as { description?: string } | undefined;
        const reason = ps?.description ? { en: ps.description.split('\n\n').pop() ?? '', zh: ps.description.split('\n\n')[0] } : '';
        const key = path[path.length - 1];
        push(`not:${e.instancePath}`, { span: spanOf(path, 'key'), message: msg('schema.not', { thing, field, reason }), data: { path, ...(typeof key === 'string' ? { fixes: removeFix(key, path) } : {}) } });
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        const branches = ((e.schema as unknown[]) ?? []).map((b) => {
          const t = splitTitle((b as { title?: string })?.title);
          const ty = (b as { type?: string })?.type;
          return t ?? (ty ? typeName(ty) : { en: 'another form', zh: '其他形式' });
        });
        const forms = { en: listArg(branches.map((b) => b.en)).en, zh: listArg(branches.map((b) => b.zh)).zh };
        // A figure written as text with its number in it (`约15`): the number.
        const fixes = ((e.schema as { type?: string }[]) ?? []).some((b) => b?.type === 'number') ? typeFix(value, ['number'], path) : [];
        push(`any:${e.instancePath}`, { span: spanOf(path, 'value'), message: msg('schema.any-of', { thing, field, forms }), data: { path, ...(fixes.length ? { fixes } : {}) } });
        break;
      }
      default:
        push(`${e.keyword}:${e.instancePath}`, {
          span: spanOf(path, 'value'),
          message: msg('schema.other', { thing, field, detail: e.message ?? e.keyword }),
          data: { path },
        });
    }
  }
  for (const m of missing.values()) {
    const keys = m.keys.map((k) => `\`${k}\``);
    const keysText = listArg(keys, 'and');
    const titled = m.titles.length === m.keys.length ? { en: `${keysText.en} (${m.titles.map((t) => t.en).join('; ')})`, zh: `${keysText.zh}（${m.titles.map((t) => t.zh).join('；')}）` } : keysText;
    out.push({
      span: m.path.length ? spanOf(m.path, 'key') : file.span([], 'key') ?? { start: 0, end: 0 },
      message: msg('schema.missing', { thing: thingAt(data, m.path), keys: titled }),
      data: { missingKeys: m.keys, path: m.path },
    });
  }
  return out;
}
