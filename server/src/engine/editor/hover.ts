/**
 * Hover text: the bilingual documentation of a key or an enum value from the
 * schemas; for an ID (a definition or a reference) what it names, its kind
 * and file; for an indicator its baseline → targets and the average annual
 * change they imply, and the national target it names in `nationalRef` (also
 * on the `nationalRef` value); for a unit what it is and the spellings equal to it.
 */
import type { Span } from '../findings';
import { KIND_NAMES, type Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { dataAt, idSpan, isObj, type Entity } from '../plan/model';
import { TYPE_NAMES, indicatorType } from '../indicators';
import { kindFromText } from './completion';
import { bilingual, describe, schemaAt, splitEnumDescription } from './schema-info';
import { displayPath, entityName, local, text, type EditorFile, type EditorPlan } from './context';
import { idAt } from './navigation';
import { trendMarkdown } from './indicator-trend';
import { nationalContextMarkdown } from './national-context';
import { provinceOfFile } from '../provincial-targets';
import { unitMarkdown } from '../units';

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Markdown describing an entity of the plan. */
export function entityMarkdown(plan: EditorPlan, e: Entity, locale: Locale): string {
  const zhFirst = locale === 'zh-CN';
  const parts: string[] = [];
  const name = entityName(e);
  parts.push(`**${bilingual(KIND_NAMES[e.kind], zhFirst)}** \`${e.id}\`${name ? ` — ${name}` : ''}`);
  const en = typeof e.data.nameEn === 'string' ? e.data.nameEn : typeof e.data.titleEn === 'string' ? e.data.titleEn : undefined;
  if (en) parts.push(`_${en}_`);
  const m = plan.index.file(e.file);
  const line = m ? m.parsed.lines.positionAt(idSpan(m.parsed, e).start).line + 1 : undefined;
  const where = displayPath(plan, e.file);
  parts.push(text(locale, `定义于 \`${where}\`${line ? ` 第 ${line} 行` : ''}`, `Defined in \`${where}\`${line ? `, line ${line}` : ''}`));
  const defs = plan.index.definitionsOf(e.id);
  if (defs.length > 1) parts.push(text(locale, `⚠ 该 ID 在本方案中定义了 ${defs.length} 次`, `⚠ this ID is defined ${defs.length} times in the plan`));
  if (e.kind === 'indicator') {
    const d = e.data;
    const type = indicatorType(d);
    const facts: string[] = [];
    if (type) facts.push(text(locale, `类型：${local(TYPE_NAMES[type], locale)}（\`${type}\`）`, `type: \`${type}\``));
    if (typeof d.unit === 'string') facts.push(text(locale, `单位：${d.unit}`, `unit: ${d.unit}`));
    if (d.direction === 'increase' || d.direction === 'decrease') facts.push(text(locale, `方向：${d.direction === 'increase' ? '上升' : '下降'}`, `direction: ${d.direction}`));
    if (typeof d.binding === 'boolean') facts.push(d.binding ? text(locale, '约束性', 'binding') : text(locale, '预期性', 'expected'));
    if (facts.length) parts.push(facts.join(' · '));
    const baseYear = plan.index.settings?.baseYear;
    const trend = trendMarkdown(d, baseYear, locale);
    if (trend.length) parts.push(trend.join('\n'));
    parts.push(...nationalContextMarkdown(d, provinceOfFile(m, plan.index.planFiles), locale));
    const users = plan.index.referencesTo(e.id).filter((r) => r.field === 'indicators').map((r) => r.from.id).filter(Boolean);
    parts.push(users.length ? text(locale, `关联任务：${users.map((u) => `\`${u}\``).join('、')}`, `Tasks: ${users.map((u) => `\`${u}\``).join(', ')}`) : text(locale, '尚无任务关联该指标', 'No task references this indicator yet'));
  } else {
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
