/**
 * Hover text: the bilingual documentation of a key or an enum value from the
 * schemas; for an ID (a definition or a reference) what it names, its kind
 * and file, and what a reviewer needs: for a task its lead, due year,
 * indicators and projects; for a project its investment, years and tasks;
 * for an indicator its unit, baseline → targets and the average annual
 * change they imply, and the national target it names in `nationalRef` (also
 * on the `nationalRef` value); for a unit what it is and the spellings equal to it.
 * From the plan's Progress files: an indicator's actual values beside its planned
 * ones, and the latest status of a task, project, mechanism or action.
 * Fields are labelled with their schema titles, in the locale.
 */
import type { Span } from '../findings';
import { KIND_NAMES, type Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { dataAt, idSpan, isObj, type Entity, type EntityKind, type FileKind } from '../plan/model';
import { formatValue } from '../indicators';
import { amountOf } from '../units';
import { formatYi } from '../rules/investment-total';
import { kindFromText } from './completion';
import { bilingual, describe, schemaAt, splitEnumDescription } from './schema-info';
import { displayPath, entityName, entityNameEn, local, text, type EditorFile, type EditorPlan } from './context';
import { idAt } from './navigation';
import { trendMarkdown } from './indicator-trend';
import { nationalContextMarkdown } from './national-context';
import { provinceOfFile } from '../provincial-targets';
import { unitMarkdown } from '../units';
import { indicatorProgressMarkdown, statusProgressMarkdown } from './progress-hover';

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Entries a hover lists at most; the rest are counted. */
export const MAX_LISTED = 10;

const FILE_OF: Partial<Record<EntityKind, { fileKind: FileKind; list: string }>> = {
  task: { fileKind: 'Tasks', list: 'tasks' },
  project: { fileKind: 'Projects', list: 'projects' },
  indicator: { fileKind: 'Indicators', list: 'indicators' },
};

/** `牵头部门：市发展改革委` / `Lead department: …`: a field of an entity, labelled with its schema title. */
function fact(e: Entity, key: string, value: string, locale: Locale): string {
  const spec = FILE_OF[e.kind];
  const title = spec ? schemaAt(spec.fileKind, [spec.list, 0, key]).title : undefined;
  const label = title ? local(title, locale) : key;
  return text(locale, `${label}：${value}`, `${label}: ${value}`);
}

/** An enum value of a field as people read it: its title in the locale, and the value. */
function enumFact(e: Entity, key: string, locale: Locale): string | undefined {
  const value = e.data[key];
  if (typeof value !== 'string') return undefined;
  const spec = FILE_OF[e.kind];
  const hit = spec ? schemaAt(spec.fileKind, [spec.list, 0, key]).enumValues?.find((v) => v.value === value) : undefined;
  const title = splitEnumDescription(hit?.description).title;
  return fact(e, key, title ? text(locale, `${title.zh}（\`${value}\`）`, `${title.en} (\`${value}\`)`) : `\`${value}\``, locale);
}

/** A quantity `{ value, unit }` as written: `32 亿元`. */
function quantity(v: unknown): string | undefined {
  if (!isObj(v) || typeof v.value !== 'number') return undefined;
  return formatValue(v.value, v.unit);
}

/** An entity's name in the locale: the English one where the locale is English and there is one. */
function localName(e: Entity, locale: Locale): string | undefined {
  return locale === 'zh-CN' ? entityName(e) ?? entityNameEn(e) : entityNameEn(e) ?? entityName(e);
}

/** Markdown list lines for IDs: `` - `T-1` 名称 ``, what each names (or that it is not defined), at most MAX_LISTED. */
function entityList(plan: EditorPlan, ids: readonly string[], locale: Locale, note?: (e: Entity) => string | undefined): string[] {
  const lines = ids.slice(0, MAX_LISTED).map((id) => {
    const target = plan.index.lookup(id);
    if (!target) return `- \`${id}\` ${text(locale, '（未定义）', '(not defined)')}`;
    const name = localName(target, locale);
    const extra = note?.(target);
    return `- \`${id}\`${name ? ` ${name}` : ''}${extra ? text(locale, `（${extra}）`, ` (${extra})`) : ''}`;
  });
  if (ids.length > MAX_LISTED) lines.push(text(locale, `- …另有 ${ids.length - MAX_LISTED} 项`, `- … and ${ids.length - MAX_LISTED} more`));
  return lines;
}

function idList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** IDs of the entities of `kind` whose `field` refers to `id`, once each, in plan order. */
function referrers(plan: EditorPlan, id: string, kind: EntityKind, field: string): string[] {
  const out: string[] = [];
  for (const r of plan.index.referencesTo(id)) if (r.field === field && r.from.kind === kind && r.from.id && !out.includes(r.from.id)) out.push(r.from.id);
  return out;
}

/** A labelled list: `label：` and its lines, or `none` when there is nothing. */
function section(label: string, lines: string[], none: string): string {
  return lines.length ? `${label}\n${lines.join('\n')}` : none;
}

/** What a reviewer reads of a task: lead, due year, area; its indicators, the tasks before it, its projects and their investment. */
function taskParts(plan: EditorPlan, e: Entity, locale: Locale): string[] {
  const d = e.data;
  const facts: string[] = [];
  if (typeof d.lead === 'string' && d.lead) facts.push(fact(e, 'lead', d.lead, locale));
  if (typeof d.due === 'number' || typeof d.due === 'string') facts.push(fact(e, 'due', String(d.due), locale));
  const area = enumFact(e, 'area', locale);
  if (area) facts.push(area);
  const partners = idList(d.partners);
  const parts = [facts.join(' · ')].filter(Boolean);
  if (partners.length) parts.push(fact(e, 'partners', partners.join(text(locale, '、', ', ')), locale));
  const indicators = idList(d.indicators);
  parts.push(section(text(locale, '关联指标：', 'Indicators:'), entityList(plan, indicators, locale), text(locale, '未关联指标', 'No indicator')));
  const deps = idList(d.dependsOn);
  if (deps.length) parts.push(section(text(locale, '前置任务：', 'Depends on:'), entityList(plan, deps, locale), ''));
  const projects = referrers(plan, e.id, 'project', 'tasks');
  const amounts = projects.map((id) => amountOf('investment', plan.index.lookup(id)?.data.investment));
  const known = amounts.filter((a): a is number => a !== undefined);
  const total = known.length ? text(locale, `，投资合计 ${formatYi(known.reduce((a, b) => a + b, 0))} 亿元`, `, ${formatYi(known.reduce((a, b) => a + b, 0))} 亿元 invested`) : '';
  parts.push(
    section(
      text(locale, `项目（${projects.length} 个${total}）：`, `Projects (${projects.length}${total}):`),
      entityList(plan, projects, locale, (p) => quantity(p.data.investment)),
      text(locale, '尚无项目', 'No project yet'),
    ),
  );
  return parts;
}

function yearText(v: unknown): string | undefined {
  return typeof v === 'number' || (typeof v === 'string' && v) ? String(v) : undefined;
}

/** What a reviewer reads of a project: investment, years, status, owner, size; its tasks. */
function projectParts(plan: EditorPlan, e: Entity, locale: Locale): string[] {
  const d = e.data;
  const facts: string[] = [];
  const investment = quantity(d.investment);
  if (investment) facts.push(fact(e, 'investment', investment, locale));
  const start = yearText(d.start);
  const end = yearText(d.end);
  if (start || end) {
    const span = start && end ? text(locale, `${start} 至 ${end}`, `${start} to ${end}`) : start ? text(locale, `${start} 起`, `from ${start}`) : text(locale, `至 ${end}`, `until ${end}`);
    facts.push(text(locale, `建设周期：${span}`, `Years: ${span}`));
  }
  const status = enumFact(e, 'status', locale);
  if (status) facts.push(status);
  const parts = [facts.join(' · ')].filter(Boolean);
  const more: string[] = [];
  if (typeof d.owner === 'string' && d.owner) more.push(fact(e, 'owner', d.owner, locale));
  for (const key of ['capacity', 'reduction']) {
    const q = quantity(d[key]);
    if (q) more.push(fact(e, key, q, locale));
  }
  if (more.length) parts.push(more.join(' · '));
  parts.push(section(text(locale, '所属任务：', 'Tasks:'), entityList(plan, idList(d.tasks), locale), text(locale, '未关联任务', 'No task')));
  return parts;
}

/** What a reviewer reads of an indicator: type, unit, direction; baseline → targets and their yearly change; the tasks that use it. */
function indicatorParts(plan: EditorPlan, e: Entity, locale: Locale): string[] {
  const d = e.data;
  const parts: string[] = [];
  const facts: string[] = [];
  const type = enumFact(e, 'type', locale);
  if (type) facts.push(type);
  if (typeof d.unit === 'string') facts.push(fact(e, 'unit', d.unit, locale));
  const direction = enumFact(e, 'direction', locale);
  if (direction) facts.push(direction);
  if (typeof d.binding === 'boolean') facts.push(d.binding ? text(locale, '约束性', 'binding') : text(locale, '预期性', 'expected'));
  if (facts.length) parts.push(facts.join(' · '));
  const trend = trendMarkdown(d, plan.index.settings?.baseYear, locale);
  if (trend.length) parts.push(trend.join('\n'));
  parts.push(...indicatorProgressMarkdown(plan, e.id, d, locale));
  parts.push(...nationalContextMarkdown(d, provinceOfFile(plan.index.file(e.file), plan.index.planFiles), locale));
  const users = referrers(plan, e.id, 'task', 'indicators');
  parts.push(section(text(locale, '关联任务：', 'Tasks:'), entityList(plan, users, locale), text(locale, '尚无任务关联该指标', 'No task references this indicator yet')));
  return parts;
}

/** Markdown describing an entity of the plan: what it is, where, and for a task, project or indicator what a reviewer needs. */
export function entityMarkdown(plan: EditorPlan, e: Entity, locale: Locale): string {
  const zhFirst = locale === 'zh-CN';
  const parts: string[] = [];
  const name = entityName(e);
  parts.push(`**${bilingual(KIND_NAMES[e.kind], zhFirst)}** \`${e.id}\`${name ? ` — ${name}` : ''}`);
  const en = entityNameEn(e);
  if (en) parts.push(`_${en}_`);
  if (e.kind === 'task') parts.push(...taskParts(plan, e, locale));
  else if (e.kind === 'project') parts.push(...projectParts(plan, e, locale));
  else if (e.kind === 'indicator') parts.push(...indicatorParts(plan, e, locale));
  if (e.kind === 'task' || e.kind === 'project' || e.kind === 'mechanism' || e.kind === 'action') parts.push(...statusProgressMarkdown(plan, e.id, e.kind, locale));
  const m = plan.index.file(e.file);
  const line = m ? m.parsed.lines.positionAt(idSpan(m.parsed, e).start).line + 1 : undefined;
  const where = displayPath(plan, e.file);
  parts.push(text(locale, `定义于 \`${where}\`${line ? ` 第 ${line} 行` : ''}`, `Defined in \`${where}\`${line ? `, line ${line}` : ''}`));
  const defs = plan.index.definitionsOf(e.id);
  if (defs.length > 1) parts.push(text(locale, `⚠ 该 ID 在本方案中定义了 ${defs.length} 次`, `⚠ this ID is defined ${defs.length} times in the plan`));
  if (e.kind !== 'indicator') {
    const refs = plan.index.referencesTo(e.id);
    if (refs.length) parts.push(text(locale, `被引用 ${refs.length} 次`, `Referenced ${refs.length} time${refs.length === 1 ? '' : 's'}`));
  }
  return parts.join('\n\n');
}

function keyMarkdown(kind: ReturnType<typeof kindFromText>, path: JsonPath, data: unknown, locale: Locale, value?: unknown): string | undefined {
  const zhFirst = locale === 'zh-CN';
  const view = schemaAt(kind, path, data);
  if (view.isEmpty) return undefined;
  const parts: string[] = [];
  const key = path[path.length - 1];
  const title = view.title;
  parts.push(`**${title ? bilingual(title, zhFirst) : String(key)}**${typeof key === 'string' ? ` \`${key}\`` : ''}`);
  if (value !== undefined) {
    const values = view.enumValues;
    const hit = values?.find((v) => v.value === value);
    if (hit?.description) {
      const d = splitEnumDescription(hit.description);
      parts.push(`\`${String(value)}\`: **${d.title ? bilingual(d.title, zhFirst) : String(value)}**`);
      if (d.text) parts.push(...(d.text.zh === d.text.en ? [d.text.zh] : zhFirst ? [d.text.zh, d.text.en] : [d.text.en, d.text.zh]));
    } else if (key === 'unit' && typeof value === 'string') {
      // An indicator's unit is free text: what the format knows of it, if anything.
      const unit = unitMarkdown(value.trim(), zhFirst);
      if (unit) parts.push(unit);
    }
  }
  const doc = describe(view, zhFirst);
  if (doc) parts.push(doc);
  const values = view.enumValues;
  if (value === undefined && values && values.length > 1 && values.length <= 12) parts.push(values.map((v) => `\`${String(v.value)}\``).join(' · '));
  return parts.join('\n\n');
}

export function hoverAt(file: EditorFile, plan: EditorPlan, offset: number, locale: Locale): HoverResult | undefined {
  const model = file.model;
  const parsed = model.parsed;
  const at = parsed.pathAt(offset);
  if (!at) return undefined;
  // An ID: what it names.
  const id = idAt(model, offset);
  if (id) {
    const target = id.entity ?? plan.index.lookup(id.id);
    if (target) return { markdown: entityMarkdown(plan, target, locale), span: id.span };
    const kinds = id.reference?.expected ?? [];
    return {
      markdown: text(
        locale,
        `\`${id.id}\` 未在本方案中定义（应为${kinds.map((k) => KIND_NAMES[k].zh).join('或')}）。`,
        `\`${id.id}\` is not defined in this plan (expected a ${kinds.map((k) => KIND_NAMES[k].en).join(' or ')}).`,
      ),
      span: id.span,
    };
  }
  const kind = kindFromText(parsed.text) ?? model.kind;
  const path = at.path;
  // An indicator's name: the indicator.
  if (at.part === 'value' && path.length === 3 && path[0] === 'indicators' && typeof path[1] === 'number' && path[2] === 'name') {
    const e = model.entities.find((x) => x.kind === 'indicator' && x.path[1] === path[1]);
    const span = parsed.span(path, 'value');
    if (e && span) return { markdown: entityMarkdown(plan, e, locale), span };
  }
  if (!path.length) return undefined;
  const value = at.part === 'value' ? dataAt(parsed.data, path) : undefined;
  const scalar = value === undefined || typeof value === 'object' ? undefined : value;
  let md = keyMarkdown(kind, path, parsed.data, locale, scalar);
  const span = parsed.span(path, at.part);
  if (!md || !span) return undefined;
  // On `nationalRef`'s value: the national figures and what the indicator's targets are checked against.
  if (scalar !== undefined && path.length === 3 && path[0] === 'indicators' && path[2] === 'nationalRef') {
    const indicator = dataAt(parsed.data, path.slice(0, 2));
    if (isObj(indicator)) md = [md, ...nationalContextMarkdown(indicator, provinceOfFile(model, plan.index.planFiles), locale)].join('\n\n');
  }
  if (at.part === 'value' && scalar === undefined) return undefined;
  return { markdown: md, span };
}
