import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagKey, exists, isPilotFile, isProblem, listFiles, open, readText, save, settledDiagnostics, wsUri } from './util';

describe('new plan command', () => {
  it('pilotPlan.newPlan creates a plan whose only problems are its placeholders', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('pilotPlan.newPlan'), 'command pilotPlan.newPlan is not registered');
    const folder = wsUri('new-plan-e2e');
    assert.ok(!(await exists(folder)));
    const result = await vscode.commands.executeCommand<{ files?: vscode.Uri[] } | undefined>('pilotPlan.newPlan', {
      folder,
      name: '珠海市',
      type: 'city',
      province: '广东省',
    });

    const files = await listFiles(folder, isPilotFile);
    if (result?.files) {
      const reported = result.files.filter((u) => isPilotFile(u.path)).map((u) => u.toString()).sort();
      assert.deepEqual(reported, files.map((u) => u.toString()).sort(), 'the command reports the files it wrote');
    }
    assert.ok(files.length >= 1, `no pilot plan file in ${folder.toString()}`);
    const texts = await Promise.all(files.map(readText));
    assert.equal(texts.filter((t) => /^kind:\s*Plan\b/m.test(t)).length, 1, 'exactly one kind: Plan file');
    assert.ok(texts.some((t) => t.includes('珠海市')), 'the plan names the pilot');
    assert.ok(texts.some((t) => t.includes('广东省')), 'the plan names the province');
    // The folder did not exist: the command made it. The title is a sentence; the ID comes from the province.
    const plan = texts.find((t) => /^kind:\s*Plan\b/m.test(t))!;
    assert.match(plan, /^# 珠海市 carbon peak pilot implementation plan — the main plan file\n/);
    assert.match(plan, /^id: GD-CITY-01$/m);

    let placeholders = 0;
    for (const f of files) {
      const doc = await open(f);
      const ds = await settledDiagnostics(doc);
      await save(doc);
      // The skeleton's 待补充 are reported (placeholder warnings) until the planners replace them; nothing else is.
      const problems = ds.filter(isProblem);
      placeholders += problems.filter((d) => codeOf(d) === 'placeholder' && d.severity === vscode.DiagnosticSeverity.Warning).length;
      assert.deepEqual(problems.filter((d) => codeOf(d) !== 'placeholder').map((d) => `${diagKey(d)} ${d.message}`), [], `${vscode.workspace.asRelativePath(doc.uri)}`);
    }
    assert.ok(placeholders > 0, 'the placeholders are reported');
  });
});
