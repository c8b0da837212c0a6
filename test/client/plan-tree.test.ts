/**
 * The plan tree's mapping of the server's answer to tree items (client/src/plan-tree.ts), run
 * against the stand-in `vscode` (vscode-stub.ts): one plan's groups at the top, one node per plan
 * when there are several, labels, descriptions, tooltips, icons and badges by severity, the
 * command that opens a definition, the toggle of task grouping, answers of the wrong shape.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MarkdownString, ThemeIcon, TreeItemCollapsibleState, Uri, commands, resetStub, window, workspace } from './vscode-stub';
import { PlanTreeProvider, PlanTreeView, decorationOf, treeItemOf, type PlanTreeNode } from '../../client/src/plan-tree';
import { readPlanTreeResult } from '../../client/src/plan-tree-data';
import type { PlanTreeParams, PlanTreePlanNode } from '../../client/src/protocol';
import { repoRoot } from '../util/plan';

const zero = { errors: 0, warnings: 0, infos: 0 };
const range = (line: number) => ({ start: { line, character: 8 }, end: { line, character: 14 } });

function plan(root: string, label: string, errors = 0): PlanTreePlanNode {
  return {
    root,
    planId: label === '广州市' ? 'GZ' : 'SZ',
    label,
    checked: true,
    counts: { errors, warnings: 1, infos: 0 },
    groups: [
      {
        key: 'tasks',
        label: '试点任务（按领域）',
        kind: 'task',
        counts: { errors, warnings: 0, infos: 0 },
        groups: [
          {
            key: 'tasks/area/energy-transition',
            label: '能源绿色低碳转型',
            kind: 'task',
            counts: { errors, warnings: 0, infos: 0 },
            groups: [],
            entities: [
              { id: 'T-GRID', kind: 'task', label: '建设智能电网', facts: ['牵头部门：市发展改革委', '完成年份：2025'], uri: `file://${root}/tasks.pilot.yaml`, range: range(5), counts: { errors, warnings: 0, infos: 0 } },
              { id: 'T-GRID', kind: 'task', label: '重复的任务', facts: [], uri: `file://${root}/tasks.pilot.yaml`, range: range(20), counts: zero },
            ],
          },
        ],
        entities: [],
      },
      {
        key: 'indicators',
        label: '指标',
        kind: 'indicator',
        counts: { errors: 0, warnings: 1, infos: 0 },
        groups: [],
        entities: [{ id: 'IND-NF', kind: 'indicator', label: '非化石能源消费比重', facts: ['单位：%', '基准值：15%（2020 年）'], uri: `file://${root}/indicators.pilot.yaml`, range: range(3), counts: { errors: 0, warnings: 12, infos: 0 } }],
      },
    ],
  };
}

function provider(plans: PlanTreePlanNode[], asked: PlanTreeParams[] = []): PlanTreeProvider {
  return new PlanTreeProvider((params) => {
    asked.push(params);
    return Promise.resolve({ plans });
  });
}

const labels = (p: PlanTreeProvider, nodes: PlanTreeNode[]) => nodes.map((n) => p.getTreeItem(n).label);

describe('client: the plan tree', () => {
  beforeEach(() => resetStub());

  it('one plan: its groups at the top; groups hold subgroups, then entities', async () => {
    const p = provider([plan('/ws/gz', '广州市', 2)]);
    const top = await p.getChildren();
    assert.deepEqual(labels(p, top), ['试点任务（按领域）', '指标']);
    const tasks = p.getTreeItem(top[0]);
    assert.equal(tasks.collapsibleState, TreeItemCollapsibleState.Collapsed);
    assert.equal(tasks.description, '2');
    const areas = await p.getChildren(top[0]);
    assert.deepEqual(labels(p, areas), ['能源绿色低碳转型']);
    const tasksOfArea = await p.getChildren(areas[0]);
    assert.deepEqual(labels(p, tasksOfArea), ['建设智能电网', '重复的任务']);
    // An ID defined twice: two items, two identities (and two resource URIs for their badges).
    const ids = tasksOfArea.map((n) => (n.type === 'entity' ? n.id : ''));
    assert.equal(new Set(ids).size, 2);
    assert.equal(new Set(tasksOfArea.map((n) => p.getTreeItem(n).resourceUri!.toString())).size, 2);
    assert.deepEqual(await p.getChildren(tasksOfArea[0]), []);
    // Fetched again (the server's word after a check): the same node objects, with the new data.
    const again = await p.getChildren();
    assert.equal(again[0], top[0]);
    assert.equal((await p.getChildren(areas[0]))[0], tasksOfArea[0]);
    assert.equal(p.getParent(tasksOfArea[0])?.type, 'group');
    assert.equal(p.getParent(areas[0])?.type, 'group');
    assert.equal(p.getParent(top[0]), undefined);
  });

  it('several plans: one node per plan (pilot name, plan ID), the active editor\'s plan asked first', async () => {
    const asked: PlanTreeParams[] = [];
    window.setActive({ uri: Uri.file('/ws/sz/plan.pilot.yaml'), languageId: 'pilot-plan' });
    const p = provider([plan('/ws/sz', '深圳市'), plan('/ws/gz', '广州市')], asked);
    const top = await p.getChildren();
    assert.deepEqual(labels(p, top), ['深圳市', '广州市']);
    assert.equal(asked[0].activeUri, 'file:///ws/sz/plan.pilot.yaml');
    assert.equal(asked[0].tasksBy, 'area');
    const item = p.getTreeItem(top[0]);
    assert.equal(item.description, 'SZ');
    assert.equal(item.collapsibleState, TreeItemCollapsibleState.Expanded);
    assert.deepEqual(labels(p, await p.getChildren(top[1])), ['试点任务（按领域）', '指标']);
    const [tasks] = await p.getChildren(top[1]);
    assert.equal(p.getParent(tasks)?.type, 'plan');
  });

  it('an entity: name, ID as description, kind icon coloured by its highest severity, facts in the tooltip, opens its definition', async () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    const p = provider([plan('/ws/gz', '广州市', 2)]);
    const [tasks, indicators] = await p.getChildren();
    const [area] = await p.getChildren(tasks);
    const [grid, dup] = await p.getChildren(area);
    const item = p.getTreeItem(grid);
    assert.equal(item.label, '建设智能电网');
    assert.equal(item.description, 'T-GRID');
    const icon = item.iconPath as unknown as ThemeIcon;
    assert.equal(icon.id, 'tasklist');
    assert.equal(icon.color?.id, 'problemsErrorIcon.foreground');
    assert.equal((p.getTreeItem(dup).iconPath as unknown as ThemeIcon).color, undefined);
    const tip = (item.tooltip as unknown as MarkdownString).value;
    assert.ok(tip.includes('牵头部门：市发展改革委') && tip.includes('完成年份：2025') && tip.includes('2 个错误'), tip);
    assert.equal(item.command?.command, 'vscode.open');
    const [uri, options] = item.command!.arguments as [Uri, { selection: { start: { line: number; character: number } } }];
    assert.equal(uri.fsPath, '/ws/gz/tasks.pilot.yaml');
    assert.deepEqual([options.selection.start.line, options.selection.start.character], [5, 8]);
    const [ind] = await p.getChildren(indicators);
    assert.equal((p.getTreeItem(ind).iconPath as unknown as ThemeIcon).id, 'graph');
    assert.equal((p.getTreeItem(ind).iconPath as unknown as ThemeIcon).color?.id, 'problemsWarningIcon.foreground');
  });

  it('badges: the number of findings (9+ beyond nine) in the colour of the highest severity, none without findings', async () => {
    workspace.setSetting('pilotPlan.locale', 'en');
    const p = provider([plan('/ws/gz', '广州市', 2)]);
    const [tasks, indicators] = await p.getChildren();
    const [area] = await p.getChildren(tasks);
    const [grid, dup] = await p.getChildren(area);
    const [ind] = await p.getChildren(indicators);
    const deco = (n: PlanTreeNode) => decorationOf(p.getTreeItem(n).resourceUri as never) as { badge?: string; color?: { id: string }; tooltip?: string } | undefined;
    assert.deepEqual({ ...deco(grid), color: deco(grid)?.color?.id }, { badge: '2', tooltip: '2 errors', color: 'list.errorForeground', propagate: false });
    assert.equal(deco(dup), undefined);
    assert.equal(deco(ind)?.badge, '9+');
    assert.equal(deco(ind)?.color?.id, 'list.warningForeground');
    assert.equal(deco(tasks)?.badge, '2');
    assert.equal(decorationOf(Uri.file('/ws/gz/tasks.pilot.yaml') as never), undefined);
  });

  it('the view: its title follows pilotPlan.locale; the toggle groups tasks by lead department and back, and is remembered', async () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    const asked: PlanTreeParams[] = [];
    const memento = new Map<string, unknown>();
    const state = { get: (k: string) => memento.get(k), update: async (k: string, v: unknown) => void memento.set(k, v), keys: () => [...memento.keys()] };
    const view = new PlanTreeView(state as never, (params) => {
      asked.push(params);
      return Promise.resolve({ plans: [plan('/ws/gz', '广州市')] });
    });
    const tv = window.treeViews.at(-1)!;
    assert.equal(tv.id, 'pilotPlan.planTree');
    assert.equal(tv.title, '试点方案');
    workspace.setSetting('pilotPlan.locale', 'en');
    view.relabel();
    assert.equal(tv.title, 'Pilot Plan');
    await commands.executeCommand('pilotPlan.planTree.groupByLead');
    await view.provider.getChildren();
    assert.equal(asked.at(-1)?.tasksBy, 'lead');
    assert.equal(memento.get('pilotPlan.planTree.tasksBy'), 'lead');
    assert.ok(commands.executed.some((c) => c.command === 'setContext' && c.args[0] === 'pilotPlan.planTree.tasksBy' && c.args[1] === 'lead'));
    await commands.executeCommand('pilotPlan.planTree.groupByArea');
    await view.provider.getChildren();
    assert.equal(asked.at(-1)?.tasksBy, 'area');
    view.dispose();
  });

  it('answers of the wrong shape give an empty tree, not an error; bad entries are dropped', async () => {
    for (const raw of [undefined, null, 42, 'x', { plans: 42 }, { plans: [null, { root: 42 }] }]) assert.deepEqual(readPlanTreeResult(raw), { plans: [] });
    const read = readPlanTreeResult({
      plans: [{ root: '/p', label: 'P', counts: { errors: -1, warnings: 'x' }, groups: [{ key: 'tasks', entities: [{ id: 'T-1', uri: 'file:///p/t.pilot.yaml', range: range(1) }, { id: 'T-2', uri: 'file:///p/t.pilot.yaml', range: { start: { line: -1 } } }] }] }],
    });
    assert.equal(read.plans[0].groups[0].entities.length, 1);
    assert.deepEqual(read.plans[0].counts, zero);
    const failing = new PlanTreeProvider(() => Promise.reject(new Error('not running')));
    assert.deepEqual(await failing.getChildren(), []);
    assert.deepEqual(await new PlanTreeProvider(() => undefined).getChildren(), []);
  });

  it('package.json contributes the view to the Explorer (collapsed at first) and the toggle to its title bar', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    const [view] = pkg.contributes.views.explorer;
    assert.equal(view.id, 'pilotPlan.planTree');
    assert.equal(view.name, '%view.planTree%');
    assert.equal(view.visibility, 'collapsed');
    const titles = pkg.contributes.menus['view/title'].filter((m: { when: string }) => m.when.includes('view == pilotPlan.planTree')).map((m: { command: string }) => m.command);
    assert.deepEqual(titles.sort(), ['pilotPlan.planTree.groupByArea', 'pilotPlan.planTree.groupByLead']);
  });
});
