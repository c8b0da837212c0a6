/**
 * placeholder: a template value a plan must not keep (placeholders.ts: text
 * that starts with 待补充, 待定, 待填写, TODO, TBD or XXX), in any field but `x-`
 * extensions and `apiVersion` (api-version's).
 *
 * New Plan writes its figures as `待补充` and the texts only the pilot knows as
 * `待补充：<what goes there>`; the quick fixes that add a missing key or create
 * an entry write `待补充` (docs/format.md#placeholders). A placeholder is one
 * finding, this one, wherever it stands: the schema's error on it is dropped
 * (map-errors.ts), and the rules that judge units and references leave it alone.
 * The message says what goes there: the field's meaning, and where the schema
 * says more (a list of values, a whole number), that too — read from the
 * schema's errors on it, so only files that hold a placeholder are validated
 * again (in the language server, through the kept item errors).
 */
import type { ErrorObject } from 'ajv';
import { defineMessages, listArg, msg, KIND_NAMES, type LocalText, type Message } from '../i18n/messages';
import { ENTITY_LISTS, dataAt, isObj, type FileModel, type Obj } from '../plan/model';
import { entryAt, fieldBelowEntry } from '../plan/entry-at';
import type { JsonPath } from '../parse/parsed-file';
import { validatorFor } from '../schema/validators';
import { valueText } from '../value-text';
import { ANY_PLACEHOLDER_WORD, isPlaceholder } from '../placeholders';
import type { Rule, RuleContext } from './rule';

defineMessages({
  placeholder: {
    en: '{thing}: `{field}` is still a placeholder (`{value}`). Replace it with {what}{form}.',
    zh: '{thing}：`{field}` 仍是占位内容（`{value}`）。请将其替换为{what}{form}。',
  },
  'placeholder.entry': { en: '{kind} `{id}`', zh: '{kind} `{id}`' },
  'placeholder.entry-at': { en: '{kind} #{n} of `{list}`', zh: '`{list}` 的第 {n} 个{kind}' },
  'placeholder.plan': { en: 'Plan `{id}`', zh: '方案 `{id}`' },
  'placeholder.file': { en: 'The file', zh: '本文件' },
  'placeholder.number': { en: ', a number{unit}', zh: '（数值{unit}）' },
  'placeholder.one-of': { en: ', one of {values}', zh: '（可选值：{values}）' },
  'placeholder.boolean': { en: ', true or false', zh: '（true 或 false）' },
});


/** What goes in a field, by its key. */
const WHAT: Record<string, LocalText> = {
  lead: { en: 'the lead department (牵头单位)', zh: '牵头单位' },
  partners: { en: 'a partner department (配合单位)', zh: '配合单位' },
  positioning: { en: "the pilot's positioning (its functions, location, resources and level of development)", zh: '试点的功能定位（区位、资源禀赋和发展水平）' },
  title: { en: 'the title', zh: '标题' },
  titleEn: { en: 'the English title', zh: '英文标题' },
  name: { en: 'the name', zh: '名称' },
  nameEn: { en: 'the English name', zh: '英文名称' },
  mitigation: { en: 'the measures that mitigate the risk', zh: '风险应对措施' },
  description: { en: 'the description', zh: '说明' },
  notes: { en: 'the notes (or remove the key)', zh: '备注内容（或删除该项）' },
  owner: { en: 'who builds and runs the project', zh: '项目建设主体' },
  location: { en: 'where the project is', zh: '项目所在地' },
  unit: { en: 'the unit', zh: '计量单位' },
  id: { en: 'an ID of capital letters and digits, such as `T-ENERGY-01`', zh: '由大写字母和数字组成的 ID（如 `T-ENERGY-01`）' },
  indicators: { en: 'the ID of an indicator', zh: '指标的 ID' },
  dependsOn: { en: 'the ID of a task', zh: '任务的 ID' },
  tasks: { en: 'the ID of a task', zh: '任务的 ID' },
  affects: { en: 'the ID of a task or project', zh: '任务或项目的 ID' },
  year: { en: 'the year', zh: '年份' },
  // Format v1.1's Plan sections.
  issuer: { en: 'the issuing body (印发机关)', zh: '印发机关' },
  number: { en: 'the document number (文号)', zh: '文号' },
  issued: { en: 'the date of issue, YYYY-MM-DD', zh: '印发日期（YYYY-MM-DD）' },
  share: { en: 'the share in % (0–100)', zh: '占比（%，0–100）' },
  values: { en: "that year's amount (a number, in the series' unit)", zh: '该年的数值（单位见序列的 unit）' },
  sources: { en: 'a data source, such as a statistical yearbook', zh: '数据来源，如统计年鉴' },
  experience: { en: 'the experience meant to be replicated', zh: '可复制推广的经验' },
  audience: { en: 'who the action addresses', zh: '行动面向的对象' },
  startYear: { en: 'the year the action starts', zh: '行动开始年份' },
  endYear: { en: 'the year the action ends', zh: '行动结束年份' },
  baseYear: { en: 'the base year', zh: '基准年' },
  targetYears: { en: 'a target year', zh: '目标年份' },
  horizon: { en: "the plan's horizon (a year)", zh: '方案期限（年份）' },
  due: { en: 'the year the task is due', zh: '任务完成年份' },
  milestone: { en: 'the year of the milestone', zh: '节点年份' },
  start: { en: 'the start, a year or year-month', zh: '开工时间（年份或年月）' },
  end: { en: 'the end, a year or year-month', zh: '完工时间（年份或年月）' },
  referenceYear: { en: 'the reference year', zh: '参考年份' },
  area: { en: "the task's area", zh: '任务领域' },
  type: { en: 'the type', zh: '类型' },
  category: { en: 'the category', zh: '类别' },
  direction: { en: 'the direction the indicator should move', zh: '指标的变化方向' },
  status: { en: "the project's status", zh: '项目状态' },
  funding: { en: 'a source of funding', zh: '资金来源' },
  comparator: { en: 'how the target is stated', zh: '比较方式' },
  nationalRef: { en: 'the national target it answers', zh: '对应的国家目标' },
  parkLevel: { en: "the park's level", zh: '园区级别' },
  province: { en: 'the province', zh: '省级行政区' },
  binding: { en: 'whether the indicator is binding', zh: '是否为约束性指标' },
  kind: { en: 'the kind of file', zh: '文件种类' },
};
/** Where a kind of entry names a field more exactly. */
const WHAT_IN: Record<string, Record<string, LocalText>> = {
  project: { name: { en: "the project's name", zh: '项目名称' } },
  risk: { title: { en: 'what the risk is', zh: '风险名称' } },
  task: { title: { en: 'what the task is', zh: '任务名称' } },
  indicator: { name: { en: "the indicator's name", zh: '指标名称' }, unit: { en: "the indicator's unit", zh: '指标的计量单位' } },
};
/** A figure (`value`), by the quantity that holds it. */
const FIGURES: Record<string, LocalText> = {
  targets: { en: 'the target value', zh: '目标值' },
  baseline: { en: 'the actual value in the baseline year', zh: '基期年份的实际值' },
  investment: { en: 'the investment', zh: '投资额' },
  investmentTotal: { en: 'the total investment', zh: '总投资' },
  capacity: { en: 'the capacity', zh: '容量' },
  reduction: { en: 'the annual emission reduction', zh: '年减排量' },
  level: { en: 'the peak emission level', zh: '峰值排放量' },
  total: { en: 'the total in the base year', zh: '基准年的总量' },
  indirect: { en: 'the indirect emissions from purchased electricity', zh: '外购电力的间接排放' },
  gdp: { en: 'the gross regional product', zh: '地区生产总值' },
  population: { en: 'the resident population', zh: '常住人口' },
};
const PLAN_TITLE: LocalText = { en: "the plan's title", zh: '方案标题' };
const REAL_CONTENT: LocalText = { en: 'the real content', zh: '实际内容' };
const A_FIGURE: LocalText = { en: 'the real figure', zh: '实际数值' };
const NO_FORM: LocalText = { en: '', zh: '' };

interface Found {
  path: JsonPath;
  value: string;
}

/** Every placeholder string in the data, with its path; `x-` extensions are not the checker's. */
function collect(data: unknown, path: JsonPath, out: Found[]): void {
  if (typeof data === 'string' && isPlaceholder(data)) out.push({ path: [...path], value: data });
  else if (Array.isArray(data)) data.forEach((v, i) => collect(v, [...path, i], out));
  else if (isObj(data)) for (const k in data) if (!k.startsWith('x-')) collect(data[k], [...path, k], out);
}

function pointer(path: JsonPath): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The schema's errors by the place they are about. */
function errorsByPlace(file: FileModel, ctx: RuleContext): Map<string, ErrorObject[]> {
  let errors: readonly ErrorObject[] | undefined = ctx.itemValidation?.errors(file.kind, file.parsed.data);
  if (!errors) {
    const validate = validatorFor(file.kind);
    errors = validate(file.parsed.data) ? [] : [...(validate.errors ?? [])];
  }
  const out = new Map<string, ErrorObject[]>();
  for (const e of errors) out.set(e.instancePath, [...(out.get(e.instancePath) ?? []), e]);
  return out;
}

function thingOf(file: FileModel, path: JsonPath): Message {
  const at = path.length > 2 ? entryAt(file.root, path) : undefined;
  if (at) {
    const kind = KIND_NAMES[at.kind];
    if (at.id !== undefined && at.id !== '' && !isPlaceholder(at.id)) return msg('placeholder.entry', { kind, id: at.id });
    return msg('placeholder.entry-at', { kind, n: at.index + 1, list: at.list });
  }
  if (file.kind === 'Plan' && typeof file.root?.id === 'string' && file.root.id !== '' && !isPlaceholder(file.root.id)) return msg('placeholder.plan', { id: file.root.id });
  return msg('placeholder.file');
}

/** The last key of a path (a list item's list). */
function keyOf(path: JsonPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function unitArg(unit: unknown): LocalText {
  return typeof unit === 'string' && unit.trim() !== '' && !isPlaceholder(unit) ? { en: ` in ${unit.trim()}`, zh: `，单位：${unit.trim()}` } : NO_FORM;
}

/** What the schema says the value must be, where it rejects the placeholder: the values allowed, or a number. */
function formFrom(errors: ErrorObject[] | undefined): LocalText | Message {
  for (const e of errors ?? []) {
    if (e.keyword === 'enum') {
      const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``);
      // A long list (the 31 provinces) is cut short: the completion offers them all.
      const values = allowed.length > 12 ? { en: `${allowed.slice(0, 12).join(', ')}, …`, zh: `${allowed.slice(0, 12).join('、')}……` } : listArg(allowed);
      return msg('placeholder.one-of', { values });
    }
    if (e.keyword === 'const') return msg('placeholder.one-of', { values: `\`${String((e.params as { allowedValue?: unknown }).allowedValue)}\`` });
    if (e.keyword === 'type' && String((e.params as { type?: unknown }).type) === 'boolean') return msg('placeholder.boolean');
  }
  return NO_FORM;
}

function messageFor(file: FileModel, f: Found, errors: ErrorObject[] | undefined): Message {
  const thing = thingOf(file, f.path);
  const field = fieldBelowEntry(f.path);
  const value = valueText(f.value);
  // A year of a yearly series (`values: { 2025: 待补充 }`) is a key, not a field: the series says what goes there.
  const last = f.path[f.path.length - 1];
  const key = typeof last === 'string' && /^\d{4}$/.test(last) && f.path[f.path.length - 2] === 'values' ? 'values' : keyOf(f.path);
  const data = file.parsed.data;
  if (key === 'value') {
    // A figure: the quantity that holds it says what it is; its unit is the indicator's or the holder's.
    const holderKey = keyOf(f.path.slice(0, f.path.lastIndexOf('value')));
    const holder = dataAt(data, f.path.slice(0, -1));
    const indicator = holderKey === 'targets' || holderKey === 'baseline' ? dataAt(data, f.path.slice(0, holderKey === 'targets' ? -3 : -2)) : undefined;
    const unit = isObj(indicator) ? (indicator as Obj).unit : isObj(holder) ? holder.unit : undefined;
    return msg('placeholder', { thing, field, value, what: (holderKey && FIGURES[holderKey]) ?? A_FIGURE, form: msg('placeholder.number', { unit: unitArg(unit) }) });
  }
  const list = f.path.length === 3 && typeof f.path[0] === 'string' ? ENTITY_LISTS[f.path[0]] : undefined;
  const what = key === 'title' && f.path.length === 1 ? PLAN_TITLE : (key && ((list && WHAT_IN[list.kind]?.[key]) ?? WHAT[key])) ?? REAL_CONTENT;
  return msg('placeholder', { thing, field, value, what, form: formFrom(errors) });
}

export const placeholder: Rule = {
  code: 'placeholder',
  defaultSeverity: 'warning',
  scope: 'file',
  title: { en: 'A template value still in the plan (待补充, TODO, TBD, XXX, …)', zh: '方案中仍有占位内容（待补充、TODO、TBD、XXX 等）' },
  checkFile(file, ctx) {
    // A file that does not parse, or is no mapping, is the syntax's or the schema's to report.
    if (file.parsed.syntax.length || !isObj(file.parsed.data) || !ANY_PLACEHOLDER_WORD.test(file.parsed.text)) return;
    const found: Found[] = [];
    collect(file.parsed.data, [], found);
    const reported = found.filter((f) => !(f.path.length === 1 && f.path[0] === 'apiVersion'));
    if (!reported.length) return;
    const errors = errorsByPlace(file, ctx);
    for (const f of reported) {
      const span = file.parsed.span(f.path, 'value');
      if (!span) continue;
      ctx.report({ file: file.path, span, message: messageFor(file, f, errors.get(pointer(f.path))), data: { path: f.path } });
    }
  },
};
