import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PilotPlanApi } from '../../client/src/extension';
import { decorationOf } from '../../client/src/plan-tree';
import type { PlanTreeEntityNode, PlanTreeGroupNode } from '../../client/src/protocol';
import { EXTENSION_ID, lineOf, open, posOf, screenshot, waitFor, wsUri } from './util';

function findEntity(groups: PlanTreeGroupNode[], id: string): { entity: PlanTreeEntityNode; parents: PlanTreeGroupNode[] } | undefined {
  for (const g of groups) {
    const e = g.entities.find((x) => x.id === id);
    if (e) return { entity: e, parents: [g] };
    const deeper = findEntity(g.groups, id);
    if (deeper) return { entity: deeper.entity, parents: [g, ...deeper.parents] };
  }
  return undefined;
}

/** The plan tree in the Explorer (view pilotPlan.planTree), in Chinese: groups, going to a definition, counts that follow edits. */
describe('Plan tree in the Explorer (pilotPlan.locale: zh-CN)', () => {
  const config = () => vscode.workspace.getConfiguration('pilotPlan');
  let api: PilotPlanApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<PilotPlanApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await config().update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
    await open(wsUri('guangzhou', 'plan.pilot.yaml'), true);
    // The view's own focus command shows the Explorer with the view expanded.
    await vscode.commands.executeCommand('pilotPlan.planTree.focus');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('locale', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows one node per plan, the active editor\'s plan first, with its groups in Chinese and counts once checked', async () => {
    const tree = api.planTree;
    assert.equal(tree.view.title, '试点方案');
    await waitFor('the view to show', () => tree.view.visible);
    const plans = await waitFor(
      'the tree of every plan, checked, in Chinese',
      () => {
        const p = tree.provider.plans;
        return p.length > 1 && p.every((x) => x.checked) && p[0].groups[0]?.label === '试点任务（按领域）' && p;
      },
      60_000,
      () => JSON.stringify(tree.provider.plans.map((p) => [p.label, p.checked, p.groups[0]?.label])),
    );
    assert.equal(plans[0].label, '广州市');
    assert.equal(plans[0].planId, 'GZ');
    assert.deepEqual(
      plans[0].groups.map((g) => g.key),
      ['tasks', 'projects', 'indicators', 'mechanisms', 'actions', 'risks'],
    );
    assert.ok(plans[0].groups[0].groups.some((g) => g.label === '能源绿色低碳转型'));
    // The broken examples have errors: counted on their plans, and a badge on their nodes.
    const broken = plans.filter((p) => p.counts.errors > 0);
    assert.ok(broken.length > 0, 'a plan with errors');
    // (Not the provider's getChildren: a second fetch would give VS Code's elements new objects.)
    const deco = decorationOf(tree.provider.getTreeItem({ type: 'plan', plan: broken[0] }).resourceUri!);
    assert.ok(deco?.badge, 'a badge on a plan with errors');
    assert.equal((deco.color as unknown as { id?: string } | undefined)?.id, 'list.errorForeground');
  });

  it('reveals an entity in the view, and its item\'s command (a click) opens its definition, the ID selected', async () => {
    const tree = api.planTree;
    const plan = tree.provider.plans[0];
    const found = findEntity(plan.groups, 'T-ENERGY-GRID');
    assert.ok(found, 'T-ENERGY-GRID in the tree');
    // The item's node as VS Code got it from the provider.
    const item = tree.provider.entityNode('T-ENERGY-GRID', plan.root);
    assert.ok(item, 'the item of T-ENERGY-GRID');
    // A different editor first, so that opening the definition is seen.
    await open(wsUri('guangzhou', 'plan.pilot.yaml'), true);
    await tree.view.reveal(item, { select: true, focus: true, expand: true });
    // What a click on the item runs: its command.
    const command = tree.provider.getTreeItem(item).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(
      'the definition of T-ENERGY-GRID to open',
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.path.endsWith('/energy.pilot.yaml') && e;
      },
      10_000,
      () => vscode.window.activeTextEditor?.document.uri.toString() ?? 'no editor',
    );
    assert.equal(editor.document.getText(editor.selection), 'T-ENERGY-GRID');
    assert.equal(editor.selection.start.line + 1, lineOf(editor.document.getText(), /- id: T-ENERGY-GRID$/));
    await tree.view.reveal(item, { select: true, focus: true, expand: true });
    await screenshot('zh-plan-tree', '.custom-view-tree-node-item');
  });

  it('an edit that makes a finding shows on the entity, and goes when undone', async () => {
    const tree = api.planTree;
    const doc = await open(wsUri('guangzhou', 'tasks', 'energy.pilot.yaml'), true);
    const errorsOf = () => findEntity(tree.provider.plans[0]?.groups ?? [], 'T-ENERGY-GRID')?.entity.counts.errors;
    const before = errorsOf() ?? 0;
    const line = lineOf(doc.getText(), /indicators: \[IND-NONFOSSIL-SHARE\]/);
    const at = posOf(doc, line, 'IND-NONFOSSIL-SHARE');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(at, at.translate(0, 'IND-NONFOSSIL-SHARE'.length)), 'IND-NOPE');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('T-ENERGY-GRID to count one more error', () => (errorsOf() ?? 0) === before + 1, 20_000, () => String(errorsOf()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the error to go', () => (errorsOf() ?? 0) === before, 20_000, () => String(errorsOf()));
  });
});
