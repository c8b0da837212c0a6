/**
 * Completion of a Plan file's `pilot.name` from the published lists of pilots (../pilots.ts):
 * each listed pilot, found by its Chinese or its English name, and, on choosing it, the
 * pilot block's `type`, `province`, `parkLevel` and `batch` filled from the list where they
 * are absent or empty (edits beside the name's own, which editors apply with it). A value a
 * plan already gives is left as it is: the `pilot-list` rule tells if it disagrees.
 */
import type { Locale } from '../i18n/messages';
import type { ParsedFile } from '../parse/parsed-file';
import { isObj } from '../plan/model';
import { PILOTS, batchInfo, type Pilot } from '../pilots';
import { yamlScalar } from '../../common/yaml-scalar';
import type { CompletionCandidate, TextEditSpan } from './completion';
import { schemaAt } from './schema-info';
import { text } from './context';

/** The province's English name, from the schema's enum descriptions (`广东省 · Guangdong — …`). */
function provinceEn(province: string): string {
  const values = schemaAt('Plan', ['pilot', 'province'], undefined).enumValues ?? [];
  const d = values.find((v) => v.value === province)?.description ?? '';
  return / · (.+?) — /.exec(d)?.[1] ?? province;
}

/** 广东省 → 广东, 新疆维吾尔自治区 → 新疆: as a short label reads. */
function provinceShort(province: string): string {
  return province.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|省)$/, '');
}

function detailOf(p: Pilot, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${p.type === 'city' ? '城市' : '园区'} · ${provinceShort(p.province)} · 第 ${p.batch} 批`
    : `${p.type} · ${provinceEn(p.province)} · batch ${p.batch}`;
}

function documentationOf(p: Pilot, locale: Locale): string {
  const info = batchInfo(p.batch);
  const lines = [`**${p.name}**${p.nameEn ? ` · ${p.nameEn}` : ''}`];
  if (p.parkKind) lines.push(p.parkKind);
  if (info) lines.push(text(locale, `列入《${info.title}》（${info.date}）`, `Named in 《${info.title}》 (${info.date})`));
  return lines.join('\n\n');
}

function lineEndOf(t: string, offset: number): number {
  const i = t.indexOf('\n', offset);
  return i < 0 ? t.length : i;
}

/**
 * The edits that fill the pilot block's keys from the list: values for empty keys, and the
 * missing keys after the name's line (in a flow mapping, before its `}`). `tail` is what goes
 * after the name itself when the name's line is the last of the file (no line to insert before).
 */
export function pilotFillEdits(parsed: ParsedFile, p: Pilot, replaceEnd: number): { edits: TextEditSpan[]; tail: string } {
  const t = parsed.text;
  const block = isObj(parsed.data) ? parsed.data.pilot : undefined;
  if (!isObj(block)) return { edits: [], tail: '' };
  const nl = t.includes('\r\n') ? '\r\n' : '\n';
  const wanted: [string, string | number][] = [['type', p.type], ['province', p.province]];
  if (p.type === 'park' && p.parkLevel) wanted.push(['parkLevel', p.parkLevel]);
  wanted.push(['batch', p.batch]);
  const edits: TextEditSpan[] = [];
  const missing: string[] = [];
  for (const [key, value] of wanted) {
    const scalar = yamlScalar(value);
    if (!(key in block)) {
      missing.push(`${key}: ${scalar}`);
      continue;
    }
    const cur = block[key];
    if (cur !== null && cur !== '') continue;
    const valueSpan = parsed.span(['pilot', key], 'value');
    if (valueSpan && valueSpan.end > valueSpan.start) {
      edits.push({ start: valueSpan.start, end: valueSpan.end, newText: scalar });
      continue;
    }
    // `type:` with nothing after the colon: the value after it.
    const keySpan = parsed.span(['pilot', key], 'key');
    if (!keySpan) continue;
    const colon = t.indexOf(':', keySpan.end);
    if (colon < 0) continue;
    let end = colon + 1;
    while (t[end] === ' ' || t[end] === '\t') end++;
    edits.push({ start: colon + 1, end, newText: ` ${scalar}` });
  }
  if (!missing.length) return { edits, tail: '' };
  const blockSpan = parsed.span(['pilot'], 'value');
  if (blockSpan && t[blockSpan.start] === '{') {
    const close = t.lastIndexOf('}', blockSpan.end);
    const at = blockSpan.start + 1 + t.slice(blockSpan.start + 1, close).trimEnd().length;
    edits.push({ start: at, end: at, newText: `${Object.keys(block).length ? ',' : ''} ${missing.join(', ')}` });
    return { edits, tail: '' };
  }
  const nameKey = parsed.span(['pilot', 'name'], 'key');
  if (!nameKey) return { edits, tail: '' };
  const pad = ' '.repeat(nameKey.start - (t.lastIndexOf('\n', nameKey.start - 1) + 1));
  const lineEnd = lineEndOf(t, Math.max(replaceEnd, nameKey.end));
  const lines = missing.map((l) => pad + l);
  if (lineEnd >= t.length) return { edits, tail: nl + lines.join(nl) };
  edits.push({ start: lineEnd + 1, end: lineEnd + 1, newText: lines.map((l) => l + nl).join('') });
  return { edits, tail: '' };
}

/** Every listed pilot as a candidate for `pilot.name`, filling the rest of the block. */
export function pilotNameCandidates(parsed: ParsedFile, locale: Locale, replace: { start: number; end: number }): CompletionCandidate[] {
  return PILOTS.map((p, i) => {
    const fill = pilotFillEdits(parsed, p, replace.end);
    return {
      label: p.name,
      kind: 'value' as const,
      detail: detailOf(p, locale),
      documentation: documentationOf(p, locale),
      insertText: yamlScalar(p.name) + fill.tail,
      filterText: p.nameEn ? `${p.name} ${p.nameEn}` : p.name,
      sortText: `${p.batch}${String(i).padStart(3, '0')}`,
      replace,
      additionalEdits: fill.edits.length ? fill.edits : undefined,
    };
  });
}
