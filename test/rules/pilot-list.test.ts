import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import { checkMemory, summary, MINIMAL_PLAN, ROOT, repoRoot } from '../util/plan';
import { checkFolder, pilotFilesUnder } from '../util/examples';
import { pilotNamed } from '../../server/src/engine/pilots';
import { quickFixes } from '../../server/src/engine/editor/quick-fixes';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { checkFiles } from '../../server/src/engine/checker';
import * as fs from 'node:fs';

const only = { only: ['pilot-list'] };

/** MINIMAL_PLAN with its pilot block replaced. */
const withPilot = (block: string) => MINIMAL_PLAN.replace('pilot:\n  name: 测试市\n  type: city\n  province: 广东省\n', `pilot:\n${block}`);

describe('pilot-list', () => {
  it('passes a listed pilot whose batch, type and province are the list\'s, and one that gives no batch', () => {
    for (const block of [
      '  name: 广州市\n  type: city\n  province: 广东省\n  batch: 1\n',
      '  name: 肇庆高新技术产业开发区\n  type: park\n  province: 广东省\n  batch: 1\n  parkLevel: national\n',
      '  name: 广州市\n  type: city\n  province: 广东省\n',
      '  name: " 广州市 "\n  type: city\n  province: 广东省\n  batch: 1\n',
    ]) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPilot(block) }, only)), [], block);
  });

  it('reports a made-up pilot of the first batch on its name, as info, with the list in the message', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPilot('  name: 测试市\n  type: city\n  province: 广东省\n  batch: 1\n') }, only);
    assert.deepEqual(summary(f), ['pilot-list@plan.pilot.yaml:5']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [5, 9, 5, 12]);
    assert.equal(f[0].severity, 'info');
    assert.equal(f[0].message, 'Pilot `测试市` is not on the first list of national carbon peak pilots (NDRC General Office, 2023-12-06). Write the name as the list does, or correct `batch`.');
  });

  it('offers the listed names a short name may stand for', () => {
    const text = withPilot('  name: 广州\n  type: city\n  province: 广东省\n  batch: 1\n');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['pilot-list@plan.pilot.yaml:5']);
    const [fix] = fixesFor(text).filter((x) => x.title === 'Change to `广州市`');
    assert.ok(fix);
  });

  it('reports a listed pilot with the wrong batch on the batch, with a quick fix that sets the list\'s', () => {
    const text = withPilot('  name: 广州市\n  type: city\n  province: 广东省\n  batch: 2\n');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['pilot-list@plan.pilot.yaml:8']);
    assert.deepEqual([f[0].column, f[0].endColumn], [10, 11]);
    assert.match(f[0].message, /Pilot `广州市` is on the first list .*not in batch 2: set `batch: 1`\./);
    const fixes = fixesFor(text);
    const set = fixes.find((x) => x.title === 'Change to 1')!;
    assert.ok(set, fixes.map((x) => x.title).join(' | '));
    assert.equal(set.preferred, true);
    const fixed = applyFix(text, set);
    assert.equal(fixed, text.replace('  batch: 2\n', '  batch: 1\n'));
    assert.equal(parse(fixed).pilot.batch, 1);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': fixed }, only)), []);
  });

  it('reports a wrong type and a wrong province, each on its value, each with its fix', () => {
    const text = withPilot('  name: 苏州工业园区\n  type: city\n  province: "浙江省"\n  batch: 1\n');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['pilot-list@plan.pilot.yaml:6', 'pilot-list@plan.pilot.yaml:7']);
    assert.match(f[0].message, /is a park on the first list .*but `type` is `city`: set `type: park`/);
    assert.match(f[1].message, /is in 江苏省 on the first list .*but `province` is `浙江省`: set `province: 江苏省`/);
    let fixed = text;
    for (const title of ['Change to park', 'Change to 江苏省']) {
      const fix = fixesFor(fixed).find((x) => x.title === title);
      assert.ok(fix, title);
      fixed = applyFix(fixed, fix);
    }
    assert.deepEqual(parse(fixed).pilot, { name: '苏州工业园区', type: 'park', province: '江苏省', batch: 1 });
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': fixed }, only)), []);
  });

  it('holds a listed pilot of the second batch to its list, naming the notice and its number', () => {
    const text = withPilot('  name: 黔南高新技术产业开发区\n  type: park\n  province: 贵州省\n  batch: 1\n  parkLevel: national\n');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['pilot-list@plan.pilot.yaml:8']);
    assert.equal(
      f[0].message,
      'Pilot `黔南高新技术产业开发区` is on the second list of national carbon peak pilots (NDRC General Office, 发改办环资〔2025〕248号, 2025-03-15), not in batch 1: set `batch: 2`.',
    );
    const set = fixesFor(text).find((x) => x.title === 'Change to 2');
    assert.ok(set);
    assert.equal(parse(applyFix(text, set)).pilot.batch, 2);
    const wrongProvince = checkMemory({ 'plan.pilot.yaml': withPilot('  name: 和平（苟江）经济开发区\n  type: park\n  province: 广东省\n  batch: 2\n  parkLevel: provincial\n') }, { ...only, locale: 'zh-CN' });
    assert.equal(wrongProvince.length, 1);
    assert.match(wrongProvince[0].message, /^试点“和平（苟江）经济开发区”在第二批国家碳达峰试点名单（国家发展改革委办公厅，发改办环资〔2025〕248号，2025-03-15）中属于贵州省/);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPilot('  name: 黔南高新技术产业开发区\n  type: park\n  province: 贵州省\n  batch: 2\n  parkLevel: national\n') }, only)), []);
  });

  it('does not judge a name against a list not known whole (the second batch), nor a batch with no list', () => {
    for (const batch of [2, 3, 0]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPilot(`  name: 测试市\n  type: city\n  province: 广东省\n  batch: ${batch}\n`) }, only)), [], String(batch));
    }
  });

  it('does not judge a name that may be an unconfirmed park of the first batch', () => {
    const chifeng = withPilot('  name: 赤峰高新技术产业开发区\n  type: park\n  province: 内蒙古自治区\n  batch: 1\n  parkLevel: national\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': chifeng }, only)), []);
    // …but the same name in another province is not that park.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': chifeng.replace('内蒙古自治区', '河北省') }, only)), ['pilot-list@plan.pilot.yaml:5']);
  });

  it('looks only at Plan files, and not at keys of the wrong type (schema reports those)', () => {
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\npilot:\n  name: 测试市\n  batch: 1\ntasks: []\n';
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 't.pilot.yaml': tasks }, only)), []);
    for (const block of ['  name: 广州市\n  type: [city]\n  province: 1\n  batch: "2"\n', '  name: ""\n  batch: 1\n', '  name: 7\n  batch: 1\n', '  - 广州市\n', '  name: 广州市\n  type: ""\n  province: ""\n']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPilot(block) }, only)), [], block);
    }
  });

  it('is silenced by a comment on the line above', () => {
    const text = withPilot('  name: 广州市\n  type: city\n  province: 广东省\n  # pilot-plan-disable-next-line pilot-list\n  batch: 2\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPilot('  name: 广州市\n  type: city\n  province: 广东省\n  batch: 2\n') }, { ...only, locale: 'zh-CN' });
    assert.equal(f[0].message, '试点“广州市”列入首批国家碳达峰试点名单（国家发展改革委办公厅，2023-12-06），而非第 2 批：请将 `batch` 改为 1。');
    const g = checkMemory({ 'plan.pilot.yaml': withPilot('  name: 测试市\n  type: city\n  province: 广东省\n  batch: 1\n') }, { ...only, locale: 'zh-CN' });
    assert.match(g[0].message, /^试点“测试市”不在首批国家碳达峰试点名单（国家发展改革委办公厅，2023-12-06）中。/);
  });

  it('the examples: their pilot blocks agree with the lists, and the rule finds nothing in them (but in the faults planted for it)', () => {
    const root = repoRoot();
    // examples/broken/pilot-list plants this rule's faults; the golden test holds them.
    const planted = nodePath.join(root, 'examples', 'broken', 'pilot-list') + nodePath.sep;
    const plans = pilotFilesUnder(nodePath.join(root, 'examples')).filter((p) => !p.startsWith(planted) && /^kind: Plan$/m.test(fs.readFileSync(p, 'utf8')));
    const checked: string[] = [];
    for (const file of plans) {
      const pilot = parse(fs.readFileSync(file, 'utf8'))?.pilot;
      const listed = typeof pilot?.name === 'string' ? pilotNamed(pilot.name) : undefined;
      if (!listed) continue;
      checked.push(listed.name);
      if (pilot.batch !== undefined) assert.equal(pilot.batch, listed.batch, file);
      assert.equal(pilot.type, listed.type, file);
      assert.equal(pilot.province, listed.province, file);
      if (listed.parkLevel && pilot.parkLevel !== undefined) assert.equal(pilot.parkLevel, listed.parkLevel, file);
    }
    for (const name of ['广州市', '深圳市', '肇庆高新技术产业开发区']) assert.ok(checked.includes(name), name);
    const found = checkFolder(nodePath.join(root, 'examples')).flatMap((r) => r.findings.filter((f) => f.code === 'pilot-list').map((f) => `${r.path}:${f.line}`));
    assert.deepEqual(found, ['examples/broken/pilot-list/plan.pilot.yaml:10', 'examples/broken/pilot-list/plan.pilot.yaml:11']);
  });
});

/** The quick fixes of every pilot-list finding of a one-file plan. */
function fixesFor(text: string) {
  const path = nodePath.join(ROOT, 'plan.pilot.yaml');
  const ws = new Workspace(new MemoryFileHost({ [path]: text }));
  const [result] = checkFiles(ws, [path], (_r, e) => {
    throw e;
  });
  const model = ws.load(path)!;
  const plan = { root: ROOT, index: ws.buildPlan(ROOT), lastGood: () => undefined };
  return result.findings.filter((f) => f.code === 'pilot-list').flatMap((f) => quickFixes(plan, model, { code: f.code, span: f.span, data: f.data }, 'en', { disable: false }));
}

function applyFix(text: string, fix: { edits: { start: number; end: number; newText: string }[] }): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
