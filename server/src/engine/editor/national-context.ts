/**
 * Hover text for an indicator that names a national target in `nationalRef`:
 * the national figures (2025, 2030, 2035) as context, and what the
 * national-target rule compares the plan's targets with: the national cut over
 * the same period, the province's published target, or nothing.
 */
import type { Locale } from '../i18n/messages';
import { nationalIndicator } from '../national-targets';
import { documentCitation, provincialTargets } from '../provincial-targets';
import type { Obj } from '../plan/model';
import { local, text } from './context';

/** Markdown blocks (paragraphs, a list) for an indicator's `nationalRef`; none if it names no national target. */
export function nationalContextMarkdown(indicator: Obj, province: string | undefined, locale: Locale): string[] {
  const national = nationalIndicator(indicator.nationalRef);
  if (!national) return [];
  const lines = [
    text(locale, `**国家目标** \`${national.key}\`：${national.name.zh}`, `**National target** \`${national.key}\`: ${national.name.en}`),
    national.targets.map((t) => text(locale, `- ${t.text.zh}（${t.source.zh}）`, `- ${t.text.en} (${t.source.en})`)).join('\n'),
  ];
  if (national.comparison === 'national') {
    lines.push(
      text(
        locale,
        '检查：降幅与国家同期目标比较（目标年份和参考年份都相同）；其他时段的降幅不作比较。',
        'Checked: a cut is compared with the national cut over the same period (the same target year and reference year); cuts over other periods are not compared.',
      ),
    );
  } else if (national.comparison === 'province') {
    const found = provincialTargets(province, national.key);
    if (found) {
      const targets = found.ref.targets.map((t) => local(t.text, locale)).join(text(locale, '；', '; '));
      lines.push(
        text(
          locale,
          `检查：与${found.table.province}目标比较（${targets}，见${documentCitation(found.ref.document).zh}）；国家目标仅供参考。`,
          `Checked: against the target of ${found.table.nameEn} (${targets}; ${documentCitation(found.ref.document).en}); the national figures are context only.`,
        ),
      );
    } else {
      lines.push(
        text(
          locale,
          `不检查：${province ? `暂无${province}的目标数据` : '方案未写明所在省份'}，国家目标仅供参考（城市、园区的占比不与全国平均水平比较）。`,
          `Not checked: ${province ? `no published target of ${province} is on record` : 'the plan names no province'}; the national figures are context only (a city's or park's share is not held to the national average).`,
        ),
      );
    }
  } else {
    lines.push(
      text(
        locale,
        '不检查：全国总量仅供参考，城市或园区的总量只是其中一部分，不与之比较。',
        "Not checked: the national total is context only; a city's or park's total is a part of it, not comparable with it.",
      ),
    );
  }
  return lines;
}
