/**
 * The Word export's text (engine/export/outline.ts) over the report's fixture plan: only the
 * sections the plan has, in the order of a government plan; v1.1's reforms, technology and
 * safeguards in their place; the plan's words and fields in the items; the annex tables; and
 * Chinese section numbers beyond ten.
 */
import * as assert from 'node:assert/strict';
import { buildOutline, planTitle, tidy } from '../../server/src/engine/export/outline';
import { chineseNumber } from '../../server/src/engine/export/docx';
import { FIXTURE, fixtureReport } from '../report/fixture';

const V11 = {
  ...FIXTURE,
  'plan.pilot.yaml':
    FIXTURE['plan.pilot.yaml'].replace('kind: Plan\n', 'kind: Plan\ntitle: 测试市碳达峰试点实施方案\npositioning: >-\n  区域中心城市，\n  绿色低碳转型先行区。\n') +
    `reforms:
  - id: RF-1
    title: 建立产品碳足迹核算制度
    experience: 形成可推广的核算规则
    tasks: [T-GRID]
technology:
  - id: ST-1
    type: key-technology
    title: 新型储能技术攻关
    lead: 市科技局
safeguards:
  - type: organization
    title: 加强组织领导
    lead: 市发展改革委
`,
};

describe('export outline', () => {
  it('has only the sections the plan fills, in the order of a government plan', () => {
    const zh = buildOutline(fixtureReport('zh-CN'), 'zh-CN');
    assert.deepEqual(
      zh.sections.map((s) => s.title),
      ['主要目标', '重点任务', '重点工程', '政策机制', '全民行动', '风险防范'],
    );
    const v11 = buildOutline(fixtureReport('zh-CN', {}, V11), 'zh-CN');
    assert.deepEqual(
      v11.sections.map((s) => s.title),
      ['总体要求', '主要目标', '重点任务', '重点工程', '科技创新', '改革创新点', '政策机制', '全民行动', '保障措施', '风险防范'],
    );
    assert.equal(v11.title, '测试市碳达峰试点实施方案');
    const en = buildOutline(fixtureReport('en', {}, V11), 'en');
    assert.deepEqual(
      en.sections.map((s) => s.title),
      ['General requirements', 'Main goals', 'Key tasks', 'Key projects', 'Science and technology', 'Reforms and innovation', 'Policy mechanisms', 'Public actions', 'Safeguards', 'Risk prevention'],
    );
  });

  it('titles a plan without a title from its pilot', () => {
    assert.equal(planTitle(fixtureReport('zh-CN'), 'zh-CN'), '测试市碳达峰试点实施方案');
    assert.equal(planTitle(fixtureReport('en'), 'en'), 'Test City Carbon Peak Pilot Implementation Plan');
  });

  it('writes the items from the plan: titles, fields and references, folded lines joined', () => {
    const o = buildOutline(fixtureReport('zh-CN', {}, V11), 'zh-CN');
    const section = (t: string) => o.sections.find((s) => s.title === t)!;
    assert.deepEqual(section('总体要求').subs[0], { title: '功能定位', paragraphs: ['区域中心城市，绿色低碳转型先行区。'], items: [] });
    assert.deepEqual(section('改革创新点').subs[0].items, [{ head: '建立产品碳足迹核算制度。', text: '可复制推广经验：形成可推广的核算规则；相关任务：T-GRID。' }]);
    assert.deepEqual(section('科技创新').subs[0].items, [{ head: '新型储能技术攻关。', text: '牵头单位：市科技局。' }]);
    assert.deepEqual(section('保障措施').subs[0].items, [{ head: '加强组织领导。', text: '牵头单位：市发展改革委。' }]);
    const tasks = section('重点任务');
    assert.equal(tasks.subs[0].title, '能源绿色低碳转型');
    assert.deepEqual(tasks.subs[0].items[0], { head: '建设智能电网。', text: '牵头单位：市发展改革委；完成时限：2027年。' });
  });

  it('lists every task, project and indicator in the annexes, with a column per target year', () => {
    const report = fixtureReport('zh-CN');
    const o = buildOutline(report, 'zh-CN');
    assert.deepEqual(
      o.annexes.map((a) => `${a.label} ${a.title}`),
      ['附件1 重点任务表', '附件2 重点项目表', '附件3 指标表'],
    );
    assert.deepEqual(o.annexes[0].rows.map((r) => r[1]), report.text.tasks.map((t) => t.id));
    assert.deepEqual(o.annexes[1].rows.map((r) => r[1]), report.text.projects.map((p) => p.id));
    assert.deepEqual(o.annexes[2].rows.map((r) => r[1]), report.indicators.map((i) => i.id));
    assert.deepEqual(o.annexes[2].header.slice(-2), ['2025年', '2030年']);
    for (const a of o.annexes) {
      assert.equal(a.weights.length, a.header.length);
      for (const r of a.rows) assert.equal(r.length, a.header.length);
    }
  });

  it('numbers sections in Chinese beyond ten', () => {
    assert.deepEqual([1, 9, 10, 11, 19, 20, 23].map(chineseNumber), ['一', '九', '十', '十一', '十九', '二十', '二十三']);
  });

  it('joins folded Chinese lines without a space, and keeps the spaces of Latin text', () => {
    assert.equal(tidy('绿色低碳 转型，\n 先行区'), '绿色低碳转型，先行区');
    assert.equal(tidy('green and low-carbon  transition'), 'green and low-carbon  transition');
  });
});
