/**
 * The lists of national carbon peak pilots (国家碳达峰试点) as the NDRC published them, with the
 * source of every entry: what completion offers for `pilot.name`, what the `pilot-list` rule
 * holds a plan's pilot block to, and what the client's New Plan command offers
 * (scripts/client-tables.ts). Only what a published source confirms is here; the gaps are
 * listed at the end of this comment, in PILOT_GAPS and in docs/format.md#pilot-lists.
 *
 * The notices' own lists are images (附件), so each entry is cited to the reports and local
 * government documents that name it. Park levels are given only where a source says so.
 *
 * Gaps (not confirmed from a published source, so left out):
 * - Batch 1: the Chinese names of two parks. Xinhua's report (6 December 2023) places them in
 *   Chifeng (赤峰, 内蒙古自治区) and Kuqa (库车, 新疆维吾尔自治区); no source found gives their names.
 * - Batch 1: the notice's number (文号); the notice was published on 6 December 2023.
 * - Batch 1: the park levels of 肇庆高新技术产业开发区 and 西咸新区.
 * - Batch 2: 25 of its 27 entries. The notice (发改办环资〔2025〕248号) names them in an attachment
 *   that no source found reproduces as text; only Guizhou's announcement of its two parks was found.
 *   With no place known for the other 25, they have no PILOT_GAPS entries, so the batch is not
 *   accounted for and no name is judged against it.
 */

/** Where a fact was published. */
export interface PilotSource {
  title: string;
  /** Who published it (the issuing body, or the outlet that reported it). */
  publisher: string;
  /** Publication date, YYYY-MM-DD, where the source shows it. */
  date?: string;
  url: string;
}

export interface PilotBatchInfo {
  batch: number;
  /** The notice's title. */
  title: string;
  issuer: string;
  /** 文号; absent where no source gives it. */
  number?: string;
  /** The notice's date, or where only that is known, the day it was published (YYYY-MM-DD). */
  date: string;
  /** The pilots the notice names, as it counts them. */
  published: { total: number; cities?: number; parks?: number };
  /** Whom the notice is addressed to, where a source gives it. */
  addressees?: string[];
  /**
   * Places per provincial-level division, as the national pilot plan (发改环资〔2023〕1409号)
   * allotted them for this batch, where it did.
   */
  quota?: Readonly<Record<string, number>>;
  sources: readonly PilotSource[];
}

export type PilotType = 'city' | 'park';
export type ParkLevel = 'national' | 'provincial';

export interface Pilot {
  /** The Chinese name, as plans write it in `pilot.name`. */
  name: string;
  /** The English name in official or usual use. */
  nameEn?: string;
  type: PilotType;
  /** The provincial-level division, full Chinese name (the schema's `province`). */
  province: string;
  /** A park's level, where a source gives it. */
  parkLevel?: ParkLevel;
  /** What kind of national or provincial zone a park is (国家级高新区, 国家级经开区), with the level. */
  parkKind?: string;
  batch: number;
  sources: readonly PilotSource[];
}

/** A pilot a batch's notice names but whose entry could not be confirmed. */
export interface PilotGap {
  batch: number;
  type: PilotType;
  province: string;
  /** The place a source puts it in, as a name would contain it (赤峰). */
  locality: string;
  note: string;
  sources: readonly PilotSource[];
}

// ---------------------------------------------------------------------------
// Sources

const XINHUA_BATCH_1: PilotSource = {
  title: 'China releases list of first batch of pilot cities seeking to peak carbon dioxide emissions',
  publisher: 'Xinhua (People\'s Daily Online)',
  date: '2023-12-06',
  url: 'http://en.people.cn/n3/2023/1206/c90000-20106861.html',
};

const NEWS_BATCH_1: PilotSource = {
  title: '国家发改委公布首批碳达峰试点名单',
  publisher: '环保设备网',
  date: '2023-12-07',
  url: 'https://hbsb.xny365.com/article-67477.html',
};

const PLAN_1409: PilotSource = {
  title: '国家发展改革委印发《国家碳达峰试点建设方案》（经济日报，2023 年 11 月 6 日）',
  publisher: '经济日报（ordoszxqy.org.cn 转载）',
  date: '2023-11-06',
  url: 'https://ordoszxqy.org.cn/article/info/4947',
};

const NOTICE_BATCH_2: PilotSource = {
  title: '国家发展改革委办公厅关于印发第二批国家碳达峰试点名单的通知（来源：国家发展改革委）',
  publisher: '中国水网',
  date: '2025-03-25',
  url: 'http://office.h2o-china.com/news/356933.html',
};

const NOTICE_BATCH_2_ALT: PilotSource = {
  title: '发改委印发第二批国家碳达峰试点名单（来源：国家发改委）',
  publisher: 'rwtmw.com（转载，来源：国家发改委）',
  date: '2025-03-25',
  url: 'http://www.rwtmw.com/news/621/621871.html',
};

// Guizhou Radio and Television's news service, reporting the Guizhou Development and Reform Commission.
const GUIZHOU_BATCH_2: PilotSource = {
  title: '第二批国家碳达峰试点名单公布，贵州省黔南高新技术产业开发区、和平（苟江）经济开发区入选（记者从贵州省发展和改革委员会获悉）',
  publisher: '贵州广播电视台（动静新闻）',
  url: 'https://movement.gzstv.com/news/detail/qx4Dp',
};

const JIANGSU: PilotSource = {
  title: '全国首批 南京江宁开发区入选碳达峰试点园区（江苏省入选：盐城市、苏州工业园区、江宁开发区）',
  publisher: 'csjcs.com',
  date: '2023-12-07',
  url: 'https://csjcs.com/news/show/344/1571041_0.html',
};

const JIANGSU_LEVEL: PilotSource = {
  title: '江苏7家国家级经开区综合发展水平跻身全国30强（苏州工业园区、江宁经济技术开发区）',
  publisher: '新华网',
  date: '2019-01-02',
  url: 'http://big5.xinhuanet.com/gate/big5/www.js.xinhuanet.com/2019-01-02/c_1123938419.htm',
};

// ---------------------------------------------------------------------------
// Batches

export const PILOT_BATCHES: readonly PilotBatchInfo[] = [
  {
    batch: 1,
    title: '国家发展改革委办公厅关于印发首批碳达峰试点名单的通知',
    issuer: '国家发展改革委办公厅',
    date: '2023-12-06',
    published: { total: 35, cities: 25, parks: 10 },
    quota: {
      河北省: 3,
      山东省: 3,
      内蒙古自治区: 3,
      广东省: 3,
      江苏省: 3,
      山西省: 2,
      河南省: 2,
      湖北省: 2,
      辽宁省: 2,
      湖南省: 2,
      黑龙江省: 2,
      陕西省: 2,
      浙江省: 2,
      新疆维吾尔自治区: 2,
      安徽省: 2,
    },
    sources: [
      XINHUA_BATCH_1,
      NEWS_BATCH_1,
      {
        title: '德州经济技术开发区入选全国首批碳达峰试点（《国家发展改革委办公厅关于印发首批碳达峰试点名单的通知》）',
        publisher: '大众日报',
        date: '2023-12-05',
        url: 'https://dzrb.dzng.com/articleContent/705_1224748.html',
      },
      PLAN_1409,
    ],
  },
  {
    batch: 2,
    title: '国家发展改革委办公厅关于印发第二批国家碳达峰试点名单的通知',
    issuer: '国家发展改革委办公厅',
    number: '发改办环资〔2025〕248号',
    date: '2025-03-15',
    published: { total: 27 },
    addressees: ['各省、自治区、直辖市及计划单列市、新疆生产建设兵团发展改革委', '长三角生态绿色一体化发展示范区执委会'],
    sources: [NOTICE_BATCH_2, NOTICE_BATCH_2_ALT],
  },
];

// ---------------------------------------------------------------------------
// Pilots

function city(name: string, nameEn: string, province: string, more: PilotSource[] = []): Pilot {
  return { name, nameEn, type: 'city', province, batch: 1, sources: [XINHUA_BATCH_1, ...more] };
}

export const PILOTS: readonly Pilot[] = [
  // Batch 1, cities: Xinhua names all 25; the provinces are the plan's quota for each.
  city('张家口市', 'Zhangjiakou', '河北省', [NEWS_BATCH_1]),
  city('唐山市', 'Tangshan', '河北省'),
  city('承德市', 'Chengde', '河北省'),
  city('太原市', 'Taiyuan', '山西省'),
  city('鄂尔多斯市', 'Ordos', '内蒙古自治区', [
    {
      title: 'Ordos among China\'s first batch of carbon peaking pilot cities',
      publisher: 'China Daily',
      date: '2023-12-08',
      url: 'https://govt.chinadaily.com.cn/s/202312/08/WS65767cda498ed2d7b7ea28ff/ordos-among-chinas-first-batch-of-carbon-peaking-pilot-cities.html',
    },
  ]),
  city('包头市', 'Baotou', '内蒙古自治区'),
  city('沈阳市', 'Shenyang', '辽宁省'),
  city('大连市', 'Dalian', '辽宁省'),
  city('黑河市', 'Heihe', '黑龙江省'),
  city('盐城市', 'Yancheng', '江苏省', [JIANGSU]),
  city('杭州市', 'Hangzhou', '浙江省'),
  city('湖州市', 'Huzhou', '浙江省'),
  city('亳州市', 'Bozhou', '安徽省'),
  city('青岛市', 'Qingdao', '山东省'),
  city('烟台市', 'Yantai', '山东省'),
  city('新乡市', 'Xinxiang', '河南省'),
  city('信阳市', 'Xinyang', '河南省'),
  city('襄阳市', 'Xiangyang', '湖北省'),
  city('十堰市', 'Shiyan', '湖北省'),
  city('长沙市', 'Changsha', '湖南省'),
  city('湘潭市', 'Xiangtan', '湖南省'),
  city('广州市', 'Guangzhou', '广东省'),
  city('深圳市', 'Shenzhen', '广东省'),
  city('榆林市', 'Yulin', '陕西省'),
  city('克拉玛依市', 'Karamay', '新疆维吾尔自治区'),

  // Batch 1, parks: Xinhua gives the place of each of the 10; the names are from the sources.
  {
    name: '长治高新技术产业开发区',
    nameEn: 'Changzhi High-tech Industrial Development Zone',
    type: 'park',
    province: '山西省',
    parkLevel: 'national',
    parkKind: '国家级高新区',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      NEWS_BATCH_1,
      {
        title: '长治高新区：2015年2月经国务院批复升级为国家高新区',
        publisher: 'hbzqbyyxgs.com（词条转载）',
        url: 'http://hbzqbyyxgs.com/citiao/160611.html',
      },
    ],
  },
  {
    name: '哈尔滨经济技术开发区',
    nameEn: 'Harbin Economic and Technological Development Zone',
    type: 'park',
    province: '黑龙江省',
    parkLevel: 'national',
    parkKind: '国家级经开区',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      {
        title: '哈尔滨经济技术开发区（哈经开区）作为全国首批碳达峰试点园区之一',
        publisher: 'bkwk.cn',
        url: 'https://bkwk.cn/article/stmbxdheblszxzljx-a17046466.html',
      },
      {
        title: '黑龙江省开发区数量居东北首位（国家级经济技术开发区：哈尔滨等 8 家）',
        publisher: '《中国开发区审核公告目录》（2018年版）报道',
        date: '2018-03-13',
        url: 'http://haerbin.baogaosu.com/xinwen/%E9%BB%91%E9%BE%99%E6%B1%9F%E7%9C%81%E5%BC%80%E5%8F%91%E5%8C%BA%E6%95%B0%E9%87%8F%E5%B1%85%E4%B8%9C%E5%8C%97%E9%A6%96%E4%BD%8D/65495797/',
      },
    ],
  },
  {
    name: '苏州工业园区',
    nameEn: 'Suzhou Industrial Park',
    type: 'park',
    province: '江苏省',
    parkLevel: 'national',
    parkKind: '国家级经开区',
    batch: 1,
    sources: [XINHUA_BATCH_1, JIANGSU, JIANGSU_LEVEL],
  },
  {
    name: '南京江宁经济技术开发区',
    nameEn: 'Nanjing Jiangning Economic and Technological Development Zone',
    type: 'park',
    province: '江苏省',
    parkLevel: 'national',
    parkKind: '国家级经开区',
    batch: 1,
    sources: [XINHUA_BATCH_1, JIANGSU, JIANGSU_LEVEL],
  },
  {
    name: '合肥高新技术产业开发区',
    nameEn: 'Hefei High-tech Industrial Development Zone',
    type: 'park',
    province: '安徽省',
    parkLevel: 'national',
    parkKind: '国家级高新区',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      {
        title: '合肥市人民政府关于印发国家碳达峰试点（合肥高新技术产业开发区）实施方案的通知',
        publisher: '合肥市人民政府（xintianhuanbao.com 转载）',
        date: '2024-07-16',
        url: 'https://xintianhuanbao.com/109549.html',
      },
      {
        title: '合肥高新区获批建设国家首批碳达峰试点园区（全国178家国家级高新区综合排名前十）',
        publisher: '科柏盛环保（qhwzjx.com）',
        date: '2023-12-13',
        url: 'http://qhwzjx.com/show.asp?id=716',
      },
    ],
  },
  {
    name: '德州经济技术开发区',
    nameEn: 'Dezhou Economic and Technological Development Zone',
    type: 'park',
    province: '山东省',
    parkLevel: 'national',
    parkKind: '国家级经开区',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      {
        title: '视频丨德州经济技术开发区入选全国首批碳达峰试点！',
        publisher: '大众日报',
        date: '2023-12-05',
        url: 'https://dzrb.dzng.com/articleContent/705_1224748.html',
      },
      {
        title: '德州市开发区总体发展规划印发（德州经济技术开发区作为国家级开发区）',
        publisher: 'bbs.dezhoushizx.com（转载）',
        url: 'http://bbs.dezhoushizx.com/archiver/showtopic-11319.aspx',
      },
    ],
  },
  {
    name: '肇庆高新技术产业开发区',
    nameEn: 'Zhaoqing High-tech Industrial Development Zone',
    type: 'park',
    province: '广东省',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      {
        title: '肇庆印发《国家碳达峰试点（肇庆高新技术产业开发区）实施方案》（据《西江日报》）',
        publisher: '西江日报（php186.cn 转载）',
        date: '2024-06-21',
        url: 'http://m.php186.cn/2024/0621/633922.shtml',
      },
    ],
  },
  {
    name: '西咸新区',
    nameEn: 'Xixian New Area',
    type: 'park',
    province: '陕西省',
    batch: 1,
    sources: [
      XINHUA_BATCH_1,
      {
        title: '西安市人民政府关于印发国家碳达峰试点（西咸新区）实施方案的通知',
        publisher: '西安市人民政府',
        date: '2024-07-16',
        url: 'http://xadfz.xa.gov.cn/zwgk/zcwj/1815925626729205762.html',
      },
    ],
  },

  // Batch 2, parks: Guizhou's two, as the provincial commission announced them; no level or
  // English name is given, so none is set.
  { name: '黔南高新技术产业开发区', type: 'park', province: '贵州省', batch: 2, sources: [GUIZHOU_BATCH_2, NOTICE_BATCH_2] },
  { name: '和平（苟江）经济开发区', type: 'park', province: '贵州省', batch: 2, sources: [GUIZHOU_BATCH_2, NOTICE_BATCH_2] },
];

/** The pilots a batch's notice names that no source confirmed (see the module comment). */
export const PILOT_GAPS: readonly PilotGap[] = [
  {
    batch: 1,
    type: 'park',
    province: '内蒙古自治区',
    locality: '赤峰',
    note: 'A park in Chifeng (Xinhua); its Chinese name is not confirmed. 位于赤峰的园区，中文名称未经核实。',
    sources: [XINHUA_BATCH_1, PLAN_1409],
  },
  {
    batch: 1,
    type: 'park',
    province: '新疆维吾尔自治区',
    locality: '库车',
    note: 'A park in Kuqa (Xinhua); its Chinese name is not confirmed. 位于库车的园区，中文名称未经核实。',
    sources: [XINHUA_BATCH_1, PLAN_1409],
  },
];

// ---------------------------------------------------------------------------
// Looking up

const byName = new Map<string, Pilot>(PILOTS.map((p) => [p.name, p]));

/** The listed pilot of this name (spaces around it ignored). */
export function pilotNamed(name: string): Pilot | undefined {
  return byName.get(name.trim());
}

export function batchInfo(batch: number): PilotBatchInfo | undefined {
  return PILOT_BATCHES.find((b) => b.batch === batch);
}

export function pilotsOfBatch(batch: number): Pilot[] {
  return PILOTS.filter((p) => p.batch === batch);
}

/**
 * Whether the entries and gaps of a batch account for every pilot its notice names: only then
 * can a name be said not to be on its list.
 */
export function batchAccountedFor(batch: number): boolean {
  const info = batchInfo(batch);
  if (!info) return false;
  return pilotsOfBatch(batch).length + PILOT_GAPS.filter((g) => g.batch === batch).length === info.published.total;
}

/** The unconfirmed entry that a pilot of this name, province and batch may be. */
export function gapFor(name: string, batch: number, province: unknown): PilotGap | undefined {
  return PILOT_GAPS.find((g) => g.batch === batch && name.includes(g.locality) && (typeof province !== 'string' || province === g.province));
}
