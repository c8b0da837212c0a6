import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkMemory, summary } from '../util/plan';
import { SCAFFOLD_FILES, planIdProblem, scaffoldPlan, suggestPlanId, type ScaffoldOptions } from '../../client/src/scaffold';
import { PROVINCES } from '../../client/src/generated/tables';

function filesOf(opts: ScaffoldOptions, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of scaffoldPlan(opts)) out[dir + f.path] = f.content;
  return out;
}

/** Every finding as `code@file:line message`, for a readable assertion failure. */
function findings(files: Record<string, string>): string[] {
  return checkMemory(files).map((f) => `${f.severity} ${f.code}@${f.file}:${f.line} ${f.message}`);
}

/** Where the skeleton writes 待补充 outside comments: `file:line`, sorted as summary() sorts. */
function placeholderLines(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    text.split('\n').forEach((line, i) => {
      const code = line.replace(/\s+#.*$/, '');
      if (!line.trimStart().startsWith('#')) for (const _ of code.matchAll(/待补充/g)) out.push(`placeholder@${file}:${i + 1}`);
    });
  }
  return out.sort();
}

/**
 * The skeleton as a planner fills it in: every figure a number (baselines and targets 50, so no target
 * moves against its direction; each quantity 10, the total their sum), every `待补充：…` text the text after it.
 */
function filledIn(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let investments = 0;
  for (const [file, text] of Object.entries(files)) {
    out[file] = text
      .replace(/(baseline: \{ year: \d+, value: )待补充/g, '$150')
      .replace(/(- \{ year: \d+, value: )待补充/g, '$150')
      .replace(/(investment: \{ value: )待补充/g, () => (investments++, 'investment: { value: 10'))
      .replace(/((?:capacity|reduction): \{ value: )待补充/g, '$110')
      // v1.1's sections: amounts, shares that sum to 100 (five items of 20), a yearly series, the issue date.
      .replace(/((?:total|gdp|population): \{ value: )待补充/g, '$110')
      .replace(/(share: )待补充/g, '$120')
      .replace(/(\d{4}: )待补充/g, '$1100')
      .replace(/(issued: )待补充/, '$12024-05-20')
      .replace(/待补充：/g, '');
  }
  for (const [file, text] of Object.entries(out)) out[file] = text.replace(/(investmentTotal: \{ value: )待补充/, `$1${investments * 10}`);
  return out;
}

describe('client: new plan scaffold', () => {
  const city: ScaffoldOptions = { name: '测试市', type: 'city', province: '广东省' };
  const park: ScaffoldOptions = { name: '测试高新技术产业开发区', type: 'park', province: '江苏省', parkLevel: 'provincial' };

  it('writes the four files of a multi-file plan', () => {
    assert.deepEqual(scaffoldPlan(city).map((f) => f.path), [...SCAFFOLD_FILES]);
    const kinds = scaffoldPlan(city).map((f) => parse(f.content).kind);
    assert.deepEqual(kinds, ['Plan', 'Tasks', 'Projects', 'Indicators']);
  });

  for (const [label, opts] of [
    ['a city', city],
    ['a park', park],
    ['a national park with English comments', { ...park, parkLevel: 'national', locale: 'en' }],
    ['a city with an English name and odd characters in its name', { ...city, name: '测试市: "新区" #1', nameEn: 'Test City' }],
    // As New Plan fills them from the national lists: pilot-list has nothing to say.
    ['a listed city with its batch', { name: '广州市', nameEn: 'Guangzhou', type: 'city', province: '广东省', batch: 1 }],
    ['a listed park with its batch', { name: '苏州工业园区', nameEn: 'Suzhou Industrial Park', type: 'park', province: '江苏省', parkLevel: 'national', batch: 1 }],
  ] as [string, ScaffoldOptions][]) {
    it(`for ${label}: a placeholder warning at every 待补充, nothing else, until each is replaced`, () => {
      const files = filesOf(opts);
      const f = checkMemory(files);
      assert.ok(f.length > 20, `${f.length} findings`);
      assert.deepEqual(
        f.filter((x) => x.code !== 'placeholder' || x.severity !== 'warning').map((x) => `${x.severity} ${x.code}@${x.file}:${x.line} ${x.message}`),
        [],
      );
      assert.deepEqual(summary(f), placeholderLines(files));
      // Filled in, it checks clean (infos aside: a figure may be weaker than a national target).
      assert.deepEqual(findings(filledIn(files)).filter((x) => !x.startsWith('info ')), []);
    });
  }

  it('the check is live: a broken skeleton gets findings', () => {
    const files = filledIn(filesOf(city));
    files['plan.pilot.yaml'] = files['plan.pilot.yaml'].replace(/investmentTotal: \{ value: \d+,/, 'investmentTotal: { value: 99,');
    files['tasks.pilot.yaml'] = files['tasks.pilot.yaml'].replace('    indicators: [IND-NEV-SHARE]\n', '');
    const codes = checkMemory(files).filter((f) => f.severity !== 'info').map((f) => f.code).sort();
    assert.deepEqual(codes, ['investment-total', 'orphan']); // IND-NEV-SHARE; its task keeps a project
  });

  it('checks the same in a sub-folder of a workspace too', () => {
    const files = filesOf(city, 'plans/gz/');
    assert.deepEqual(summary(checkMemory(files)), placeholderLines(files));
    assert.deepEqual(findings(filledIn(files)).filter((x) => !x.startsWith('info ')), []);
  });

  it('states the pilot as asked', () => {
    const plan = parse(scaffoldPlan({ ...park, id: 'SUZHOU-SIP', nameEn: 'Suzhou Industrial Park' })[0].content);
    assert.deepEqual(plan.pilot, { name: park.name, nameEn: 'Suzhou Industrial Park', type: 'park', province: '江苏省', parkLevel: 'provincial' });
    assert.equal(plan.id, 'SUZHOU-SIP');
    assert.deepEqual(plan.targetYears, [2025, 2030]);
    const cityPlan = parse(scaffoldPlan(city)[0].content);
    assert.equal(cityPlan.pilot.parkLevel, undefined, 'a city has no parkLevel');
    assert.equal(cityPlan.pilot.batch, undefined, 'no batch unless given');
    assert.equal(parse(scaffoldPlan({ ...city, batch: 2 })[0].content).pilot.batch, 2);
    assert.equal(parse(scaffoldPlan({ ...city, name: '测试市: "新区" #1' })[0].content).pilot.name, '测试市: "新区" #1');
  });

  it('writes no figure that looks real: every baseline, target and quantity is 待补充', () => {
    for (const opts of [city, park]) {
      const [plan, , projects, indicators] = scaffoldPlan(opts).map((f) => parse(f.content));
      assert.deepEqual(plan.investmentTotal, { value: '待补充', unit: '亿元' });
      for (const p of projects.projects) {
        assert.deepEqual(p.investment, { value: '待补充', unit: '亿元' });
        for (const q of [p.capacity, p.reduction]) if (q) assert.equal(q.value, '待补充');
      }
      for (const d of indicators.indicators) {
        if (d.baseline) assert.equal(d.baseline.value, '待补充', d.id);
        assert.deepEqual(d.targets.map((t: { value: unknown }) => t.value), d.targets.map(() => '待补充'), d.id);
      }
    }
  });

  it('writes the sections of format v1.1, each from the schema\'s shapes: the national plan it follows, the usual safeguards, placeholders for the rest', () => {
    for (const opts of [city, park]) {
      const plan = parse(scaffoldPlan(opts)[0].content);
      assert.equal(plan.document.status, 'draft');
      assert.equal(plan.document.issued, '待补充');
      assert.match(plan.document.issuer, /^待补充：/);
      assert.deepEqual(plan.document.follows, [{ title: '国家碳达峰试点建设方案', number: '发改环资〔2023〕1409号', issuer: '国家发展改革委' }]);
      assert.equal(plan.baseline.year, 2020);
      assert.deepEqual(plan.baseline.energy.structure.map((s: { share: unknown }) => s.share), plan.baseline.energy.structure.map(() => '待补充'));
      assert.deepEqual(plan.baseline.emissions.bySector.map((s: { sector: string }) => s.sector), ['energy-supply', 'industry', 'buildings', 'transport', 'other']);
      assert.equal(plan.baseline.population !== undefined, opts.type === 'city', 'a population for a city only');
      assert.deepEqual(plan.trend.scenarios.map((s: { chosen: boolean }) => s.chosen), [false, true], 'one chosen path');
      for (const s of plan.trend.scenarios) assert.deepEqual(s.emissions.values, { 2020: '待补充', 2025: '待补充', 2030: '待补充' });
      assert.deepEqual(plan.reforms.map((r: { id: string }) => r.id), ['RF-01']);
      assert.match(plan.reforms[0].title, /^待补充：/);
      assert.deepEqual(plan.technology.map((t: { id: string; type: string }) => [t.id, t.type]), [['ST-01', 'key-technology']]);
      assert.deepEqual(plan.safeguards.map((s: { type: string }) => s.type), ['organization', 'funding', 'evaluation']);
      assert.match(plan.actions[0].audience, /^待补充：/);
      // The pilot's own texts are placeholders (the positioning was once written as "undefined：…").
      assert.match(plan.positioning, /^待补充：/);
    }
    // Comments in the chosen language.
    assert.match(scaffoldPlan({ ...city, locale: 'en' })[0].content, /^baseline: {3}# baseline: energy use, emissions/m);
    assert.match(scaffoldPlan(city)[0].content, /^baseline: {3}# 建设基础：/m);
    assert.equal(planIdProblem('RF-01'), 'reserved');
    assert.equal(planIdProblem('ST-01'), 'reserved');
  });

  it('rejects bad options', () => {
    assert.throws(() => scaffoldPlan({ ...city, province: '广东' }), /province/);
    assert.throws(() => scaffoldPlan({ ...city, name: '  ' }), /empty/);
    assert.throws(() => scaffoldPlan({ ...city, id: 'gz' }), /plan ID/);
    assert.throws(() => scaffoldPlan({ ...city, id: 'T-1' }), /plan ID/);
    assert.throws(() => scaffoldPlan({ ...city, batch: 0 }), /batch/);
  });

  it('suggests plan IDs', () => {
    assert.equal(suggestPlanId({ name: '广州市', nameEn: 'Guangzhou', type: 'city' }), 'GUANGZHOU');
    assert.equal(suggestPlanId({ name: '苏州工业园区', nameEn: 'Suzhou Industrial Park', type: 'park' }), 'SUZHOU-INDUSTRIAL-PARK');
    // Without an English name: the province's code, the type and the first number not taken (no pinyin).
    assert.equal(suggestPlanId({ name: '佛山市', type: 'city', province: '广东省' }), 'GD-CITY-01');
    assert.equal(suggestPlanId({ name: '佛山市', type: 'city', province: '广东省', taken: ['GD-CITY-01', 'GD-CITY-03'] }), 'GD-CITY-02');
    assert.equal(suggestPlanId({ name: '苏州工业园区', type: 'park', province: '江苏省' }), 'JS-PARK-01');
    assert.equal(suggestPlanId({ name: '园区', type: 'park' }), 'PARK-01');
    assert.equal(suggestPlanId({ name: '广州市', nameEn: 'Guangzhou', type: 'city', province: '广东省', taken: ['GUANGZHOU'] }), 'GD-CITY-01');
    assert.equal(suggestPlanId({ name: '2号园区', nameEn: '2', type: 'park' }), 'PILOT-2');
    for (const province of PROVINCES) assert.equal(planIdProblem(suggestPlanId({ name: 'x', type: 'park', province })), undefined, province);
    assert.equal(planIdProblem('GZ'), undefined);
    assert.equal(planIdProblem('gz'), 'pattern');
    assert.equal(planIdProblem('IND-X'), 'reserved');
  });

  it('titles the Plan file in a sentence of the comments\' language', () => {
    const first = (opts: ScaffoldOptions) => scaffoldPlan(opts)[0].content.split('\n')[0];
    const foshan: ScaffoldOptions = { name: '佛山市', type: 'city', province: '广东省' };
    assert.equal(first({ ...foshan, locale: 'zh-CN' }), '# 佛山市碳达峰试点实施方案 — 方案主文件');
    assert.equal(first({ ...foshan, locale: 'en' }), '# 佛山市 carbon peak pilot implementation plan — the main plan file');
    assert.equal(first({ ...foshan, nameEn: 'Foshan', locale: 'en' }), '# Foshan (佛山市) carbon peak pilot implementation plan — the main plan file');
    assert.equal(first({ ...park, locale: 'zh-CN' }), '# 测试高新技术产业开发区碳达峰试点实施方案 — 方案主文件');
  });
});
