/**
 * Provinces' published targets for the levels the national-target rule compares
 * with the province rather than the nation: the non-fossil share of energy
 * consumption and forest coverage (docs/rules/national-target.md, docs/format.md
 * "National targets"). A plan names its province in `pilot.province`.
 *
 * Every figure was read in a published copy of the document named, at the pages
 * in `urls` (reposts of the document or reports of it; the provinces' own sites
 * were not among the pages searched). A province, indicator or year whose figure
 * could not be confirmed is absent, and an absent entry is never compared: the
 * first two batches of pilots also lie in 河北、江苏、河南、湖北、新疆 and 贵州,
 * whose figures were not confirmed (docs/rules/national-target.md lists them). Of those plans
 * only numbers were found (江苏 苏政发〔2022〕88号, as 苏府〔2024〕34号 cites it; 湖北
 * 鄂政发〔2022〕22号, as Xiaogan's draft plan cites it), not the targets; 广东's 文号 was not
 * found either.
 */
import type { LocalText } from './i18n/messages';
import { isObj, type FileModel, type Obj } from './plan/model';

/** The indicators compared with the province's target. */
export type ProvincialKey = 'non-fossil-share' | 'forest-coverage';

export interface ProvincialDocument {
  /** The title as issued, without 《》. */
  title: string;
  titleEn: string;
  issuer: LocalText;
  /** 文号, where a source shows it. */
  number?: string;
  /** The date on the notice (YYYY-MM-DD), where a source shows it. */
  issued?: string;
  /** Otherwise the date of the earliest report of the document found (YYYY-MM-DD). */
  reported?: string;
  /** Where the figures, number and date were read. */
  urls: readonly string[];
}

export interface ProvincialTarget {
  year: number;
  /** Percent. */
  value: number;
  /** As the document states it. */
  text: LocalText;
}

export interface ProvincialTargets {
  document: ProvincialDocument;
  targets: readonly ProvincialTarget[];
}

export interface ProvinceTable {
  /** As `pilot.province` writes it (common.schema.json#/$defs/province). */
  province: string;
  nameEn: string;
  indicators: Partial<Record<ProvincialKey, ProvincialTargets>>;
}

const PEOPLES_GOVERNMENT = (zh: string, en: string): LocalText => ({ zh: `${zh}人民政府`, en: `${en} Provincial People's Government` });

const GUANGDONG: ProvincialDocument = {
  title: '广东省碳达峰实施方案',
  titleEn: 'Guangdong Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('广东省', 'Guangdong'),
  // The notice is dated 2022-06-23 and was made public on 2023-02-07; no source searched showed its 文号.
  issued: '2022-06-23',
  urls: ['http://14z7q.com/tynfd/gnxw/20230208/187083.html', 'http://jizihe.com/page/2023/0406/20594915.shtml'],
};

const SHANDONG: ProvincialDocument = {
  title: '山东省碳达峰实施方案',
  titleEn: 'Shandong Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('山东省', 'Shandong'),
  number: '鲁政字〔2022〕242号',
  issued: '2022-12-18',
  urls: ['http://cnplasticpolicy.com/article/32/3663.html', 'https://100ppi.com/news/detail-20230117-2455214.html'],
};

const HUNAN: ProvincialDocument = {
  title: '湖南省碳达峰实施方案',
  titleEn: 'Hunan Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('湖南省', 'Hunan'),
  number: '湘政发〔2022〕19号',
  issued: '2022-10-28',
  urls: [
    'http://admin.yzcity.gov.cn:8888/da/yhzcjdrfg/202212/6dfe68b52b354e3a8c7709aac918b1db.shtml',
    'http://congusto.cn/xwzx/aqhb/202211/t20221123_69163.html',
    'http://lcd.sanhaostreet.com/guonei/202211/0819219.html',
  ],
};

const SHAANXI: ProvincialDocument = {
  title: '陕西省碳达峰实施方案',
  titleEn: 'Shaanxi Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('陕西省', 'Shaanxi'),
  number: '陕政发〔2022〕18号',
  issued: '2022-07-22',
  urls: ['https://tx3060.com/1631.html', 'https://e.ccement.com/news/content/36705293658615001.html'],
};

const SHANXI: ProvincialDocument = {
  title: '山西省碳达峰实施方案',
  titleEn: 'Shanxi Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('山西省', 'Shanxi'),
  number: '晋政发〔2022〕29号',
  issued: '2023-01-05',
  // The number and date from the two copies of the notice; the 2025 figure from China Daily's report of the plan.
  urls: ['https://wenku.solarbe.com/p-29531.html', 'http://8a9v.com/article-22729-1.html', 'http://shanxi.chinadaily.com.cn/2023-11/13/c_990669.htm'],
};

const ANHUI: ProvincialDocument = {
  title: '安徽省碳达峰实施方案',
  titleEn: 'Anhui Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('安徽省', 'Anhui'),
  issued: '2022-09-23',
  urls: ['https://www.nemahaia.com/policy/333342.htm', 'https://wenku.solarbe.com/p-29468.html'],
};

const HEILONGJIANG: ProvincialDocument = {
  title: '黑龙江省碳达峰实施方案',
  titleEn: 'Heilongjiang Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('黑龙江省', 'Heilongjiang'),
  reported: '2022-09-05',
  urls: ['https://peopleweekly.cn/html/2022/wenchuandianxun_0905/140171.html', 'http://www.kaleproperties.com/news/3442.html'],
};

const LIAONING: ProvincialDocument = {
  title: '辽宁省碳达峰实施方案',
  titleEn: 'Liaoning Carbon Peak Implementation Plan',
  issuer: PEOPLES_GOVERNMENT('辽宁省', 'Liaoning'),
  // Explained at the provincial government's press conference of 2022-09-29, reported on 2022-10-07.
  reported: '2022-10-07',
  urls: ['http://m.chinacrane.net/news/202210/07/242721.html', 'https://e.ccement.com/news/content/33863638168916118.html'],
};

const ZHEJIANG: ProvincialDocument = {
  title: '中共浙江省委 浙江省人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见',
  titleEn: 'Implementation Opinions of the Zhejiang Provincial Party Committee and Government on carbon peaking and neutrality',
  issuer: { zh: '中共浙江省委、浙江省人民政府', en: 'Zhejiang Provincial Party Committee and People\'s Government' },
  issued: '2021-12-23',
  urls: ['https://www.xuehua.us/a/620cd6c889ee054a9db241fc?lang=zh-tw', 'http://en.greenbuildingpv.com/knowledge_3/276.html'],
};

const INNER_MONGOLIA: ProvincialDocument = {
  title: '内蒙古自治区党委 自治区人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见',
  titleEn: 'Implementation Opinions of the Inner Mongolia Party Committee and Government on carbon peaking and neutrality',
  issuer: { zh: '内蒙古自治区党委、自治区人民政府', en: 'Inner Mongolia Autonomous Region Party Committee and People\'s Government' },
  reported: '2022-06-29',
  urls: ['http://hhygw.cn/tanzhonghe/dongtai/2022-06-29/156057.html', 'http://www.nmgcaijing.com/licai/r-42720.html'],
};

const about = (year: number, value: number): ProvincialTarget => ({ year, value, text: { en: `about ${value}% by ${year}`, zh: `到 ${year} 年达到 ${value}% 左右` } });
const atLeast = (year: number, value: number): ProvincialTarget => ({ year, value, text: { en: `${value}% or more by ${year}`, zh: `到 ${year} 年达到 ${value}% 以上` } });
const exactly = (year: number, value: number): ProvincialTarget => ({ year, value, text: { en: `${value}% by ${year}`, zh: `到 ${year} 年达到 ${value}%` } });

const TABLES: readonly ProvinceTable[] = [
  {
    province: '内蒙古自治区',
    nameEn: 'Inner Mongolia',
    indicators: {
      'non-fossil-share': { document: INNER_MONGOLIA, targets: [exactly(2025, 18), about(2030, 25)] },
      'forest-coverage': { document: INNER_MONGOLIA, targets: [exactly(2025, 23.5)] },
    },
  },
  { province: '山西省', nameEn: 'Shanxi', indicators: { 'non-fossil-share': { document: SHANXI, targets: [exactly(2025, 12)] } } },
  { province: '辽宁省', nameEn: 'Liaoning', indicators: { 'non-fossil-share': { document: LIAONING, targets: [about(2025, 13.7), about(2030, 20)] } } },
  { province: '黑龙江省', nameEn: 'Heilongjiang', indicators: { 'non-fossil-share': { document: HEILONGJIANG, targets: [about(2025, 15), atLeast(2030, 20)] } } },
  {
    province: '浙江省',
    nameEn: 'Zhejiang',
    indicators: {
      'non-fossil-share': { document: ZHEJIANG, targets: [about(2025, 24), about(2030, 30)] },
      'forest-coverage': {
        document: ZHEJIANG,
        targets: [exactly(2025, 61.5), { year: 2030, value: 61.5, text: { en: 'steady at about 61.5% by 2030', zh: '到 2030 年稳定在 61.5% 左右' } }],
      },
    },
  },
  { province: '安徽省', nameEn: 'Anhui', indicators: { 'non-fossil-share': { document: ANHUI, targets: [atLeast(2025, 15.5)] } } },
  { province: '山东省', nameEn: 'Shandong', indicators: { 'non-fossil-share': { document: SHANDONG, targets: [about(2025, 13), about(2030, 20)] } } },
  { province: '湖南省', nameEn: 'Hunan', indicators: { 'non-fossil-share': { document: HUNAN, targets: [about(2025, 22), about(2030, 25)] } } },
  {
    province: '广东省',
    nameEn: 'Guangdong',
    indicators: {
      'non-fossil-share': {
        document: GUANGDONG,
        targets: [{ year: 2025, value: 32, text: { en: 'striving for 32% or more by 2025', zh: '到 2025 年力争达到 32% 以上' } }, about(2030, 35)],
      },
    },
  },
  { province: '陕西省', nameEn: 'Shaanxi', indicators: { 'non-fossil-share': { document: SHAANXI, targets: [about(2025, 16)] } } },
];

export const PROVINCIAL_TARGETS: ReadonlyMap<string, ProvinceTable> = new Map(TABLES.map((t) => [t.province, t]));

/** The province a Plan file's data names in `pilot.province`, if it names one. */
function pilotProvince(plan: Obj | undefined): string | undefined {
  const pilot = plan?.pilot;
  return isObj(pilot) && typeof pilot.province === 'string' ? pilot.province.trim() : undefined;
}

/** The province of the plan a file belongs to: a Plan file's own (a duplicate Plan file says its own), else the plan's first Plan file's. */
export function provinceOfFile(file: FileModel | undefined, planFiles: readonly FileModel[]): string | undefined {
  return pilotProvince(file?.kind === 'Plan' && file.root ? file.root : planFiles[0]?.root);
}

/** A province's table and its targets for an indicator, if the table has them. */
export function provincialTargets(province: string | undefined, key: string): { table: ProvinceTable; ref: ProvincialTargets } | undefined {
  const table = province === undefined ? undefined : PROVINCIAL_TARGETS.get(province);
  const ref = table && Object.prototype.hasOwnProperty.call(table.indicators, key) ? table.indicators[key as ProvincialKey] : undefined;
  return table && ref ? { table, ref } : undefined;
}

/** The province's name for a sentence: 山东省 / Shandong. */
export function provinceName(table: ProvinceTable): LocalText {
  return { zh: table.province, en: table.nameEn };
}

/**
 * The document as a citation: 山东省人民政府《山东省碳达峰实施方案》（鲁政字〔2022〕242号，2022-12-18）/
 * Shandong Provincial People's Government, Shandong Carbon Peak Implementation Plan (《山东省碳达峰实施方案》, 鲁政字〔2022〕242号, 2022-12-18).
 */
export function documentCitation(doc: ProvincialDocument): LocalText {
  const zhDate = doc.issued ?? (doc.reported ? `${doc.reported} 报道` : undefined);
  const enDate = doc.issued ?? (doc.reported ? `reported ${doc.reported}` : undefined);
  const zh = [doc.number, zhDate].filter(Boolean).join('，');
  const en = [`《${doc.title}》`, doc.number, enDate].filter(Boolean).join(', ');
  return { zh: `${doc.issuer.zh}《${doc.title}》${zh ? `（${zh}）` : ''}`, en: `${doc.issuer.en}, ${doc.titleEn} (${en})` };
}
