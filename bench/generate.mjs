#!/usr/bin/env node
// Deterministic generator of realistic pilot plans for the benchmark.
//
//   node bench/generate.mjs [--out DIR] [--force] [--verify]
//
// Writes, under bench/results/plans/ (ignored by git):
//   lines-1k/ lines-10k/ lines-100k/   a plan whose tasks.pilot.yaml has about 1k, 10k, 100k lines
//                                      (plus a Plan, an Indicators and a Projects file so every
//                                      reference resolves)
//   files-10/ files-100/ files-1000/   a plan of exactly 10, 100 and 1,000 pilot files: one Plan file,
//                                      Indicators, Tasks and Projects files that refer to each other
//   manifest.json                      what was written, with the lines the benchmark edits
//
// Everything comes from one seeded PRNG, so the same generator writes the same bytes.
// Every plan checks clean (no errors, no warnings) with `pilot-plan check`; --verify proves it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const DEFAULT_OUT = join(HERE, 'results', 'plans');
const GENERATOR_HASH = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);

/**
 * The title line the bench's one-line edit k rewrites: each title twice in a row, made longer by edit k
 * and put back by edit k + 1, so every edit changes the text (a version with the same text keeps its
 * parse in our server, and would flatter the edit median).
 */
export function editTitle(titles, k) {
  return titles[Math.floor(k / 2) % titles.length];
}

/** The new text of edit k's title (editTitle): longer on even k, the title as generated on odd k. */
export function editText(title, k) {
  return k % 2 === 0 ? `${title.value}（第${k + 1}次修订）` : title.value;
}

export const DATASETS = [
  { name: 'lines-1k', kind: 'lines', lines: 1_000 },
  { name: 'lines-10k', kind: 'lines', lines: 10_000 },
  { name: 'lines-100k', kind: 'lines', lines: 100_000 },
  { name: 'files-10', kind: 'files', files: 10 },
  { name: 'files-100', kind: 'files', files: 100 },
  { name: 'files-1000', kind: 'files', files: 1_000 },
];

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** k distinct items of list (k ≤ list.length). */
  sample(list, k) {
    const out = new Set();
    while (out.size < Math.min(k, list.length)) out.add(this.pick(list));
    return [...out];
  }
  round(x, digits) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary: a prefecture-level pilot city (盐城市, Jiangsu, first batch)
// ---------------------------------------------------------------------------
const CITY = { id: 'YC', name: '盐城市', nameEn: 'Yancheng', province: '江苏省' };
const DISTRICTS = ['亭湖区', '盐都区', '大丰区', '东台市', '建湖县', '射阳县', '阜宁县', '滨海县', '响水县', '盐城经济技术开发区', '盐南高新区', '城南新区'];
const DEPARTMENTS = [
  '市发展改革委', '市工业和信息化局', '市生态环境局', '市住房城乡建设局', '市交通运输局', '市自然资源和规划局',
  '市科技局', '市财政局', '市农业农村局', '市商务局', '市市场监管局', '市统计局', '市机关事务管理局', '市水利局',
  '市城市管理局', '市教育局', '市地方金融监管局', '国网盐城供电公司',
];
const COMPANIES = [
  '国家电投集团江苏电力有限公司', '华能国际电力江苏能源开发有限公司', '盐城市国能投资有限公司', '江苏悦达集团有限公司',
  '国网盐城供电公司', '盐城市城市资产投资集团有限公司', '江苏东方盛虹股份有限公司', '天合光能股份有限公司',
  '远景能源有限公司', '盐城市公共交通有限公司', '江苏省盐城港控股集团有限公司', '盐城市交通投资建设控股集团有限公司',
  '中国华电集团有限公司江苏分公司', '三峡新能源盐城大丰有限公司', '盐城环保科技城发展有限公司',
];

// area → ID stem, task title templates ({d} district, {n} a number), project name templates
const AREAS = {
  'energy-transition': {
    stem: 'ENERGY',
    tasks: ['推进{d}海上风电基地规模化开发', '整区推进{d}屋顶分布式光伏建设', '建设{d}新型储能电站，提升电网调峰能力', '推进{d}220千伏输变电工程，提升新能源消纳能力', '开展{d}绿电直供与源网荷储一体化试点', '有序推进{d}生物质能和地热能综合利用', '建设{d}虚拟电厂聚合平台，形成{n}万千瓦可调节负荷'],
    projects: ['{d}海上风电项目（{n}万千瓦）', '{d}渔光互补光伏电站', '{d}电网侧独立储能电站', '{d}500千伏输变电工程', '{d}源网荷储一体化示范项目', '{d}氢能综合利用示范项目'],
  },
  'energy-efficiency': {
    stem: 'EFFICIENCY',
    tasks: ['实施{d}重点用能单位节能降碳改造', '开展{d}数据中心能效提升专项行动', '推进{d}公共机构合同能源管理', '实施{d}燃煤锅炉淘汰和清洁能源替代', '开展{d}重点行业能效“领跑者”行动'],
    projects: ['{d}重点企业余热余压利用改造', '{d}数据中心液冷节能改造', '{d}集中供热管网节能改造'],
  },
  industry: {
    stem: 'INDUSTRY',
    tasks: ['推动{d}钢铁行业超低排放和节能降碳改造', '培育{d}新能源装备产业集群，年产值突破{n}亿元', '推进{d}化工园区循环化改造', '建设{d}零碳工厂和绿色供应链示范', '推动{d}汽车产业电动化转型'],
    projects: ['{d}零碳产业园基础设施项目', '{d}钢铁企业氢基竖炉示范项目', '{d}新能源汽车零部件绿色工厂'],
  },
  buildings: {
    stem: 'BUILDING',
    tasks: ['推进{d}既有公共建筑节能改造', '新建{d}城镇建筑全面执行绿色建筑标准', '推广{d}装配式建筑和超低能耗建筑', '推进{d}农村住房清洁取暖和光伏一体化'],
    projects: ['{d}公共建筑节能改造项目', '{d}近零能耗建筑示范小区', '{d}建筑光伏一体化示范项目'],
  },
  transport: {
    stem: 'TRANSPORT',
    tasks: ['推进{d}公交车、出租车全面电动化', '建设{d}充换电基础设施网络，新增充电桩{n}个', '推动{d}港口岸电和电动集卡应用', '发展{d}多式联运，推进大宗货物“公转铁”“公转水”'],
    projects: ['{d}公交场站充电设施项目', '{d}港区岸电及电动集卡示范项目', '{d}智慧物流多式联运枢纽'],
  },
  'circular-economy': {
    stem: 'CIRCULAR',
    tasks: ['建设{d}废旧动力电池回收利用体系', '推进{d}建筑垃圾资源化利用', '推进{d}工业固废综合利用', '开展{d}“无废城市”建设'],
    projects: ['{d}废旧动力电池梯次利用项目', '{d}建筑垃圾资源化处置中心', '{d}秸秆综合利用项目'],
  },
  innovation: {
    stem: 'INNOV',
    tasks: ['建设{d}碳中和技术创新平台', '开展{d}CCUS技术攻关和示范应用', '推进{d}低碳技术成果转化，培育科技型企业{n}家'],
    projects: ['{d}碳中和研究院', '{d}CCUS全流程示范项目'],
  },
  'carbon-sink': {
    stem: 'SINK',
    tasks: ['保护修复{d}滨海湿地，提升蓝碳碳汇能力', '实施{d}国土绿化行动，新增造林{n}亩', '开展{d}海洋碳汇监测与核算试点'],
    projects: ['{d}滨海湿地生态修复工程', '{d}沿海防护林提升工程'],
  },
  'public-action': {
    stem: 'PUBLIC',
    tasks: ['开展{d}绿色低碳全民行动，创建绿色社区', '推广{d}碳普惠个人低碳行为激励', '创建{d}节约型机关和绿色学校'],
    projects: ['{d}碳普惠平台建设项目'],
  },
  'policy-mechanism': {
    stem: 'POLICY',
    tasks: ['建立{d}碳排放统计核算体系', '开展{d}固定资产投资项目碳排放评价', '推进{d}产品碳足迹核算与碳标识认证', '深化{d}绿色金融改革，设立转型金融产品'],
    projects: ['{d}碳排放监测管理平台'],
  },
};
const AREA_NAMES = Object.keys(AREAS);
const DESCRIPTIONS = [
  '按照“统筹规划、分步实施、示范引领”的原则，明确年度目标和责任分工，定期调度推进情况。',
  '建立项目清单和责任清单，加强要素保障，对进展滞后的及时督办。',
  '鼓励社会资本参与，积极争取中央预算内投资和超长期特别国债支持。',
  '完善配套政策，将实施情况纳入年度高质量发展综合考核。',
  '会同相关部门制定实施细则，形成可复制推广的经验做法。',
];

// Indicators: a core set with national references (values no weaker than the national ones),
// then generated ones of every type.
const CORE_INDICATORS = [
  {
    id: 'IND-CO2-INTENSITY', name: '单位地区生产总值二氧化碳排放降低', nameEn: 'Reduction of CO2 emissions per unit of GDP', category: 'energy', type: 'reduction', unit: '%', direction: 'decrease', binding: true, referenceYear: 2020,
    targets: ['{ year: 2025, value: 20 }', '{ year: 2030, value: 68, comparator: ">=", referenceYear: 2005 }'], nationalRef: 'co2-intensity', source: '《盐城市碳达峰实施方案》',
  },
  {
    id: 'IND-ENERGY-INTENSITY', name: '单位地区生产总值能源消耗降低', nameEn: 'Reduction of energy consumption per unit of GDP', category: 'energy', type: 'reduction', unit: '%', direction: 'decrease', binding: true, referenceYear: 2020,
    targets: ['{ year: 2025, value: 14.5 }', '{ year: 2030, value: 27, comparator: "~" }'], nationalRef: 'energy-intensity', source: '《盐城市“十四五”节能减排综合工作方案》',
  },
  {
    id: 'IND-NONFOSSIL-SHARE', name: '非化石能源消费比重', nameEn: 'Share of non-fossil energy in total energy consumption', category: 'energy', type: 'share', unit: '%', direction: 'increase', binding: true,
    baseline: '{ year: 2020, value: 18.2 }', targets: ['{ year: 2025, value: 25, comparator: ">=" }', '{ year: 2030, value: 33, comparator: "~" }'], nationalRef: 'non-fossil-share',
  },
  {
    id: 'IND-FOREST-COVERAGE', name: '林木覆盖率', nameEn: 'Forest and tree coverage', category: 'carbon-sink', type: 'share', unit: '%', direction: 'increase', binding: true,
    baseline: '{ year: 2020, value: 24.5 }', targets: ['{ year: 2025, value: 25.2 }', '{ year: 2030, value: 26, comparator: "~" }'], nationalRef: 'forest-coverage',
  },
];
const IND_KINDS = [
  { type: 'share', unit: '%', direction: 'increase', names: ['{d}可再生能源电力消纳比重', '{d}城镇新建建筑中绿色建筑占比', '{d}新增新能源汽车占比', '{d}工业固废综合利用率', '{d}绿色出行比例'], cat: ['energy', 'buildings', 'transport', 'circular-economy', 'transport'] },
  { type: 'reduction', unit: '%', direction: 'decrease', names: ['{d}规模以上工业单位增加值能耗降低', '{d}单位工业增加值二氧化碳排放降低', '{d}公共机构人均综合能耗降低'], cat: ['industry', 'industry', 'governance'] },
  { type: 'level', unit: 'GW', direction: 'increase', names: ['{d}海上风电累计装机容量', '{d}光伏发电累计装机容量', '{d}新型储能装机规模'], cat: ['energy', 'energy', 'energy'] },
  { type: 'level', unit: '万个', direction: 'increase', names: ['{d}公共充电桩数量'], cat: ['transport'] },
  { type: 'intensity', unit: 'tce/万元', direction: 'decrease', names: ['{d}单位工业增加值能耗', '{d}园区单位产值能耗'], cat: ['industry', 'industry'] },
  { type: 'intensity', unit: 'kgce/(m²·a)', direction: 'decrease', names: ['{d}公共建筑单位面积能耗'], cat: ['buildings'] },
];

function fill(template, rng) {
  return template.replace('{d}', rng.pick(DISTRICTS)).replace('{n}', String(rng.pick([5, 10, 20, 30, 50, 100, 200, 500])));
}

function makeIndicator(i, rng) {
  if (i < CORE_INDICATORS.length) return { ...CORE_INDICATORS[i] };
  const k = rng.pick(IND_KINDS);
  const which = rng.int(0, k.names.length - 1);
  const id = `IND-${String(i + 1).padStart(4, '0')}`;
  const ind = { id, name: fill(k.names[which], rng), category: k.cat[which], type: k.type, unit: k.unit, direction: k.direction, binding: rng.chance(0.4) };
  if (k.type === 'reduction') {
    const a = rng.round(8 + rng.next() * 10, 1);
    const b = rng.round(a + 5 + rng.next() * 10, 1);
    ind.referenceYear = 2020;
    ind.targets = [`{ year: 2025, value: ${a} }`, `{ year: 2030, value: ${b}, comparator: "~" }`];
  } else if (k.type === 'share') {
    const base = rng.round(10 + rng.next() * 50, 1);
    const a = rng.round(Math.min(100, base + 3 + rng.next() * 15), 1);
    const b = rng.round(Math.min(100, a + 2 + rng.next() * 15), 1);
    ind.baseline = `{ year: 2020, value: ${base} }`;
    ind.targets = [`{ year: 2025, value: ${a}, comparator: ">=" }`, `{ year: 2030, value: ${b} }`];
  } else if (k.type === 'level') {
    const base = rng.round(0.1 + rng.next() * 5, 2);
    const a = rng.round(base * (1.5 + rng.next()), 2);
    const b = rng.round(a * (1.3 + rng.next()), 2);
    ind.baseline = `{ year: 2020, value: ${base} }`;
    ind.targets = [`{ year: 2025, value: ${a} }`, `{ year: 2030, value: ${b}, comparator: ">=" }`];
  } else {
    const base = rng.round(0.3 + rng.next() * 30, 2);
    const a = rng.round(base * (0.8 + rng.next() * 0.1), 2);
    const b = rng.round(a * (0.8 + rng.next() * 0.1), 2);
    ind.baseline = `{ year: 2020, value: ${base} }`;
    ind.targets = [`{ year: 2025, value: ${a}, comparator: "<=" }`, `{ year: 2030, value: ${b}, comparator: "<=" }`];
  }
  if (rng.chance(0.3)) ind.source = `《${CITY.name}${rng.pick(['“十四五”节能减排综合工作方案', '能源发展“十四五”规划', '碳达峰实施方案', '绿色建筑发展条例', '综合交通运输体系规划'])}》`;
  return ind;
}

function indicatorYaml(ind) {
  const l = [`  - id: ${ind.id}`, `    name: ${ind.name}`];
  if (ind.nameEn) l.push(`    nameEn: ${ind.nameEn}`);
  l.push(`    category: ${ind.category}`, `    type: ${ind.type}`, `    unit: ${ind.unit === '%' ? '"%"' : ind.unit}`, `    direction: ${ind.direction}`, `    binding: ${ind.binding}`);
  if (ind.referenceYear) l.push(`    referenceYear: ${ind.referenceYear}`);
  if (ind.baseline) l.push(`    baseline: ${ind.baseline}`);
  l.push('    targets:', ...ind.targets.map((t) => `      - ${t}`));
  if (ind.nationalRef) l.push(`    nationalRef: ${ind.nationalRef}`);
  if (ind.source) l.push(`    source: ${ind.source}`);
  l.push('');
  return l;
}

function makeTask(area, seq, rng) {
  const a = AREAS[area];
  return { id: `T-${a.stem}-${String(seq).padStart(4, '0')}`, area, title: fill(rng.pick(a.tasks), rng) };
}

function taskYaml(t, rng) {
  const l = [`  - id: ${t.id}`, `    title: ${t.title}`, `    area: ${t.area}`, `    lead: ${t.lead}`];
  if (t.partners.length) l.push(`    partners: [${t.partners.join(', ')}]`);
  l.push(`    indicators: [${t.indicators.join(', ')}]`);
  if (t.dependsOn.length) l.push(`    dependsOn: [${t.dependsOn.join(', ')}]`);
  l.push(`    due: ${t.due}`);
  if (rng.chance(0.25)) {
    l.push('    description: >-');
    const n = rng.int(1, 2);
    for (const s of rng.sample(DESCRIPTIONS, n)) l.push(`      ${s}`);
  }
  l.push('');
  return l;
}

function projectYaml(p) {
  const l = [`  - id: ${p.id}`, `    name: ${p.name}`, `    tasks: [${p.tasks.join(', ')}]`, `    owner: ${p.owner}`, `    location: ${p.location}`, `    status: ${p.status}`, `    start: ${p.start}`, `    end: ${p.end}`, `    investment: { value: ${p.investment.value}, unit: ${p.investment.unit} }`];
  if (p.capacity) l.push(`    capacity: { value: ${p.capacity.value}, unit: ${p.capacity.unit} }`);
  if (p.reduction) l.push(`    reduction: { value: ${p.reduction.value}, unit: ${p.reduction.unit} }`);
  l.push(`    funding: [${p.funding.join(', ')}]`, '');
  return l;
}

/** The tasks of a plan, in file order, each with its references filled in. */
function fillTask(t, index, allSoFar, indicators, rng) {
  t.lead = rng.pick(DEPARTMENTS);
  t.partners = rng.sample(DEPARTMENTS.filter((d) => d !== t.lead), rng.int(0, 3));
  // Every indicator is referenced by some task (round robin), and most tasks name a second one.
  const inds = [indicators[index % indicators.length].id];
  if (rng.chance(0.4)) inds.push(rng.pick(indicators).id);
  t.indicators = [...new Set(inds)];
  // Dependencies point only backwards, so there is no cycle.
  t.dependsOn = [];
  if (allSoFar.length && rng.chance(0.3)) {
    const window = allSoFar.slice(-60);
    t.dependsOn = rng.sample(window, rng.int(1, 2)).map((x) => x.id);
  }
  t.due = rng.pick([2025, 2026, 2027, 2028, 2030]);
}

function makeProject(seq, tasks, rng) {
  const area = rng.pick(AREA_NAMES);
  const a = AREAS[area];
  const sy = rng.int(2022, 2027);
  const sm = rng.int(1, 12);
  const ey = Math.min(2030, sy + rng.int(1, 3));
  const em = ey === sy ? rng.int(sm, 12) : rng.int(1, 12);
  const inWan = rng.chance(0.2);
  const yi = inWan ? rng.round(0.05 + rng.next() * 0.9, 4) : rng.round(0.5 + rng.next() * 40, 1);
  const p = {
    id: `P-${a.stem}-${String(seq).padStart(4, '0')}`,
    name: fill(rng.pick(a.projects), rng),
    tasks: rng.sample(tasks, rng.int(1, 2)).map((t) => t.id),
    owner: rng.pick(COMPANIES),
    location: rng.pick(DISTRICTS),
    status: rng.pick(['planned', 'planned', 'under-construction', 'under-construction', 'completed']),
    start: `${sy}-${String(sm).padStart(2, '0')}`,
    end: `${ey}-${String(em).padStart(2, '0')}`,
    investment: inWan ? { value: Math.round(yi * 10000), unit: '万元' } : { value: yi, unit: '亿元' },
    yi: inWan ? Math.round(yi * 10000) / 10000 : yi,
    funding: rng.sample(['central-budget', 'special-bond', 'ultra-long-bond', 'green-finance', 'enterprise', 'other'], rng.int(1, 3)),
  };
  if (area === 'energy-transition' && rng.chance(0.7)) p.capacity = rng.chance(0.5) ? { value: rng.int(5, 200), unit: '万kW' } : { value: rng.int(20, 800), unit: 'MW' };
  if (rng.chance(0.4)) p.reduction = rng.chance(0.7) ? { value: rng.round(0.5 + rng.next() * 50, 1), unit: '万tCO2/a' } : { value: rng.int(1000, 90000), unit: 'tCO2/a' };
  return p;
}

function planYaml(tasks, projects, investmentTotal, inline = {}) {
  const rng = new Rng(7);
  const l = [
    `# ${CITY.name}国家碳达峰试点城市实施方案（基准测试用生成数据）`,
    '# Generated by bench/generate.mjs — realistic shape, illustrative values.',
    'apiVersion: pilot-plan/v1',
    'kind: Plan',
    `id: ${CITY.id}`,
    '',
    'pilot:',
    `  name: ${CITY.name}`,
    `  nameEn: ${CITY.nameEn}`,
    '  type: city',
    `  province: ${CITY.province}`,
    '  batch: 1',
    '',
    'positioning: >-',
    '  长三角中心区城市和沿海绿色能源基地。以海上风电、光伏和储能为支撑，',
    '  在新能源产业集群、滨海湿地蓝碳和港口绿色转型等方面先行先试。',
    '',
    'baseYear: 2020',
    'targetYears: [2025, 2030]',
    'horizon: 2030',
    '',
    'peak:',
    '  year: 2029',
    '  level: { value: 0.62, unit: 亿tCO2 }',
    '',
    `investmentTotal: { value: ${investmentTotal}, unit: 亿元 }`,
    '',
    'mechanisms:',
  ];
  const mech = [
    ['M-ACCOUNTING', 'carbon-accounting', '建立健全市、县两级碳排放统计核算体系', 2025],
    ['M-DUAL-CONTROL', 'dual-control', '推动能耗双控逐步转向碳排放总量和强度双控', 2025],
    ['M-PROJECT-ASSESSMENT', 'project-carbon-assessment', '对新建高耗能项目开展碳排放评价', 2025],
    ['M-FOOTPRINT', 'product-footprint', '在新能源装备和汽车零部件领域开展产品碳足迹认证', 2030],
    ['M-GREEN-FINANCE', 'green-finance', '推广碳减排支持工具和转型金融', 2025],
    ['M-STANDARDS', 'standards', '制定零碳园区、零碳工厂地方标准', 2030],
  ];
  for (const [id, type, title, milestone] of mech) l.push(`  - id: ${id}`, `    type: ${type}`, `    title: ${title}`, `    milestone: ${milestone}`);
  l.push('', 'actions:');
  for (const [id, title] of [['A-GREEN-TRAVEL', '绿色出行宣传月和公交出行宣传周'], ['A-ENERGY-WEEK', '全国节能宣传周和全国低碳日主题活动'], ['A-CARBON-INCLUSIVE', '推广碳普惠个人低碳行为激励']]) l.push(`  - id: ${id}`, `    title: ${title}`);
  l.push('', 'risks:');
  const cats = [['power-supply', '迎峰度夏期间局部时段电力供应偏紧', '建设新型储能和虚拟电厂，完善需求响应'], ['energy-security', '海上风电出力波动影响电网安全', '加强源网荷储协同调度'], ['economy-jobs', '传统产业转型带来就业结构调整压力', '实施职业技能提升行动'], ['fiscal', '重点项目资金需求大，地方财政压力上升', '用好超长期特别国债和绿色金融工具'], ['data-quality', '碳排放基础数据统计口径不一', '建立数据质量核查机制'], ['ecology', '滨海湿地开发与保护存在矛盾', '严守生态保护红线']];
  const nRisks = Math.min(cats.length * 4, 6 + Math.floor(tasks.length / 200));
  for (let i = 0; i < nRisks; i++) {
    const [cat, title, mitigation] = cats[i % cats.length];
    const affects = [...rng.sample(tasks, 2).map((t) => t.id), ...(projects.length ? [rng.pick(projects).id] : [])];
    l.push(`  - id: R-${String(i + 1).padStart(2, '0')}`, `    category: ${cat}`, `    title: ${title}`, `    mitigation: ${mitigation}`, `    affects: [${[...new Set(affects)].join(', ')}]`);
  }
  l.push('');
  return l;
}

function header(title, kind) {
  return [`# ${CITY.name}碳达峰试点 — ${title}`, 'apiVersion: pilot-plan/v1', `kind: ${kind}`, `${kind.toLowerCase()}:`];
}

function sumInvestment(projects) {
  // Sum in 万元 as integers to avoid float drift, then back to 亿元.
  let wan = 0;
  for (const p of projects) wan += Math.round(p.yi * 10000);
  return Math.round(wan) / 10000;
}

/** Finds the title lines of a file (1-based line numbers and the text after `title: `). */
export function titleLines(lines) {
  const out = [];
  lines.forEach((t, i) => {
    const m = /^    title: (.*)$/.exec(t);
    if (m) out.push({ line: i + 1, value: m[1] });
  });
  return out;
}

// ---------------------------------------------------------------------------
// Dataset writers
// ---------------------------------------------------------------------------
function writeFile(dir, rel, lines, written) {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  const text = lines.join('\n') + '\n';
  writeFileSync(p, text);
  written.push({ path: rel, lines: lines.length, bytes: Buffer.byteLength(text) });
  return lines;
}

function genLines(ds, dir) {
  const rng = new Rng(1000 + ds.lines);
  const written = [];
  const indicators = Array.from({ length: 40 }, (_, i) => makeIndicator(i, rng));
  const tasks = [];
  const body = header(`重点任务（约 ${ds.lines} 行）`, 'Tasks');
  let seq = 0;
  while (body.length < ds.lines - 12) {
    const area = AREA_NAMES[Math.floor(seq / 25) % AREA_NAMES.length];
    if (seq % 25 === 0) body.push(`  # ---- ${area} ----`);
    const t = makeTask(area, ++seq, rng);
    fillTask(t, tasks.length, tasks, indicators, rng);
    tasks.push(t);
    body.push(...taskYaml(t, rng));
  }
  const projects = Array.from({ length: 20 }, (_, i) => makeProject(i + 1, tasks, rng));
  writeFile(dir, 'plan.pilot.yaml', planYaml(tasks, projects, sumInvestment(projects)), written);
  writeFile(dir, 'indicators.pilot.yaml', [...header('指标体系', 'Indicators'), ...indicators.flatMap(indicatorYaml)], written);
  writeFile(dir, 'projects.pilot.yaml', [...header('重点项目', 'Projects'), ...projects.flatMap(projectYaml)], written);
  writeFile(dir, 'tasks.pilot.yaml', body, written);
  return { files: written, editFile: 'tasks.pilot.yaml', editTitles: pickEditTitles(titleLines(body)), tasks: tasks.length, projects: projects.length, indicators: indicators.length };
}

export function pickEditTitles(titles) {
  // Ten title lines spread around the middle of the file.
  const mid = Math.floor(titles.length / 2);
  const step = Math.max(1, Math.floor(titles.length / 40));
  return Array.from({ length: 10 }, (_, i) => titles[Math.min(titles.length - 1, mid + (i - 5) * step)]).filter(Boolean);
}

function genFiles(ds, dir) {
  const N = ds.files;
  const rng = new Rng(2000 + N);
  const nInd = Math.max(1, Math.floor(N / 10));
  const nTasks = Math.max(1, Math.floor(N * 0.6));
  const nProj = N - 1 - nInd - nTasks;
  if (nProj < 1) throw new Error(`too few files: ${N}`);
  const written = [];
  const indicators = Array.from({ length: nInd * 10 }, (_, i) => makeIndicator(i, rng));
  const tasks = [];
  const taskFiles = [];
  let seq = 0;
  for (let f = 0; f < nTasks; f++) {
    const area = AREA_NAMES[f % AREA_NAMES.length];
    const body = header(`${area} 任务（第 ${f + 1} 册）`, 'Tasks');
    for (let i = 0; i < 20; i++) {
      const t = makeTask(area, ++seq, rng);
      fillTask(t, tasks.length, tasks, indicators, rng);
      tasks.push(t);
      body.push(...taskYaml(t, rng));
    }
    taskFiles.push({ rel: `tasks/${area}/tasks-${String(f + 1).padStart(4, '0')}.pilot.yaml`, body });
  }
  const projects = [];
  const projectFiles = [];
  for (let f = 0; f < nProj; f++) {
    const list = [];
    for (let i = 0; i < 12; i++) list.push(makeProject(projects.length + i + 1, tasks, rng));
    projects.push(...list);
    projectFiles.push({ rel: `projects/projects-${String(f + 1).padStart(4, '0')}.pilot.yaml`, body: [...header(`重点项目（第 ${f + 1} 批）`, 'Projects'), ...list.flatMap(projectYaml)] });
  }
  writeFile(dir, 'plan.pilot.yaml', planYaml(tasks, projects, sumInvestment(projects)), written);
  for (let f = 0; f < nInd; f++) {
    writeFile(dir, `indicators/indicators-${String(f + 1).padStart(4, '0')}.pilot.yaml`, [...header(`指标（第 ${f + 1} 组）`, 'Indicators'), ...indicators.slice(f * 10, f * 10 + 10).flatMap(indicatorYaml)], written);
  }
  for (const tf of taskFiles) writeFile(dir, tf.rel, tf.body, written);
  for (const pf of projectFiles) writeFile(dir, pf.rel, pf.body, written);
  const editFile = taskFiles[Math.floor(taskFiles.length / 2)];
  return { files: written, editFile: editFile.rel, editTitles: pickEditTitles(titleLines(editFile.body)), tasks: tasks.length, projects: projects.length, indicators: indicators.length };
}

export function generate({ out = DEFAULT_OUT, force = false, log = console.log } = {}) {
  const manifestPath = join(out, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.generator === GENERATOR_HASH && m.datasets.every((d) => existsSync(join(out, d.name)))) return m;
  }
  const manifest = { generator: GENERATOR_HASH, root: out, datasets: [] };
  for (const ds of DATASETS) {
    const dir = join(out, ds.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const t0 = Date.now();
    const info = ds.kind === 'lines' ? genLines(ds, dir) : genFiles(ds, dir);
    const totalLines = info.files.reduce((s, f) => s + f.lines, 0);
    const totalBytes = info.files.reduce((s, f) => s + f.bytes, 0);
    const edit = info.files.find((f) => f.path === info.editFile);
    manifest.datasets.push({ ...ds, dir, fileCount: info.files.length, totalLines, totalBytes, tasks: info.tasks, projects: info.projects, indicators: info.indicators, editFile: info.editFile, editFileLines: edit.lines, editTitles: info.editTitles, files: info.files.map((f) => f.path) });
    log(`generated ${ds.name}: ${info.files.length} files, ${totalLines} lines (${(totalBytes / 1e6).toFixed(1)} MB), ${info.tasks} tasks, ${info.projects} projects, ${info.indicators} indicators; ${info.editFile} ${edit.lines} lines — ${Date.now() - t0} ms`);
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return manifest;
}

/** Runs the real checker over every dataset; throws unless each is free of errors. */
export function verify(manifest, { log = console.log } = {}) {
  const cli = join(ROOT, 'dist', 'cli.js');
  const summaries = {};
  for (const d of manifest.datasets) {
    let stdout;
    try {
      stdout = execFileSync(process.execPath, [cli, 'check', d.dir, '--format', 'json', '--fail-on', 'error'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    } catch (e) {
      stdout = e.stdout;
    }
    const r = JSON.parse(stdout);
    summaries[d.name] = r.summary;
    const worst = r.files.flatMap((f) => f.findings.map((x) => ({ path: f.path, ...x }))).slice(0, 5);
    log(`verify ${d.name}: ${JSON.stringify(r.summary)}${worst.length ? ' e.g. ' + worst.map((x) => `${relative(d.dir, x.path)}:${x.line} ${x.code} ${x.message}`).join(' | ') : ''}`);
    if (r.summary.errors > 0) throw new Error(`generated plan ${d.name} has ${r.summary.errors} errors: fix the generator`);
  }
  return summaries;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const oi = args.indexOf('--out');
  const m = generate({ out: oi >= 0 ? args[oi + 1] : DEFAULT_OUT, force: args.includes('--force') });
  if (args.includes('--verify')) verify(m);
}
