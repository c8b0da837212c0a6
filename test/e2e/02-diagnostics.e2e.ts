import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagKey, editLine, expectedKeys, isPilotFile, isProblem, keys, lineOf, listFiles, listing, open, save, screenshot,
  settledDiagnostics, waitForDiagnostics, wsUri,
} from './util';

/**
 * Every example under broken/ marks the findings it must produce with
 * `# expect: <code>` on their line. Opening the file in the editor must show
 * exactly those (code, line) pairs — including the ones that need the other
 * files of the plan (duplicate IDs across files, references, duplicate plans).
 */
describe('diagnostics: each broken example shows exactly its `# expect:` findings', () => {
  // One test per file of the workspace copy, listed before Mocha loads this file (the suite's index).
  const files = listing().brokenFiles;

  it('the broken examples are in the workspace', () => {
    assert.ok(files.length >= 20, `only ${files.length} files under ${wsUri('broken').toString()}`);
  });

  for (const rel of files) {
    it(rel, async () => {
      const uri = wsUri('broken', ...rel.split('/'));
      const doc = await open(uri);
      const want = expectedKeys(doc.getText());
      let got: string[];
      if (want.length) {
        await waitForDiagnostics(uri, (ds) => want.every((k) => ds.some((d) => diagKey(d) === k)), `findings ${want.join(', ')}`);
        got = keys(uri);
      } else {
        // Nothing expected: make sure the server has checked the file before taking "nothing" for an answer.
        got = [...new Set((await settledDiagnostics(doc)).map(diagKey))].sort();
        await save(doc);
      }
      assert.deepEqual(got, want, `${rel}: findings (code@line) differ from the # expect: marks`);
      for (const d of vscode.languages.getDiagnostics(uri)) {
        assert.ok(d.message.trim().length > 0, `${diagKey(d)} has an empty message`);
      }
    });
  }
});

describe('diagnostics', () => {
  it('cross-file: duplicate-id in projects.pilot.yaml points at the definition in plan.pilot.yaml', async () => {
    const uri = wsUri('broken', 'duplicate-id', 'projects.pilot.yaml');
    await open(uri);
    const ds = await waitForDiagnostics(uri, (ds) => ds.some((d) => diagKey(d) === 'duplicate-id@5'), 'duplicate-id@5');
    const d = ds.find((d) => diagKey(d) === 'duplicate-id@5')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const doc = await open(uri);
    assert.equal(doc.getText(d.range), 'P-HEAT-PUMP', 'the range is the duplicated ID');
  });

  it('the Guangzhou example has no findings at all', async () => {
    // examples/README.md: every plan outside broken/ checks clean, infos included.
    for (const f of await listFiles(wsUri('guangzhou'), isPilotFile)) {
      const doc = await open(f);
      const ds = await settledDiagnostics(doc);
      await save(doc);
      assert.deepEqual(ds.map((d) => `${diagKey(d)} ${d.message}`), [], `${vscode.workspace.asRelativePath(doc.uri)}`);
    }
  });

  it('cross-file, live: an unsaved edit in one file updates the findings of another', async () => {
    const indicators = await open(wsUri('guangzhou', 'indicators.pilot.yaml'));
    const tasksUri = wsUri('guangzhou', 'tasks', 'energy.pilot.yaml');
    const tasks = await open(tasksUri);
    const refLine = lineOf(tasks.getText(), /indicators: \[IND-VPP-CAPACITY\]/);
    const defLine = lineOf(indicators.getText(), /- id: IND-VPP-CAPACITY$/);
    const before = indicators.getText();

    await editLine(indicators, defLine, 'IND-VPP-CAPACITY', 'IND-VPP-CAPACITY-RENAMED');
    await waitForDiagnostics(tasksUri, (ds) => ds.some((d) => diagKey(d) === `unresolved-reference@${refLine}`), `unresolved-reference@${refLine}`);

    await editLine(indicators, defLine, 'IND-VPP-CAPACITY-RENAMED', 'IND-VPP-CAPACITY');
    assert.equal(indicators.getText(), before);
    await waitForDiagnostics(tasksUri, (ds) => !ds.some(isProblem), 'the finding to go');
    await save(indicators);
  });

  it('screenshot: a broken plan with the Problems view', async () => {
    const uri = wsUri('broken', 'schema', 'plan.pilot.yaml');
    const doc = await open(uri, true);
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'findings');
    const editor = vscode.window.activeTextEditor!;
    const line = lineOf(doc.getText(), /type: carbon-tax/) - 1;
    editor.selection = new vscode.Selection(line, 10, line, 10);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems', '.markers-panel .monaco-list-row');
  });
});
