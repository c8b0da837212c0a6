/**
 * The skeleton of a new multi-file pilot plan (the `pilotPlan.newPlan` command).
 *
 * A pure function of its options: no `vscode`, no file system, so tests check
 * its output with the engine. The skeleton checks clean (docs/format.md):
 * every indicator is referenced by a task, every task has indicators, targets
 * are the plan's `targetYears`. What only the pilot can know is a placeholder the
 * `placeholder` rule reports until it is replaced (docs/format.md#placeholders):
 * every figure is `待补充` (baselines, targets, investments, capacities,
 * reductions, the total), and the texts that name the pilot's own departments,
 * projects and risks are `待补充：<what goes there>`. The programme's generic
 * mechanisms, tasks and indicators are written out as suggestions to keep or change.
 * The sections of format v1.1 (the document's facts, the baseline, the trend
 * scenarios, reforms, technology, safeguards) are there too, their figures and
 * the pilot's own texts placeholders; the national pilot plan it follows and the
 * usual safeguards are written out.
 */
import { yamlScalar } from '../../server/src/common/yaml-scalar';
import { ID_PATTERN, PROVINCE_CODE, PROVINCES } from './generated/tables';

export type PilotType = 'city' | 'park';
export type ParkLevel = 'national' | 'provincial';
export type ScaffoldLocale = 'en' | 'zh-CN';

export interface ScaffoldOptions {
  /** The pilot's name, e.g. 广州市 or 肇庆高新技术产业开发区. */
  name: string;
  type: PilotType;
  /** One of the 31 provincial-level divisions, full Chinese name. */
  province: string;
  /** Parks only; defaults to `national`. */
  parkLevel?: ParkLevel;
  /** Which batch of national pilots, for a pilot on the national lists; absent otherwise. */
  batch?: number;
  /** The plan's ID; defaults to one made from `nameEn`, else from the province and the type (`suggestPlanId`). */
  id?: string;
  nameEn?: string;
  /** The language of the comments (the plan's own text is Chinese). */
  locale?: ScaffoldLocale;
}

export interface ScaffoldFile {
  /** A path relative to the plan's folder, with `/`. */
  path: string;
  content: string;
}

/** The files a scaffold writes, in the order they are written. */
export const SCAFFOLD_FILES = ['plan.pilot.yaml', 'tasks.pilot.yaml', 'projects.pilot.yaml', 'indicators.pilot.yaml'] as const;

/** IDs the skeleton defines; the plan's own ID must differ from them. */
const RESERVED_PREFIXES = ['T-', 'P-', 'IND-', 'M-', 'A-', 'R-', 'RF-', 'ST-'];

/** Why `id` cannot be the plan's ID, or undefined when it can. */
export function planIdProblem(id: string): 'pattern' | 'reserved' | undefined {
  if (!ID_PATTERN.test(id)) return 'pattern';
  if (RESERVED_PREFIXES.some((p) => id.startsWith(p))) return 'reserved';
  return undefined;
}

/**
 * A plan ID for a new plan: from the English name when there is one (`Guangzhou` →
 * `GUANGZHOU`), else the province's code, the type and the lowest two-digit number that
 * `taken` (the workspace's plan IDs) does not hold: `GD-CITY-01`, `JS-PARK-02`.
 */
export function suggestPlanId(opts: { name: string; nameEn?: string; type: PilotType; province?: string; taken?: Iterable<string> }): string {
  const taken = new Set(opts.taken ?? []);
  const words = (opts.nameEn ?? '').toUpperCase().match(/[A-Z0-9]+/g);
  if (words) {
    let id = words.join('-');
    if (id.length > 24) id = id.slice(0, 24).replace(/-[A-Z0-9]*$/, '') || id.slice(0, 24);
    if (!/^[A-Z]/.test(id)) id = 'PILOT-' + id;
    if (planIdProblem(id) === undefined && !taken.has(id)) return id;
  }
  const code = opts.province ? PROVINCE_CODE[opts.province] : undefined;
  const prefix = `${code ? `${code}-` : ''}${opts.type === 'park' ? 'PARK' : 'CITY'}-`;
  for (let n = 1; ; n++) {
    const id = prefix + String(n).padStart(2, '0');
    if (!taken.has(id)) return id;
  }
}

interface Task {
  id: string;
  title: string;
  area: string;
  /** What the placeholder of `lead` asks for. */
  lead: string;
  partners?: string[];
  indicators: string[];
  dependsOn?: string[];
  due: number;
}

interface Project {
  id: string;
  /** What the placeholder of `name` asks for. */
  name: string;
  tasks: string[];
  status: string;
  /** The units of the quantities the project states; their values are placeholders. */
  capacity?: string;
  reduction?: string;
  funding: string[];
}

interface Target {
  year: number;
  comparator?: string;
  referenceYear?: number;
}

interface Indicator {
  id: string;
  name: string;
  nameEn: string;
  category: string;
  type: 'level' | 'share' | 'reduction' | 'intensity';
  unit: string;
  direction: 'increase' | 'decrease';
  binding: boolean;
  referenceYear?: number;
  /** Whether the indicator states a baseline (levels, shares, intensities); its value is a placeholder. */
  baseline: boolean;
  targets: Target[];
  nationalRef?: string;
}

interface Content {
  positioning: string;
  /** Who issues the plan, as the placeholder of `document.issuer` asks. */
  issuer: string;
  /** Whether the baseline states a population (a city's; a park has none of its own). */
  population: boolean;
  /** A reform and a technology item, as their placeholders ask, and the task they serve. */
  reform: { title: string; task: string };
  technology: { title: string; lead: string; task: string };
  /** What the placeholder of the first safeguard's `lead` asks. */
  safeguardLead: string;
  mechanisms: { id: string; type: string; title: string; milestone: number }[];
  actions: { id: string; title: string }[];
  risks: { id: string; category: string; title: string; mitigation: string; affects: string[] }[];
  tasks: Task[];
  projects: Project[];
  indicators: Indicator[];
}

// Before CITY and PARK, which use them as they are made (a bundled `const` is not hoisted with its value).
/** A figure only the pilot knows: the placeholder the schemas accept where a number goes. */
const FIGURE = '待补充';

/** A text only the pilot knows, with what goes there. */
function toFill(what: string): string {
  return `${FIGURE}：${what}`;
}

const BASE_YEAR = 2020;
const TARGET_YEARS = [2025, 2030];

const CITY: Content = {
  positioning: toFill('城市功能定位、资源禀赋与发展水平'),
  issuer: '印发机关，如市人民政府',
  population: true,
  reform: { title: '改革创新点，如建立产品碳足迹核算制度', task: 'T-EFFICIENCY-01' },
  technology: { title: '科技创新名称，如低碳零碳负碳关键技术攻关', lead: '牵头单位，如市科技局', task: 'T-ENERGY-01' },
  safeguardLead: '牵头单位，如市碳达峰碳中和工作领导小组办公室',
  mechanisms: [
    { id: 'M-ACCOUNTING', type: 'carbon-accounting', title: '建立碳排放统计核算体系', milestone: 2025 },
    { id: 'M-DUAL-CONTROL', type: 'dual-control', title: '推动能耗双控逐步转向碳排放双控', milestone: 2030 },
    { id: 'M-PROJECT-ASSESSMENT', type: 'project-carbon-assessment', title: '开展固定资产投资项目碳排放评价', milestone: 2025 },
  ],
  actions: [{ id: 'A-GREEN-LIFE', title: '绿色低碳全民行动' }],
  risks: [
    {
      id: 'R-POWER',
      category: 'power-supply',
      title: '风险名称，如用电高峰时段电力供应缺口',
      mitigation: '应对措施，如建设虚拟电厂、提升需求侧响应能力',
      affects: ['T-ENERGY-01', 'P-PV-01'],
    },
  ],
  tasks: [
    { id: 'T-ENERGY-01', title: '推进非化石能源规模化发展', area: 'energy-transition', lead: '牵头单位，如市发展改革委', partners: ['配合单位，如市能源局'], indicators: ['IND-NONFOSSIL-SHARE'], due: 2030 },
    { id: 'T-EFFICIENCY-01', title: '实施节能降碳增效行动', area: 'energy-efficiency', lead: '牵头单位，如市发展改革委', partners: ['配合单位，如市工业和信息化局'], indicators: ['IND-ENERGY-INTENSITY', 'IND-CO2-INTENSITY'], due: 2025 },
    { id: 'T-BUILDING-01', title: '推进城乡建设绿色低碳转型', area: 'buildings', lead: '牵头单位，如市住房城乡建设局', indicators: ['IND-GREEN-BUILDING-SHARE'], dependsOn: ['T-ENERGY-01'], due: 2030 },
    { id: 'T-TRANSPORT-01', title: '构建绿色低碳交通运输体系', area: 'transport', lead: '牵头单位，如市交通运输局', indicators: ['IND-NEV-SHARE'], due: 2030 },
  ],
  projects: [
    { id: 'P-PV-01', name: '重点项目名称，如分布式光伏规模化建设工程', tasks: ['T-ENERGY-01'], status: 'planned', capacity: 'MW', reduction: '万tCO2/a', funding: ['enterprise', 'green-finance'] },
    { id: 'P-RETROFIT-01', name: '重点项目名称，如既有公共建筑节能改造工程', tasks: ['T-BUILDING-01', 'T-EFFICIENCY-01'], status: 'planned', reduction: '万tCO2/a', funding: ['special-bond'] },
    { id: 'P-CHARGING-01', name: '重点项目名称，如公共充换电基础设施建设工程', tasks: ['T-TRANSPORT-01'], status: 'planned', capacity: 'MW', funding: ['enterprise'] },
  ],
  indicators: [
    {
      id: 'IND-CO2-INTENSITY', name: '单位地区生产总值二氧化碳排放降低', nameEn: 'Reduction of CO2 emissions per unit of GDP', category: 'energy',
      type: 'reduction', unit: '%', direction: 'decrease', binding: true, referenceYear: BASE_YEAR, baseline: false,
      targets: [{ year: 2025 }, { year: 2030, comparator: '>=', referenceYear: 2005 }], nationalRef: 'co2-intensity',
    },
    {
      id: 'IND-ENERGY-INTENSITY', name: '单位地区生产总值能源消耗降低', nameEn: 'Reduction of energy consumption per unit of GDP', category: 'energy',
      type: 'reduction', unit: '%', direction: 'decrease', binding: true, referenceYear: BASE_YEAR, baseline: false,
      targets: [{ year: 2025 }, { year: 2030, comparator: '~' }], nationalRef: 'energy-intensity',
    },
    {
      id: 'IND-NONFOSSIL-SHARE', name: '非化石能源消费比重', nameEn: 'Share of non-fossil energy in total energy consumption', category: 'energy',
      type: 'share', unit: '%', direction: 'increase', binding: true, baseline: true,
      // No nationalRef: a share is checked against the province's target, which a skeleton cannot know.
      targets: [{ year: 2025, comparator: '>=' }, { year: 2030, comparator: '~' }],
    },
    {
      id: 'IND-GREEN-BUILDING-SHARE', name: '城镇新建建筑中绿色建筑面积占比', nameEn: 'Share of green buildings in new urban construction', category: 'buildings',
      type: 'share', unit: '%', direction: 'increase', binding: false, baseline: true,
      targets: [{ year: 2025 }, { year: 2030 }],
    },
    {
      id: 'IND-NEV-SHARE', name: '新增新能源汽车占新车销售比例', nameEn: 'Share of new energy vehicles in new car sales', category: 'transport',
      type: 'share', unit: '%', direction: 'increase', binding: false, baseline: true,
      targets: [{ year: 2025, comparator: '>=' }, { year: 2030, comparator: '>=' }],
    },
  ],
};

const PARK: Content = {
  positioning: toFill('园区主导产业、能源结构与发展水平'),
  issuer: '印发机关，如园区管委会',
  population: false,
  reform: { title: '改革创新点，如建立园区企业碳排放监测与核算制度', task: 'T-INDUSTRY-01' },
  technology: { title: '科技创新名称，如主导产业节能降碳关键技术攻关', lead: '牵头单位，如园区科技创新部门', task: 'T-INDUSTRY-01' },
  safeguardLead: '牵头单位，如园区碳达峰工作领导小组办公室',
  mechanisms: [
    { id: 'M-ACCOUNTING', type: 'carbon-accounting', title: '建立园区企业碳排放监测与核算体系', milestone: 2025 },
    { id: 'M-PROJECT-ASSESSMENT', type: 'project-carbon-assessment', title: '对新建项目开展碳排放评价', milestone: 2025 },
    { id: 'M-FOOTPRINT', type: 'product-footprint', title: '推动重点产品碳足迹核算与标识', milestone: 2030 },
  ],
  actions: [{ id: 'A-GREEN-FACTORY', title: '绿色工厂创建行动' }],
  risks: [
    {
      id: 'R-ECONOMY',
      category: 'economy-jobs',
      title: '风险名称，如产业转型期企业成本上升',
      mitigation: '应对措施，如统筹运用绿色金融与专项资金支持技术改造',
      affects: ['T-INDUSTRY-01'],
    },
  ],
  tasks: [
    { id: 'T-ENERGY-01', title: '提升可再生能源电力消费比重', area: 'energy-transition', lead: '牵头单位，如园区管委会经济发展部门', indicators: ['IND-RENEWABLE-POWER-SHARE'], due: 2030 },
    { id: 'T-INDUSTRY-01', title: '推动主导产业节能降碳改造', area: 'industry', lead: '牵头单位，如园区管委会经济发展部门', partners: ['配合单位，如园区生态环境部门'], indicators: ['IND-ENERGY-INTENSITY', 'IND-CARBON-INTENSITY'], due: 2030 },
    { id: 'T-CIRCULAR-01', title: '实施园区循环化改造', area: 'circular-economy', lead: '牵头单位，如园区管委会规划建设部门', indicators: ['IND-SOLID-WASTE-USE'], dependsOn: ['T-INDUSTRY-01'], due: 2030 },
  ],
  projects: [
    { id: 'P-PV-01', name: '重点项目名称，如厂房屋顶分布式光伏工程', tasks: ['T-ENERGY-01'], status: 'planned', capacity: 'MW', reduction: '万tCO2/a', funding: ['enterprise'] },
    { id: 'P-WASTE-HEAT-01', name: '重点项目名称，如余热余压综合利用工程', tasks: ['T-INDUSTRY-01'], status: 'planned', reduction: '万tCO2/a', funding: ['enterprise', 'green-finance'] },
    { id: 'P-SMART-ENERGY-01', name: '重点项目名称，如园区智慧能源管理平台', tasks: ['T-INDUSTRY-01', 'T-ENERGY-01'], status: 'planned', funding: ['central-budget'] },
    { id: 'P-CIRCULAR-01', name: '重点项目名称，如一般工业固体废物综合利用项目', tasks: ['T-CIRCULAR-01'], status: 'planned', funding: ['special-bond'] },
  ],
  indicators: [
    {
      id: 'IND-RENEWABLE-POWER-SHARE', name: '可再生能源电力消费比重', nameEn: 'Share of renewable electricity in electricity consumption', category: 'energy',
      type: 'share', unit: '%', direction: 'increase', binding: true, baseline: true,
      targets: [{ year: 2025, comparator: '>=' }, { year: 2030, comparator: '>=' }],
    },
    {
      id: 'IND-ENERGY-INTENSITY', name: '单位工业增加值能耗', nameEn: 'Energy use per unit of industrial value added', category: 'industry',
      type: 'intensity', unit: 'tce/万元', direction: 'decrease', binding: true, baseline: true,
      targets: [{ year: 2025, comparator: '<=' }, { year: 2030, comparator: '<=' }],
    },
    {
      id: 'IND-CARBON-INTENSITY', name: '单位工业增加值二氧化碳排放', nameEn: 'CO2 emissions per unit of industrial value added', category: 'industry',
      type: 'intensity', unit: 'tCO2/万元', direction: 'decrease', binding: true, baseline: true,
      targets: [{ year: 2025, comparator: '<=' }, { year: 2030, comparator: '<=' }],
    },
    {
      id: 'IND-SOLID-WASTE-USE', name: '一般工业固体废物综合利用率', nameEn: 'Utilization rate of general industrial solid waste', category: 'circular-economy',
      type: 'share', unit: '%', direction: 'increase', binding: false, baseline: true,
      targets: [{ year: 2025 }, { year: 2030 }],
    },
  ],
};

/** The items of the baseline's share lists, each share a placeholder. */
const ENERGY_SOURCES = ['coal', 'oil', 'natural-gas', 'non-fossil', 'other'];
const SECTORS = ['energy-supply', 'industry', 'buildings', 'transport', 'other'];
/** The two scenarios plans usually compare: the one without new measures, and the chosen peak path. */
const SCENARIOS: [string, string, boolean][] = [
  ['基准情景', 'Baseline', false],
  ['达峰情景', 'Peak', true],
];
/** The safeguards implementation plans usually close with, as suggestions. */
const SAFEGUARDS: [string, string][] = [
  ['organization', '加强组织领导'],
  ['funding', '强化资金保障'],
  ['evaluation', '严格监督考核'],
];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

type Comments = Record<
  | 'placeholder'
  | 'positioning'
  | 'investmentTotal'
  | 'peak'
  | 'tasksHeader'
  | 'projectsHeader'
  | 'indicatorsHeader'
  | 'seeAlso'
  | 'document'
  | 'issued'
  | 'baseline'
  | 'shares'
  | 'trend'
  | 'reforms'
  | 'technology'
  | 'safeguards',
  string
> & {
  /** The first line of the Plan file: the plan's title, as a sentence of the comments' language. */
  planHeader: (name: string, nameEn?: string) => string;
};

const COMMENTS: Record<ScaffoldLocale, Comments> = {
  'zh-CN': {
    planHeader: (name) => `${name}碳达峰试点实施方案 — 方案主文件`,
    placeholder: '由 Pilot Plan 生成的骨架：“待补充”处是占位内容，检查会逐处提示（placeholder），请按实际填写。',
    seeAlso: '试点任务见 tasks.pilot.yaml，重点项目见 projects.pilot.yaml，指标见 indicators.pilot.yaml。',
    positioning: '功能定位、区位、资源禀赋和发展水平',
    investmentTotal: '须等于 projects.pilot.yaml 中各项目投资之和（亿元）',
    peak: '达峰年份与峰值（可选），例如：',
    tasksHeader: '试点任务：每项任务关联指标（indicators）或由项目支撑',
    projectsHeader: '重点项目：每个项目至少支撑一项任务（tasks）；投资合计即方案的 investmentTotal',
    indicatorsHeader: '指标体系：每个指标至少被一项任务引用；目标年份取方案的 targetYears',
    document: '方案文件信息：印发机关、文号、印发日期、状态（draft 起草中、submitted 已报送、approved 已批复、revised 已修订）',
    issued: '印发日期，YYYY-MM-DD',
    baseline: '建设基础：基准年的能源消费、碳排放、地区生产总值和人口，并写明数据来源',
    shares: '各项占比（%）之和须为 100（structure-sum）',
    trend: '碳排放趋势预测：方案采用的达峰路径写 chosen: true，填写 peak 后与之核对（peak-path）',
    reforms: '改革创新点：可复制推广的经验，引用相关任务（tasks）和项目（projects）',
    technology: '科技创新：研发平台（platform）、关键技术（key-technology）或示范应用（demonstration）',
    safeguards: '保障措施：组织领导、资金保障、考核评估等',
  },
  en: {
    planHeader: (name, nameEn) => `${nameEn ? `${nameEn} (${name})` : name} carbon peak pilot implementation plan — the main plan file`,
    placeholder: 'A skeleton made by Pilot Plan: every 待补充 is a placeholder the check reports (placeholder) until you replace it.',
    seeAlso: 'Pilot tasks are in tasks.pilot.yaml, key projects in projects.pilot.yaml, indicators in indicators.pilot.yaml.',
    positioning: 'functional positioning, location, resource endowment and development level',
    investmentTotal: 'must equal the sum of the project investments in projects.pilot.yaml (亿元)',
    peak: 'peak year and level (optional), for example:',
    tasksHeader: 'Pilot tasks: each has indicators or projects that support it',
    projectsHeader: 'Key projects: each supports at least one task; their investments add up to investmentTotal',
    indicatorsHeader: 'Indicators: each is referenced by at least one task; target years are the plan\'s targetYears',
    document: 'the plan document: issuer, number, issue date, status (draft, submitted, approved, revised)',
    issued: 'issue date, YYYY-MM-DD',
    baseline: 'baseline: energy use, emissions, GDP and population in the base year, with the data sources',
    shares: 'the shares (%) must sum to 100 (structure-sum)',
    trend: 'emission trend: the peak path the plan follows has chosen: true; peak, once given, is checked against it (peak-path)',
    reforms: 'reforms: experience to replicate, with the tasks and projects they concern',
    technology: 'science and technology: a research platform, a key technology or a demonstration',
    safeguards: 'safeguards: organisation and leadership, funding, evaluation and so on',
  },
};

const list = (items: readonly string[]) => `[${items.join(', ')}]`;
const qty = (unit: string) => `{ value: ${FIGURE}, unit: ${yamlScalar(unit)} }`;

function header(lines: string[]): string {
  return lines.map((l) => `# ${l}`.trimEnd()).join('\n') + '\n';
}

function renderPlan(o: Required<Pick<ScaffoldOptions, 'name' | 'type' | 'province' | 'id'>> & ScaffoldOptions, c: Content, k: Comments): string {
  const pilot = [
    `  name: ${yamlScalar(o.name)}`,
    ...(o.nameEn ? [`  nameEn: ${yamlScalar(o.nameEn)}`] : []),
    `  type: ${o.type}`,
    `  province: ${o.province}`,
    ...(o.batch !== undefined ? [`  batch: ${o.batch}`] : []),
    ...(o.type === 'park' ? [`  parkLevel: ${o.parkLevel ?? 'national'}`] : []),
  ];
  return (
    header([k.planHeader(o.name, o.nameEn), k.placeholder, k.seeAlso]) +
    [
      'apiVersion: pilot-plan/v1',
      'kind: Plan',
      `id: ${o.id}`,
      `document:   # ${k.document}`,
      `  issuer: ${yamlScalar(toFill(c.issuer))}`,
      `  number: ${yamlScalar(toFill('文号'))}`,
      `  issued: ${FIGURE}   # ${k.issued}`,
      '  status: draft',
      '  follows:',
      // The national pilot plan every pilot follows (docs/format.md#background).
      '    - title: 国家碳达峰试点建设方案',
      '      number: 发改环资〔2023〕1409号',
      '      issuer: 国家发展改革委',
      'pilot:',
      ...pilot,
      `positioning: ${yamlScalar(c.positioning)}   # ${k.positioning}`,
      `baseYear: ${BASE_YEAR}`,
      `targetYears: ${list(TARGET_YEARS.map(String))}`,
      `# ${k.peak}`,
      '# peak:',
      '#   year: 2028',
      `#   level: ${qty(o.type === 'park' ? '万tCO2' : '亿tCO2')}`,
      `baseline:   # ${k.baseline}`,
      `  year: ${BASE_YEAR}`,
      '  energy:',
      `    total: ${qty('万tce')}`,
      `    structure:   # ${k.shares}`,
      ...ENERGY_SOURCES.map((s) => `      - { source: ${s}, share: ${FIGURE} }`),
      '  emissions:',
      `    total: ${qty('万tCO2')}`,
      `    bySector:   # ${k.shares}`,
      ...SECTORS.map((s) => `      - { sector: ${s}, share: ${FIGURE} }`),
      `  gdp: ${qty('亿元')}`,
      ...(c.population ? [`  population: ${qty('万人')}`] : []),
      `  sources: ${list([yamlScalar(toFill('数据来源，如统计年鉴'))])}`,
      `trend:   # ${k.trend}`,
      '  scenarios:',
      ...SCENARIOS.flatMap(([name, nameEn, chosen]) => [
        `    - name: ${name}`,
        `      nameEn: ${nameEn}`,
        `      chosen: ${chosen}`,
        `      emissions: { unit: 万tCO2, values: { ${[BASE_YEAR, ...TARGET_YEARS].map((y) => `${y}: ${FIGURE}`).join(', ')} } }`,
      ]),
      `investmentTotal: ${qty('亿元')}   # ${k.investmentTotal}`,
      'mechanisms:',
      ...c.mechanisms.flatMap((m) => [`  - id: ${m.id}`, `    type: ${m.type}`, `    title: ${yamlScalar(m.title)}`, `    milestone: ${m.milestone}`]),
      'actions:',
      ...c.actions.flatMap((a) => [`  - id: ${a.id}`, `    title: ${yamlScalar(a.title)}`, `    audience: ${yamlScalar(toFill('面向对象，如市民、企业'))}`, `    lead: ${yamlScalar(toFill('牵头单位'))}`]),
      `reforms:   # ${k.reforms}`,
      '  - id: RF-01',
      `    title: ${yamlScalar(toFill(c.reform.title))}`,
      `    experience: ${yamlScalar(toFill('可复制推广的经验'))}`,
      `    tasks: ${list([c.reform.task])}`,
      `technology:   # ${k.technology}`,
      '  - id: ST-01',
      '    type: key-technology',
      `    title: ${yamlScalar(toFill(c.technology.title))}`,
      `    lead: ${yamlScalar(toFill(c.technology.lead))}`,
      `    tasks: ${list([c.technology.task])}`,
      'risks:',
      ...c.risks.flatMap((r) => [
        `  - id: ${r.id}`,
        `    category: ${r.category}`,
        `    title: ${yamlScalar(toFill(r.title))}`,
        `    mitigation: ${yamlScalar(toFill(r.mitigation))}`,
        `    affects: ${list(r.affects)}`,
      ]),
      `safeguards:   # ${k.safeguards}`,
      ...SAFEGUARDS.flatMap(([type, title], i) => [`  - type: ${type}`, `    title: ${title}`, ...(i === 0 ? [`    lead: ${yamlScalar(toFill(c.safeguardLead))}`] : [])]),
    ].join('\n') +
    '\n'
  );
}

function renderTasks(o: ScaffoldOptions, c: Content, k: Comments): string {
  const lines = ['apiVersion: pilot-plan/v1', 'kind: Tasks', 'tasks:'];
  c.tasks.forEach((t, i) => {
    if (i > 0) lines.push('');
    lines.push(`  - id: ${t.id}`, `    title: ${yamlScalar(t.title)}`, `    area: ${t.area}`, `    lead: ${yamlScalar(toFill(t.lead))}`);
    if (t.partners) lines.push(`    partners: ${list(t.partners.map((p) => yamlScalar(toFill(p))))}`);
    lines.push(`    indicators: ${list(t.indicators)}`);
    if (t.dependsOn) lines.push(`    dependsOn: ${list(t.dependsOn)}`);
    lines.push(`    due: ${t.due}`);
  });
  return header([`${o.name} — ${k.tasksHeader}`, k.placeholder]) + lines.join('\n') + '\n';
}

function renderProjects(o: ScaffoldOptions, c: Content, k: Comments): string {
  const lines = ['apiVersion: pilot-plan/v1', 'kind: Projects', 'projects:'];
  c.projects.forEach((p, i) => {
    if (i > 0) lines.push('');
    lines.push(
      `  - id: ${p.id}`,
      `    name: ${yamlScalar(toFill(p.name))}`,
      `    tasks: ${list(p.tasks)}`,
      `    status: ${p.status}`,
      `    investment: ${qty('亿元')}`,
    );
    if (p.capacity) lines.push(`    capacity: ${qty(p.capacity)}`);
    if (p.reduction) lines.push(`    reduction: ${qty(p.reduction)}`);
    lines.push(`    funding: ${list(p.funding)}`);
  });
  return header([`${o.name} — ${k.projectsHeader}`, k.placeholder]) + lines.join('\n') + '\n';
}

function renderIndicators(o: ScaffoldOptions, c: Content, k: Comments): string {
  const lines = ['apiVersion: pilot-plan/v1', 'kind: Indicators', 'indicators:'];
  const target = (t: Target) =>
    `      - { year: ${t.year}, value: ${FIGURE}` +
    (t.comparator ? `, comparator: ${yamlScalar(t.comparator)}` : '') +
    (t.referenceYear !== undefined ? `, referenceYear: ${t.referenceYear}` : '') +
    ' }';
  c.indicators.forEach((d, i) => {
    if (i > 0) lines.push('');
    lines.push(
      `  - id: ${d.id}`,
      `    name: ${yamlScalar(d.name)}`,
      `    nameEn: ${yamlScalar(d.nameEn)}`,
      `    category: ${d.category}`,
      `    type: ${d.type}`,
      `    unit: ${yamlScalar(d.unit)}`,
      `    direction: ${d.direction}`,
      `    binding: ${d.binding}`,
    );
    if (d.referenceYear !== undefined) lines.push(`    referenceYear: ${d.referenceYear}`);
    if (d.baseline) lines.push(`    baseline: { year: ${BASE_YEAR}, value: ${FIGURE} }`);
    lines.push('    targets:', ...d.targets.map(target));
    if (d.nationalRef) lines.push(`    nationalRef: ${d.nationalRef}`);
  });
  return header([`${o.name} — ${k.indicatorsHeader}`, k.placeholder]) + lines.join('\n') + '\n';
}

/** The four files of a new plan, checked clean by the engine. */
export function scaffoldPlan(options: ScaffoldOptions): ScaffoldFile[] {
  // One line each: the names go into one-line scalars and comments.
  const name = oneLine(options.name);
  const nameEn = options.nameEn === undefined ? undefined : oneLine(options.nameEn) || undefined;
  if (!name) throw new Error('The pilot name is empty.');
  if (options.type !== 'city' && options.type !== 'park') throw new Error(`Unknown pilot type: ${String(options.type)}`);
  if (!PROVINCES.includes(options.province)) throw new Error(`Unknown province: ${options.province}`);
  if (options.parkLevel !== undefined && options.parkLevel !== 'national' && options.parkLevel !== 'provincial') {
    throw new Error(`Unknown park level: ${String(options.parkLevel)}`);
  }
  if (options.batch !== undefined && !(Number.isInteger(options.batch) && options.batch > 0)) throw new Error(`Not a batch number: ${String(options.batch)}`);
  const id = options.id ?? suggestPlanId({ name, nameEn, type: options.type, province: options.province });
  const problem = planIdProblem(id);
  if (problem) throw new Error(`Not a usable plan ID: ${id}`);
  const o = { ...options, name, nameEn, id };
  const content = options.type === 'park' ? PARK : CITY;
  const k = COMMENTS[options.locale ?? 'zh-CN'];
  return [
    { path: 'plan.pilot.yaml', content: renderPlan(o, content, k) },
    { path: 'tasks.pilot.yaml', content: renderTasks(o, content, k) },
    { path: 'projects.pilot.yaml', content: renderProjects(o, content, k) },
    { path: 'indicators.pilot.yaml', content: renderIndicators(o, content, k) },
  ];
}
