/**
 * The New Plan command's questions and checks, run against a stand-in `vscode`
 * (vscode-stub.ts) on a real temporary folder: the labels, the suggested ID, a missing folder
 * created after asking, the warning for a folder inside another plan, errors in the UI language.
 */
import { openWorkspace, resetStub, ui, Uri, workspace, type UiCall } from './vscode-stub';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newPlan } from '../../client/src/new-plan';
import { SCAFFOLD_FILES } from '../../client/src/scaffold';
import { PILOTS } from '../../client/src/generated/tables';

const CJK = /[\u4e00-\u9fff]/;

/** A user who answers New Plan's questions: by the question's title, in either language. */
function user(answers: { pilot?: string; type?: string; name?: string; province?: string; id?: (prefilled: string) => string; folder?: (prefilled: string) => string; create?: boolean; nested?: boolean; overwrite?: boolean }) {
  return (c: UiCall): unknown => {
    const title = c.title ?? '';
    const pick = (label: string) => c.items?.find((i) => (i as { label: string }).label.includes(label));
    // A listed pilot by its Chinese name; else the item for a pilot not on the lists.
    if (c.kind === 'quickPick' && /which pilot|哪个试点/.test(title)) return answers.pilot ? c.items?.find((i) => (i as { label: string }).label === answers.pilot) : pick('其他试点') ?? pick('Another pilot');
    if (c.kind === 'quickPick' && /type of pilot|试点类型/.test(title)) return pick(answers.type ?? 'City');
    if (c.kind === 'quickPick' && /province|所在省份/.test(title)) return pick(answers.province ?? '广东省');
    if (c.kind === 'quickPick' && /level of the park|园区级别/.test(title)) return c.items?.[0];
    if (c.kind === 'inputBox' && /name of the pilot|试点名称/.test(title)) return answers.name ?? '佛山市';
    if (c.kind === 'inputBox' && /plan ID|方案 ID/.test(title)) return (answers.id ?? ((v) => v))(c.value ?? '');
    if (c.kind === 'inputBox' && /folder|文件夹/.test(title)) return (answers.folder ?? ((v) => v))(c.value ?? '');
    if (c.kind === 'info' && c.modal && /does not exist|不存在/.test(c.message ?? '')) return answers.create === false ? undefined : c.buttons?.[0];
    if (c.kind === 'warning' && c.modal && /inside the plan|位于方案/.test(c.message ?? '')) return answers.nested ? c.buttons?.[0] : undefined;
    if (c.kind === 'warning' && c.modal) return answers.overwrite ? c.buttons?.[0] : undefined;
    return undefined;
  };
}

const PLAN = (id: string) => `apiVersion: pilot-plan/v1\nkind: Plan\nid: ${id}\n`;

describe('client: New Plan', () => {
  let root: string;
  beforeEach(() => {
    resetStub();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-new-plan-'));
    openWorkspace(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const questions = () => ui.calls.filter((c) => c.kind === 'quickPick' || c.kind === 'inputBox');
  const modals = () => ui.calls.filter((c) => c.modal);
  const written = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

  it('zh-CN: asks in Chinese, suggests an ID from the province, creates the missing folder after asking', async () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    ui.respond = user({});
    const result = await newPlan();
    const folder = path.join(root, '佛山市');
    assert.equal(result?.folder.fsPath, folder);
    assert.deepEqual(written(folder), [...SCAFFOLD_FILES].sort());
    // Every question, prompt and the confirmation in Chinese.
    for (const c of ui.calls) for (const text of [c.title, c.prompt, c.message, c.placeHolder, ...(c.buttons ?? [])]) if (text) assert.match(text, CJK, text);
    assert.deepEqual(
      questions().map((c) => c.title),
      ['新建试点方案：哪个试点？', '新建试点方案：试点类型', '新建试点方案：试点名称', '新建试点方案：所在省份', '新建试点方案：方案 ID', '新建试点方案：所在文件夹'],
    );
    // The type list: one bilingual label each, nothing repeated beside it.
    const types = questions()[1].items as { label: string; description?: string; detail: string }[];
    assert.deepEqual(types.map((i) => [i.label, i.description]), [['城市 City', undefined], ['园区 Park', undefined]]);
    assert.deepEqual(types.map((i) => i.detail), ['试点城市（地级及以上）', '试点园区（省级及以上）']);
    assert.equal(questions()[4].value, 'GD-CITY-01', 'the suggested ID');
    assert.equal(questions()[5].value, '佛山市', 'the suggested folder');
    assert.deepEqual(modals().map((c) => c.message), [`文件夹 佛山市 不存在，是否新建？`]);
    const plan = fs.readFileSync(path.join(folder, 'plan.pilot.yaml'), 'utf8');
    assert.match(plan, /^# 佛山市碳达峰试点实施方案 — 方案主文件\n/);
    assert.match(plan, /^id: GD-CITY-01$/m);
    assert.deepEqual(ui.calls.filter((c) => c.kind === 'info' && !c.modal).map((c) => c.message), ['已在 佛山市 中创建试点方案 GD-CITY-01：请将示意数值替换为实际数值。']);
  });

  it('a pilot picked from the national lists fills its facts and batch; the type, name and province are not asked', async () => {
    ui.respond = user({ pilot: '广州市' });
    const result = await newPlan();
    assert.equal(result?.folder.fsPath, path.join(root, '广州市'));
    assert.deepEqual(questions().map((c) => c.title), ['New pilot plan: which pilot?', 'New pilot plan: plan ID', 'New pilot plan: folder']);
    assert.equal(questions()[1].value, 'GUANGZHOU', 'the ID from the English name');
    const plan = fs.readFileSync(path.join(root, '广州市', 'plan.pilot.yaml'), 'utf8');
    assert.match(plan, /^pilot:\n  name: 广州市\n  nameEn: Guangzhou\n  type: city\n  province: 广东省\n  batch: 1\n[a-z]/m);
  });

  it('a listed park brings its level; the level is asked of a listed park the lists give none', async () => {
    ui.respond = user({ pilot: '苏州工业园区' });
    await newPlan();
    assert.ok(!questions().some((c) => /level of the park/.test(c.title ?? '')));
    assert.match(fs.readFileSync(path.join(root, '苏州工业园区', 'plan.pilot.yaml'), 'utf8'), /^  type: park\n  province: 江苏省\n  batch: 1\n  parkLevel: national$/m);

    ui.calls = [];
    ui.respond = user({ pilot: '肇庆高新技术产业开发区' });
    await newPlan();
    assert.deepEqual(questions().map((c) => c.title), ['New pilot plan: which pilot?', 'New pilot plan: level of the park', 'New pilot plan: plan ID', 'New pilot plan: folder']);
  });

  it('"another pilot" asks for the type, the name and the province, and writes no batch', async () => {
    ui.respond = user({});
    await newPlan();
    assert.deepEqual(
      questions().map((c) => c.title),
      ['New pilot plan: which pilot?', 'New pilot plan: type of pilot', 'New pilot plan: name of the pilot', 'New pilot plan: province', 'New pilot plan: plan ID', 'New pilot plan: folder'],
    );
    assert.doesNotMatch(fs.readFileSync(path.join(root, '佛山市', 'plan.pilot.yaml'), 'utf8'), /batch/);
  });

  it('cancelling the pilot question asks nothing more and writes nothing', async () => {
    ui.respond = () => undefined;
    assert.equal(await newPlan(), undefined);
    assert.deepEqual(ui.calls.map((c) => c.title), ['New pilot plan: which pilot?']);
    assert.deepEqual(fs.readdirSync(root), []);
  });

  it('an argument that names the pilot\'s facts is not asked which pilot; only what it lacks', async () => {
    ui.respond = user({});
    await newPlan({ name: '佛山市', type: 'city' });
    assert.deepEqual(questions().map((c) => c.title), ['New pilot plan: province', 'New pilot plan: plan ID', 'New pilot plan: folder']);
  });

  it('the pilot list: Chinese names, their facts in the UI language, found by Chinese or English name', async () => {
    type Item = { label: string; description?: string; detail?: string; alwaysShow?: boolean };
    const pilotPick = () => ui.calls.find((c) => c.title === '新建试点方案：哪个试点？' || c.title === 'New pilot plan: which pilot?')!;
    const item = (label: string) => (pilotPick().items as Item[]).find((i) => i.label === label)!;

    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    await newPlan();
    const zh = pilotPick();
    assert.equal(zh.matchOnDescription, true);
    assert.equal(zh.matchOnDetail, true, 'the English names are in the details');
    assert.match(zh.placeHolder ?? '', CJK);
    const items = zh.items as Item[];
    assert.deepEqual(items[0], { label: '其他试点（不在国家名单中）', detail: '在后续问题中填写试点信息', alwaysShow: true });
    assert.deepEqual(items.slice(1).map((i) => i.label), PILOTS.map((p) => p.name), 'another pilot, then the listed ones');
    for (const i of items.slice(1)) {
      assert.match(i.label, /^[\u4e00-\u9fff（）]+$/, i.label);
      assert.match(i.description ?? '', /^(城市|园区) · [\u4e00-\u9fff]+ · 第[一二三]批$/, i.label);
    }
    const { label, description, detail } = item('广州市');
    assert.deepEqual({ label, description, detail }, { label: '广州市', description: '城市 · 广东省 · 第一批', detail: 'Guangzhou' });
    assert.equal(item('苏州工业园区').detail, 'Suzhou Industrial Park');
    // A park of the second batch, with no English name on the list.
    assert.deepEqual(
      (({ description, detail }) => ({ description, detail }))(item('和平（苟江）经济开发区')),
      { description: '园区 · 贵州省 · 第二批', detail: undefined },
    );

    ui.calls = [];
    workspace.setSetting('pilotPlan.locale', 'en');
    await newPlan();
    assert.deepEqual((pilotPick().items as Item[])[0].label, 'Another pilot (not on the national lists)');
    for (const i of (pilotPick().items as Item[]).slice(1)) assert.doesNotMatch(i.description ?? '', CJK, i.label);
    assert.equal(item('广州市').description, 'City · Guangdong · batch 1');
    assert.equal(item('苏州工业园区').description, 'Park · Jiangsu · batch 1');
  });

  it('the suggested ID skips the workspace\'s plan IDs; a folder answered as a path is made with its parents', async () => {
    fs.mkdirSync(path.join(root, 'other'));
    fs.writeFileSync(path.join(root, 'other', 'plan.pilot.yaml'), PLAN('GD-CITY-01'));
    ui.respond = user({ folder: () => 'plans/foshan' });
    await newPlan();
    assert.equal(questions().find((c) => c.title === 'New pilot plan: plan ID')?.value, 'GD-CITY-02');
    assert.deepEqual(written(path.join(root, 'plans', 'foshan')), [...SCAFFOLD_FILES].sort());
    assert.match(fs.readFileSync(path.join(root, 'plans', 'foshan', 'plan.pilot.yaml'), 'utf8'), /^# 佛山市 carbon peak pilot implementation plan — the main plan file\n/);
  });

  it('writes nothing when the user declines to create the folder', async () => {
    ui.respond = user({ create: false });
    assert.equal(await newPlan(), undefined);
    assert.ok(!fs.existsSync(path.join(root, '佛山市')));
    assert.deepEqual(modals().map((c) => c.message), ['The folder 佛山市 does not exist. Create it?']);
  });

  it('warns when the new folder lies inside another plan, and goes on only when told to', async () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    fs.mkdirSync(path.join(root, 'guangdong', 'cities'), { recursive: true });
    fs.writeFileSync(path.join(root, 'guangdong', 'main.pilot.yaml'), '# 省级方案\n' + PLAN('GD'));
    const target = path.join(root, 'guangdong', 'cities', '佛山市');
    ui.respond = user({ folder: () => 'guangdong/cities/佛山市' });
    assert.equal(await newPlan(), undefined);
    assert.ok(!fs.existsSync(target), 'declined: nothing written');
    const [warning] = modals();
    assert.equal(warning.kind, 'warning');
    assert.equal(warning.message, '文件夹 guangdong/cities/佛山市 位于方案 GD 之内（其 Plan 文件为 guangdong/main.pilot.yaml）。');
    assert.match(warning.detail ?? '', /嵌套在 GD 中的独立方案/);
    assert.deepEqual(warning.buttons, ['仍然创建']);

    ui.calls = [];
    ui.respond = user({ folder: () => 'guangdong/cities/佛山市', nested: true });
    const result = await newPlan();
    assert.equal(result?.folder.fsPath, target);
    assert.deepEqual(written(target), [...SCAFFOLD_FILES].sort());
    assert.deepEqual(modals().map((c) => c.kind), ['warning', 'info'], 'the warning, then the new folder');
  });

  it('does not warn for a folder beside other plans, nor for the Explorer\'s folder of no plan', async () => {
    fs.mkdirSync(path.join(root, 'guangzhou'));
    fs.writeFileSync(path.join(root, 'guangzhou', 'plan.pilot.yaml'), PLAN('GZ'));
    fs.mkdirSync(path.join(root, 'plans'));
    ui.respond = user({ type: 'Park', name: '测试园区', folder: (v) => v });
    // From the Explorer: the folder clicked is where the plan's folder is proposed.
    const result = await newPlan(Uri.file(path.join(root, 'plans')));
    assert.equal(result?.folder.fsPath, path.join(root, 'plans', '测试园区'));
    assert.deepEqual(modals().map((c) => c.kind), ['info']);
    assert.equal(questions().find((c) => /plan ID/.test(c.title ?? ''))?.value, 'GD-PARK-01');
    assert.match(questions().find((c) => /folder/.test(c.title ?? ''))?.prompt ?? '', new RegExp(`relative to ${path.join(root, 'plans')}`));
  });

  it('refuses a folder that already holds a plan; asks before overwriting its own files', async () => {
    fs.mkdirSync(path.join(root, 'gz'));
    fs.writeFileSync(path.join(root, 'gz', 'main.pilot.yaml'), PLAN('GZ'));
    ui.respond = user({ folder: () => 'gz' });
    assert.equal(await newPlan(), undefined);
    assert.deepEqual(ui.calls.filter((c) => c.kind === 'error').map((c) => c.message), ['Pilot Plan: the new plan was not created. The folder already holds a plan (main.pilot.yaml); choose another folder.']);

    fs.mkdirSync(path.join(root, 'fs'));
    fs.writeFileSync(path.join(root, 'fs', 'tasks.pilot.yaml'), 'old');
    ui.calls = [];
    ui.respond = user({ folder: () => 'fs' });
    assert.equal(await newPlan(), undefined);
    assert.equal(fs.readFileSync(path.join(root, 'fs', 'tasks.pilot.yaml'), 'utf8'), 'old');
    assert.deepEqual(modals().map((c) => c.message), ['These files exist already: tasks.pilot.yaml']);
  });

  it('as an API call: asks nothing, creates a missing folder, and says a bad argument in the UI language', async () => {
    const folder = path.join(root, 'a', 'b');
    const result = await newPlan({ folder, name: '佛山市', type: 'city', province: '广东省' });
    assert.deepEqual(written(folder), [...SCAFFOLD_FILES].sort());
    assert.equal(result?.files.length, 4);
    assert.deepEqual(ui.calls, []);
    assert.match(fs.readFileSync(path.join(folder, 'plan.pilot.yaml'), 'utf8'), /^id: GD-CITY-01$/m);

    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    await assert.rejects(newPlan({ folder: path.join(root, 'c'), name: '佛山市', type: 'city', province: '广东' }), /^Error: 未知的省份：广东。请使用全称，例如 广东省。$/);
    await assert.rejects(newPlan({ folder: path.join(root, 'c'), name: '佛山市', type: 'town' as never, province: '广东省' }), /未知的试点类型：town/);
    await assert.rejects(newPlan({ folder: path.join(root, 'c'), name: '佛山市', type: 'city', province: '广东省', id: 'T-1' }), /方案骨架中的 ID/);
    assert.ok(!fs.existsSync(path.join(root, 'c')));
  });
});
