/**
 * pilotPlan/planTree through the real server: two plans in one workspace, their entities
 * grouped with ranges that select their IDs, the active document's plan first, tasks by
 * lead department on request; after an edit that makes a finding, the tree-changed
 * notification and the entity's count.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, find, offsetAt, tempDir, uriOf } from './client';
import { repoRoot } from '../util/plan';
import {
  PLAN_TREE_CHANGED_NOTIFICATION,
  PLAN_TREE_REQUEST,
  type PlanTreeEntityNode,
  type PlanTreeGroupNode,
  type PlanTreePlanNode,
  type PlanTreeResult,
} from '../../server/src/lsp/protocol';

function entities(g: PlanTreeGroupNode): PlanTreeEntityNode[] {
  return [...g.entities, ...g.groups.flatMap(entities)];
}

function entity(plan: PlanTreePlanNode, id: string): PlanTreeEntityNode {
  const e = plan.groups.flatMap(entities).find((x) => x.id === id);
  assert.ok(e, `${id} in the tree of ${plan.label}`);
  return e;
}

describe('lsp: the plan tree (pilotPlan/planTree)', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;
  const changed = (root: string) => client.notifications.filter((n) => n.method === PLAN_TREE_CHANGED_NOTIFICATION && (n.params as { planRoot: string }).planRoot === root).length;

  before(async () => {
    dir = tempDir('pilot-lsp-tree-');
    for (const name of ['guangzhou', 'shenzhen']) fs.cpSync(nodePath.join(repoRoot(), 'examples', name), nodePath.join(dir, name), { recursive: true });
    client = await LspClient.start({ folder: dir, locale: 'zh-CN' });
  });
  after(async () => {
    await client.stop();
  });

  it('lists every plan of the workspace, checks them, and gives grouped entities with the ranges of their IDs', async () => {
    const gz = nodePath.join(dir, 'guangzhou');
    const sz = nodePath.join(dir, 'shenzhen');
    const first = await client.request<PlanTreeResult>(PLAN_TREE_REQUEST, {});
    assert.deepEqual(first.plans.map((p) => p.root).sort(), [gz, sz]);
    // Plans not checked yet are checked; each check is announced.
    await client.waitFor('both plans checked', () => changed(gz) > 0 && changed(sz) > 0, 30000);
    const { plans } = await client.request<PlanTreeResult>(PLAN_TREE_REQUEST, {});
    const g = plans.find((p) => p.root === gz)!;
    assert.equal(g.checked, true);
    assert.equal(g.label, '广州市');
    assert.equal(g.planId, 'GZ');
    assert.deepEqual(
      g.groups.map((x) => x.key),
      ['tasks', 'projects', 'indicators', 'mechanisms', 'actions', 'risks'],
    );
    assert.equal(g.groups[0].label, '试点任务（按领域）');
    assert.equal(g.groups[0].groups[0].label, '能源绿色低碳转型');
    assert.ok(g.groups[0].groups[0].entities.some((e) => e.id === 'T-ENERGY-GRID'));
    // Every range selects its entity's ID in its file.
    let n = 0;
    for (const p of plans) {
      for (const e of p.groups.flatMap(entities)) {
        const text = fs.readFileSync(fileURLToPath(e.uri), 'utf8');
        assert.equal(text.slice(offsetAt(text, e.range.start), offsetAt(text, e.range.end)), e.id, `${e.id} at ${e.uri}`);
        n++;
      }
    }
    assert.ok(n > 40, `${n} entities`);
    const grid = entity(g, 'T-ENERGY-GRID');
    assert.ok(grid.facts.includes('牵头部门：市发展改革委'), grid.facts.join('\n'));
  });

  it('puts the plan of the active document first, and groups tasks by lead department when asked', async () => {
    const sz = nodePath.join(dir, 'shenzhen');
    const { plans } = await client.request<PlanTreeResult>(PLAN_TREE_REQUEST, { activeUri: uriOf(nodePath.join(sz, 'projects.pilot.yaml')), tasksBy: 'lead' });
    assert.equal(plans[0].root, sz);
    const tasks = plans[1].groups[0];
    assert.equal(tasks.label, '试点任务（按牵头部门）');
    assert.ok(tasks.groups.some((x) => x.label === '市发展改革委' && x.entities.some((e) => e.id === 'T-ENERGY-GRID')), JSON.stringify(tasks.groups.map((x) => x.label)));
  });

  it('after an edit that makes a finding, announces the plan again and counts the finding on its entity', async () => {
    const gz = nodePath.join(dir, 'guangzhou');
    const file = nodePath.join(gz, 'tasks', 'energy.pilot.yaml');
    const before = await client.request<PlanTreeResult>(PLAN_TREE_REQUEST, {});
    const plan0 = before.plans.find((p) => p.root === gz)!;
    const counts0 = entity(plan0, 'T-ENERGY-GRID').counts;
    client.open(file);
    await client.diagnosticsFor(file);
    const seen = changed(gz);
    const text = client.text(file);
    // T-ENERGY-GRID's indicator reference made one that no indicator has.
    const at = find(text, 'indicators: [IND-NONFOSSIL-SHARE]', 'indicators: ['.length);
    client.edit(file, { start: at, end: { line: at.line, character: at.character + 'IND-NONFOSSIL-SHARE'.length } }, 'IND-NOPE');
    await client.waitFor('the plan announced after the edit', () => changed(gz) > seen, 20000);
    const { plans } = await client.request<PlanTreeResult>(PLAN_TREE_REQUEST, {});
    const plan1 = plans.find((p) => p.root === gz)!;
    const grid = entity(plan1, 'T-ENERGY-GRID');
    assert.equal(grid.counts.errors, counts0.errors + 1, JSON.stringify(grid.counts));
    assert.equal(plan1.counts.errors, plan0.counts.errors + 1);
    const area = plan1.groups[0].groups.find((x) => x.entities.includes(grid))!;
    assert.ok(area.counts.errors >= 1);
    assert.equal(plan1.groups[0].counts.errors, plan0.groups[0].counts.errors + 1);
  });

  it('answers parameters of the wrong shape with InvalidParams', async () => {
    await assert.rejects(client.request(PLAN_TREE_REQUEST, { tasksBy: 'colour' }), (e: { code?: number }) => e.code === -32602);
  });
});
