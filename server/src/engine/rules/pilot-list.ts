/**
 * pilot-list: a Plan file's pilot block against the published lists of national carbon peak
 * pilots (../pilots.ts).
 *
 * - A pilot on a list whose `batch`, `type` or `province` differs from the list's: one finding on
 *   each such value, carrying the list's value for the quick fix (`data.replaceWith`).
 * - A name on no list with a `batch` whose list is known whole (its entries and unconfirmed
 *   entries make up the count its notice gives): a finding on the name, with the names of that
 *   list it may be a shortening of as suggestions. A name that may be an unconfirmed entry (it
 *   contains the place a source puts that entry in) is not judged, nor any name of a batch whose
 *   list is not known whole (the second, so far).
 *
 * Keys that are absent, empty or of the wrong type are not judged here (`schema` reports types).
 */
import { defineMessages, msg, type LocalText } from '../i18n/messages';
import { asNumber, isObj } from '../plan/model';
import { batchAccountedFor, batchInfo, gapFor, pilotNamed, pilotsOfBatch, type PilotBatchInfo } from '../pilots';
import type { Rule } from './rule';

defineMessages({
  'pilot-list.not-listed': {
    en: 'Pilot `{name}` is not on the {list}. Write the name as the list does, or correct `batch`.',
    zh: '试点“{name}”不在{list}中。请按名单写法填写名称，或更正 `batch`。',
  },
  'pilot-list.batch': {
    en: 'Pilot `{name}` is on the {list}, not in batch {value}: set `batch: {expected}`.',
    zh: '试点“{name}”列入{list}，而非第 {value} 批：请将 `batch` 改为 {expected}。',
  },
  'pilot-list.type': {
    en: 'Pilot `{name}` is a {expectedName} on the {list}, but `type` is `{value}`: set `type: {expected}`.',
    zh: '试点“{name}”在{list}中是{expectedName}，但 `type` 为 `{value}`：请将 `type` 改为 {expected}。',
  },
  'pilot-list.province': {
    en: 'Pilot `{name}` is in {expected} on the {list}, but `province` is `{value}`: set `province: {expected}`.',
    zh: '试点“{name}”在{list}中属于{expected}，但 `province` 为“{value}”：请将 `province` 改为 {expected}。',
  },
});

const ORDINALS_EN = ['first', 'second', 'third', 'fourth'];
const ORDINALS_ZH = ['首批', '第二批', '第三批', '第四批'];

/** "the first list of national carbon peak pilots (NDRC General Office, 2023-12-06)". */
function listName(info: PilotBatchInfo): LocalText {
  const n = info.batch;
  const numberZh = info.number ? `，${info.number}` : '';
  const numberEn = info.number ? `, ${info.number}` : '';
  return {
    en: `${ORDINALS_EN[n - 1] ?? `batch ${n}`} list of national carbon peak pilots (NDRC General Office${numberEn}, ${info.date})`,
    zh: `${ORDINALS_ZH[n - 1] ?? `第 ${n} 批`}国家碳达峰试点名单（国家发展改革委办公厅${numberZh}，${info.date}）`,
  };
}

const TYPE_NAMES: Record<string, LocalText> = { city: { en: 'city', zh: '试点城市' }, park: { en: 'park', zh: '试点园区' } };

/** Listed names of a batch that the name may shorten or lengthen (广州 → 广州市, 江宁开发区 → …). */
function nearNames(name: string, batch: number): string[] {
  const core = (s: string) => s.replace(/(市|地区|盟)$/, '');
  return pilotsOfBatch(batch)
    .map((p) => p.name)
    .filter((n) => n.startsWith(name) || name.startsWith(core(n)) || (name.length >= 2 && n.includes(core(name))))
    .slice(0, 5);
}

export const pilotList: Rule = {
  code: 'pilot-list',
  defaultSeverity: 'info',
  scope: 'file',
  title: { en: 'A pilot block that does not match the published lists of pilots', zh: '试点信息与已公布的试点名单不符' },
  checkFile(file, ctx) {
    if (file.kind !== 'Plan' || !file.root) return;
    const pilot = file.root.pilot;
    if (!isObj(pilot) || typeof pilot.name !== 'string' || !pilot.name.trim()) return;
    const name = pilot.name.trim();
    const batch = asNumber(pilot.batch);
    const listed = pilotNamed(name);
    const at = (key: string) => file.parsed.span(['pilot', key], 'value');
    if (!listed) {
      if (batch === undefined || !batchAccountedFor(batch) || gapFor(name, batch, pilot.province)) return;
      const span = at('name');
      if (!span) return;
      const suggestions = nearNames(name, batch);
      ctx.report({
        file: file.path,
        span,
        message: msg('pilot-list.not-listed', { name, list: listName(batchInfo(batch)!) }),
        data: { path: ['pilot', 'name'], ...(suggestions.length ? { suggestions } : {}) },
      });
      return;
    }
    const list = listName(batchInfo(listed.batch)!);
    const report = (key: 'batch' | 'type' | 'province', value: string | number, expected: string | number, extra: Record<string, LocalText> = {}) => {
      const span = at(key);
      if (!span) return;
      ctx.report({
        file: file.path,
        span,
        message: msg(`pilot-list.${key}`, { name, list, value, expected, ...extra }),
        data: { path: ['pilot', key], replaceWith: expected },
      });
    };
    if (batch !== undefined && batch !== listed.batch) report('batch', batch, listed.batch);
    if (typeof pilot.type === 'string' && pilot.type !== '' && pilot.type !== listed.type) report('type', pilot.type, listed.type, { expectedName: TYPE_NAMES[listed.type] });
    if (typeof pilot.province === 'string' && pilot.province !== '' && pilot.province !== listed.province) report('province', pilot.province, listed.province);
  },
};
